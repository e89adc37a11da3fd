// The real platform senders (Bolt's WebClient, discord.js REST) driven by the real delivery
// worker against the fake Slack and Discord servers: what each platform receives (renderer's
// citations and escaping, no mentions, nonce + enforce_nonce), a 429 with Retry-After honoured,
// 5xx retried, and "channel gone" errors disabling the subscription.

import { afterEach, describe, expect, it } from 'vitest';
import { alertMessageBody, createDiscordAlertSender, deliveryNonce, MAX_NONCE_LENGTH } from '../../adapters/discord/alert-sender.ts';
import { createSlackAlertSender } from '../../adapters/slack/alert-sender.ts';
import { ALL_TOPIC, type Alert, type Platform } from '../../src/alerts/alert-types.ts';
import { createDeliveryWorker, type AlertSender } from '../../src/alerts/delivery-worker.ts';
import { createAlertStore } from '../../src/alerts/store.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { tempDir } from '../support/alerts.ts';
import { FAKE_TOKEN, FakeDiscord, flattenMessage as flattenDiscord } from '../support/fake-discord.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

const ALERT: Alert = {
  id: 'status-change:lincolnshire-entered-engage-2024-12:abc123def456',
  kind: 'status-change',
  topics: ['engage', 'entity:lincolnshire-police'],
  title: 'Lincolnshire Police moved into Engage on 6 December 2024 @here <!channel>',
  text: 'Lincolnshire Police was moved into Engage on 6 December 2024. [1] Its causes of concern included 999 calls & <b>attendance</b> @everyone. [1][2]',
  sentences: [
    { text: 'Lincolnshire Police was moved into Engage on 6 December 2024.', citations: [1] },
    { text: 'Its causes of concern included 999 calls & <b>attendance</b> @everyone.', citations: [1, 2] },
  ],
  citations: [
    { n: 1, sourceId: 'hmicfrs-lincs', title: 'Lincolnshire Police: move to enhanced phase of monitoring', publisher: 'HMICFRS', published: '2024-12-06', url: 'https://hmicfrs.justiceinspectorates.gov.uk/lincs/', locator: null },
    { n: 2, sourceId: 'lbc', title: 'Lincolnshire Police moved into special measures', publisher: 'LBC', published: '2024-12-06', url: null, locator: 'para. 2' },
  ],
  asOf: '2024-12-06',
  link: 'https://hmicfrs.justiceinspectorates.gov.uk/lincs/',
  createdAt: '2025-09-18T10:00:00.000Z',
};

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function outbox(platform: Platform, sender: AlertSender, channels: string[]) {
  const t = tempDir();
  const store = createAlertStore({ dataDir: t.dir });
  for (const c of channels) store.subscribe({ platform, channelId: c, topic: ALL_TOPIC, label: 'everything' });
  const logger = createMemoryLogger();
  const worker = createDeliveryWorker({ store, senders: { [platform]: sender }, logger, backoff: { baseMs: 50, maxMs: 200 } });
  cleanups.push(t.cleanup, () => store.close(), () => worker.stop());
  return { store, worker, logger };
}

