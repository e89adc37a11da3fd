// Remembers which Slack deliveries we have already handled, so an event Slack retries
// (X-Slack-Retry-Num / Socket Mode retry_attempt) is answered once. Bounded in both size and age:
// Slack stops retrying after about five minutes, so an hour of memory is plenty.

export interface SeenSetOptions {
  /** Most keys remembered; the oldest are forgotten first. */
  maxEntries?: number;
  /** How long a key is remembered, in milliseconds. */
  ttlMs?: number;
  now?: () => number;
}

export class SeenSet {
  private readonly expiries = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor({ maxEntries = 5_000, ttlMs = 60 * 60 * 1000, now = Date.now }: SeenSetOptions = {}) {
    this.maxEntries = maxEntries;
    this.ttlMs = ttlMs;
    this.now = now;
  }

  /**
   * Records every key and returns true if none was seen before. Checking several keys at once
   * lets one message that reaches us twice under different event ids (e.g. as `app_mention`
   * and as `message.im`) count as one.
   */
  firstSighting(keys: string[]): boolean {
    const now = this.now();
    this.evictExpired(now);
    const seen = keys.some((key) => (this.expiries.get(key) ?? 0) > now);
    for (const key of keys) {
      // Re-inserting moves the key to the end, keeping the map ordered by expiry.
      this.expiries.delete(key);
      this.expiries.set(key, now + this.ttlMs);
    }
    while (this.expiries.size > this.maxEntries) {
      const oldest = this.expiries.keys().next().value;
      if (oldest === undefined) break;
      this.expiries.delete(oldest);
    }
    return !seen;
  }

  /** Forgets keys, e.g. when the work they guarded failed and may be tried again. */
  forget(keys: string[]): void {
    for (const key of keys) this.expiries.delete(key);
  }

  get size(): number {
    return this.expiries.size;
  }

  private evictExpired(now: number): void {
    // Insertion order is expiry order (every key gets the same TTL), so stop at the first live one.
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(key);
    }
  }
}

/** The keys identifying one Slack delivery: its event id and, for messages, channel + ts. */
export function deliveryKeys(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const b = body as { type?: unknown; event_id?: unknown; event?: { channel?: unknown; ts?: unknown; event_ts?: unknown } };
  if (b.type !== 'event_callback') return [];
  const keys: string[] = [];
  if (typeof b.event_id === 'string') keys.push(`event:${b.event_id}`);
  const channel = b.event?.channel;
  const ts = b.event?.ts ?? b.event?.event_ts;
  if (typeof channel === 'string' && typeof ts === 'string') keys.push(`message:${channel}:${ts}`);
  return keys;
}
