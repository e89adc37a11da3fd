// The Slack listeners: /oversight, @mentions, direct messages and the "Post to channel" button.
// Each one acknowledges first (Slack's 3-second deadline), then asks the core and delivers the
// rendered answer; failures are logged and turned into an apology, never a crash or a trace.

import { randomUUID } from 'node:crypto';
import type { App, BlockAction, ButtonAction, RespondArguments, webApi } from '@slack/bolt';
import type { SubscriptionCommands } from '../../src/alerts/subscriptions.ts';
import type { Answer } from '../../src/answer-types.ts';
import type { BotCore } from '../../src/bot-core.ts';
import type { Logger } from '../../src/logger.ts';
import { checkQuestion } from '../../src/question-input.ts';
import { parseAlertsCommand, runAlertsCommand } from './alert-commands.ts';
import { createConversationMemory } from '../conversation-memory.ts';
import { deliveryKeys, SeenSet } from './dedupe.ts';
import { slackTextToPlain } from './format.ts';
import { renderAnswer, renderFailure, renderHelp, renderNotice, SHARE_ACTION_ID, type SlackMessage } from './render.ts';
import { postToResponseUrl, withRetry, type RetryPolicy } from './retry.ts';
import { postTimeline, timelineArguments } from './timeline.ts';

export interface HandlerDeps {
  core: BotCore;
  logger: Logger;
  retry: RetryPolicy;
  commandName: string;
  /** Registers work still running after the ack, so stop() can let it finish. */
  track: (work: Promise<unknown>) => void;
  /** Alert subscriptions (`/oversight subscribe|unsubscribe|subscriptions`); undefined when alerts are off. */
  alerts?: SubscriptionCommands;
}

/** What a piece of user text turned into: help, a problem with the input, or an answer. */
type Outcome =
  | { kind: 'help' }
  | { kind: 'problem'; message: string }
  | { kind: 'answer'; question: string; answer: Answer }
  | { kind: 'failure' };

/** How many shared answers we keep so "Post to channel" shares exactly what the asker saw. */
const SHARE_CACHE_SIZE = 500;