describe('Slack alert sender (Bolt WebClient → fake Slack)', () => {
  const slack = async (): Promise<{ fake: FakeSlack; sender: AlertSender; logger: ReturnType<typeof createMemoryLogger> }> => {
    const fake = await startFakeSlack();
    cleanups.push(() => fake.close());
    const logger = createMemoryLogger();
    return { fake, logger, sender: createSlackAlertSender({ token: 'xoxb-test-token', logger, clientOptions: { slackApiUrl: fake.apiUrl } }) };
  };

  it('posts Block Kit from the adapter\'s renderer: title, cited sentences, sources; no mentions, no unfurls', async () => {
    const { fake, sender } = await slack();
    const result = await sender.send(ALERT, 'C0NEWSDESK', { key: 'k', attempt: 1 });
    expect(result).toMatchObject({ kind: 'ok', messageRef: expect.stringMatching(/^\d+\.\d+$/) });
    const [call] = fake.calls('/api/chat.postMessage');
    expect(call!.headers.authorization).toBe('Bearer xoxb-test-token');
    const body = call!.body as { channel: string; text: string; blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[]; unfurl_links: unknown; link_names: unknown };
    expect(body.channel).toBe('C0NEWSDESK');
    expect(String(body.unfurl_links)).toBe('false');
    expect(String(body.link_names)).toBe('false');
    expect(body.blocks[0]!.text!.text).toBe(':rotating_light: Engage alert  *Lincolnshire Police moved into Engage on 6 December 2024 @\u200bhere &lt;!channel&gt;*');
    expect(body.blocks[1]!.text!.text).toBe(
      'Lincolnshire Police was moved into Engage on 6 December 2024. [1] Its causes of concern included 999 calls &amp; &lt;b&gt;attendance&lt;/b&gt; @\u200beveryone. [1][2]',
    );
    const all = JSON.stringify(body);
    expect(all).toContain('<https://hmicfrs.justiceinspectorates.gov.uk/lincs/|Lincolnshire Police: move to enhanced phase of monitoring> — HMICFRS, 6 December 2024');
    expect(all).toContain('As of 6 December 2024');
    expect(all).not.toMatch(/<!channel>|<!here>|<!everyone>|(^|[^\u200b])@(here|everyone)/);
    expect(body.text.startsWith('Lincolnshire Police moved into Engage on 6 December 2024')).toBe(true);
  });

  it('honours Retry-After on a 429 and retries a 5xx, delivering once', async () => {
    const { fake, sender } = await slack();
    fake.failNext('/api/chat.postMessage', { status: 429, headers: { 'Retry-After': '1' } });
    fake.failNext('/api/chat.postMessage', { status: 503 });
    const { store, worker, logger } = outbox('slack', sender, ['C1']);
    store.enqueue([ALERT]);
    worker.start();
    await worker.drain(8_000);
    const calls = fake.calls('/api/chat.postMessage');
    expect(calls).toHaveLength(3);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(990);
    expect(calls[2]!.at - calls[1]!.at).toBeLessThan(1_000);
    expect(store.deliveriesOf(ALERT.id)).toMatchObject([{ status: 'sent', attempts: 3 }]);
    expect(logger.lines.join('\n')).toMatch(/DEBUG alerts: rate limited; waiting as asked before retrying .*rate limited by Slack \(Retry-After 1 s\).*"retryInMs":1000/);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive'])('disables the subscription when Slack answers %s', async (error) => {
    const { fake, sender } = await slack();
    fake.answer('chat.postMessage', { ok: false, error });
    const { store, worker, logger } = outbox('slack', sender, ['C-gone']);
    store.enqueue([ALERT]);
    worker.start();
    await worker.drain(5_000);
    expect(fake.calls('/api/chat.postMessage')).toHaveLength(1);
    expect(store.subscriptionsFor('slack', 'C-gone')[0]).toMatchObject({ status: 'disabled', disabledReason: `Slack answered ${error}` });
    expect(logger.lines.join('\n')).toContain(`alerts: disabled slack channel C-gone: Slack answered ${error}`);
  });
});

