// HTTP mode's first line of defence, in front of Bolt's own signature check: refuses bodies over
// a small cap before reading them whole, timestamps more than five minutes off in either
// direction (Bolt only refuses old ones), and acts on a signed request only once (a replay is
// acked and dropped). The checks
// are pure functions with an injectable clock; guardRequestListener applies them to a request.

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isRawBodyError, verifySlackRequest, type BufferedIncomingMessage } from '@slack/bolt';
import { SeenSet } from './dedupe.ts';

/**
 * Slack's own requests are small (a slash command is under 1 KB; a button click carries the
 * message's blocks, tens of KB at most). Bolt would buffer 4 MB from anyone before checking the
 * signature; 512 KiB is ample for Slack and cheap to refuse.
 */
export const MAX_BODY_BYTES = 512 * 1024;
/** Slack's rule for how far a request's timestamp may be from our clock, both ways. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type GuardVerdict = { ok: true } | { ok: false; status: 200 | 401 | 413; reason: string };

/** Checks the X-Slack-Request-Timestamp header against the clock: a number, at most 5 minutes off. */
export function checkTimestamp(header: string | string[] | undefined, nowMs: number): GuardVerdict {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || !/^\d{1,12}$/.test(raw)) return { ok: false, status: 401, reason: 'missing or malformed X-Slack-Request-Timestamp' };
  const skew = Number(raw) - Math.floor(nowMs / 1000);
  if (skew > MAX_CLOCK_SKEW_SECONDS) return { ok: false, status: 401, reason: `timestamp ${skew} s in the future` };
  if (-skew > MAX_CLOCK_SKEW_SECONDS) return { ok: false, status: 401, reason: `timestamp ${-skew} s old` };
  return { ok: true };
}

/** Refuses a declared Content-Length over the cap before a byte of the body is read. */
export function checkDeclaredLength(header: string | undefined, limit = MAX_BODY_BYTES): GuardVerdict {
  if (header !== undefined && /^\d+$/.test(header) && Number(header) > limit) return { ok: false, status: 413, reason: `body of ${header} bytes is over the ${limit}-byte limit` };
  return { ok: true };
}

export interface RequestGuardOptions {
  signingSecret: string;
  /** The paths Slack posts to; other requests (e.g. /healthz) pass straight through. */
  paths: string[];
  bodyLimit?: number;
  now?: () => number;
  /** Called once per refused request, with why: for a warn-level log line. */
  onRefused?: (reason: string, status: number) => void;
}

/**
 * Wraps Bolt's request listener. A request that passes is handed on already buffered (Bolt
 * recognises the rawBody and does not read again); one that fails gets 401/413 and no body.
 */
export function guardRequestListener(next: RequestListener, options: RequestGuardOptions): RequestListener {
  const now = options.now ?? Date.now;
  const limit = options.bodyLimit ?? MAX_BODY_BYTES;
  // A signature is valid for 5 minutes either side of its timestamp: remember each for longer.
  const signatures = new SeenSet({ ttlMs: 2 * MAX_CLOCK_SKEW_SECONDS * 1000 + 60_000, maxEntries: 50_000, now });

  const refuse = (res: ServerResponse, verdict: Extract<GuardVerdict, { ok: false }>) => {
    options.onRefused?.(verdict.reason, verdict.status);
    HTTPModuleFunctions.buildNoBodyResponse(res, verdict.status);
  };

  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method !== 'POST' || !options.paths.includes(path)) return next(req, res);
    void (async () => {
      const time = checkTimestamp(req.headers['x-slack-request-timestamp'], now());
      if (!time.ok) return refuse(res, time);
      const declared = checkDeclaredLength(req.headers['content-length'], limit);
      if (!declared.ok) return refuse(res, declared);
      let buffered: BufferedIncomingMessage;
      try {
        buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, limit);
      } catch (error) {
        const tooLarge = isRawBodyError(error) && ((error as { type?: unknown }).type === 'entity.too.large' || (error as { statusCode?: unknown }).statusCode === 413);
        return refuse(res, tooLarge ? { ok: false, status: 413, reason: `body over the ${limit}-byte limit` } : { ok: false, status: 401, reason: 'unreadable body' });
      }
      const signature = String(req.headers['x-slack-signature'] ?? '');
      try {
        verifySlackRequest({
          signingSecret: options.signingSecret,
          body: buffered.rawBody.toString(),
          headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']) },
          nowMilliseconds: now(),
        });
      } catch {
        return refuse(res, { ok: false, status: 401, reason: 'signature mismatch' });
      }
      // Only a verified signature is remembered, so nobody can poison the cache with guesses. The
      // same signature means the very same timestamp and body: a request we already acted on.
      // It is acked (200, so a genuine redelivery stops) and dropped, never acted on twice.
      if (!signatures.firstSighting([signature])) return refuse(res, { ok: false, status: 200, reason: 'replayed request (signature already seen); acked, not acted on' });
      next(buffered, res);
    })().catch(() => {
      if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
    });
  };
}
