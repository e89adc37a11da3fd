// End-to-end regression tests for issue 9's Slack HTTP-mode defects, against the real Bolt App
// on 127.0.0.1 and the fake Slack: future-dated and replayed signed requests (#14), the body
// cap and the default listening interface (#15), and Retry-After on response_url retries.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { flattenMessage, SHARE_ACTION_ID } from '../../adapters/slack/render.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { createFakeCore, type FakeCore } from '../support/fake-core.ts';
import { blockActionBody, eventBody, slackSignature, slashCommandBody, startFakeSlack, type RecordedRequest } from '../support/fake-slack.ts';
import { BOT_USER_ID, SIGNING_SECRET, startSlackUnderTest, type SlackUnderTest } from '../support/slack-harness.ts';

let core: FakeCore;
let slack: SlackUnderTest;

beforeAll(async () => {
  core = createFakeCore();
  slack = await startSlackUnderTest(core);
  await slack.adapter.start();
});
afterAll(async () => {
  await slack?.dispose();
});
beforeEach(() => {
  core.asked.length = 0;
});

const text = (r: RecordedRequest) => flattenMessage(r.body as { text?: string; blocks?: unknown[] });
const mention = (channel: string, id: string) => {
  const ts = `1700009${id.replace(/\D/g, '').padStart(3, '0')}.000100`;
  return eventBody({ type: 'app_mention', user: 'U0REPORTER', text: `<@${BOT_USER_ID}> which forces are in Engage?`, ts, channel, event_ts: ts }, id);
};

/** Waits until Slack would have seen any duplicate: a later request's answer has arrived. */
async function barrier(name: string) {
  await slack.sendJson(mention(`C0BAR${name}`, `EvBAR${name}`));
  await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === `C0BAR${name}`);
}

describe('Slack HTTP mode under hostile requests (issue 9 #14, #15)', () => {
  it('rejects a correctly signed request dated more than five minutes ahead', async () => {
    const body = mention('C0FUTURE', 'EvFUTURE1');
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const r = await slack.sendJson(body, { timestamp: future, signature: slackSignature(SIGNING_SECRET, future, body) });
    expect(r.status).toBe(401);
    // Within the window it is fine: clocks differ a little.
    const near = Math.floor(Date.now() / 1000) + 60;
    const ok = await slack.sendJson(mention('C0NEAR', 'EvNEAR1'), { timestamp: near });
    expect(ok.status).toBe(200);
    await slack.fake.waitFor((req) => req.path === '/api/chat.postMessage' && req.body.channel === 'C0NEAR');
    expect(slack.fake.calls('/api/chat.postMessage').filter((req) => req.body.channel === 'C0FUTURE')).toHaveLength(0);
    expect(slack.logger.lines.some((l) => /refused a request .*future/.test(l))).toBe(true);
  });

  it('acts once on a replayed signed slash command', async () => {
    const body = slashCommandBody({ text: 'which forces are in Engage?', responseUrl: slack.fake.responseUrl('replayed-cmd') });
    const timestamp = Math.floor(Date.now() / 1000);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await slack.sendForm(body, { timestamp })).status);
    expect(statuses).toEqual([200, 200, 200]);
    await slack.fake.waitFor((r) => r.path === '/response/replayed-cmd');
    await barrier('CMD');
    expect(slack.fake.calls('/response/replayed-cmd')).toHaveLength(1);
    expect(core.asked).toHaveLength(2); // the command once, then the barrier
  });

  it('posts a replayed "Post to channel" click once', async () => {
    const { response } = await slack.slash('which forces are in Engage?', 'replay-share');
    const blocks = response.body.blocks as { type: string; elements?: { value?: string }[] }[];
    const value = blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value ?? '';
    const click = blockActionBody({ actionId: SHARE_ACTION_ID, value, responseUrl: slack.fake.responseUrl('replay-share-click') });
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 3; i++) expect((await slack.sendForm(click, { timestamp })).status).toBe(200);
    await slack.fake.waitFor((r) => r.path === '/response/replay-share-click', { count: 2 }); // the share and the removal
    await barrier('SHARE');
    const inChannel = slack.fake.calls('/response/replay-share-click').filter((r) => r.body.response_type === 'in_channel');
    expect(inChannel).toHaveLength(1);
  });

  it('shares an answer once even when the same click arrives re-signed (or is clicked again)', async () => {
    const { response } = await slack.slash('which forces are in Engage?', 'twice-share');
    const blocks = response.body.blocks as { type: string; elements?: { value?: string }[] }[];
    const value = blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value ?? '';
    const now = Math.floor(Date.now() / 1000);
    await slack.sendForm(blockActionBody({ actionId: SHARE_ACTION_ID, value, responseUrl: slack.fake.responseUrl('twice-1') }), { timestamp: now });
    await slack.fake.waitFor((r) => r.path === '/response/twice-1', { count: 2 });
    // A fresh signature (a new timestamp) defeats the replay cache; the share itself is idempotent.
    await slack.sendForm(blockActionBody({ actionId: SHARE_ACTION_ID, value, responseUrl: slack.fake.responseUrl('twice-2') }), { timestamp: now + 1 });
    const [notice] = await slack.fake.waitFor((r) => r.path === '/response/twice-2');
    expect(notice!.body.response_type).toBe('ephemeral');
    expect(text(notice!)).toMatch(/already been posted/);
    const allInChannel = [...slack.fake.calls('/response/twice-1'), ...slack.fake.calls('/response/twice-2')].filter((r) => r.body.response_type === 'in_channel');
    expect(allInChannel).toHaveLength(1);
  });

  it('refuses a body over the cap with 413 before checking the signature', async () => {
    const huge = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(600 * 1024) });
    // Unsigned on purpose: the size is refused first, without reading it all or verifying it.
    const r = await fetch(slack.eventsUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Slack-Request-Timestamp': String(Math.floor(Date.now() / 1000)), 'X-Slack-Signature': 'v0=00' },
      body: huge,
    });
    expect(r.status).toBe(413);
    // A normal-sized request still works afterwards.
    expect((await slack.sendJson(mention('C0AFTERBIG', 'EvAFTERBIG'))).status).toBe(200);
  });

  it('waits as long as a response_url\'s Retry-After asks before retrying', async () => {
    slack.fake.failNext('/response/limited-respond', { status: 429, headers: { 'Retry-After': '1' } });
    await slack.sendForm(slashCommandBody({ text: 'which forces are in Engage?', responseUrl: slack.fake.responseUrl('limited-respond') }));
    const [limited, delivered] = await slack.fake.waitFor((r) => r.path === '/response/limited-respond', { count: 2, timeoutMs: 5_000 });
    // The harness's own backoff is at most 100 ms: only Retry-After explains a 1 s wait.
    expect(delivered!.at - limited!.at).toBeGreaterThanOrEqual(950);
    expect(text(delivered!)).toContain('Lincolnshire Police');
  });
});

describe('Slack HTTP mode listening interface (issue 9 #15)', () => {
  it('listens on 127.0.0.1 when no host is configured', async () => {
    const fake = await startFakeSlack();
    const adapter = createSlackAdapter({
      config: { botToken: 'xoxb-test-token', mode: 'http', signingSecret: SIGNING_SECRET, port: 0 },
      core: createFakeCore(),
      logger: createMemoryLogger(),
      clientOptions: { slackApiUrl: fake.apiUrl },
      botId: 'B1',
      botUserId: 'U1',
    });
    try {
      await adapter.start();
      expect(adapter.address()?.host).toBe('127.0.0.1');
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});