describe('Discord alert sender (discord.js REST → fake Discord)', () => {
  const discord = async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const logger = createMemoryLogger();
    return { fake, logger, sender: createDiscordAlertSender({ token: FAKE_TOKEN, logger, restApi: fake.restApi }) };
  };
  const CHANNEL = '777777777777777777';

  it('posts the renderer\'s embed with a deterministic nonce, enforce_nonce and no mentions', async () => {
    const { fake, sender } = await discord();
    const result = await sender.send(ALERT, CHANNEL, { key: `${ALERT.id}|discord|${CHANNEL}`, attempt: 1 });
    expect(result).toMatchObject({ kind: 'ok', messageRef: expect.stringMatching(/^\d+$/) });
    const [request] = fake.requestsTo(`/channels/${CHANNEL}/messages`);
    expect(request!.method).toBe('POST');
    expect(request!.headers.authorization).toBe(`Bot ${FAKE_TOKEN}`);
    expect(request!.body.nonce).toBe(deliveryNonce(`${ALERT.id}|discord|${CHANNEL}`));
    expect(request!.body.nonce).toHaveLength(MAX_NONCE_LENGTH);
    expect(request!.body.enforce_nonce).toBe(true);
    expect(request!.body.allowed_mentions).toEqual({ parse: [] });
    const embed = request!.body.embeds[0];
    expect(embed).toMatchObject({ author: { name: 'Engage alert' }, url: 'https://hmicfrs.justiceinspectorates.gov.uk/lincs/', footer: { text: 'As of 6 December 2024' } });
    expect(embed.fields[0]).toEqual({ name: '[1] HMICFRS · 6 December 2024', value: '[Lincolnshire Police: move to enhanced phase of monitoring](https://hmicfrs.justiceinspectorates.gov.uk/lincs/)' });
    const seen = flattenDiscord(request!.body);
    expect(seen).toContain('@\u200beveryone');
    expect(seen).not.toMatch(/(^|[^\u200b])@everyone|<!channel>/);
    expect(alertMessageBody(ALERT, 'x').nonce).toBe(alertMessageBody(ALERT, 'x').nonce);
    expect(alertMessageBody(ALERT, 'x').nonce).not.toBe(alertMessageBody(ALERT, 'y').nonce);
  });

  it('creates one message for a repeated nonce: a retry after a lost response is not a duplicate', async () => {
    const { fake, sender } = await discord();
    const key = `${ALERT.id}|discord|${CHANNEL}`;
    const first = await sender.send(ALERT, CHANNEL, { key, attempt: 1 });
    const again = await sender.send(ALERT, CHANNEL, { key, attempt: 2 });
    expect(fake.requestsTo(`/channels/${CHANNEL}/messages`)).toHaveLength(2);
    expect(fake.channelMessages.get(CHANNEL)).toHaveLength(1);
    expect(again).toEqual(first);
  });

  it('honours a short Retry-After inside REST and retries a 5xx through the outbox, delivering once', async () => {
    const { fake, sender } = await discord();
    const path = `/api/v10/channels/${CHANNEL}/messages`;
    fake.respondWith((r) => r.path === path, { status: 429, body: { message: 'You are being rate limited.', retry_after: 1, global: false }, headers: { 'Retry-After': '1' } });
    fake.respondWith((r) => r.path === path, { status: 502, body: { message: 'Bad Gateway', code: 0 } });
    const { store, worker } = outbox('discord', sender, [CHANNEL]);
    store.enqueue([ALERT]);
    worker.start();
    await worker.drain(8_000);
    const calls = fake.requestsTo(path);
    expect(calls).toHaveLength(3);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(990);
    expect(fake.channelMessages.get(CHANNEL)).toHaveLength(1);
    // The 429 was waited out within the first attempt; the 502 cost the outbox one retry.
    expect(store.deliveriesOf(ALERT.id)).toMatchObject([{ status: 'sent', attempts: 2 }]);
  });

  it('hands a long Retry-After back to the outbox, which waits it out and delivers once', async () => {
    const { fake, sender } = await discord();
    const path = `/api/v10/channels/${CHANNEL}/messages`;
    fake.respondWith((r) => r.path === path, { status: 429, body: { message: 'You are being rate limited.', retry_after: 3, global: false }, headers: { 'Retry-After': '3' } });
    const result = await sender.send(ALERT, CHANNEL, { key: 'long-wait', attempt: 1 });
    expect(result).toMatchObject({ kind: 'retry', rateLimited: true, afterMs: 3_050 });
    expect(fake.channelMessages.get(CHANNEL)).toBeUndefined();
  });

  it.each([
    [404, 10003, 'Unknown Channel'],
    [403, 50001, 'Missing Access'],
    [403, 50013, 'Missing Permissions'],
  ])('disables the subscription on HTTP %i / code %i (%s)', async (status, code, message) => {
    const { fake, sender } = await discord();
    fake.respondWith((r) => r.path.includes('/channels/'), { status, body: { message, code } }, 5);
    const { store, worker, logger } = outbox('discord', sender, [CHANNEL]);
    store.enqueue([ALERT]);
    worker.start();
    await worker.drain(5_000);
    expect(fake.requestsTo(`/channels/${CHANNEL}/messages`)).toHaveLength(1);
    expect(store.subscriptionsFor('discord', CHANNEL)[0]).toMatchObject({ status: 'disabled', disabledReason: `Discord error ${code}: ${message}` });
    expect(logger.lines.join('\n')).toContain(`alerts: disabled discord channel ${CHANNEL}: Discord error ${code}`);
  });
});
