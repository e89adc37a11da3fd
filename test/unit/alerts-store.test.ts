// The alerts SQLite store: migrations by user_version, WAL, subscriptions, topic fan-out into the
// outbox (each alert once per channel, however many subscriptions match), leases that survive a
// restart, per-channel order, and disabling a channel.

import { afterEach, describe, expect, it } from 'vitest';
import { ALL_TOPIC, ENGAGE_TOPIC, entityTopic, type Alert } from '../../src/alerts/alert-types.ts';
import { createAlertStore, SCHEMA_VERSION, type AlertStore } from '../../src/alerts/store.ts';
import { openSqlite } from '../../src/alerts/sqlite.ts';
import { tempDir } from '../support/alerts.ts';

function alert(id: string, topics: string[]): Alert {
  return { id, kind: 'status-change', topics, title: id, text: id, sentences: [{ text: id, citations: [] }], citations: [], asOf: null, link: null, createdAt: '2025-09-01T00:00:00.000Z' };
}

describe('alert store', () => {
  const cleanups: (() => void)[] = [];
  const open = (dir?: string): { store: AlertStore; dir: string } => {
    const t = dir ? { dir, cleanup: () => {} } : tempDir();
    const store = createAlertStore({ dataDir: t.dir });
    cleanups.push(() => store.close(), t.cleanup);
    return { store, dir: t.dir };
  };
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  it('creates the database in DATA_DIR with WAL and the current schema version, and reopens it', () => {
    const { store, dir } = open();
    store.subscribe({ platform: 'slack', channelId: 'C1', topic: ENGAGE_TOPIC, label: 'Engage moves' });
    store.close();
    const raw = openSqlite(`${dir}/oversight.db`);
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const again = createAlertStore({ dataDir: dir });
    expect(again.listSubscriptions().map((s) => s.channelId)).toEqual(['C1']);
    again.close();
  });

  it('refuses a database from a newer version of the bot rather than corrupting it', () => {
    const { store, dir } = open();
    store.close();
    const raw = openSqlite(`${dir}/oversight.db`);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => createAlertStore({ dataDir: dir })).toThrow(/newer than this bot understands/);
  });

  it('subscribes, reports unchanged and reactivated subscriptions, and unsubscribes', () => {
    const { store } = open();
    expect(store.subscribe({ platform: 'slack', channelId: 'C1', topic: ENGAGE_TOPIC, label: 'Engage moves', createdBy: 'U1' })).toBe('created');
    expect(store.subscribe({ platform: 'slack', channelId: 'C1', topic: ENGAGE_TOPIC, label: 'Engage moves' })).toBe('unchanged');
    expect(store.disableChannel('slack', 'C1', 'channel_not_found')).toBe(1);
    expect(store.subscriptionsFor('slack', 'C1')[0]).toMatchObject({ status: 'disabled', disabledReason: 'channel_not_found', createdBy: 'U1' });
    expect(store.subscribe({ platform: 'slack', channelId: 'C1', topic: ENGAGE_TOPIC, label: 'Engage moves' })).toBe('reactivated');
    expect(store.unsubscribe('slack', 'C1', ENGAGE_TOPIC)).toBe(true);
    expect(store.unsubscribe('slack', 'C1', ENGAGE_TOPIC)).toBe(false);
    expect(store.listSubscriptions()).toEqual([]);
  });

  it('fans an alert out once per matching channel, ignores an alert stored before, and skips disabled channels', () => {
    const { store } = open();
    store.subscribe({ platform: 'slack', channelId: 'C-engage', topic: ENGAGE_TOPIC, label: 'Engage moves' });
    store.subscribe({ platform: 'slack', channelId: 'C-both', topic: ENGAGE_TOPIC, label: 'Engage moves' });
    store.subscribe({ platform: 'slack', channelId: 'C-both', topic: ALL_TOPIC, label: 'everything' });
    store.subscribe({ platform: 'discord', channelId: 'D-lincs', topic: entityTopic('lincolnshire-police'), label: 'Lincolnshire Police' });
    store.subscribe({ platform: 'discord', channelId: 'D-met', topic: entityTopic('metropolitan-police'), label: 'The Met' });
    store.subscribe({ platform: 'discord', channelId: 'D-gone', topic: ALL_TOPIC, label: 'everything' });
    store.disableChannel('discord', 'D-gone', 'Unknown Channel');

    const a = alert('a1', [ENGAGE_TOPIC, entityTopic('lincolnshire-police')]);
    expect(store.enqueue([a])).toBe(3);
    expect(store.enqueue([a])).toBe(0);
    expect(store.deliveriesOf('a1').map((d) => `${d.platform}:${d.channelId}`).sort()).toEqual(['discord:D-lincs', 'slack:C-both', 'slack:C-engage']);
    // A fact about another force reaches only "all" and that force's subscribers.
    expect(store.enqueue([alert('f1', [entityTopic('metropolitan-police')])])).toBe(2);
  });

  it('leases each channel\'s oldest delivery only, in order, and gives leases back after a restart', () => {
    const { store, dir } = open();
    store.subscribe({ platform: 'slack', channelId: 'C1', topic: ALL_TOPIC, label: 'everything' });
    store.subscribe({ platform: 'slack', channelId: 'C2', topic: ALL_TOPIC, label: 'everything' });
    store.enqueue([alert('first', []), alert('second', [])]);
    const now = Date.now();
    const leased = store.leaseDue(now, 10, 60_000, ['slack']);
    expect(leased.map((j) => `${j.channelId}:${j.alertId}`)).toEqual(['C1:first', 'C2:first']);
    expect(leased[0]!.alert.title).toBe('first');
    // Leased ones are in flight: nothing else for those channels until they finish.
    expect(store.leaseDue(now, 10, 60_000, ['slack'])).toEqual([]);
    expect(store.leaseDue(now, 10, 60_000, ['discord'])).toEqual([]);
    store.markSent(leased[0]!.id, 'ts-1', now);
    expect(store.leaseDue(now, 10, 60_000, ['slack']).map((j) => `${j.channelId}:${j.alertId}`)).toEqual(['C1:second']);

    // The process dies with C1:second and C2:first leased; a new process releases them.
    store.close();
    const reopened = createAlertStore({ dataDir: dir });
    cleanups.push(() => reopened.close());
    expect(reopened.leaseDue(now, 10, 60_000, ['slack'])).toEqual([]);
    expect(reopened.releaseLeases(now)).toBe(2);
    const again = reopened.leaseDue(now, 10, 60_000, ['slack']);
    expect(again.map((j) => `${j.channelId}:${j.alertId}:${j.attempts}`).sort()).toEqual(['C1:second:2', 'C2:first:2']);
  });

  it('holds a channel for pacing and reports when the next delivery is due', () => {
    const { store } = open();
    store.subscribe({ platform: 'slack', channelId: 'C1', topic: ALL_TOPIC, label: 'everything' });
    store.enqueue([alert('one', []), alert('two', [])]);
    const now = Date.now();
    const [job] = store.leaseDue(now, 10, 60_000, ['slack']);
    store.markSent(job!.id, null, now);
    store.holdChannel('slack', 'C1', now + 1_000);
    expect(store.leaseDue(now + 500, 10, 60_000, ['slack'])).toEqual([]);
    expect(store.nextDueAt(['slack'])).toBe(now + 1_000);
    expect(store.leaseDue(now + 1_000, 10, 60_000, ['slack'])).toHaveLength(1);
  });

  it('disabling a channel fails its pending deliveries; unsubscribing drops only the ones no longer wanted', () => {
    const { store } = open();
    store.subscribe({ platform: 'discord', channelId: 'D1', topic: ENGAGE_TOPIC, label: 'Engage moves' });
    store.subscribe({ platform: 'discord', channelId: 'D1', topic: entityTopic('lincolnshire-police'), label: 'Lincolnshire Police' });
    store.subscribe({ platform: 'discord', channelId: 'D2', topic: ENGAGE_TOPIC, label: 'Engage moves' });
    store.enqueue([alert('move', [ENGAGE_TOPIC, entityTopic('lincolnshire-police')]), alert('fact', [entityTopic('lincolnshire-police')])]);
    store.unsubscribe('discord', 'D1', entityTopic('lincolnshire-police'));
    expect(store.deliveriesOf('fact')).toEqual([]);
    expect(store.deliveriesOf('move').map((d) => d.channelId)).toEqual(['D1', 'D2']);

    store.disableChannel('discord', 'D2', 'Discord error 10003: Unknown Channel');
    expect(store.deliveriesOf('move').find((d) => d.channelId === 'D2')).toMatchObject({ status: 'failed', lastError: 'channel disabled: Discord error 10003: Unknown Channel' });
    expect(store.status().deliveries.discord).toEqual({ pending: 1, sent: 0, failed: 1 });
  });

  it('commits an announcement atomically: snapshot, revision and queued alerts together', () => {
    const { store } = open();
    store.subscribe({ platform: 'slack', channelId: 'C1', topic: ENGAGE_TOPIC, label: 'Engage moves' });
    expect(store.announcedRevision()).toBeNull();
    const queued = store.commitAnnouncement('rev-1', new Map([['event:x', '{"a":1}']]), [alert('x', [ENGAGE_TOPIC])]);
    expect(queued).toBe(1);
    expect(store.announcedRevision()).toBe('rev-1');
    expect([...store.announcedItems()]).toEqual([['event:x', '{"a":1}']]);
    // A failure inside the transaction leaves everything as it was.
    const broken = { ...alert('y', [ENGAGE_TOPIC]), title: null } as unknown as Alert; // violates NOT NULL
    expect(() => store.commitAnnouncement('rev-2', new Map(), [broken])).toThrow(/NOT NULL/);
    expect(store.announcedRevision()).toBe('rev-1');
    expect(store.announcedItems().size).toBe(1);
  });
});
