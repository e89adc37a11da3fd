// End-to-end: the real Bolt App in HTTP mode on 127.0.0.1, its Web API client and response_urls
// pointed at a fake Slack on loopback, driven by correctly signed Slack requests. Assertions are
// on what the fake Slack received. Uses the fake core so wording changes in the knowledge base
// cannot break rendering assertions.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { flattenMessage, SHARE_ACTION_ID } from '../../adapters/slack/render.ts';
import type { Answer } from '../../src/answer-types.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { CITED_ANSWER, createFakeCore, type FakeCore } from '../support/fake-core.ts';
import { blockActionBody, eventBody, sendSigned, slackSignature, slashCommandBody, startFakeSlack, type RecordedRequest } from '../support/fake-slack.ts';
import { BOT_USER_ID, SIGNING_SECRET, startSlackUnderTest, type SlackUnderTest } from '../support/slack-harness.ts';

let core: FakeCore;
let slack: SlackUnderTest;
let eventCounter = 0;
const nextEventId = () => `Ev${String((eventCounter += 1)).padStart(6, '0')}`;
const nextTs = () => `1700000${String(eventCounter).padStart(3, '0')}.${String(Date.now() % 1_000_000).padStart(6, '0')}`;

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
  // Restore the fake core's canned behaviour (answerWith(undefined) is not in its type).
  core.answerWith(undefined as unknown as Answer);
});

const text = (r: RecordedRequest) => flattenMessage(r.body as { text?: string; blocks?: unknown[] });
const posts = (channel: string) => slack.fake.calls('/api/chat.postMessage').filter((r) => r.body.channel === channel);

function mention(channel: string, question: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  return { event: { type: 'app_mention', user: 'U0REPORTER', text: `<@${BOT_USER_ID}> ${question}`, ts, channel, event_ts: ts, ...extra }, ts };
}

function dm(channel: string, question: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  return { type: 'message', channel_type: 'im', user: 'U0REPORTER', text: question, ts, channel, event_ts: ts, ...extra };
}

