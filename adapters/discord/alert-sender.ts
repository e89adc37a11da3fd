// Posts alerts to Discord channels for the delivery worker: POST /channels/{id}/messages through
// discord.js REST, the embed built by the adapter's own renderer, mentions switched off, and a
// nonce derived from the (alert, channel) delivery with enforce_nonce, so an attempt repeated
// after a crash returns the message already created instead of posting it twice. REST makes one
// attempt per call and reports rate limits rather than sleeping on them: the outbox owns retries.
// Must not import @slack/* or another adapter.

import { createHash } from 'node:crypto';
import { DiscordAPIError, RateLimitError, REST, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { APIEmbed, RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import { alertAsAnswer, type Alert, type AlertKind } from '../../src/alerts/alert-types.ts';
import type { AlertSender, SendResult } from '../../src/alerts/delivery-worker.ts';
import type { Logger } from '../../src/logger.ts';
import { safeLinkUrl } from './format.ts';
import { clampEmbeds, renderAnswer } from './render.ts';

/** Discord's limit on a message nonce. */
export const MAX_NONCE_LENGTH = 25;
/** Rate-limit waits up to this long happen inside discord.js REST; longer ones go back to the outbox. */
export const MAX_IN_CLIENT_WAIT_MS = 2_000;

const KIND_STYLE: Record<AlertKind, { label: string; colour: number }> = {
  'status-change': { label: 'Engage alert', colour: 0xd4351c },
  correction: { label: 'Correction', colour: 0xf47738 },
  'new-fact': { label: 'New in the record', colour: 0x1d70b8 },
  'feed-heads-up': { label: 'Heads-up from the news feed — not yet in the knowledge base', colour: 0x505a5f },
};

/** An alert as Discord embeds: rendered exactly like an answer, titled and linked. */
export function renderAlert(alert: Alert): APIEmbed[] {
  const style = KIND_STYLE[alert.kind];
  const [embed, ...rest] = renderAnswer(alertAsAnswer(alert), { title: alert.title });
  if (!embed) return [];
  const url = safeLinkUrl(alert.link);
  return clampEmbeds([{ ...embed, author: { name: style.label }, color: style.colour, ...(url ? { url } : {}) }, ...rest]);
}

/** The same (alert, channel) delivery always gets the same nonce, within Discord's 25 characters. */
export function deliveryNonce(deliveryKey: string): string {
  return createHash('sha256').update(deliveryKey).digest('hex').slice(0, MAX_NONCE_LENGTH);
}

/** The message body we post; exported so tests can check exactly what Discord receives. */
export function alertMessageBody(alert: Alert, deliveryKey: string): RESTPostAPIChannelMessageJSONBody {
  return {
    embeds: renderAlert(alert),
    nonce: deliveryNonce(deliveryKey),
    enforce_nonce: true,
    allowed_mentions: { parse: [] },
  };
}

/** Error codes meaning the bot cannot post in this channel, now or later. */
const CHANNEL_GONE = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownGuild,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType,
  RESTJSONErrorCodes.ThreadLocked,
]);

export interface DiscordAlertSenderOptions {
  token: string;
  logger: Logger;
  /** Test seam: the REST base URL, e.g. "http://127.0.0.1:PORT/api". */
  restApi?: string;
}

export function createDiscordAlertSender(options: DiscordAlertSenderOptions): AlertSender {
  const rest = new REST({
    version: '10',
    timeout: 15_000,
    // The outbox decides when to try again after a failure: no retries here.
    retries: 0,
    // Short rate-limit waits (per-channel buckets, the 50 requests/s global limit, a 429 with a
    // Retry-After of a second) are waited out by REST itself, which knows the buckets. Longer
    // ones come back to the outbox: the worker slot is freed and the wait survives a restart.
    rejectOnRateLimit: (limit) => Math.max(limit.retryAfter, limit.timeToReset) > MAX_IN_CLIENT_WAIT_MS,
    ...(options.restApi ? { api: options.restApi } : {}),
  });
  return {
    platform: 'discord',
    async send(alert, channelId, delivery): Promise<SendResult> {
      // REST forgets the token after a 401; a fixed token should work again without a restart.
      rest.setToken(options.token);
      try {
        const message = (await rest.post(Routes.channelMessages(channelId), { body: alertMessageBody(alert, delivery.key) })) as { id?: unknown };
        return { kind: 'ok', messageRef: typeof message?.id === 'string' ? message.id : null };
      } catch (error) {
        const result = classifyDiscordError(error);
        if (result.kind === 'retry' && error instanceof DiscordAPIError && error.status === 401) {
          options.logger.error('alerts: Discord rejected the bot token while posting an alert; check DISCORD_TOKEN', { channel: channelId });
        }
        return result;
      }
    },
  };
}

/** Turns a discord.js REST error into what the outbox should do next. */
export function classifyDiscordError(error: unknown): SendResult {
  if (error instanceof RateLimitError) {
    const wait = error.retryAfter > 0 ? error.retryAfter : error.timeToReset;
    return { kind: 'retry', reason: `rate limited by Discord${error.global ? ' (global)' : ''} on ${error.route}`, afterMs: Math.max(0, wait), rateLimited: true };
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    if (CHANNEL_GONE.has(code)) return { kind: 'permanent', reason: `Discord error ${code}: ${error.message}`, disableChannel: true };
    if (error.status === 404 || error.status === 403) return { kind: 'permanent', reason: `Discord HTTP ${error.status}: ${error.message}`, disableChannel: true };
    if (error.status === 400 || error.status === 413) return { kind: 'permanent', reason: `Discord rejected the message (${code}): ${error.message}`, disableChannel: false };
    // 401 (a token being fixed), 5xx and anything new: try again later.
    return { kind: 'retry', reason: `Discord HTTP ${error.status} (${code}): ${error.message}` };
  }
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number') return { kind: 'retry', reason: `Discord HTTP ${status}` };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'retry', reason: `could not reach Discord: ${message}` };
}
