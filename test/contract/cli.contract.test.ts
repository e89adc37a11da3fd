// The terminal chat passes the shared adapter contract, driven through in-memory streams.

import { PassThrough } from 'node:stream';
import { createCliAdapter } from '../../adapters/cli/chat.ts';
import type { ChatAdapter } from '../../src/chat-adapter.ts';
import { createBotCore } from '../../src/create-bot-core.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';
import { runAdapterContract, type AdapterHarness } from './adapter-contract.ts';

runAdapterContract('cli', async (): Promise<AdapterHarness> => {
  const core = createBotCore(loadBundledKnowledge());
  let input = new PassThrough();
  let output = new PassThrough();
  let adapter: ChatAdapter;
  const make = () => {
    input = new PassThrough();
    output = new PassThrough();
    adapter = createCliAdapter({ core, input, output, interactive: false });
  };
  make();
  let stopped = false;
  return {
    async start() {
      if (stopped) make();
      stopped = false;
      await adapter.start();
    },
    async stop() {
      stopped = true;
      await adapter.stop();
    },
    async ask(question) {
      const chunks: string[] = [];
      const onData = (c: Buffer) => chunks.push(c.toString());
      output.on('data', onData);
      input.write(question + '\n');
      // Wait for the reply (up to 5 s under a loaded CI machine), then a moment of quiet.
      const deadline = Date.now() + 5_000;
      while (chunks.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 20));
      output.off('data', onData);
      return chunks.join('');
    },
    async dispose() {},
  };
});
