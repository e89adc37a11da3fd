// Delivers the outbox: leases due (alert, channel) deliveries from the store, hands each to its
// platform's AlertSender, and records the outcome — sent; retry later (honouring Retry-After, else
// exponential backoff); or failed for good, which disables the channel's subscriptions instead of
// retrying forever. One delivery per channel at a time, in order, with per-platform pacing (about
// one message a second per Slack channel). Platform-neutral: senders live in the adapters.

import type { Logger } from '../logger.ts';
import { describeAlert, type Alert, type Platform } from './alert-types.ts';
import type { AlertStore, DeliveryJob } from './store.ts';

/** What one attempt to deliver an alert to a channel came to. */
export type SendResult =
  /** Delivered; `messageRef` identifies the message (Slack ts, Discord message id). */
  | { kind: 'ok'; messageRef: string | null }
  /** Worth trying again: rate limited (`afterMs` from Retry-After), a 5xx, a network failure. */
  | { kind: 'retry'; reason: string; afterMs?: number; rateLimited?: boolean }
  /**
   * Will never succeed. `disableChannel`: the channel itself is unusable (gone, bot removed,
   * no access), so its subscriptions are disabled; otherwise only this delivery fails.
   */
  | { kind: 'permanent'; reason: string; disableChannel: boolean };

/** One platform's way of posting an alert to a channel. Implementations never throw. */
export interface AlertSender {
  readonly platform: Platform;
  /**
   * Posts `alert` to `channelId`. `deliveryKey` is the same for every attempt of one (alert,
   * channel) delivery — across restarts too — so a platform with idempotency keys (Discord's
   * nonce) can make a repeated attempt a no-op.
   */
  send(alert: Alert, channelId: string, delivery: { key: string; attempt: number }): Promise<SendResult>;
}

export interface DeliveryWorkerOptions {
  store: AlertStore;
  senders: Partial<Record<Platform, AlertSender>>;
  logger: Logger;
  /**
   * Deliveries in flight at once per platform, each to a different channel. Default 8. Each
   * platform has its own lane, so a slow or rate-limited platform never holds up the other.
   */
  concurrency?: number;
  /** Minimum gap between two messages to the same channel, per platform (ms). Slack: 1,000. */
  pacingMs?: Partial<Record<Platform, number>>;
  /** Backoff for failures without Retry-After: base × 2^(attempt−1), capped, with ±25% jitter. */
  backoff?: { baseMs: number; maxMs: number };
  /** How long a leased delivery stays hidden from other leases; longer than any send can take. */
  leaseMs?: number;
  /** Longest sleep when nothing is due, so deliveries queued by another process are noticed. */
  idlePollMs?: number;
  now?: () => number;
  random?: () => number;
}

export interface DeliveryWorker {
  /** Starts delivering; leases left by a previous (crashed) process become due at once. */
  start(): void;
  /** Wakes the worker now (new deliveries were queued). */
  kick(): void;
  /** Resolves once no pending delivery is left for this worker's platforms (or rejects after `timeoutMs`). */
  drain(timeoutMs?: number): Promise<void>;
  /** Stops taking work and waits for deliveries in flight to be recorded. */
  stop(): Promise<void>;
  readonly inFlight: number;
}

export const DEFAULT_PACING_MS: Record<Platform, number> = {
  // Slack allows about one message per second per channel (chat.postMessage, "special" tier).
  slack: 1_000,
  // discord.js REST tracks Discord's per-channel buckets and reports them as rate limits.
  discord: 0,
};

const DEFAULT_BACKOFF = { baseMs: 2_000, maxMs: 10 * 60_000 };

