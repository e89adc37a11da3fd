// `oversight ask`: one answer (plain text or --json), or --jsonl: one question per input line,
// one Answer JSON per line out, in order, always exactly as many lines out as in. Every question
// goes through the same input cleaning as the chat adapters (checkQuestion). Reads no environment.

import type { Readable, Writable } from 'node:stream';
import type { Answer } from '../../src/answer-types.ts';
import type { BotCore } from '../../src/bot-core.ts';
import { OversightError } from '../../src/errors.ts';
import { checkQuestion } from '../../src/question-input.ts';
import { parseCommandArgs } from './args.ts';
import { readLines } from './lines.ts';
import { renderAnswer } from './render.ts';

export interface AskDeps {
  /** Built only after the arguments are known to be good, so a typo costs no knowledge load. */
  getCore: () => Promise<BotCore>;
  input: Readable;
  output: Writable;
  err: (text: string) => void;
  usage: string;
  /** How a single answer is shown in the terminal (width, colour); plain text by default. */
  render?: (answer: Answer, core: BotCore) => Promise<string> | string;
}

/** Runs `oversight ask <args>`; resolves to the exit code. Usage problems throw USAGE. */
export async function runAsk(args: string[], deps: AskDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, conversation: { type: 'boolean' } }, deps.usage, { positionals: true });
  if (values.conversation && !values.jsonl) throw new OversightError('USAGE', '--conversation reads the --jsonl lines as one conversation; use it with --jsonl.');
  if (values.jsonl) {
    if (positionals.length) throw new OversightError('USAGE', '--jsonl reads questions from stdin; do not pass a question as well.');
    const core = await deps.getCore();
    // With --conversation the lines are one conversation: each follows up the previous answer.
    let context: Answer['context'];
    for await (const line of readLines(deps.input)) {
      const answer = answerLine(core, line, values.conversation ? context : undefined);
      if (answer.status === 'answered') context = answer.context;
      await write(deps.output, JSON.stringify(answer) + '\n');
    }
    return 0;
  }
  const checked = checkQuestion(positionals.join(' '));
  if (!checked.ok) {
    deps.err(`${checked.error.message}\n\n${deps.usage}`);
    return 2;
  }
  const core = await deps.getCore();
  const answer = core.ask(checked.question);
  const shown = values.json ? JSON.stringify(answer, null, 2) : deps.render ? await deps.render(answer, core) : renderAnswer(answer);
  await write(deps.output, shown + '\n');
  return 0;
}

/** The Answer for one --jsonl line; a line that is not a usable question gets a no_answer saying why. */
export function answerLine(core: BotCore, line: string, context?: Answer['context']): Answer | (Answer & { error: { code: string; message: string } }) {
  const checked = checkQuestion(questionFromLine(line));
  if (checked.ok) return core.ask(checked.question, context);
  const message = checked.error.message;
  return {
    status: 'no_answer',
    text: message,
    sentences: [{ text: message, citations: [] }],
    confidence: 0,
    citations: [],
    asOf: null,
    related: [],
    // Machine-readable for scripts: which rule the line broke.
    error: { code: checked.error.code, message },
  };
}

/** A --jsonl line is a question, or a JSON object with "q"/"question", or a JSON string. */
export function questionFromLine(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('"')) {
    try {
      const value = JSON.parse(trimmed) as unknown;
      if (typeof value === 'string') return value;
      if (value && typeof value === 'object') {
        const q = (value as { q?: unknown; question?: unknown }).q ?? (value as { question?: unknown }).question;
        if (typeof q === 'string') return q;
      }
    } catch {
      // Not JSON after all: treat the line as the question itself.
    }
  }
  return line;
}

/** Writes with backpressure, so 10,000 answers into a slow pipe do not pile up in memory. */
function write(output: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (output.write(text)) return resolve();
    // A broken pipe ends the command elsewhere (bin/oversight.js); never wait forever for it here.
    const done = () => {
      output.off('drain', done).off('error', done).off('close', done);
      resolve();
    };
    output.on('drain', done).on('error', done).on('close', done);
  });
}
