// Starts the real Slack adapter (Bolt, HTTP mode, 127.0.0.1, ephemeral port) against the fake
// Slack in fake-slack.ts, with fast retries and a known bot identity so nothing reaches out.
// Shared by the Slack e2e and contract tests.

import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.ts';
import type { SubscriptionCommands } from '../../src/alerts/subscriptions.ts';
import type { BotCore } from '../../src/bot-core.ts';
import type { SlackConfig } from '../../src/config.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { sendSigned, slashCommandBody, startFakeSlack, type FakeSlack, type RecordedRequest, type SignedRequestOptions } from './fake-slack.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_USER_ID = 'UFAKEBOT';
export const BOT_ID = 'BFAKEBOT';

export interface SlackUnderTest {
  adapter: SlackAdapter;
  fake: FakeSlack;
  logger: ReturnType<typeof createMemoryLogger>;
  /** The adapter's events URL (changes after a restart: the port is ephemeral). */
  eventsUrl(): string;
  /** Sends a signed JSON body (events). */
  sendJson(body: string, options?: Partial<SignedRequestOptions>): ReturnType<typeof sendSigned>;
  /** Sends a signed form body (slash commands, button clicks). */
  sendForm(body: string, options?: Partial<SignedRequestOptions>): ReturnType<typeof sendSigned>;
  /** Runs /oversight <text> and resolves with the ack and the body posted to its response_url. */
  slash(text: string, id?: string): Promise<{ ack: Awaited<ReturnType<typeof sendSigned>>; response: RecordedRequest }>;
  dispose(): Promise<void>;
}

let counter = 0;

export async function startSlackUnderTest(core: BotCore, overrides: { botUserId?: string; botId?: string; alerts?: SubscriptionCommands } = {}): Promise<SlackUnderTest> {
  const fake = await startFakeSlack();
  const logger = createMemoryLogger();
  const config: SlackConfig = { botToken: 'xoxb-test-token', mode: 'http', signingSecret: SIGNING_SECRET, port: 0 };
  const adapter = createSlackAdapter({
    config,
    core,
    logger,
    clientOptions: { slackApiUrl: fake.apiUrl },
    botId: overrides.botId ?? BOT_ID,
    botUserId: overrides.botUserId ?? BOT_USER_ID,
    host: '127.0.0.1',
    retry: { retries: 2, minTimeoutMs: 20, maxTimeoutMs: 100 },
    stopGraceMs: 2_000,
    ...(overrides.alerts ? { alerts: overrides.alerts } : {}),
  });

  const eventsUrl = () => {
    const address = adapter.address();
    if (!address) throw new Error('the Slack adapter is not started');
    return `http://127.0.0.1:${address.port}/slack/events`;
  };
  const sendJson = (body: string, options: Partial<SignedRequestOptions> = {}) =>
    sendSigned(eventsUrl(), body, 'application/json', { signingSecret: SIGNING_SECRET, ...options });
  const sendForm = (body: string, options: Partial<SignedRequestOptions> = {}) =>
    sendSigned(eventsUrl(), body, 'application/x-www-form-urlencoded', { signingSecret: SIGNING_SECRET, ...options });

  return {
    adapter,
    fake,
    logger,
    eventsUrl,
    sendJson,
    sendForm,
    async slash(text, id = `cmd-${(counter += 1)}`) {
      const responseUrl = fake.responseUrl(id);
      const ack = await sendForm(slashCommandBody({ text, responseUrl }));
      const [response] = await fake.waitFor((r) => r.path === `/response/${id}`);
      return { ack, response: response! };
    },
    async dispose() {
      await adapter.stop();
      await fake.close();
    },
  };
}
