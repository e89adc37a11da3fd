// The alerts' durable state in one embedded SQLite file (better-sqlite3, WAL): subscriptions, the
// knowledge revision last announced and its snapshot, feed state and seen feed items, alerts, and
// the outbox of (alert, channel) deliveries. Every multi-step change is one transaction, so a
// SIGKILL at any instant leaves either the whole change or none of it. Schema changes are numbered
// migrations applied by PRAGMA user_version. No chat libraries, no process.env.

import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ENV_HELP } from '../config.ts';
import { OversightError } from '../errors.ts';
import { ALL_TOPIC, PLATFORMS, type Alert, type Platform } from './alert-types.ts';
import { openSqlite, type SqliteDatabase } from './sqlite.ts';

/** The database file inside DATA_DIR. */
export const DATABASE_FILE = 'oversight.db';

export type SubscriptionStatus = 'active' | 'disabled';

export interface Subscription {
  platform: Platform;
  channelId: string;
  /** "engage", "all" or "entity:<id>". */
  topic: string;
  /** What the topic means to a person: "Engage moves", "Lincolnshire Police". */
  label: string;
  status: SubscriptionStatus;
  disabledReason: string | null;
  createdAt: string;
  createdBy: string | null;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** One delivery the worker should attempt now, with its alert. */
export interface DeliveryJob {
  id: number;
  alertId: string;
  platform: Platform;
  channelId: string;
  /** Attempts so far, including this one. */
  attempts: number;
  alert: Alert;
}

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** When the first successful fetch recorded the items already in the feed (sending none). */
  baselineAt: string | null;
  lastCheckedAt: string | null;
  lastError: string | null;
}

export interface DeliveryCounts {
  pending: number;
  sent: number;
  failed: number;
}

export interface StoreStatus {
  path: string;
  announcedRevision: string | null;
  subscriptions: Subscription[];
  deliveries: Record<Platform, DeliveryCounts>;
  /** The most recent failed deliveries, newest first. */
  recentFailures: { alertId: string; platform: Platform; channelId: string; error: string | null; at: string | null }[];
  /** Pending deliveries that have been tried at least once, with their last error. */
  retrying: { alertId: string; platform: Platform; channelId: string; attempts: number; error: string | null; nextAttemptAt: number }[];
  feeds: FeedState[];
  alerts: number;
}

export interface AlertStore {
  readonly path: string;

  // Subscriptions ---------------------------------------------------------------------------
  /** Adds (or re-activates) a subscription. */
  subscribe(input: { platform: Platform; channelId: string; topic: string; label: string; createdBy?: string | null }): 'created' | 'reactivated' | 'unchanged';
  /** Removes a subscription and the channel's pending deliveries no remaining subscription wants. */
  unsubscribe(platform: Platform, channelId: string, topic: string): boolean;
  subscriptionsFor(platform: Platform, channelId: string): Subscription[];
  listSubscriptions(): Subscription[];
  /**
   * The channel cannot be delivered to any more (gone, bot removed, no access): disables its
   * subscriptions and fails its pending deliveries. Returns how many subscriptions it disabled.
   */
  disableChannel(platform: Platform, channelId: string, reason: string): number;

  // Knowledge announcements -----------------------------------------------------------------
  announcedRevision(): string | null;
  /** The snapshot of what was announced: item key → JSON written by the knowledge diff. */
  announcedItems(): Map<string, string>;
  /**
   * Atomically: replaces the announced snapshot, records the revision, stores the alerts and
   * queues them for every subscribed channel. Returns the number of deliveries queued.
   */
  commitAnnouncement(revision: string, items: Map<string, string>, alerts: Alert[]): number;

  // Feeds ------------------------------------------------------------------------------------
  feedState(url: string): FeedState | undefined;
  /**
   * Atomically: saves the feed's validators, marks every key of every item seen, and queues the
   * alerts `plan` returns for the items none of whose keys was seen before (`plan` is given their
   * first keys, in feed order). Returns the alerts queued.
   */
  commitFeedPoll(
    url: string,
    state: { etag: string | null; lastModified: string | null; baseline: boolean },
    items: string[][],
    plan: (fresh: string[]) => Alert[],
  ): Alert[];
  /** Records a poll that changed nothing (304) or failed. */
  noteFeedCheck(url: string, error: string | null): void;