describe('Slack adapter over HTTP (real Bolt, fake Slack)', () => {
  it('acks /oversight at once and answers privately via response_url with citations and a share button', async () => {
    const { ack, response } = await slack.slash('which forces are in Engage?');
    expect(ack.status).toBe(200);
    expect(ack.text).toBe(''); // an empty ack: Slack shows nothing until the answer arrives
    expect(response.body.response_type).toBe('ephemeral');
    const seen = text(response);
    expect(seen).toContain('Lincolnshire Police, since 6 December 2024. [1][2]');
    expect(seen).toContain('You asked: which forces are in Engage?');
    expect(seen).toContain('As of 12 August 2025');
    expect(seen).toContain(
      '*[1]* <https://hmicfrs.justiceinspectorates.gov.uk/publication-html/lincolnshire-police-moved-into-enhanced-monitoring/|Lincolnshire Police: move to enhanced phase of monitoring> — HMICFRS, 6 December 2024',
    );
    // No URL: the title is shown unlinked, and an unverified publisher is said so.
    expect(seen).toContain('*[2]* Metropolitan Police placed in special measures by watchdog — publisher not verified, 28 June 2022, para. 3');
    const blocks = response.body.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[];
    const button = blocks.find((b) => b.type === 'actions')?.elements?.[0];
    expect(button?.action_id).toBe(SHARE_ACTION_ID);
    expect(JSON.parse(button?.value ?? '{}')).toMatchObject({ q: 'which forces are in Engage?' });
    expect(String(response.body.text).length).toBeLessThanOrEqual(3000);
    expect(core.asked).toEqual(['which forces are in Engage?']);
  });

  it('acks without waiting for the answer to be delivered (Slack\'s 3-second deadline)', async () => {
    // The fake holds the response_url reply for 2 s. Were the ack sent only after the listener
    // finished (processBeforeResponse), it would take at least that long.
    slack.fake.delay('/response/slow-1', 2_000);
    const { ack, response } = await slack.slash('which forces are in Engage?', 'slow-1');
    expect(ack.status).toBe(200);
    expect(ack.elapsedMs).toBeLessThan(1_000);
    expect(text(response)).toContain('Lincolnshire Police');
  });

  it('shares the same answer to the channel when "Post to channel" is clicked, then removes the private copy', async () => {
    const { response } = await slack.slash('which forces are in Engage?', 'share-1');
    const blocks = response.body.blocks as { type: string; elements?: { value?: string }[] }[];
    const value = blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value ?? '';
    core.answerWith({ ...CITED_ANSWER, text: 'A different answer [1]', sentences: [{ text: 'A different answer', citations: [1] }] });

    const click = await slack.sendForm(
      blockActionBody({ actionId: SHARE_ACTION_ID, value, responseUrl: slack.fake.responseUrl('share-1-click'), userId: 'U0EDITOR' }),
    );
    expect(click.status).toBe(200);
    const [shared, removal] = await slack.fake.waitFor((r) => r.path === '/response/share-1-click', { count: 2 });
    expect(shared!.body.response_type).toBe('in_channel');
    expect(shared!.body.replace_original).toBe(false);
    const seen = text(shared!);
    expect(seen).toContain('<@U0EDITOR> asked: which forces are in Engage?');
    expect(seen).toContain('Lincolnshire Police, since 6 December 2024. [1][2]'); // the answer the asker saw
    expect(seen).not.toContain('A different answer');
    expect(seen).not.toContain('Post to channel'); // no button on the public copy
    expect(removal!.body).toEqual({ delete_original: true });
  });

  it('shows what it can answer for a bare /oversight and for /oversight help', async () => {
    for (const [input, id] of [['', 'help-empty'], ['help', 'help-word']] as const) {
      const { ack, response } = await slack.slash(input, id);
      expect(ack.status).toBe(200);
      const seen = text(response);
      expect(seen).toContain('What I can answer');
      expect(seen).toContain('/oversight Which forces are in Engage?');
    }
    expect(core.asked).toEqual([]);
  });

  it('answers an @mention in a thread under the question, with the mention stripped from the question', async () => {
    const { event, ts } = mention('C0CHANNEL1', 'which forces are in Engage?');
    const ack = await slack.sendJson(eventBody(event, nextEventId()));
    expect(ack.status).toBe(200);
    const [post] = await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0CHANNEL1');
    expect(post!.body.thread_ts).toBe(ts);
    expect(post!.headers.authorization).toBe('Bearer xoxb-test-token');
    expect(text(post!)).toContain('As of 12 August 2025');
    expect(text(post!)).toContain('HMICFRS');
    expect(core.asked).toEqual(['which forces are in Engage?']);
  });

  it('answers a mention made inside a thread in that same thread', async () => {
    const { event } = mention('C0CHANNEL2', 'which forces are in Engage?', { thread_ts: '1699999999.000001' });
    await slack.sendJson(eventBody(event, nextEventId()));
    const [post] = await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0CHANNEL2');
    expect(post!.body.thread_ts).toBe('1699999999.000001');
  });

  it('answers a direct message in the DM, and ignores bot posts and edits there', async () => {
    await slack.sendJson(eventBody(dm('D0DIRECT1', 'which forces are in Engage?', { bot_id: 'B0OTHER' }), nextEventId()));
    await slack.sendJson(eventBody(dm('D0DIRECT1', 'edited', { subtype: 'message_changed' }), nextEventId()));
    await slack.sendJson(eventBody(dm('D0DIRECT1', 'which forces are in Engage?'), nextEventId()));
    const [post] = await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'D0DIRECT1');
    expect(post!.body.thread_ts).toBeUndefined();
    expect(text(post!)).toContain('Lincolnshire Police');
    // The ignored events were sent first; had they been answered they would have landed by now.
    await slack.sendJson(eventBody(dm('D0BARRIER', 'which forces are in Engage?'), nextEventId()));
    await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'D0BARRIER');
    expect(posts('D0DIRECT1')).toHaveLength(1);
    expect(core.asked).toEqual(['which forces are in Engage?', 'which forces are in Engage?']);
  });

  it('answers a retried event (X-Slack-Retry-Num) once, not twice', async () => {
    const eventId = nextEventId();
    const body = eventBody(mention('C0RETRY', 'which forces are in Engage?').event, eventId);
    const first = await slack.sendJson(body);
    // Slack signs each redelivery afresh, with its own timestamp.
    const now = Math.floor(Date.now() / 1000);
    const retry1 = await slack.sendJson(body, { retryNum: 1, retryReason: 'http_timeout', timestamp: now + 1 });
    const retry2 = await slack.sendJson(body, { retryNum: 2, retryReason: 'http_error', timestamp: now + 2 });
    expect([first.status, retry1.status, retry2.status]).toEqual([200, 200, 200]); // acked, so Slack stops retrying
    await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0RETRY');
    // Barrier: a later event's answer arrives after any duplicate answer would have.
    await slack.sendJson(eventBody(mention('C0BARRIER2', 'which forces are in Engage?').event, nextEventId()));
    await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0BARRIER2');
    expect(posts('C0RETRY')).toHaveLength(1);
    expect(slack.logger.lines.some((l) => l.includes('ignored a repeated event delivery'))).toBe(true);
  });

  it('rejects a wrong signature and a stale timestamp with 401, and answers nothing', async () => {
    const body = eventBody(mention('C0FORGED', 'which forces are in Engage?').event, nextEventId());
    const forged = await slack.sendJson(body, { signature: slackSignature('not-the-secret-at-all', Math.floor(Date.now() / 1000), body) });
    expect(forged.status).toBe(401);
    const staleTs = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await slack.sendJson(body, { timestamp: staleTs, signature: slackSignature(SIGNING_SECRET, staleTs, body) });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(slack.eventsUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    expect(core.asked).toEqual([]);
    expect(posts('C0FORGED')).toHaveLength(0);
  });

  it('escapes a question so it can never ping @channel/@here or inject a link', async () => {
    const { response } = await slack.slash('<!channel> <!here|here> @everyone &lt;!channel&gt; is the Met in Engage? <https://evil.example/x|click me>', 'escape-1');
    const seen = text(response);
    expect(seen).not.toMatch(/<!(channel|here|everyone)/);
    expect(seen).not.toMatch(/(^|[^\u200B\w])@(channel|here|everyone)/); // bare broadcast words are defused
    expect(seen).not.toContain('<https://evil.example');
    expect(seen).toContain('click me');
    // Mentions, typed or encoded, are not part of the question: removed before it reaches the core.
    expect(core.asked[0]).toBe('is the Met in Engage? click me');
  });

  it('escapes knowledge text too: &, < and > in answers and citation titles', async () => {
    core.answerWith({
      ...CITED_ANSWER,
      text: 'R&D <!channel> said > 5. [1]',
      sentences: [{ text: 'R&D <!channel> said > 5.', citations: [1] }],
      citations: [{ ...CITED_ANSWER.citations[0]!, title: 'Reports <b> & "notes" <!here>' }],
    });
    const { response } = await slack.slash('which forces are in Engage?', 'escape-2');
    const seen = text(response);
    expect(seen).toContain('R&amp;D &lt;!channel&gt; said &gt; 5. [1]');
    expect(seen).toContain('|Reports &lt;b&gt; &amp; "notes" &lt;!here&gt;>');
    expect(seen).not.toMatch(/<!(channel|here|everyone)/);
  });

  it('declines an unanswerable question kindly, with suggestions and no error', async () => {
    const { response } = await slack.slash('give me a cake recipe', 'decline-1');
    const seen = text(response);
    expect(seen).toContain("I don't have that in my knowledge base");
    expect(seen).toContain('• Which forces are in Engage?');
    expect(seen).not.toMatch(/error|exception|stack/i);
    expect(seen).not.toContain('Post to channel'); // nothing worth sharing
  });

  it('explains kindly when a question is too long', async () => {
    const { response } = await slack.slash(`is ${'very '.repeat(120)}long?`, 'long-1');
    expect(text(response)).toMatch(/please keep it under 500/);
    expect(core.asked).toEqual([]);
  });

  it('apologises without a stack trace when the core throws, and logs the error', async () => {
    const original = core.ask;
    core.ask = () => {
      throw new Error('kaboom in the core');
    };
    try {
      const { ack, response } = await slack.slash('which forces are in Engage?', 'boom-1');
      expect(ack.status).toBe(200);
      const seen = text(response);
      expect(seen).toContain("Sorry, I couldn't answer that just now");
      expect(seen).not.toMatch(/kaboom|Error|at .*\.ts/);
      expect(slack.logger.lines.some((l) => l.includes('the core failed to answer') && l.includes('kaboom'))).toBe(true);
    } finally {
      core.ask = original;
    }
  });

  it('retries chat.postMessage after a 429, honouring Retry-After', async () => {
    slack.fake.failNext('/api/chat.postMessage', { status: 429, headers: { 'Retry-After': '1' }, body: '{"ok":false,"error":"ratelimited"}' });
    await slack.sendJson(eventBody(mention('C0LIMITED', 'which forces are in Engage?').event, nextEventId()));
    const [limited, delivered] = await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0LIMITED', { count: 2 });
    expect(delivered!.at - limited!.at).toBeGreaterThanOrEqual(950);
    expect(text(delivered!)).toContain('Lincolnshire Police');
  });

  it('retries a 5xx, then gives up after a bounded number of attempts without crashing', async () => {
    slack.fake.failNext('/api/chat.postMessage', { status: 503, times: 1 });
    await slack.sendJson(eventBody(mention('C0FLAKY', 'which forces are in Engage?').event, nextEventId()));
    await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0FLAKY', { count: 2 });

    slack.fake.failNext('/api/chat.postMessage', { status: 500, times: 50 });
    await slack.sendJson(eventBody(mention('C0DOWN', 'which forces are in Engage?').event, nextEventId()));
    await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0DOWN', { count: 3 });
    await expect.poll(() => slack.logger.lines.some((l) => l.includes('could not deliver a mention answer'))).toBe(true);
    expect(posts('C0DOWN')).toHaveLength(3); // 1 attempt + 2 retries, then stop
    // Slack is back: the same process still answers.
    slack.fake.clearFailures();
    await slack.sendJson(eventBody(mention('C0BACK', 'which forces are in Engage?').event, nextEventId()));
    await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0BACK');
  });

  it('retries a response_url that answers 5xx', async () => {
    slack.fake.failNext('/response/flaky-respond', { status: 502 });
    const responseUrl = slack.fake.responseUrl('flaky-respond');
    await slack.sendForm(slashCommandBody({ text: 'which forces are in Engage?', responseUrl }));
    const [failed, delivered] = await slack.fake.waitFor((r) => r.path === '/response/flaky-respond', { count: 2 });
    expect(failed!.body.response_type).toBe('ephemeral');
    expect(text(delivered!)).toContain('Lincolnshire Police');
  });

  it('answers a health check', async () => {
    const response = await fetch(slack.eventsUrl().replace('/slack/events', '/healthz'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });
});

describe('Slack adapter start-up', () => {
  it('checks the bot token with auth.test when no identity is given, and learns the bot user id', async () => {
    const fake = await startFakeSlack();
    const core = createFakeCore();
    const adapter = createSlackAdapter({
      config: { botToken: 'xoxb-test-token', mode: 'http', signingSecret: SIGNING_SECRET, port: 0 },
      core,
      logger: createMemoryLogger(),
      clientOptions: { slackApiUrl: fake.apiUrl },
      host: '127.0.0.1',
      retry: { retries: 0, minTimeoutMs: 10, maxTimeoutMs: 10 },
    });
    try {
      await adapter.start();
      expect(fake.calls('/api/auth.test')).toHaveLength(1);
      const url = `http://127.0.0.1:${adapter.address()!.port}/slack/events`;
      const ts = '1700000999.000001';
      const event = { type: 'app_mention', user: 'U0REPORTER', text: '<@UFAKEBOT> which forces are in Engage?', ts, channel: 'C0AUTH', event_ts: ts };
      await sendSigned(url, eventBody(event, 'EvAUTH1'), 'application/json', { signingSecret: SIGNING_SECRET });
      await fake.waitFor((r) => r.path === '/api/chat.postMessage');
      expect(core.asked).toEqual(['which forces are in Engage?']); // the id from auth.test was stripped
      expect(fake.calls('/api/auth.test')).toHaveLength(1); // cached
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });

  it('starts while Slack is unreachable, logs failed authorizations through Bolt\'s error handler, and recovers', async () => {
    const fake = await startFakeSlack();
    fake.failNext('/api/auth.test', { status: 500, times: 2 });
    const core = createFakeCore();
    const logger = createMemoryLogger();
    const adapter = createSlackAdapter({
      config: { botToken: 'xoxb-test-token', mode: 'http', signingSecret: SIGNING_SECRET, port: 0 },
      core,
      logger,
      clientOptions: { slackApiUrl: fake.apiUrl },
      host: '127.0.0.1',
      retry: { retries: 0, minTimeoutMs: 10, maxTimeoutMs: 10 },
    });
    try {
      await adapter.start(); // auth.test fails (1st 500): start anyway
      expect(logger.lines.some((l) => l.includes('could not check the bot token yet'))).toBe(true);
      const url = `http://127.0.0.1:${adapter.address()!.port}/slack/events`;
      const send = (eventId: string, channel: string, ts: string) => {
        const event = { type: 'app_mention', user: 'U0REPORTER', text: '<@UFAKEBOT> which forces are in Engage?', ts, channel, event_ts: ts };
        return sendSigned(url, eventBody(event, eventId), 'application/json', { signingSecret: SIGNING_SECRET });
      };
      const first = await send('EvDOWN1', 'C0DOWN1', '1700001000.000001'); // auth.test fails again (2nd 500)
      expect(first.status).toBe(200);
      await expect.poll(() => logger.lines.some((l) => l.includes('ERROR slack: unhandled error') && l.includes('Authorization'))).toBe(true);
      await send('EvUP1', 'C0UP1', '1700001001.000001'); // Slack is back: identity is fetched again and the answer goes out
      await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0UP1');
      expect(core.asked).toEqual(['which forces are in Engage?']);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });

  it('refuses to start with a token Slack rejects, saying which variable to fix', async () => {
    const fake = await startFakeSlack();
    fake.answer('auth.test', { ok: false, error: 'invalid_auth' });
    const adapter = createSlackAdapter({
      config: { botToken: 'xoxb-revoked', mode: 'http', signingSecret: SIGNING_SECRET, port: 0 },
      core: createFakeCore(),
      logger: createMemoryLogger(),
      clientOptions: { slackApiUrl: fake.apiUrl },
      host: '127.0.0.1',
      retry: { retries: 0, minTimeoutMs: 10, maxTimeoutMs: 10 },
    });
    try {
      await expect(adapter.start()).rejects.toMatchObject({ code: 'CONFIG_INVALID', problems: [expect.stringMatching(/^SLACK_BOT_TOKEN: Slack answered "invalid_auth"/)] });
      expect(adapter.address()).toBeUndefined();
      await adapter.stop(); // safe: never started
    } finally {
      await fake.close();
    }
  });
});
