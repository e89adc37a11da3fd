// The terminal chat: reads questions line by line, prints rendered answers. A ChatAdapter like
// Slack and Discord, over injectable streams so tests drive it without a terminal.

import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { BotCore } from '../../src/bot-core.ts';
import type { ChatAdapter } from '../../src/chat-adapter.ts';
import { formatDate } from '../../src/dates.ts';
import { checkQuestion } from '../../src/question-input.ts';
import { createConversationMemory } from '../conversation-memory.ts';
import { bareCarriageReturnsToSpaces } from './lines.ts';
import { renderAnswer, type TerminalRenderOptions } from './render.ts';

export interface CliAdapterOptions {
  core: BotCore;
  input: Readable;
  output: Writable;
  /** Show a prompt and the welcome text (true for a real terminal). */
  interactive: boolean;
  /** Called when the user types quit or the input ends, with how many questions were asked. */
  onClose?: (summary: { questions: number }) => void;
  /** Width and colour for each answer (asked per answer: the window may be resized); plain and unwrapped by default. */
  style?: () => Pick<TerminalRenderOptions, 'width' | 'colour'>;
  /** The word wrapper (wrap-ansi), when answers are wrapped; see terminal.ts loadWrapper. */
  wrap?: TerminalRenderOptions['wrap'];
}

/**
 * Said on stderr when `oversight` starts with no chat platform configured and standard input is
 * not a terminal (a container that lost its variables): it answers what is piped in, and names
 * the variables that would make it a chat bot.
 */
export const HEADLESS_NOTICE =
  'oversight: no Slack or Discord is configured and standard input is not a terminal, so only questions piped to standard input are answered. ' +
  'To run the chat bot, set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode), and/or DISCORD_TOKEN with DISCORD_APPLICATION_ID (see .env.example).';

/** Said on stderr when such a start had nothing to answer: the exit code is then 1. */
export const HEADLESS_NOTHING_ASKED = 'oversight: standard input held no question; nothing was done.';

export function createCliAdapter(options: CliAdapterOptions): ChatAdapter {
  const { core, output } = options;
  const memory = createConversationMemory();
  let rl: Interface | undefined;
  let questions = 0;
  let unpipe: (() => void) | undefined;
  const write = (text: string) => output.write(text + '\n');

  const handle = (line: string) => {
    const command = line.trim().toLowerCase();
    if (command === '') return;
    if (command === 'quit' || command === 'exit' || command === ':q') {
      rl?.close();
      return;
    }
    questions += 1;
    if (command === 'help' || command === '?') {
      const help = core.help();
      write(`${help.summary}\n\nTry:\n${help.examples.map((q) => `  • ${q}`).join('\n')}\n\nType quit to leave.`);
      return;
    }
    if (/^timeline\b/.test(command)) {
      // The chart is a picture: it goes to a file, not into the chat.
      write('The timeline is a picture, so it is written to a file: run  oversight timeline --out engage.png  (add police or fire, or years such as 2021-2023).');
      return;
    }
    const checked = checkQuestion(line);
    if (!checked.ok) {
      write(checked.error.message);
      return;
    }
    // The terminal session is one conversation: a follow-up ("why?") means the last answer's subject.
    const answer = core.ask(checked.question, memory.get('terminal'));
    memory.remember('terminal', answer);
    write(renderAnswer(answer, { ...options.style?.(), ...(options.wrap ? { wrap: options.wrap } : {}), newestRecord: core.newestRecordDate }) + '\n');
  };

  return {
    platform: 'cli',
    async start() {
      if (rl) return;
      // Piped input: one line per "\n", as in `ask --jsonl` (readline alone also ends one at "\r").
      // A terminal sends "\r" for Enter, so there readline reads the input itself.
      let input: Readable = options.input;
      if (!options.interactive) {
        const filter = bareCarriageReturnsToSpaces();
        options.input.pipe(filter);
        input = filter;
        unpipe = () => options.input.unpipe(filter);
      }
      rl = createInterface({ input, output: options.interactive ? output : undefined, terminal: options.interactive });
      if (options.interactive) {
        write(`oversight-bot — ask about HMICFRS Engage ("special measures"). Records run to ${formatDate(core.newestRecordDate)}.`);
        write('Type a question, "help" for examples, or "quit" to leave.\n');
        rl.setPrompt('? ');
        rl.prompt();
      }
      rl.on('line', (line) => {
        handle(line);
        if (options.interactive) rl?.prompt();
      });
      rl.on('close', () => {
        rl = undefined;
        unpipe?.();
        unpipe = undefined;
        options.onClose?.({ questions });
      });
    },
    async stop() {
      const current = rl;
      rl = undefined;
      unpipe?.();
      unpipe = undefined;
      current?.close();
    },
  };
}