  // Outbox -----------------------------------------------------------------------------------
  /** Stores alerts (ignoring ones already stored) and queues new ones for subscribed channels. */
  enqueue(alerts: Alert[]): number;
  /**
   * Leases up to `limit` due deliveries: for each channel only its oldest pending one (so alerts
   * arrive in order), marked as attempted and hidden from the next lease for `leaseMs`.
   */
  leaseDue(now: number, limit: number, leaseMs: number, platforms: readonly Platform[]): DeliveryJob[];
  /** After a restart: leases held by the previous process are due again at once. */
  releaseLeases(now: number): number;
  /** When the next channel's oldest pending delivery becomes due (ms); undefined when none is pending. */
  nextDueAt(platforms: readonly Platform[]): number | undefined;
  markSent(id: number, messageRef: string | null, now: number): void;
  markRetry(id: number, nextAttemptAt: number, error: string): void;
  markFailed(id: number, error: string, now: number): void;
  /** Holds the channel's other pending deliveries until `until` (per-channel pacing). */
  holdChannel(platform: Platform, channelId: string, until: number): void;
  pendingCount(platforms?: readonly Platform[]): number;
  status(): StoreStatus;
  /** Deliveries of one alert, for tests and the operator. */
  deliveriesOf(alertId: string): { platform: Platform; channelId: string; status: DeliveryStatus; attempts: number; messageRef: string | null; lastError: string | null }[];

  close(): void;
}

/** Numbered migrations: index + 1 is the user_version after applying it. Append, never edit. */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE subscriptions (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    disabled_reason TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT,
    PRIMARY KEY (platform, channel_id, topic)
  );
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE announced_items (key TEXT PRIMARY KEY, snapshot TEXT NOT NULL);
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    baseline_at TEXT,
    last_checked_at TEXT,
    last_error TEXT
  );
  CREATE TABLE feed_items (
    feed_url TEXT NOT NULL,
    item_key TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_key)
  );
  CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    topics TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    alert_id TEXT NOT NULL REFERENCES alerts(id),
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    leased INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    message_ref TEXT,
    created_at TEXT NOT NULL,
    finished_at TEXT,
    UNIQUE (alert_id, platform, channel_id)
  );
  CREATE INDEX deliveries_pending_by_channel ON deliveries (platform, channel_id, id) WHERE status = 'pending';
  CREATE INDEX deliveries_pending_due ON deliveries (next_attempt_at, id) WHERE status = 'pending';
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface CreateAlertStoreOptions {
  /** Folder for the database (DATA_DIR); created when missing. */
  dataDir?: string;
  /** Or an explicit file path (":memory:" for throwaway tests). */
  file?: string;
  /** ISO clock for created_at columns; injectable for tests. */
  nowIso?: () => string;
  /** How long to wait for another process's lock before failing (ms). Default 5 s. */
  busyTimeoutMs?: number;
}

/**
 * One line for a log or an error: the file, its DATA_DIR, what SQLite said, and the likely fix.
 * Used wherever the store fails (opening it, saving a subscription), so every such message names
 * where the data lives.
 */
export function storeProblem(file: string, error: unknown): string {
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
      ? 'another process holds the database locked (only one bot may use a DATA_DIR; the operator commands only briefly)'
      : code.startsWith('SQLITE_FULL') || /ENOSPC/.test(code + message)
        ? 'the disk is full'
        : code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')
          ? 'the file is not an SQLite database or is damaged: restore it from a backup, or move it aside to start afresh (subscriptions are then lost and the next start records a new baseline)'
          : code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || /EACCES|EPERM|EROFS|ENOTDIR|EEXIST/.test(code + message)
            ? 'the bot cannot create or write the file there (a read-only or missing folder, or a file where the folder should be)'
            : undefined;
  const dataDir = file === ':memory:' ? '(in memory)' : dirname(file);
  return `${file} (DATA_DIR ${dataDir}): ${message}${hint ? ` — ${hint}` : ''}`;
}

