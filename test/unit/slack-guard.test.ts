// Pure parts of Slack HTTP-mode hardening: the timestamp window (both directions), the declared
// body size, Retry-After parsing, and the jittered backoff that honours it.

import { describe, expect, it } from 'vitest';
import { checkDeclaredLength, checkTimestamp, MAX_BODY_BYTES } from '../../adapters/slack/request-guard.ts';
import { parseRetryAfter, ResponseUrlError, retryDelay, withRetry } from '../../adapters/slack/retry.ts';

const NOW = 1_750_000_000_000;
const sec = NOW / 1000;

describe('checkTimestamp', () => {
  it('accepts up to five minutes either way', () => {
    for (const skew of [-300, -1, 0, 1, 300]) expect(checkTimestamp(String(sec + skew), NOW)).toEqual({ ok: true });
  });

  it('refuses a future-dated request (Bolt only refuses stale ones) and a stale one', () => {
    expect(checkTimestamp(String(sec + 301), NOW)).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/future/) });
    expect(checkTimestamp(String(sec + 10 * 365 * 86400), NOW)).toMatchObject({ ok: false, status: 401 });
    expect(checkTimestamp(String(sec - 301), NOW)).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/old/) });
  });

  it('refuses a missing or malformed header', () => {
    for (const h of [undefined, '', 'soon', '1e12', '-5', `${sec}.5`]) expect(checkTimestamp(h, NOW)).toMatchObject({ ok: false, status: 401 });
  });
});

describe('checkDeclaredLength', () => {
  it('refuses a Content-Length over the cap, which is well below Bolt\'s 4 MB', () => {
    expect(MAX_BODY_BYTES).toBeLessThanOrEqual(1024 * 1024);
    expect(checkDeclaredLength(String(MAX_BODY_BYTES + 1))).toMatchObject({ ok: false, status: 413 });
    expect(checkDeclaredLength(String(MAX_BODY_BYTES))).toEqual({ ok: true });
    expect(checkDeclaredLength(undefined)).toEqual({ ok: true }); // chunked: the streaming cap applies
  });
});

describe('Retry-After on response_url retries', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2000);
    expect(parseRetryAfter('0.5', NOW)).toBe(500);
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });

  const policy = { retries: 3, minTimeoutMs: 1000, maxTimeoutMs: 8000, maxRetryAfterMs: 60_000 };

  it('waits what Retry-After asks, else a jittered backoff within bounds', () => {
    expect(retryDelay(new ResponseUrlError(429, 'Too Many Requests', 7000), 0, policy)).toBe(7000);
    const plain = new ResponseUrlError(503, 'Unavailable', undefined);
    expect(retryDelay(plain, 0, policy, () => 0)).toBe(500);
    expect(retryDelay(plain, 0, policy, () => 1)).toBe(1000);
    expect(retryDelay(plain, 5, policy, () => 1)).toBe(8000); // capped
    expect(retryDelay(plain, 2, policy, () => 0.5)).not.toBe(retryDelay(plain, 2, policy, () => 0.9)); // jitter
  });

  it('gives up at once when Retry-After is longer than is worth waiting', async () => {
    let calls = 0;
    const task = async () => {
      calls += 1;
      throw new ResponseUrlError(429, 'Too Many Requests', 10 * 60_000);
    };
    await expect(withRetry(task, policy)).rejects.toBeInstanceOf(ResponseUrlError);
    expect(calls).toBe(1);
  });

  it('never retries a response_url that is gone (404/410)', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        throw new ResponseUrlError(404, 'Not Found', undefined);
      }, policy),
    ).rejects.toThrow(/404/);
    expect(calls).toBe(1);
  });
});
