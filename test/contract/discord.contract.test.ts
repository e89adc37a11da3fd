// Runs the shared adapter contract against the Discord adapter: the real discord.js Client
// talking to the fake Discord on 127.0.0.1, twice: over the canned fake core (adapter behaviour
// only) and over the real core and knowledge base (real answers, real wording, real lengths).
// "What the user saw" is every embed of the bot's response to /oversight ask, flattened.

import { expect } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.ts';
import type { BotCore } from '../../src/bot-core.ts';
import { createBotCore } from '../../src/create-bot-core.ts';
import { loadKnowledge } from '../../src/knowledge-loader.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { createFakeCore } from '../support/fake-core.ts';
import { runAdapterContract } from './adapter-contract.ts';
import type { AdapterHarness } from './adapter-contract.ts';
import { FAKE_APPLICATION_ID, FAKE_TOKEN, FakeDiscord, flattenMessage } from '../support/fake-discord.ts';

runAdapterContract('discord (fake core)', () => discordHarness(createFakeCore()));
runAdapterContract('discord (real core)', () => discordHarness(createBotCore(loadKnowledge('knowledge'))));

async function discordHarness(core: BotCore): Promise<AdapterHarness> {
  const fake = await FakeDiscord.start();
  const adapter = createDiscordAdapter({
    config: { token: FAKE_TOKEN, applicationId: FAKE_APPLICATION_ID },
    core,
    logger: createMemoryLogger(),
    restApi: fake.restApi,
  });
  return {
    start: async () => {
      await adapter.start();
      await fake.waitForConnections(1);
    },
    stop: () => adapter.stop(),
    async ask(question) {
      const interaction = fake.chatInput('ask', [{ name: 'question', type: 3, value: question }]);
      fake.dispatchInteraction(interaction);
      const { message } = await fake.responseTo(interaction);
      // Whatever the text says, Discord is told to ping nobody.
      expect(message.allowed_mentions).toEqual({ parse: [] });
      return flattenMessage(message);
    },
    dispose: () => fake.close(),
  };
}