export function createAlertStore(options: CreateAlertStoreOptions): AlertStore {
  const file = options.file ?? join(resolve(options.dataDir ?? 'data'), DATABASE_FILE);
  let db: SqliteDatabase | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = openSqlite(file, options.busyTimeoutMs !== undefined ? { timeout: options.busyTimeoutMs } : {});
    // WAL: readers (the operator CLI) never block the running bot; synchronous=NORMAL is durable
    // against a process crash (SIGKILL), which is the failure the outbox must survive.
    // These are the first reads of the file: a locked, damaged or foreign file fails here.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    try {
      db?.close();
    } catch {
      // already unusable
    }
    throw new OversightError('DATA_UNAVAILABLE', `The alerts database cannot be opened: ${storeProblem(file, error)}`, [
      `DATA_DIR: ${ENV_HELP.DATA_DIR ?? ''}; it must be a folder on persistent storage that the bot can write to, used by one bot process at a time`,
    ]);
  }
  const nowIso = options.nowIso ?? (() => new Date().toISOString());

  const q = {
    subscriptionGet: db.prepare<{ status: string }>('SELECT status FROM subscriptions WHERE platform = ? AND channel_id = ? AND topic = ?'),
    subscriptionInsert: db.prepare(
      'INSERT INTO subscriptions (platform, channel_id, topic, label, status, created_at, created_by) VALUES (?, ?, ?, ?, \'active\', ?, ?)',
    ),
    subscriptionReactivate: db.prepare(
      "UPDATE subscriptions SET status = 'active', disabled_reason = NULL, label = ? WHERE platform = ? AND channel_id = ? AND topic = ?",
    ),
    subscriptionDelete: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ? AND topic = ?'),
    subscriptionsForChannel: db.prepare<SubscriptionRow>('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY created_at, rowid'),
    subscriptionsAll: db.prepare<SubscriptionRow>('SELECT * FROM subscriptions ORDER BY platform, channel_id, created_at, rowid'),
    disableChannel: db.prepare(
      "UPDATE subscriptions SET status = 'disabled', disabled_reason = ? WHERE platform = ? AND channel_id = ? AND status = 'active'",
    ),
    failChannelPending: db.prepare(
      "UPDATE deliveries SET status = 'failed', leased = 0, last_error = ?, finished_at = ? WHERE platform = ? AND channel_id = ? AND status = 'pending'",
    ),
    pendingForChannel: db.prepare<{ id: number; topics: string }>(
      "SELECT d.id, a.topics FROM deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.platform = ? AND d.channel_id = ? AND d.status = 'pending' AND d.leased = 0",
    ),
    deleteDelivery: db.prepare('DELETE FROM deliveries WHERE id = ?'),
    metaGet: db.prepare<{ value: string }>('SELECT value FROM meta WHERE key = ?'),
    metaSet: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    announcedAll: db.prepare<{ key: string; snapshot: string }>('SELECT key, snapshot FROM announced_items'),
    announcedClear: db.prepare('DELETE FROM announced_items'),
    announcedInsert: db.prepare('INSERT INTO announced_items (key, snapshot) VALUES (?, ?)'),
    feedGet: db.prepare<FeedRow>('SELECT * FROM feeds WHERE url = ?'),
    feedsAll: db.prepare<FeedRow>('SELECT * FROM feeds ORDER BY url'),
    feedUpsert: db.prepare(`
      INSERT INTO feeds (url, etag, last_modified, baseline_at, last_checked_at, last_error) VALUES (?, ?, ?, ?, ?, NULL)
      ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
        baseline_at = COALESCE(feeds.baseline_at, excluded.baseline_at), last_checked_at = excluded.last_checked_at, last_error = NULL`),
    feedNote: db.prepare(`
      INSERT INTO feeds (url, last_checked_at, last_error) VALUES (?, ?, ?)
      ON CONFLICT (url) DO UPDATE SET last_checked_at = excluded.last_checked_at, last_error = excluded.last_error`),
    // ON CONFLICT DO NOTHING, not INSERT OR IGNORE: only a repeat is ignored, never a bad row.
    feedItemInsert: db.prepare('INSERT INTO feed_items (feed_url, item_key, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    alertInsert: db.prepare('INSERT INTO alerts (id, kind, title, topics, payload, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'),
    fanOut: db.prepare(`
      INSERT INTO deliveries (alert_id, platform, channel_id, next_attempt_at, created_at)
      SELECT ?, platform, channel_id, ?, ? FROM subscriptions
      WHERE status = 'active' AND (topic = '${ALL_TOPIC}' OR topic IN (SELECT value FROM json_each(?)))
      GROUP BY platform, channel_id
      ORDER BY MIN(created_at), platform, channel_id
      ON CONFLICT (alert_id, platform, channel_id) DO NOTHING`),
    due: db.prepare<DueRow>(`
      SELECT d.id, d.alert_id, d.platform, d.channel_id, d.attempts, a.payload
      FROM deliveries d JOIN alerts a ON a.id = d.alert_id
      WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND d.platform IN (SELECT value FROM json_each(?))
        AND d.id = (SELECT MIN(o.id) FROM deliveries o WHERE o.platform = d.platform AND o.channel_id = d.channel_id AND o.status = 'pending')
      ORDER BY d.next_attempt_at, d.id
      LIMIT ?`),
    lease: db.prepare('UPDATE deliveries SET leased = 1, attempts = attempts + 1, next_attempt_at = ? WHERE id = ?'),
    releaseLeases: db.prepare("UPDATE deliveries SET leased = 0, next_attempt_at = MIN(next_attempt_at, ?) WHERE status = 'pending' AND leased = 1"),
    nextDue: db.prepare<{ at: number | null }>(`
      SELECT MIN(d.next_attempt_at) AS at FROM deliveries d
      WHERE d.status = 'pending' AND d.platform IN (SELECT value FROM json_each(?))
        AND d.id = (SELECT MIN(o.id) FROM deliveries o WHERE o.platform = d.platform AND o.channel_id = d.channel_id AND o.status = 'pending')`),
    markSent: db.prepare("UPDATE deliveries SET status = 'sent', leased = 0, message_ref = ?, last_error = NULL, finished_at = ? WHERE id = ?"),
    markRetry: db.prepare("UPDATE deliveries SET leased = 0, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'pending'"),
    markFailed: db.prepare("UPDATE deliveries SET status = 'failed', leased = 0, last_error = ?, finished_at = ? WHERE id = ?"),
    hold: db.prepare(
      "UPDATE deliveries SET next_attempt_at = MAX(next_attempt_at, ?) WHERE platform = ? AND channel_id = ? AND status = 'pending' AND leased = 0",
    ),
    pendingCount: db.prepare<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'pending' AND platform IN (SELECT value FROM json_each(?))"),
    counts: db.prepare<{ platform: Platform; status: DeliveryStatus; n: number }>('SELECT platform, status, COUNT(*) AS n FROM deliveries GROUP BY platform, status'),
    recentFailures: db.prepare<{ alert_id: string; platform: Platform; channel_id: string; last_error: string | null; finished_at: string | null }>(
      "SELECT alert_id, platform, channel_id, last_error, finished_at FROM deliveries WHERE status = 'failed' ORDER BY id DESC LIMIT 20",
    ),
    retrying: db.prepare<{ alert_id: string; platform: Platform; channel_id: string; attempts: number; last_error: string | null; next_attempt_at: number }>(
      "SELECT alert_id, platform, channel_id, attempts, last_error, next_attempt_at FROM deliveries WHERE status = 'pending' AND attempts > 0 ORDER BY next_attempt_at LIMIT 20",
    ),
    alertCount: db.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM alerts'),
    deliveriesOf: db.prepare<{ platform: Platform; channel_id: string; status: DeliveryStatus; attempts: number; message_ref: string | null; last_error: string | null }>(
      'SELECT platform, channel_id, status, attempts, message_ref, last_error FROM deliveries WHERE alert_id = ? ORDER BY id',
    ),
  };

  /** Stores one alert; when it is new, queues it for every matching active subscription. */
  const storeAndFanOut = (alert: Alert, now: number): number => {
    const inserted = q.alertInsert.run(alert.id, alert.kind, alert.title, JSON.stringify(alert.topics), JSON.stringify(alert), alert.createdAt).changes;
    // An alert already stored was fanned out when it was first stored; doing it again would send
    // it to channels that subscribed later, which is not what they asked for.
    if (inserted === 0) return 0;
    return q.fanOut.run(alert.id, now, nowIso(), JSON.stringify(alert.topics)).changes;
  };

  const enqueueAll = (alerts: Alert[]): number => alerts.reduce((sum, alert) => sum + storeAndFanOut(alert, Date.now()), 0);

  const commitAnnouncement = db.transaction((revision: string, items: Map<string, string>, alerts: Alert[]): number => {
    q.announcedClear.run();
    for (const [key, snapshot] of items) q.announcedInsert.run(key, snapshot);
    q.metaSet.run('announced_revision', revision);
    return enqueueAll(alerts);
  });

  const commitFeedPoll = db.transaction(
    (url: string, state: { etag: string | null; lastModified: string | null; baseline: boolean }, items: string[][], plan: (fresh: string[]) => Alert[]): Alert[] => {
      const at = nowIso();
      q.feedUpsert.run(url, state.etag, state.lastModified, state.baseline ? at : null, at);
      const fresh: string[] = [];
      for (const keys of items) {
        if (keys.length === 0) continue;
        // Every key is recorded; the item is new only if none was there (guid, link or title).
        let seen = false;
        for (const key of keys) if (q.feedItemInsert.run(url, key, at).changes === 0) seen = true;
        if (!seen) fresh.push(keys[0]!);
      }
      const queued = fresh.length > 0 ? plan(fresh) : [];
      for (const alert of queued) storeAndFanOut(alert, Date.now());
      return queued;
    },
  );

  const unsubscribe = db.transaction((platform: Platform, channelId: string, topic: string): boolean => {
    const removed = q.subscriptionDelete.run(platform, channelId, topic).changes > 0;
    if (!removed) return false;
    // Pending deliveries the channel no longer wants are dropped; ones still wanted by another of
    // its subscriptions (e.g. "all") stay.
    const remaining = q.subscriptionsForChannel.all(platform, channelId).filter((s) => s.status === 'active').map((s) => s.topic);
    for (const row of q.pendingForChannel.all(platform, channelId)) {
      const topics = JSON.parse(row.topics) as string[];
      const wanted = remaining.some((t) => t === ALL_TOPIC || topics.includes(t));
      if (!wanted) q.deleteDelivery.run(row.id);
    }
    return true;
  });

  const disableChannel = db.transaction((platform: Platform, channelId: string, reason: string): number => {
    const disabled = q.disableChannel.run(reason, platform, channelId).changes;
    q.failChannelPending.run(`channel disabled: ${reason}`, nowIso(), platform, channelId);
    return disabled;
  });

  const leaseDue = db.transaction((now: number, limit: number, leaseMs: number, platforms: readonly Platform[]): DeliveryJob[] => {
    const rows = q.due.all(now, JSON.stringify(platforms), limit);
    const jobs: DeliveryJob[] = [];
    for (const row of rows) {
      q.lease.run(now + leaseMs, row.id);
      jobs.push({
        id: row.id,
        alertId: row.alert_id,
        platform: row.platform,
        channelId: row.channel_id,
        attempts: row.attempts + 1,
        alert: parseAlert(row.alert_id, row.payload),
      });
    }
    return jobs;
  });

  // Fan-out to 1,000 channels parses the same payload 1,000 times without this small cache.
  const parsedAlerts = new Map<string, Alert>();
  const parseAlert = (id: string, payload: string): Alert => {
    let alert = parsedAlerts.get(id);
    if (!alert) {
      alert = JSON.parse(payload) as Alert;
      parsedAlerts.set(id, alert);
      if (parsedAlerts.size > 200) parsedAlerts.delete(parsedAlerts.keys().next().value!);
    }
    return alert;
  };

  return {
    path: file,

    subscribe({ platform, channelId, topic, label, createdBy }) {
      const existing = q.subscriptionGet.get(platform, channelId, topic);
      if (!existing) {
        q.subscriptionInsert.run(platform, channelId, topic, label, nowIso(), createdBy ?? null);
        return 'created';
      }
      if (existing.status === 'disabled') {
        q.subscriptionReactivate.run(label, platform, channelId, topic);
        return 'reactivated';
      }
      return 'unchanged';
    },
    unsubscribe: (platform, channelId, topic) => unsubscribe(platform, channelId, topic),
    subscriptionsFor: (platform, channelId) => q.subscriptionsForChannel.all(platform, channelId).map(toSubscription),
    listSubscriptions: () => q.subscriptionsAll.all().map(toSubscription),
    disableChannel: (platform, channelId, reason) => disableChannel(platform, channelId, reason),

    announcedRevision: () => q.metaGet.get('announced_revision')?.value ?? null,
    announcedItems: () => new Map(q.announcedAll.all().map((r) => [r.key, r.snapshot])),
    commitAnnouncement: (revision, items, alerts) => commitAnnouncement(revision, items, alerts),

    feedState: (url) => {
      const row = q.feedGet.get(url);
      return row ? toFeedState(row) : undefined;
    },
    commitFeedPoll: (url, state, items, plan) => commitFeedPoll(url, state, items, plan),
    noteFeedCheck: (url, error) => {
      q.feedNote.run(url, nowIso(), error);
    },

    enqueue: db.transaction((alerts: Alert[]) => enqueueAll(alerts)),
    leaseDue: (now, limit, leaseMs, platforms) => leaseDue(now, limit, leaseMs, platforms),
    releaseLeases: (now) => q.releaseLeases.run(now).changes,
    nextDueAt: (platforms) => q.nextDue.get(JSON.stringify(platforms))?.at ?? undefined,
    markSent: (id, ref, _now) => {
      q.markSent.run(ref, nowIso(), id);
    },
    markRetry: (id, next, error) => {
      q.markRetry.run(next, truncate(error), id);
    },
    markFailed: (id, error, _now) => {
      q.markFailed.run(truncate(error), nowIso(), id);
    },
    holdChannel: (platform, channelId, until) => {
      q.hold.run(until, platform, channelId);
    },
    pendingCount: (platforms = PLATFORMS) => q.pendingCount.get(JSON.stringify(platforms))?.n ?? 0,
    status: () => {
      const deliveries: Record<Platform, DeliveryCounts> = { slack: { pending: 0, sent: 0, failed: 0 }, discord: { pending: 0, sent: 0, failed: 0 } };
      for (const row of q.counts.all()) if (deliveries[row.platform]) deliveries[row.platform][row.status] = row.n;
      return {
        path: file,
        announcedRevision: q.metaGet.get('announced_revision')?.value ?? null,
        subscriptions: q.subscriptionsAll.all().map(toSubscription),
        deliveries,
        recentFailures: q.recentFailures.all().map((r) => ({ alertId: r.alert_id, platform: r.platform, channelId: r.channel_id, error: r.last_error, at: r.finished_at })),
        retrying: q.retrying.all().map((r) => ({ alertId: r.alert_id, platform: r.platform, channelId: r.channel_id, attempts: r.attempts, error: r.last_error, nextAttemptAt: r.next_attempt_at })),
        feeds: q.feedsAll.all().map(toFeedState),
        alerts: q.alertCount.get()?.n ?? 0,
      };
    },
    deliveriesOf: (alertId) =>
      q.deliveriesOf.all(alertId).map((r) => ({ platform: r.platform, channelId: r.channel_id, status: r.status, attempts: r.attempts, messageRef: r.message_ref, lastError: r.last_error })),

    close: () => {
      if (db.open) db.close();
    },
  };
}

function migrate(db: SqliteDatabase): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > MIGRATIONS.length) {
    throw new Error(`the alerts database ${db.name} has schema version ${current}, newer than this bot understands (${MIGRATIONS.length}); upgrade the bot`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

interface SubscriptionRow {
  platform: Platform;
  channel_id: string;
  topic: string;
  label: string;
  status: SubscriptionStatus;
  disabled_reason: string | null;
  created_at: string;
  created_by: string | null;
}

interface FeedRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  baseline_at: string | null;
  last_checked_at: string | null;
  last_error: string | null;
}

interface DueRow {
  id: number;
  alert_id: string;
  platform: Platform;
  channel_id: string;
  attempts: number;
  payload: string;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    platform: row.platform,
    channelId: row.channel_id,
    topic: row.topic,
    label: row.label,
    status: row.status,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

function toFeedState(row: FeedRow): FeedState {
  return {
    url: row.url,
    etag: row.etag,
    lastModified: row.last_modified,
    baselineAt: row.baseline_at,
    lastCheckedAt: row.last_checked_at,
    lastError: row.last_error,
  };
}

function truncate(text: string): string {
  return text.length > 500 ? text.slice(0, 499) + '…' : text;
}
