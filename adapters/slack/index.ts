// The Slack adapter: a real Bolt App (Socket Mode or HTTP, from SlackConfig) wired to the core.
// The composition root calls createSlackAdapter({ config, core, logger }); the other options
// are seams for tests (a fake Slack API URL, a known bot identity, a loopback host, fast retries).

import type { AddressInfo } from 'node:net';
import { App, type Authorize, type webApi } from '@slack/bolt';
import type { SubscriptionCommands } from '../../src/alerts/subscriptions.ts';
import type { BotCore } from '../../src/bot-core.ts';
import type { ChatAdapter } from '../../src/chat-adapter.ts';
import { DEFAULT_SLACK_HOST, ENV_HELP, type SlackConfig } from '../../src/config.ts';
import { OversightError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { describeError, registerHandlers } from './handlers.ts';
import { createReceiver, EVENTS_PATH, type SlackReceiver } from './receiver.ts';
import { DEFAULT_RETRY, webClientRetryConfig, type RetryPolicy } from './retry.ts';

export { EVENTS_PATH, HEALTH_PATH } from './receiver.ts';

export interface CreateSlackAdapterOptions {
  config: SlackConfig;
  core: BotCore;
  logger: Logger;
  /** Test seam: WebClient options, e.g. `slackApiUrl` of a fake server, a small `retryConfig`. */
  clientOptions?: webApi.WebClientOptions;
  /** Test seam: the bot's identity, so no auth.test call is made. Both or neither. */
  botId?: string;
  botUserId?: string;
  /** HTTP mode: the interface to listen on; overrides config.host (default 127.0.0.1). */
  host?: string;
  /** Retries for Slack calls (Web API and response_url); small in tests. */
  retry?: RetryPolicy;
  /** The slash command, as named in the app manifest. */
  commandName?: string;
  /** How long stop() waits for answers still being delivered. */
  stopGraceMs?: number;
  /** Alert subscriptions for `/oversight subscribe|unsubscribe|subscriptions`; omit when alerts are off. */
  alerts?: SubscriptionCommands;
}

export interface SlackAdapter extends ChatAdapter {
  readonly platform: 'slack';
  readonly mode: SlackConfig['mode'];
  /** The Bolt receiver chosen from the configuration (HTTPReceiver or SocketModeReceiver). */
  readonly receiver: SlackReceiver;
  /** HTTP mode, once started: where Slack's requests are received. */
  address(): { host: string; port: number } | undefined;
}

/** Slack errors that mean "this token is wrong", as opposed to "Slack is unreachable". */
const BAD_TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

export function createSlackAdapter(options: CreateSlackAdapterOptions): SlackAdapter {
  const { config, core, logger } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  const boltLogger = toBoltLogger(logger, undefined, { ...(options.clientOptions?.slackApiUrl ? { apiUrl: options.clientOptions.slackApiUrl } : {}) });
  const receiver = createReceiver(config, boltLogger, options.clientOptions ? { ...options.clientOptions } : undefined);

  // The bot's own ids let Bolt ignore our own messages and let us strip "@oversight" from
  // questions. They come from auth.test once; a failure is not cached, so the next event retries.
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined =
    options.botUserId !== undefined ? Promise.resolve({ botId: options.botId, botUserId: options.botUserId }) : undefined;
  const getIdentity = (): Promise<{ botId?: string; botUserId?: string }> => {
    if (identity) return identity;
    const pending = app.client.auth.test({ token: config.botToken }).then((r) => ({ botId: r.bot_id, botUserId: r.user_id }));
    identity = pending;
    pending.catch(() => {
      if (identity === pending) identity = undefined;
    });
    return pending;
  };
  const authorize: Authorize<boolean> = async () => ({ botToken: config.botToken, ...(await getIdentity()) });

  const app = new App({
    receiver,
    authorize,
    logger: boltLogger,
    // Our own objects: Bolt writes its logger into the options it is given.
    clientOptions: { timeout: 10_000, retryConfig: webClientRetryConfig(retry), ...options.clientOptions },
    ignoreSelf: true,
    // We keep no per-conversation state; the default in-memory store would only grow.
    convoStore: false,
  });

  const inFlight = new Set<Promise<unknown>>();
  registerHandlers(app, {
    core,
    logger,
    retry,
    commandName: options.commandName ?? '/oversight',
    ...(options.alerts ? { alerts: options.alerts } : {}),
    track: (work) => {
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    },
  });

  let running = false;
  let bound: { host: string; port: number } | undefined;
  // start() and stop() may be called concurrently (signals, tests); run them one at a time.
  let lifecycle: Promise<unknown> = Promise.resolve();
  const serialize = <T>(step: () => Promise<T>): Promise<T> => {
    const next = lifecycle.then(step, step);
    lifecycle = next.catch(() => undefined);
    return next;
  };

  const verifyToken = async (): Promise<void> => {
    try {
      await getIdentity();
    } catch (error) {
      const slackError = (error as { data?: { error?: unknown } }).data?.error;
      if (typeof slackError === 'string' && BAD_TOKEN_ERRORS.has(slackError)) {
        throw new OversightError('CONFIG_INVALID', 'Slack rejected the bot token.', [
          `SLACK_BOT_TOKEN: Slack answered "${slackError}" — ${ENV_HELP.SLACK_BOT_TOKEN ?? ''}`,
        ]);
      }
      // Slack unreachable right now: start anyway; authorize retries on the first event.
      logger.warn('slack: could not check the bot token yet; will retry on the first event', { error: describeError(error) });
    }
  };

  const drain = async (): Promise<void> => {
    const grace = options.stopGraceMs ?? 5_000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...inFlight]),
      new Promise((resolve) => {
        timer = setTimeout(resolve, grace);
      }),
    ]);
    clearTimeout(timer);
  };

  return {
    platform: 'slack',
    mode: config.mode,
    receiver,
    address: () => bound,

    start: () =>
      serialize(async () => {
        if (running) return;
        await verifyToken();
        if (config.mode === 'http') {
          const host = options.host ?? config.host ?? DEFAULT_SLACK_HOST;
          let server: { address(): AddressInfo | string | null };
          try {
            server = await app.start({ port: config.port, host });
          } catch (error) {
            if ((error as { code?: unknown }).code === 'EADDRINUSE') {
              throw new OversightError('CONFIG_INVALID', `Port ${config.port} is already in use, so Slack's HTTP receiver cannot listen.`, [
                `SLACK_PORT: choose a free port — ${ENV_HELP.SLACK_PORT ?? ''}`,
              ]);
            }
            throw error;
          }
          const address = server.address();
          bound = typeof address === 'object' && address ? { host: address.address, port: address.port } : { host, port: config.port };
          logger.info(`slack: listening for Slack requests (HTTP mode) on ${bound.host} port ${bound.port}, path ${EVENTS_PATH}`);
        } else {
          try {
            await app.start();
          } catch (error) {
            const slackError = (error as { data?: { error?: unknown } }).data?.error;
            if (typeof slackError === 'string' && BAD_TOKEN_ERRORS.has(slackError)) {
              throw new OversightError('CONFIG_INVALID', 'Slack rejected the app-level token, so Socket Mode cannot connect.', [
                `SLACK_APP_TOKEN: Slack answered "${slackError}" — ${ENV_HELP.SLACK_APP_TOKEN ?? ''}`,
              ]);
            }
            throw error;
          }
          logger.info('slack: connected to Slack (Socket Mode)');
        }
        running = true;
      }),

    stop: () =>
      serialize(async () => {
        if (!running) return;
        running = false;
        bound = undefined;
        // Stop taking new requests and let answers already being delivered finish.
        await Promise.all([app.stop(), drain()]);
        logger.info('slack: stopped');
      }),
  };
}
