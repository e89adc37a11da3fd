// Bounded retries with exponential backoff and full jitter, for the one Slack call Bolt does not
// retry itself: posting to a response_url. We post there ourselves (postToResponseUrl) because
// Bolt's respond() drops the response headers, and with them Retry-After. Web API calls
// (chat.postMessage) are retried by the WebClient with the same policy, passed as its retryConfig.
// Kept hand-written rather than p-retry: p-retry has no way to wait for a server-given delay.

import { RespondError, type RespondArguments } from '@slack/bolt';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Wait before the first retry; doubles each time. */
  minTimeoutMs: number;
  /** Longest single backoff wait (a Retry-After may ask for more, up to maxRetryAfterMs). */
  maxTimeoutMs: number;
  /** Longest Retry-After we wait for; a longer one gives up at once. Default 60 s. */
  maxRetryAfterMs?: number;
}

/** Slack answers within seconds or not at all; a few retries over ~15 s is enough for a chat reply. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, minTimeoutMs: 1_000, maxTimeoutMs: 8_000, maxRetryAfterMs: 60_000 };

/** The WebClient's retryConfig (p-retry options) for the same policy. */
export function webClientRetryConfig(policy: RetryPolicy): { retries: number; factor: number; minTimeout: number; maxTimeout: number; randomize: boolean } {
  return { retries: policy.retries, factor: 2, minTimeout: policy.minTimeoutMs, maxTimeout: policy.maxTimeoutMs, randomize: true };
}

/** A response_url that answered with an error status; keeps Retry-After, which RespondError loses. */
export class ResponseUrlError extends RespondError {
  /** The wait Slack asked for (Retry-After), in milliseconds, when it gave one. */
  readonly retryAfterMs: number | undefined;
  constructor(status: number, statusText: string, retryAfterMs: number | undefined) {
    super(`Failed to respond to the response_url: ${status} ${statusText}`, status);
    this.name = 'ResponseUrlError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** Retry-After as seconds ("120") or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** POSTs a message to a response_url, as Bolt's respond() does, but failing with ResponseUrlError. */
export async function postToResponseUrl(url: string, message: RespondArguments, fetchFn: typeof fetch = fetch): Promise<void> {
  const response = await fetchFn(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  // Drain the body so the connection is reused, whatever the status.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new ResponseUrlError(response.status, response.statusText, parseRetryAfter(response.headers.get('retry-after')));
}

/**
 * Whether a failed post is worth retrying: rate limits (429), Slack-side errors (5xx) and
 * network failures are; a 404/410 (expired or used-up response_url) or 400 (bad payload) never
 * will succeed.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof RespondError) return error.statusCode === 429 || error.statusCode >= 500;
  // fetch() rejects with a TypeError for connection resets, DNS and TLS failures; a timeout aborts.
  return error instanceof TypeError || (error instanceof DOMException && error.name === 'TimeoutError');
}

/**
 * How long to wait before retry number `attempt` (0-based): what Retry-After asked for when
 * given, otherwise exponential backoff with full jitter (so many clients do not retry in step).
 */
export function retryDelay(error: unknown, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const asked = error instanceof ResponseUrlError ? error.retryAfterMs : undefined;
  if (asked !== undefined) return asked;
  const ceiling = Math.min(policy.maxTimeoutMs, policy.minTimeoutMs * 2 ** attempt);
  return Math.round(policy.minTimeoutMs / 2 + random() * (ceiling - policy.minTimeoutMs / 2));
}

/** Runs `task`, retrying retryable failures with backoff; rethrows the last error. */
export async function withRetry<T>(task: () => Promise<T>, policy: RetryPolicy, onRetry?: (error: unknown, attempt: number, waitMs: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= policy.retries || !isRetryable(error)) throw error;
      const wait = retryDelay(error, attempt, policy);
      // A Retry-After longer than we can usefully wait: give up now rather than hold the work.
      if (wait > (policy.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs!)) throw error;
      onRetry?.(error, attempt + 1, wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
