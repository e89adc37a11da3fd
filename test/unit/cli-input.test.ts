// The command line's input handling: strict options (util.parseArgs), --jsonl line splitting and
// cleaning, and .env parsing. Pure functions, no child processes (those are in test/e2e/cli).

import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../adapters/cli/args.ts';
import { answerLine, runAsk } from '../../adapters/cli/ask-command.ts';
import { parseEnvFile } from '../../adapters/cli/env-file.ts';
import { bareCarriageReturnsToSpaces, readLines } from '../../adapters/cli/lines.ts';
import type { Answer } from '../../src/answer-types.ts';
import type { BotCore } from '../../src/bot-core.ts';
import { isOversightError } from '../../src/errors.ts';

/** A core that echoes the question it was given, so tests see exactly what reached it. */
const echoCore: BotCore = {
  ask: (question) => ({ status: 'answered', text: question, sentences: [], confidence: 1, citations: [], asOf: null, related: [] }) as Answer,
  engageStatus: () => {
    throw new Error('not used');
  },
  suggest: () => [],
  help: () => ({ summary: '', examples: [] }),
  engageStays: () => {
    throw new Error('not used');
  },
  revision: 'r',
  newestRecordDate: '2025-08-12',
};

function usageError(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (isOversightError(error) && error.code === 'USAGE') return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

async function collect(input: Readable): Promise<string[]> {
  const out: string[] = [];
  for await (const line of readLines(input)) out.push(line);
  return out;
}

describe('parseCommandArgs (issue 9 #21: a flag with no value is a usage error)', () => {
  const options = { dir: { type: 'string' as const }, json: { type: 'boolean' as const } };

  it('reads --dir D, --dir=D and booleans', () => {
    expect(parseCommandArgs(['--dir', 'kb', '--json'], options, 'USAGE').values).toEqual({ dir: 'kb', json: true });
    expect(parseCommandArgs(['--dir=kb'], options, 'USAGE').values).toEqual({ dir: 'kb' });
  });

  it('rejects --dir with no value, followed by another flag, or empty', () => {
    for (const args of [['--dir'], ['--dir', '--json'], ['--dir='], ['--dir', '  ']]) {
      expect(usageError(() => parseCommandArgs(args, options, 'USAGE-TEXT'))).toMatch(/--dir needs a value[\s\S]*USAGE-TEXT/);
    }
  });

  it('rejects unknown options and stray words', () => {
    expect(usageError(() => parseCommandArgs(['--xml'], options, 'U'))).toMatch(/Unknown option --xml/);
    expect(usageError(() => parseCommandArgs(['kb'], options, 'U'))).toMatch(/Unexpected "kb"/);
  });
});

describe('readLines (issue 9 #10: one output per input line)', () => {
  it('splits on \\n and \\r\\n only, never on a bare \\r', async () => {
    expect(await collect(Readable.from(['a\rb\nc\r\n', 'd']))).toEqual(['a\rb', 'c', 'd']);
  });

  it('keeps a multi-byte character split across chunks whole', async () => {
    const bytes = Buffer.from('café\n€\n');
    expect(await collect(Readable.from([bytes.subarray(0, 4), bytes.subarray(4, 9), bytes.subarray(9)]))).toEqual(['café', '€']);
  });

  it('yields empty lines too, so blank lines still get their answer line', async () => {
    expect(await collect(Readable.from(['\n\nx\n']))).toEqual(['', '', 'x']);
  });
});

describe('bareCarriageReturnsToSpaces (the piped terminal chat)', () => {
  const through = async (chunks: string[]) => {
    const filter = bareCarriageReturnsToSpaces();
    const done = (async () => {
      let out = '';
      for await (const c of filter) out += String(c);
      return out;
    })();
    for (const c of chunks) filter.write(c);
    filter.end();
    return done;
  };

  it('turns a bare CR into a space and keeps CRLF, even split across chunks', async () => {
    expect(await through(['a\rb\r', '\nc\r', 'd\r'])).toBe('a b\r\nc d ');
  });
});

describe('ask --jsonl', () => {
  it('answers 10,000 lines holding bare carriage returns with exactly 10,000 lines', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? `question\r${i}` : `question ${i}`));
    let written = '';
    const output = new Writable({
      write(chunk, _enc, done) {
        written += String(chunk);
        done();
      },
    });
    const code = await runAsk(['--jsonl'], { getCore: async () => echoCore, input: Readable.from([lines.join('\n') + '\n']), output, err: () => {}, usage: 'U' });
    expect(code).toBe(0);
    const out = written.trimEnd().split('\n');
    expect(out).toHaveLength(10_000);
    // The bare CR is cleaned to a space, as every adapter cleans questions.
    expect(JSON.parse(out[3]!).text).toBe('question 3');
  });

  it('cleans each line as the chat adapters do (control characters, escapes, length)', () => {
    expect(answerLine(echoCore, 'which\u0007 forces\u001b[31m are in Engage?').text).toBe('which forces are in Engage?');
    expect(answerLine(echoCore, '{"q": "  spaced   out  "}').text).toBe('spaced out');
    const long = answerLine(echoCore, 'why '.repeat(200));
    expect(long).toMatchObject({ status: 'no_answer', error: { code: 'QUESTION_TOO_LONG' } });
    expect(answerLine(echoCore, '   ')).toMatchObject({ status: 'no_answer', error: { code: 'QUESTION_EMPTY' } });
  });

  it('refuses a question given together with --jsonl', async () => {
    await expect(runAsk(['--jsonl', 'hi'], { getCore: async () => echoCore, input: Readable.from([]), output: new Writable(), err: () => {}, usage: 'U' })).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe('parseEnvFile (a malformed .env line or a BOM loses nothing, and is reported)', () => {
  it('reads a file saved with a byte-order mark, and says so', () => {
    const { values, warnings } = parseEnvFile('\uFEFFSLACK_BOT_TOKEN=xoxb-1\nLOG_LEVEL=debug\n');
    expect(values).toEqual({ SLACK_BOT_TOKEN: 'xoxb-1', LOG_LEVEL: 'debug' });
    expect(warnings).toEqual([expect.stringMatching(/^line 1: .*byte-order mark/)]);
  });

  it('skips a line that is not NAME=value without swallowing the next variable', () => {
    const { values, warnings } = parseEnvFile('JUST_A_WORD\nLOG_LEVEL=debug\nnot valid = x\nDATA_DIR=/data\n');
    expect(values).toEqual({ LOG_LEVEL: 'debug', DATA_DIR: '/data' });
    expect(warnings).toEqual([expect.stringMatching(/^line 1: is not NAME=value/), expect.stringMatching(/^line 3: is not NAME=value/)]);
  });

  it('warns about an unclosed quote and keeps the next variable', () => {
    const { values, warnings } = parseEnvFile('DISCORD_TOKEN="abc\nLOG_LEVEL=warn\n');
    expect(values.LOG_LEVEL).toBe('warn');
    expect(warnings).toEqual([expect.stringMatching(/^line 1: DISCORD_TOKEN opens a " quote/)]);
    // The warning names the variable, never its value (it may be a secret).
    expect(warnings.join('')).not.toContain('abc');
  });

  it('parses what dotenv files usually hold: export, quotes, comments, CRLF, empty values', () => {
    const { values, warnings } = parseEnvFile('# comment\r\nexport A=1\r\nB="two words" # note\r\nC=\'x#y\'\r\nD=\r\n\r\n');
    expect(values).toEqual({ A: '1', B: 'two words', C: 'x#y', D: '' });
    expect(warnings).toEqual([]);
  });
});
