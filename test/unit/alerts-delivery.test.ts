// The delivery worker with in-memory senders and a real store: every pending alert reaches every
// channel in order, Retry-After is honoured, other failures back off, a permanent failure
// disables the channel with a log line instead of retrying forever, and channels are paced.

import { afterEach, describe, expect, it } from 'vitest';
import { ALL_TOPIC, type Alert, type Platform } from '../../src/alerts/alert-types.ts';
import { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from '../../src/alerts/delivery-worker.ts';
import { createAlertStore, type AlertStore } from '../../src/alerts/store.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { createRecordingSender, tempDir, type RecordingSender } from '../support/alerts.ts';

function alert(id: string): Alert {
  return { id, kind: 'status-change', topics: ['engage'], title: id, text: id, sentences: [{ text: id, citations: [] }], citations: [], asOf: null, link: null, createdAt: new Date().toISOString() };
}

describe('delivery worker', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  function setup(channels: Partial<Record<Platform, string[]>>, options: Partial<DeliveryWorkerOptions> = {}) {
    const t = tempDir();
    const store: AlertStore = createAlertStore({ dataDir: t.dir });
    const logger = createMemoryLogger();
    const senders: Partial<Record<Platform, RecordingSender>> = {};
    for (const [platform, ids] of Object.entries(channels) as [Platform, string[]][]) {
      senders[platform] = createRecordingSender(platform);
      for (const id of ids) store.subscribe({ platform, channelId: id, topic: ALL_TOPIC, label: 'everything' });
    }
    const worker: DeliveryWorker = createDeliveryWorker({ store, senders, logger, backoff: { baseMs: 100, maxMs: 1_000 }, pacingMs: { slack: 0, discord: 0 }, ...options });
    cleanups.push(t.cleanup, () => store.close(), () => worker.stop());
    return { store, logger, senders, worker };
  }

  it('delivers every alert to every channel, each channel in order, and records them as sent', async () => {
    const { store, senders, worker } = setup({ slack: ['C1', 'C2', 'C3'], discord: ['D1', 'D2'] });
    store.enqueue([alert('a1'), alert('a2'), alert('a3')]);
    worker.start();
    await worker.drain(5_000);
    for (const c of ['C1', 'C2', 'C3']) expect(senders.slack!.delivered.get(c)).toEqual(['a1', 'a2', 'a3']);
    for (const c of ['D1', 'D2']) expect(senders.discord!.delivered.get(c)).toEqual(['a1', 'a2', 'a3']);
    expect(store.status().deliveries).toEqual({ slack: { pending: 0, sent: 9, failed: 0 }, discord: { pending: 0, sent: 6, failed: 0 } });
    // The same key for every attempt of one delivery: what Discord's nonce is derived from.
    expect(senders.discord!.attempts[0]!.key).toBe('a1|discord|D1');
  });

  it('paces messages to one Slack channel (about one a second by default)', async () => {
    const { store, senders, worker } = setup({ slack: ['C1', 'C2'] }, { pacingMs: { slack: 300 } });
    store.enqueue([alert('p1'), alert('p2'), alert('p3')]);
    worker.start();
    await worker.drain(5_000);
    const times = senders.slack!.attempts.filter((a) => a.channelId === 'C1').map((a) => a.at);
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(290);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(290);
    // Channels are paced independently: C2's first message does not wait for C1.
    const c2First = senders.slack!.attempts.find((a) => a.channelId === 'C2')!.at;
    expect(c2First - times[0]!).toBeLessThan(200);
  });

  it('honours Retry-After from a rate limit before trying again', async () => {
    const { store, senders, worker, logger } = setup({ slack: ['C1'] });
    senders.slack!.script('C1', { kind: 'retry', reason: 'rate limited by Slack (Retry-After 1 s)', afterMs: 700 });
    store.enqueue([alert('r1')]);
    worker.start();
    await worker.drain(5_000);
    const [first, second] = senders.slack!.attempts;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(690);
    expect(second!.attempt).toBe(2);
    expect(logger.lines.join('\n')).toMatch(/WARN alerts: delivery failed; will retry .*"retryInMs":700/);
  });

  it('backs off exponentially on 5xx and network failures, then delivers', async () => {
    const { store, senders, worker } = setup({ discord: ['D1'] });
    senders.discord!.script('D1', { kind: 'retry', reason: 'Discord HTTP 502' }, { kind: 'retry', reason: 'Discord HTTP 503' }, { kind: 'retry', reason: 'could not reach Discord' });
    store.enqueue([alert('b1')]);
    worker.start();
    await worker.drain(5_000);
    const at = senders.discord!.attempts.map((a) => a.at);
    expect(at).toHaveLength(4);
    // base 100 ms doubling, ±25% jitter: ≥75, ≥150, ≥300.
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(70);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(145);
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(295);
    expect(senders.discord!.delivered.get('D1')).toEqual(['b1']);
  });

  it('disables a channel that is gone, with a log line, instead of retrying forever; other channels carry on', async () => {
    const { store, senders, worker, logger } = setup({ slack: ['C-gone', 'C-ok'] });
    senders.slack!.script('C-gone', { kind: 'permanent', reason: 'Slack answered channel_not_found', disableChannel: true });
    store.enqueue([alert('g1'), alert('g2')]);
    worker.start();
    await worker.drain(5_000);
    expect(senders.slack!.attempts.filter((a) => a.channelId === 'C-gone')).toHaveLength(1);
    expect(senders.slack!.delivered.get('C-ok')).toEqual(['g1', 'g2']);
    expect(store.subscriptionsFor('slack', 'C-gone')[0]).toMatchObject({ status: 'disabled', disabledReason: 'Slack answered channel_not_found' });
    expect(store.status().deliveries.slack).toEqual({ pending: 0, sent: 2, failed: 2 });
    expect(logger.lines.filter((l) => /WARN alerts: disabled slack channel C-gone: Slack answered channel_not_found/.test(l))).toHaveLength(1);
    // A later alert does not go to the disabled channel at all.
    expect(store.enqueue([alert('g3')])).toBe(1);
  });

  it('fails only the delivery when the message itself is rejected, keeping the subscription', async () => {
    const { store, senders, worker, logger } = setup({ discord: ['D1'] });
    senders.discord!.script('D1', { kind: 'permanent', reason: 'Discord rejected the message (50035)', disableChannel: false });
    store.enqueue([alert('m1'), alert('m2')]);
    worker.start();
    await worker.drain(5_000);
    expect(senders.discord!.delivered.get('D1')).toEqual(['m2']);
    expect(store.subscriptionsFor('discord', 'D1')[0]!.status).toBe('active');
    expect(logger.lines.join('\n')).toMatch(/ERROR alerts: gave up delivering status-change: m1: Discord rejected the message/);
  });

  it('keeps at most `concurrency` deliveries in flight, one per channel', async () => {
    const channels = Array.from({ length: 12 }, (_, i) => `C${i}`);
    const { store, senders, worker } = setup({ slack: channels }, { concurrency: 4 });
    senders.slack!.latencyMs = 40;
    let max = 0;
    const original = senders.slack!.send.bind(senders.slack!);
    senders.slack!.send = async (...args) => {
      max = Math.max(max, worker.inFlight);
      return original(...args);
    };
    store.enqueue([alert('c1'), alert('c2')]);
    worker.start();
    await worker.drain(5_000);
    expect(max).toBeLessThanOrEqual(4);
    expect(max).toBeGreaterThanOrEqual(3);
    for (const c of channels) expect(senders.slack!.delivered.get(c)).toEqual(['c1', 'c2']);
  });

  it('treats a sender that throws as a failure to retry, and stop() waits for deliveries in flight', async () => {
    const { store, senders, worker, logger } = setup({ slack: ['C1'] });
    let calls = 0;
    const original = senders.slack!.send.bind(senders.slack!);
    senders.slack!.send = async (...args) => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      await new Promise((r) => setTimeout(r, 100));
      return original(...args);
    };
    store.enqueue([alert('t1')]);
    worker.start();
    // Wait until the retry (after a jittered backoff) is actually in flight, then stop mid-send:
    // a fixed sleep here raced the jitter.
    const deadline = Date.now() + 5_000;
    while (calls < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(2);
    await worker.stop();
    expect(logger.lines.join('\n')).toMatch(/a sender threw/);
    expect(store.status().deliveries.slack.sent).toBe(1);
  });
});
