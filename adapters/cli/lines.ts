// Splits a byte stream into lines on "\n" only (a "\r\n" ending loses its "\r"), for
// `ask --jsonl`. node:readline also ends a line at a bare "\r", so a question holding one
// became two answers: here one input line is always one output line. Pure; no environment.

import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable } from 'node:stream';

/** Yields every line of `input`, including a last one without a newline; never splits on "\r". */
export async function* readLines(input: Readable | AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      yield stripCr(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.end();
  if (pending !== '') yield stripCr(pending);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * For node:readline over piped input (the terminal chat without a terminal): turns each bare
 * "\r" into a space so readline, which would end a line there, sees one line. A "\r" at the end
 * of a chunk is held back until the next chunk shows whether "\n" follows.
 */
export function bareCarriageReturnsToSpaces(): Transform {
  const decoder = new StringDecoder('utf8');
  let held = '';
  const convert = (text: string, final: boolean): string => {
    let all = held + text;
    held = '';
    if (!final && all.endsWith('\r')) {
      held = '\r';
      all = all.slice(0, -1);
    }
    return all.replace(/\r(?!\n)/g, ' ');
  };
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      done(null, convert(typeof chunk === 'string' ? chunk : decoder.write(chunk), false));
    },
    flush(done) {
      done(null, convert(decoder.end(), true));
    },
  });
}