export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { store, logger } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const pacing = { ...DEFAULT_PACING_MS, ...options.pacingMs };
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const idlePollMs = options.idlePollMs ?? 30_000;
  const platforms = (Object.keys(options.senders) as Platform[]).filter((p) => options.senders[p]);

  let running = false;
  let loop: Promise<void> | undefined;
  // One lane per platform. Its queue holds leased deliveries not yet started: leasing in batches
  // keeps the database work per delivery small.
  const lanes = new Map(platforms.map((p) => [p, { queue: [] as DeliveryJob[], inFlight: new Set<Promise<void>>() }]));
  const allInFlight = () => [...lanes.values()].flatMap((l) => [...l.inFlight]);
  const inFlightCount = () => [...lanes.values()].reduce((n, l) => n + l.inFlight.size, 0);
  let wake: (() => void) | undefined;
  let wakeTimer: NodeJS.Timeout | undefined;
  const changed = new Set<() => void>();

  const kick = () => {
    const w = wake;
    wake = undefined;
    clearTimeout(wakeTimer);
    w?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      wakeTimer = setTimeout(kick, Math.max(0, ms));
    });
  const notifyChanged = () => {
    for (const listener of [...changed]) listener();
  };

  const run = async (job: DeliveryJob): Promise<void> => {
    const sender = options.senders[job.platform]!;
    let result: SendResult;
    try {
      result = await sender.send(job.alert, job.channelId, { key: `${job.alertId}|${job.platform}|${job.channelId}`, attempt: job.attempts });
    } catch (error) {
      // Senders are meant to classify every failure; an exception is a bug, so retry and say so.
      logger.error('alerts: a sender threw instead of reporting a result', { platform: job.platform, channel: job.channelId, error: String(error) });
      result = { kind: 'retry', reason: `sender error: ${error instanceof Error ? error.message : String(error)}` };
    }
    const at = now();
    try {
      record(job, result, at);
    } catch (error) {
      // The database is locked or gone: the lease expires and the delivery is tried again.
      logger.error('alerts: could not record a delivery outcome', { platform: job.platform, channel: job.channelId, error: String(error) });
    }
  };

  const record = (job: DeliveryJob, result: SendResult, at: number) => {
    const where = { alert: job.alertId, platform: job.platform, channel: job.channelId, attempt: job.attempts };
    switch (result.kind) {
      case 'ok': {
        store.markSent(job.id, result.messageRef, at);
        const gap = pacing[job.platform] ?? 0;
        if (gap > 0) store.holdChannel(job.platform, job.channelId, at + gap);
        logger.debug('alerts: delivered', where);
        return;
      }
      case 'retry': {
        const wait = result.afterMs !== undefined ? Math.max(0, result.afterMs) : backoffFor(job.attempts);
        store.markRetry(job.id, at + wait, result.reason);
        // Rate limits are flow control, expected in a big fan-out: not worth a warning each.
        const log = result.rateLimited ? logger.debug : logger.warn;
        log(result.rateLimited ? 'alerts: rate limited; waiting as asked before retrying' : 'alerts: delivery failed; will retry', {
          ...where,
          reason: result.reason,
          retryInMs: Math.round(wait),
        });
        return;
      }
      case 'permanent': {
        store.markFailed(job.id, result.reason, at);
        if (result.disableChannel) {
          const disabled = store.disableChannel(job.platform, job.channelId, result.reason);
          logger.warn(`alerts: disabled ${job.platform} channel ${job.channelId}: ${result.reason}; its ${disabled} subscription(s) will get nothing until someone subscribes again`, where);
        } else {
          logger.error(`alerts: gave up delivering ${describeAlert(job.alert)}: ${result.reason}`, where);
        }
        return;
      }
    }
  };

  const backoffFor = (attempt: number) => {
    const raw = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
    return raw * (0.75 + random() * 0.5);
  };

  const start = (lane: { inFlight: Set<Promise<void>> }, job: DeliveryJob) => {
    const work = run(job).finally(() => {
      lane.inFlight.delete(work);
      kick();
      notifyChanged();
    });
    lane.inFlight.add(work);
  };

  const mainLoop = async () => {
    try {
      const released = store.releaseLeases(now());
      if (released > 0) logger.info('alerts: resuming deliveries interrupted by a restart', { deliveries: released });
    } catch (error) {
      logger.error('alerts: could not release old leases', { error: String(error) });
    }
    while (running) {
      let leased = 0;
      let failed = false;
      const idle: Platform[] = [];
      for (const [platform, lane] of lanes) {
        try {
          if (lane.queue.length < concurrency) {
            const jobs = store.leaseDue(now(), concurrency * 4, leaseMs, [platform]);
            leased += jobs.length;
            lane.queue.push(...jobs);
          }
        } catch (error) {
          logger.error('alerts: could not read the outbox; retrying shortly', { error: String(error) });
          failed = true;
        }
        while (lane.queue.length > 0 && lane.inFlight.size < concurrency) start(lane, lane.queue.shift()!);
        // A full lane is woken by its completions; an idle one waits for its next due delivery.
        if (lane.inFlight.size < concurrency && lane.queue.length === 0) idle.push(platform);
      }
      if (!running) break;
      if (failed) {
        await sleep(1_000);
        continue;
      }
      let wait = idlePollMs;
      if (idle.length > 0) {
        try {
          const next = store.nextDueAt(idle);
          if (next !== undefined) wait = Math.min(wait, next - now());
        } catch {
          // keep the idle poll
        }
      }
      // Due but nothing leased would mean another process holds the lease: do not spin.
      if (wait > 0) await sleep(wait);
      else if (leased === 0) await sleep(50);
    }
  };

  return {
    get inFlight() {
      return inFlightCount();
    },
    start() {
      if (running || platforms.length === 0) return;
      running = true;
      loop = mainLoop();
    },
    kick,
    drain(timeoutMs = 60_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (store.pendingCount(platforms) === 0 && inFlightCount() === 0) {
            done();
            resolve();
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`alerts: ${store.pendingCount(platforms)} deliveries still pending after ${timeoutMs} ms`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          changed.delete(check);
        };
        changed.add(check);
        check();
      });
    },
    async stop() {
      running = false;
      kick();
      await loop;
      await Promise.allSettled(allInFlight());
      // Leased but never started: hand them back so the next start sends them straight away.
      const queued = [...lanes.values()].reduce((n, l) => n + l.queue.length, 0);
      for (const lane of lanes.values()) lane.queue.length = 0;
      if (queued > 0) {
        try {
          store.releaseLeases(now());
        } catch {
          // the database is closing; the next start releases them
        }
      }
    },
  };
}
