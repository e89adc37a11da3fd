// Bounded retries with exponential backoff, for the one Slack call Bolt does not retry itself:
// posting to a response_url (`respond`). Web API calls (chat.postMessage) are retried by the
// WebClient with the same policy, passed as its retryConfig, and honour Retry-After there.

import { RespondError } from '@slack/bolt';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Wait before the first retry; doubles each time. */
  minTimeoutMs: number;
  /** Longest single wait. */
  maxTimeoutMs: number;
}

/** Slack answers within seconds or not at all; a few retries over ~15 s is enough for a chat reply. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, minTimeoutMs: 1_000, maxTimeoutMs: 8_000 };

/** The WebClient's retryConfig (p-retry options) for the same policy. */
export function webClientRetryConfig(policy: RetryPolicy): { retries: number; factor: number; minTimeout: number; maxTimeout: number; randomize: boolean } {
  return { retries: policy.retries, factor: 2, minTimeout: policy.minTimeoutMs, maxTimeout: policy.maxTimeoutMs, randomize: true };
}

/**
 * Whether a failed respond() is worth retrying: rate limits (429), Slack-side errors (5xx) and
 * network failures are; a 404/410 (expired or used-up response_url) or 400 (bad payload) never
 * will succeed.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof RespondError) return error.statusCode === 429 || error.statusCode >= 500;
  // fetch() rejects with a TypeError for connection resets, DNS and TLS failures.
  return error instanceof TypeError;
}

/** Runs `task`, retrying retryable failures with backoff; rethrows the last error. */
export async function withRetry<T>(task: () => Promise<T>, policy: RetryPolicy, onRetry?: (error: unknown, attempt: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= policy.retries || !isRetryable(error)) throw error;
      onRetry?.(error, attempt + 1);
      const wait = Math.min(policy.maxTimeoutMs, policy.minTimeoutMs * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
