// The Discord adapter: a discord.js Client (Guilds intent only, mentions off by default) that
// answers /oversight interactions with the core's Answers. Gateway disconnects and REST errors
// are logged and survived; start() and stop() are safe to repeat.

import { Client, Events, GatewayIntentBits, RESTEvents } from 'discord.js';
import type { ChatAdapter } from '../../src/chat-adapter.ts';
import type { BotCore } from '../../src/bot-core.ts';
import type { DiscordConfig } from '../../src/config.ts';
import { OversightError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import type { DiscordAlerts } from './alert-commands.ts';
import { destroyClient } from './destroy-client.ts';
import { createInteractionHandler, errorFields } from './interactions.ts';

export { registerDiscordCommands } from './register.ts';
export { commandDefinitions, oversightCommand } from './commands.ts';

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  core: BotCore;
  logger: Logger;
  /** Test seam: the REST base URL, e.g. "http://127.0.0.1:PORT/api" (default https://discord.com/api). */
  restApi?: string;
  /** Test seam: defer the reply once an interaction is this many ms old and unanswered (default 2000). */
  deferAfterMs?: number;
  /** Test seam: how long start() waits for the gateway's READY before giving up (default 30 s). */
  readyTimeoutMs?: number;
  /** Test seam: the clock, compared with the interaction's creation time. */
  now?: () => number;
  /** `/oversight alerts subscribe|unsubscribe|list`; omit when alerts are off. */
  alerts?: DiscordAlerts;
}

const DEFAULT_DEFER_AFTER_MS = 2_000;
const DEFAULT_READY_TIMEOUT_MS = 30_000;

export function createDiscordAdapter(options: DiscordAdapterOptions): ChatAdapter {
  const { config, core, logger } = options;
  const handleInteraction = createInteractionHandler({
    core,
    logger,
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    now: options.now ?? Date.now,
    ...(options.alerts ? { alerts: options.alerts } : {}),
  });
  let client: Client | undefined;
  // start/stop run one at a time, so "stop twice" or "stop during start" cannot race.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(step: () => Promise<T>): Promise<T> => {
    const run = queue.then(step, step);
    queue = run.catch(() => undefined);
    return run;
  };

  function createClient(): Client {
    const c = new Client({
      // Slash commands arrive over the gateway without any privileged intent.
      intents: [GatewayIntentBits.Guilds],
      // Nothing the bot sends may ping anyone, even if a question contains @everyone.
      allowedMentions: { parse: [] },
      rest: options.restApi ? { api: options.restApi } : {},
    });
    c.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction));
    // An EventEmitter 'error' with no listener crashes the process; log it instead.
    c.on(Events.Error, (error) => logger.error('discord: client error', errorFields(error)));
    c.on(Events.Warn, (message) => logger.warn('discord: client warning', { message }));
    c.on(Events.ShardError, (error, shardId) => logger.warn('discord: gateway connection error', { shardId, ...errorFields(error) }));
    c.on(Events.ShardDisconnect, (event, shardId) =>
      logger.error('discord: gateway closed the connection and will not reconnect', { shardId, code: event.code }),
    );
    c.on(Events.ShardReconnecting, (shardId) => logger.warn('discord: gateway disconnected; reconnecting', { shardId }));
    c.on(Events.ShardResume, (shardId, replayedEvents) => logger.info('discord: gateway connection resumed', { shardId, replayedEvents }));
    c.on(Events.Invalidated, () => logger.error('discord: session invalidated by Discord'));
    c.rest.on(RESTEvents.RateLimited, (info) =>
      logger.warn('discord: rate limited', { route: info.route, retryAfterMs: info.retryAfter, global: info.global }),
    );
    return c;
  }

  async function connect(c: Client): Promise<void> {
    const timeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
    const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
    const login = c.login(config.token);
    login.catch(() => undefined); // raced below; a late rejection after a timeout must not go unhandled
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the Discord gateway did not become ready within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([login.then(() => ready), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    platform: 'discord',

    start: () =>
      serialized(async () => {
        if (client) return;
        const c = createClient();
        try {
          await connect(c);
        } catch (error) {
          await destroyClient(c, logger);
          throw explainStartError(error);
        }
        client = c;
        if (c.application && c.application.id !== config.applicationId) {
          logger.warn('discord: DISCORD_APPLICATION_ID does not match the bot token\'s application; commands may not arrive', {
            configured: config.applicationId,
            actual: c.application.id,
          });
        }
        logger.info('discord: connected', { bot: c.user?.tag, applicationId: c.application?.id, guilds: c.guilds.cache.size });
      }),

    stop: () =>
      serialized(async () => {
        const c = client;
        client = undefined;
        if (!c) return;
        await destroyClient(c, logger);
        logger.info('discord: disconnected');
      }),
  };
}

function explainStartError(error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid') {
    return new OversightError('CONFIG_INVALID', 'Discord rejected the bot token.', [
      'DISCORD_TOKEN: reset the token on the Developer Portal\'s "Bot" page and paste the new one (see docs/discord.md)',
    ]);
  }
  if (code === 'DisallowedIntents') {
    return new OversightError('CONFIG_INVALID', 'Discord refused the gateway intents the bot asked for.', [
      'The bot only needs the Guilds intent; check the application on the Developer Portal',
    ]);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`Could not connect to Discord: ${message}`, { cause: error });
}
