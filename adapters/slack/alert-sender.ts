// Posts alerts to Slack channels for the delivery worker: chat.postMessage through Bolt's
// WebClient, the message built by the adapter's own renderer (same citations and escaping as
// answers, no mentions, no unfurls). The client makes exactly one attempt per call and reports
// rate limits instead of sleeping on them, so the outbox (not the client) owns retries, backoff
// and Retry-After. Must not import discord.js or another adapter.

import { LogLevel, webApi, type types } from '@slack/bolt';
import { alertAsAnswer, type Alert, type AlertKind } from '../../src/alerts/alert-types.ts';
import type { AlertSender, SendResult } from '../../src/alerts/delivery-worker.ts';
import type { Logger } from '../../src/logger.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { escapeMrkdwn, truncateMrkdwn } from './format.ts';
import { renderAnswer, SLACK_LIMITS, type SlackMessage } from './render.ts';

const KIND_LABEL: Record<AlertKind, string> = {
  'status-change': ':rotating_light: Engage alert',
  correction: ':pencil2: Correction',
  'new-fact': ':newspaper: New in the record',
  'feed-heads-up': ':eyes: Heads-up',
};

/** An alert as a Slack message: its title, then the alert rendered exactly like an answer. */
export function renderAlert(alert: Alert): SlackMessage {
  const body = renderAnswer(alertAsAnswer(alert));
  const heading = truncateMrkdwn(`${KIND_LABEL[alert.kind]}  *${escapeMrkdwn(alert.title)}*`, SLACK_LIMITS.sectionText);
  const head: types.SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: heading } };
  const blocks: types.KnownBlock[] = [head, ...body.blocks].slice(0, SLACK_LIMITS.blocks);
  // The notification line people see first: what happened, then the answer-style text.
  const text = truncateMrkdwn(`${escapeMrkdwn(alert.title)} — ${body.text}`, SLACK_LIMITS.fallbackText);
  return { text, blocks };
}

/** Errors that mean this channel cannot receive messages from the bot, now or later. */
const CHANNEL_GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'token_revoked',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'ekm_access_denied',
  'no_permission',
  'access_denied',
  'team_access_not_granted',
]);

/** Errors that mean this message can never be accepted (a renderer bug), though the channel is fine. */
const MESSAGE_REJECTED = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_arguments',
  'invalid_arg_name',
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_attachments',
  'invalid_form_data',
  'invalid_charset',
]);

export interface SlackAlertSenderOptions {
  token: string;
  logger: Logger;
  /** Test seam: e.g. `slackApiUrl` of a fake Slack. */
  clientOptions?: webApi.WebClientOptions;
}

export function createSlackAlertSender(options: SlackAlertSenderOptions): AlertSender {
  const client = new webApi.WebClient(options.token, {
    logger: toBoltLogger(options.logger, LogLevel.ERROR),
    timeout: 15_000,
    ...options.clientOptions,
    // The outbox decides when to try again; the client must not retry or sleep on its own.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  return {
    platform: 'slack',
    async send(alert, channelId): Promise<SendResult> {
      const message = renderAlert(alert);
      try {
        const result = await client.chat.postMessage({
          channel: channelId,
          ...message,
          unfurl_links: false,
          unfurl_media: false,
          // Never turn "@here" or "#channel" in the text into a ping or a link.
          link_names: false,
        });
        return { kind: 'ok', messageRef: result.ts ?? null };
      } catch (error) {
        return classifySlackError(error);
      }
    },
  };
}

/** Turns a WebClient error into what the outbox should do next. */
export function classifySlackError(error: unknown): SendResult {
  const e = error as { code?: unknown; data?: { error?: unknown }; retryAfter?: unknown; statusCode?: unknown; headers?: Record<string, string>; message?: unknown };
  if (e?.code === webApi.ErrorCode.RateLimitedError) {
    const seconds = typeof e.retryAfter === 'number' ? e.retryAfter : 1;
    return { kind: 'retry', reason: `rate limited by Slack (Retry-After ${seconds} s)`, afterMs: seconds * 1000, rateLimited: true };
  }
  if (e?.code === webApi.ErrorCode.PlatformError) {
    const slackError = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
    if (CHANNEL_GONE.has(slackError)) return { kind: 'permanent', reason: `Slack answered ${slackError}`, disableChannel: true };
    if (MESSAGE_REJECTED.has(slackError)) return { kind: 'permanent', reason: `Slack rejected the message: ${slackError}`, disableChannel: false };
    // ratelimited, fatal_error, internal_error, invalid_auth (a token being fixed), …: try again later.
    return { kind: 'retry', reason: `Slack answered ${slackError}` };
  }
  if (e?.code === webApi.ErrorCode.HTTPError) {
    const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
    const retryAfter = Number(e.headers?.['retry-after']);
    return { kind: 'retry', reason: `Slack HTTP ${status}`, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { afterMs: retryAfter * 1000 } : {}) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'retry', reason: `could not reach Slack: ${message}` };
}
