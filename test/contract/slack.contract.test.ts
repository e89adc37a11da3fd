// Runs the shared adapter contract against the Slack adapter: the real Bolt App in HTTP mode on
// loopback, talking to the fake Slack, twice: over the canned fake core (adapter behaviour only)
// and over the real core and knowledge base (real answers, real wording, real lengths).
// A "question" is a signed /oversight slash command; what the user saw is the mrkdwn posted to
// its response_url, flattened.

import { flattenMessage } from '../../adapters/slack/render.ts';
import type { BotCore } from '../../src/bot-core.ts';
import { createBotCore } from '../../src/create-bot-core.ts';
import { createFakeCore } from '../support/fake-core.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';
import { startSlackUnderTest, type SlackUnderTest } from '../support/slack-harness.ts';
import { runAdapterContract, type AdapterHarness } from './adapter-contract.ts';

runAdapterContract('slack (fake core)', () => slackHarness(createFakeCore()));
runAdapterContract('slack (real core)', () => slackHarness(createBotCore(loadBundledKnowledge())));

async function slackHarness(core: BotCore): Promise<AdapterHarness> {
  const slack: SlackUnderTest = await startSlackUnderTest(core);
  return {
    start: () => slack.adapter.start(),
    stop: () => slack.adapter.stop(),
    ask: async (question) => {
      const { ack, response } = await slack.slash(question);
      if (ack.status !== 200) throw new Error(`Slack adapter answered the slash command with HTTP ${ack.status}`);
      return flattenMessage(response.body as { text?: string; blocks?: unknown[] });
    },
    dispose: () => slack.dispose(),
  };
}
