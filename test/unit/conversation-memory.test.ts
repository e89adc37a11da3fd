// Follow-ups across turns: the adapters' conversation memory (fresh for a few minutes, bounded),
// and the terminal chat resolving "why?" against the previous answer with the real core.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCliAdapter } from '../../adapters/cli/chat.ts';
import { createConversationMemory } from '../../adapters/conversation-memory.ts';
import type { Answer } from '../../src/answer-types.ts';
import { createBotCore } from '../../src/create-bot-core.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

const answered = (subject: string): Answer => ({
  status: 'answered',
  text: 'x',
  sentences: [],
  confidence: 0.9,
  citations: [],
  asOf: null,
  related: [],
  context: { subjects: [subject], route: 'entity-status', question: `Is ${subject} in Engage?` },
});

describe('conversation memory', () => {
  it('keeps the last answered context per conversation, for a limited time', () => {
    let clock = 0;
    const memory = createConversationMemory({ ttlMs: 1000, now: () => clock });
    memory.remember('a', answered('gmp'));
    memory.remember('b', answered('met'));
    expect(memory.get('a')?.subjects).toEqual(['gmp']);
    expect(memory.get('b')?.subjects).toEqual(['met']);
    // A decline does not wipe the subject: "why?" after a miss still means the earlier subject.
    memory.remember('a', { ...answered('x'), status: 'no_answer' });
    expect(memory.get('a')?.subjects).toEqual(['gmp']);
    clock = 1001;
    expect(memory.get('a')).toBeUndefined();
  });

  it('drops the oldest conversations beyond its size', () => {
    const memory = createConversationMemory({ maxEntries: 2 });
    memory.remember('one', answered('a'));
    memory.remember('two', answered('b'));
    memory.remember('three', answered('c'));
    expect(memory.get('one')).toBeUndefined();
    expect(memory.get('three')?.subjects).toEqual(['c']);
  });

  it('the terminal chat answers "why?" about the previous question\'s subject', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += String(chunk)));
    const closed = new Promise<void>((done) => {
      const chat = createCliAdapter({ core: createBotCore(loadBundledKnowledge()), input, output, interactive: false, onClose: () => done() });
      void chat.start();
    });
    input.write('Is Greater Manchester Police in Engage?\n');
    input.write('why?\n');
    input.end();
    await closed;
    const replies = printed.split(/\n(?=\S)/);
    expect(printed).not.toMatch(/sounds like a follow-up/);
    expect(printed.match(/Greater Manchester Police/g)!.length).toBeGreaterThan(2);
    expect(replies.length).toBeGreaterThan(1);
  });
});

describe('oversight ask --jsonl --conversation', () => {
  it('reads the lines as one conversation, so follow-ups can be scored from the command line', async () => {
    const { runAsk } = await import('../../adapters/cli/ask-command.ts');
    const core = createBotCore(loadBundledKnowledge());
    const run = async (args: string[]) => {
      const input = new PassThrough();
      const output = new PassThrough();
      let text = '';
      output.on('data', (c) => (text += String(c)));
      input.end('When did Cleveland Police leave Engage?\nwhat about GMP?\n');
      await runAsk(args, { getCore: async () => core, input, output, err: () => {}, usage: '' });
      return text.trim().split('\n').map((l) => JSON.parse(l) as Answer);
    };
    const together = await run(['--jsonl', '--conversation']);
    expect(together[1]!.status).toBe('answered');
    expect(together[1]!.text).toMatch(/Greater Manchester Police left Engage/);
    const apart = await run(['--jsonl']);
    expect(apart[1]!.text).not.toMatch(/Greater Manchester Police left Engage/);
  });
});