export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { core, logger, commandName } = deps;
  const seen = new SeenSet();
  // Each answer is posted to its channel once: a second click, or a replayed click, does nothing.
  const sharedOnce = new SeenSet();
  const shared = new Map<string, { question: string; answer: Answer }>();

  // Slack redelivers an event it thinks we missed (X-Slack-Retry-Num over HTTP, retry_attempt in
  // Socket Mode). Bolt has already acked it by the time global middleware runs; we only decide
  // whether to act on it. A retry of an event we never saw (e.g. after a restart) is answered.
  app.use(async ({ body, context, next }) => {
    const keys = deliveryKeys(body);
    if (keys.length > 0 && !seen.firstSighting(keys)) {
      logger.debug('slack: ignored a repeated event delivery', { keys, retryNum: context.retryNum, retryReason: context.retryReason });
      return;
    }
    await next();
  });

  // A thread, a DM or one person's slash commands in a channel is one conversation.
  const memory = createConversationMemory();
  const understand = (rawText: string, botUserId: string | undefined, conversation?: string): Outcome => {
    const plain = slackTextToPlain(rawText, botUserId).trim();
    if (plain === '' || /^(help|\?|usage)$/i.test(plain)) return { kind: 'help' };
    const checked = checkQuestion(plain);
    if (!checked.ok) return checked.error.code === 'QUESTION_EMPTY' ? { kind: 'help' } : { kind: 'problem', message: checked.error.message };
    try {
      const answer = core.ask(checked.question, conversation ? memory.get(conversation) : undefined);
      if (conversation) memory.remember(conversation, answer);
      // Questions can be sensitive newsroom work: their text is not logged, only how they went.
      logger.debug('slack: answered a question', { status: answer.status, route: answer.explanation?.route, confidence: answer.confidence });
      return { kind: 'answer', question: checked.question, answer };
    } catch (error) {
      logger.error('slack: the core failed to answer', { error: describeError(error) });
      return { kind: 'failure' };
    }
  };

  const examples = (): string[] => {
    try {
      return core.help().examples;
    } catch {
      return [];
    }
  };

  const render = (outcome: Outcome, extras: { question?: string; shareValue?: string } = {}): SlackMessage => {
    switch (outcome.kind) {
      case 'help':
        try {
          return renderHelp(core.help(), commandName);
        } catch (error) {
          logger.error('slack: the core failed to describe itself', { error: describeError(error) });
          return renderFailure();
        }
      case 'problem':
        return renderNotice(outcome.message, examples());
      case 'failure':
        return renderFailure();
      case 'answer':
        return renderAnswer(outcome.answer, { ...extras, fallbackSuggestions: examples(), newestRecord: core.newestRecordDate });
    }
  };

  // Posted to the response_url ourselves rather than through Bolt's respond(): only then is
  // Slack's Retry-After seen and honoured (docs/slack.md, "Rate limits and outages").
  const respondWithRetry = (responseUrl: string, message: RespondArguments, what: string) =>
    withRetry(() => postToResponseUrl(responseUrl, message), deps.retry, (error, attempt, waitMs) =>
      logger.warn(`slack: ${what} failed; retrying in ${waitMs} ms`, { attempt, error: describeError(error) }),
    );

  /** Runs the work after the ack, tracked for a clean stop; logs instead of throwing. */
  const afterAck = async (what: string, work: () => Promise<void>): Promise<void> => {
    const running = work().catch((error: unknown) => {
      logger.error(`slack: could not deliver ${what}`, { error: describeError(error) });
    });
    deps.track(running);
    await running;
  };

  // /oversight <question>: private (ephemeral) by default, so asking never disturbs a channel;
  // a button shares the very same answer when the asker wants to.
  app.command(commandName, async ({ command, ack, context, client }) => {
    await ack();
    // `/oversight timeline …`: the chart is uploaded to the channel; only a failure is answered privately.
    const timelineArgs = timelineArguments(slackTextToPlain(command.text ?? ''));
    if (timelineArgs !== undefined) {
      await afterAck('the timeline chart', async () => {
        const posted = await postTimeline({ client, core, logger, args: timelineArgs, channel: command.channel_id });
        if (!posted.ok) await respondWithRetry(command.response_url, { response_type: 'ephemeral', ...renderNotice(posted.message) }, 'the timeline notice');
      });
      return;
    }
    // Alerts: subscribe/unsubscribe/subscriptions act on the channel the command was typed in.
    const alertsCommand = parseAlertsCommand(command.text ?? '');
    if (alertsCommand) {
      await afterAck('an alerts command reply', async () => {
        const { inChannel, ...message } = runAlertsCommand(deps.alerts, alertsCommand, { channelId: command.channel_id, channelName: command.channel_name, userId: command.user_id });
        logger.info('slack: alerts command', { action: alertsCommand.action, channel: command.channel_id, changed: inChannel });
        await respondWithRetry(command.response_url, { response_type: inChannel ? 'in_channel' : 'ephemeral', ...message }, 'the alerts command response');
      });
      return;
    }
    await afterAck('a slash command answer', async () => {
      const outcome = understand(command.text ?? '', context.botUserId, `command:${command.channel_id}:${command.user_id}`);
      let shareValue: string | undefined;
      if (outcome.kind === 'answer' && outcome.answer.status === 'answered') {
        const id = randomUUID();
        remember(shared, id, { question: outcome.question, answer: outcome.answer });
        shareValue = JSON.stringify({ id, q: outcome.question });
      }
      const question = outcome.kind === 'answer' ? outcome.question : undefined;
      const message = render(outcome, { ...(question ? { question } : {}), ...(shareValue ? { shareValue } : {}) });
      await respondWithRetry(command.response_url, { response_type: 'ephemeral', ...message }, 'the slash command response');
    });
  });

  // "Post to channel": the asker's private answer, posted for everyone through the same
  // response_url (works even where the bot is not a channel member), then the private copy goes.
  app.action<BlockAction<ButtonAction>>(SHARE_ACTION_ID, async ({ ack, action, body }) => {
    await ack();
    await afterAck('a shared answer', async () => {
      const share = parseShareValue(action.value);
      if (!share) {
        logger.warn('slack: ignored a share button with an unreadable value');
        return;
      }
      const shareKeys = shareOnceKeys(share.id, body.response_url);
      if (!sharedOnce.firstSighting(shareKeys)) {
        logger.info('slack: ignored a repeated "Post to channel" click for an answer already shared');
        await respondWithRetry(body.response_url, { response_type: 'ephemeral', replace_original: false, text: 'This answer has already been posted to the channel.' }, 'the already-shared notice');
        return;
      }
      // The cached answer is what the asker saw; after a restart we ask again.
      const cached = share.id ? shared.get(share.id) : undefined;
      const outcome: Outcome = cached ? { kind: 'answer', ...cached } : understand(share.question, undefined);
      const sharedMessage =
        outcome.kind === 'answer'
          ? renderAnswer(outcome.answer, { question: share.question, sharedBy: body.user.id, fallbackSuggestions: examples(), newestRecord: core.newestRecordDate })
          : render(outcome);
      try {
        await respondWithRetry(body.response_url, { response_type: 'in_channel', replace_original: false, ...sharedMessage }, 'sharing an answer');
      } catch (error) {
        sharedOnce.forget(shareKeys); // not shared after all: a new click may try again
        throw error;
      }
      try {
        await respondWithRetry(body.response_url, { delete_original: true }, 'removing the private copy');
      } catch (error) {
        logger.debug('slack: could not remove the private copy of a shared answer', { error: describeError(error) });
      }
    });
  });

  // @oversight <question> in a channel: the answer in a thread under the question.
  app.event('app_mention', async ({ event, client, context }) => {
    if (event.bot_id) return; // another bot mentioning us: never start a bot-to-bot loop
    await afterAck('a mention answer', async () => {
      const timelineArgs = timelineArguments(slackTextToPlain(event.text, context.botUserId));
      if (timelineArgs !== undefined) {
        const thread = event.thread_ts ?? event.ts;
        const posted = await postTimeline({ client, core, logger, args: timelineArgs, channel: event.channel, threadTs: thread });
        if (!posted.ok) await postMessage(client, { channel: event.channel, thread_ts: thread, ...renderNotice(posted.message) });
        return;
      }
      const message = render(understand(event.text, context.botUserId, `thread:${event.channel}:${event.thread_ts ?? event.ts}`));
      await postMessage(client, { channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...message });
    });
  });

  // A direct message to the app: the answer in the DM (in the thread, if asked in one).
  app.event('message', async ({ event, client, context }) => {
    // Edits, deletions, joins and bot posts arrive with a subtype; only fresh human messages count.
    if (event.subtype !== undefined || event.channel_type !== 'im' || event.bot_id || !event.user) return;
    await afterAck('a direct message answer', async () => {
      const timelineArgs = timelineArguments(slackTextToPlain(event.text ?? '', context.botUserId));
      if (timelineArgs !== undefined) {
        const posted = await postTimeline({ client, core, logger, args: timelineArgs, channel: event.channel, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}) });
        if (!posted.ok) await postMessage(client, { channel: event.channel, ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}), ...renderNotice(posted.message) });
        return;
      }
      const message = render(understand(event.text ?? '', context.botUserId, `dm:${event.channel}`));
      await postMessage(client, { channel: event.channel, ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}), ...message });
    });
  });

  // Anything that still escapes a listener ends here: logged, never shown to a user.
  app.error(async (error) => {
    logger.error('slack: unhandled error', { error: describeError(error) });
  });
}

/**
 * chat.postMessage through Bolt's WebClient, which retries 429 (after Retry-After) and 5xx
 * responses per the adapter's retry policy before giving up with an error.
 */
async function postMessage(client: webApi.WebClient, message: { channel: string; thread_ts?: string } & SlackMessage): Promise<void> {
  // unfurl off: a citation link should not grow a large preview under every answer.
  await client.chat.postMessage({ ...message, unfurl_links: false, unfurl_media: false });
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  while (map.size > SHARE_CACHE_SIZE) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

/** What makes two clicks "the same share": the answer shared, and the click's response_url. */
export function shareOnceKeys(answerId: string | undefined, responseUrl: string | undefined): string[] {
  return [...(answerId ? [`answer:${answerId}`] : []), ...(responseUrl ? [`response_url:${responseUrl}`] : [])];
}

function parseShareValue(value: string | undefined): { id?: string; question: string } | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { q?: unknown }).q === 'string') {
      const { id, q } = parsed as { id?: unknown; q: string };
      return { question: q, ...(typeof id === 'string' ? { id } : {}) };
    }
  } catch {
    // fall through: not ours
  }
  return undefined;
}

/** A log-friendly summary of an error from Bolt, the Web API or fetch: no stack trace. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; statusCode?: unknown; data?: { error?: unknown }; retryAfter?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    ...(e.data && typeof e.data.error === 'string' ? { slackError: e.data.error } : {}),
    ...(typeof e.retryAfter === 'number' ? { retryAfter: e.retryAfter } : {}),
  };
}
