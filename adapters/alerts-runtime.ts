// Assembles the alerts feature for a running bot: the SQLite store in DATA_DIR, a sender for each
// configured platform (Slack's WebClient, Discord's REST), the alerts service (knowledge check,
// outbox worker, feed watcher), a watch on the knowledge folder, and the subscription commands
// each adapter needs. Used by the composition root (adapters/main.ts) and, with its test seams, by
// the crash test's child process. Reads no environment: it is given AppConfig.

import type { KnowledgeData } from '../knowledge/schema.ts';
import type { Platform } from '../src/alerts/alert-types.ts';
import { createAlertsService, type AlertsService, type KnowledgeCheck } from '../src/alerts/alerts-service.ts';
import type { AlertSender, DeliveryWorkerOptions } from '../src/alerts/delivery-worker.ts';
import { createKnowledgeWatcher, type KnowledgeWatcher } from '../src/alerts/knowledge-watcher.ts';
import { createAlertStore, storeProblem } from '../src/alerts/store.ts';
import type { SubscriptionCommands } from '../src/alerts/subscriptions.ts';
import type { TopicResolver } from '../src/alerts/topics.ts';
import type { AppConfig } from '../src/config.ts';
import { isOversightError, OversightError } from '../src/errors.ts';
import type { Logger } from '../src/logger.ts';

export interface AlertsRuntimeOptions {
  config: Pick<AppConfig, 'dataDir' | 'slack' | 'discord' | 'alertFeeds' | 'alertFeedIntervalSeconds'> &
    Partial<Pick<AppConfig, 'alertFeedMaxItemsPerPoll' | 'alertFeedMaxAgeDays' | 'alertFeedAllowPrivateNetwork'>>;
  knowledge: KnowledgeData;
  /** The knowledge folder to watch, and how to reload it; omit both to not watch. */
  knowledgeDir?: string;
  reloadKnowledge?: () => KnowledgeData | Promise<KnowledgeData>;
  /** Called with knowledge that changed on disk and loaded cleanly (after alerts are queued). */
  onKnowledge?: (knowledge: KnowledgeData) => void;
  logger: Logger;
  // Test seams ------------------------------------------------------------------------------
  /** Slack Web API base URL (a fake Slack). */
  slackApiUrl?: string;
  /** Discord REST base URL (a fake Discord). */
  discordRestApi?: string;
  fetch?: typeof fetch;
  worker?: Omit<DeliveryWorkerOptions, 'store' | 'senders' | 'logger'>;
  /** Interval of the knowledge folder's safety-net poll (ms). */
  knowledgePollMs?: number;
}

export interface AlertsRuntime {
  readonly service: AlertsService;
  /** For the Slack adapter's `/oversight subscribe|unsubscribe|subscriptions`. */
  readonly slackCommands: SubscriptionCommands;
  /** For the Discord adapter's `/oversight alerts …`. */
  readonly discordAlerts: { commands: SubscriptionCommands; topics: () => TopicResolver };
  /** Announces knowledge changes, then starts delivering, polling feeds and watching the knowledge. */
  start(): KnowledgeCheck;
  stop(): Promise<void>;
}

export async function createAlertsRuntime(options: AlertsRuntimeOptions): Promise<AlertsRuntime> {
  const { config, logger } = options;
  // better-sqlite3 waits for a lock synchronously, blocking the event loop: a running bot waits at
  // most 1 s (the operator commands hold locks for milliseconds), so a slash command is still
  // answered within Slack's 3 s even while the database is locked.
  const store = createAlertStore({ dataDir: config.dataDir, busyTimeoutMs: 1_000 });
  const senders: Partial<Record<Platform, AlertSender>> = {};
  try {
    if (config.slack) {
      const { createSlackAlertSender } = await import('./slack/alert-sender.ts');
      senders.slack = createSlackAlertSender({ token: config.slack.botToken, logger, ...(options.slackApiUrl ? { clientOptions: { slackApiUrl: options.slackApiUrl } } : {}) });
    }
    if (config.discord) {
      const { createDiscordAlertSender } = await import('./discord/alert-sender.ts');
      senders.discord = createDiscordAlertSender({ token: config.discord.token, logger, ...(options.discordRestApi ? { restApi: options.discordRestApi } : {}) });
    }
  } catch (error) {
    store.close();
    throw error;
  }

  const service = createAlertsService({
    store,
    logger,
    knowledge: options.knowledge,
    senders,
    feeds: config.alertFeeds,
    feedIntervalMs: config.alertFeedIntervalSeconds * 1000,
    feedLimits: {
      ...(config.alertFeedMaxItemsPerPoll !== undefined ? { maxItemsPerPoll: config.alertFeedMaxItemsPerPoll } : {}),
      ...(config.alertFeedMaxAgeDays !== undefined ? { maxAgeDays: config.alertFeedMaxAgeDays } : {}),
      ...(config.alertFeedAllowPrivateNetwork !== undefined ? { allowPrivateNetwork: config.alertFeedAllowPrivateNetwork } : {}),
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.worker ? { worker: options.worker } : {}),
  });

  let watcher: KnowledgeWatcher | undefined;
  if (options.knowledgeDir && options.reloadKnowledge) {
    watcher = createKnowledgeWatcher({
      dir: options.knowledgeDir,
      load: options.reloadKnowledge,
      revision: options.knowledge.revision,
      logger,
      ...(options.knowledgePollMs !== undefined ? { pollMs: options.knowledgePollMs } : {}),
      onChange: (knowledge) => {
        service.setKnowledge(knowledge);
        options.onKnowledge?.(knowledge);
      },
    });
  }

  let stopped = false;
  return {
    service,
    slackCommands: service.commands(ALERT_SYNTAX.slack),
    discordAlerts: { commands: service.commands(ALERT_SYNTAX.discord), topics: () => service.topics() },
    start() {
      let check: KnowledgeCheck;
      try {
        check = service.start();
      } catch (error) {
        // The first writes to the store happen here (the knowledge check): a locked or full
        // database fails start-up with the file and DATA_DIR named, not "unexpected error".
        if (isOversightError(error)) throw error;
        throw new OversightError('DATA_UNAVAILABLE', `The alerts could not start: ${storeProblem(store.path, error)}`, [
          'DATA_DIR: it must be a folder on persistent storage that the bot can write to, used by one bot process at a time',
        ]);
      }
      watcher?.start();
      const platforms = Object.keys(senders).join(' and ') || 'no platform';
      logger.info(`alerts: started (delivering to ${platforms}; ${config.alertFeeds.length} news feed(s) every ${config.alertFeedIntervalSeconds} s)`, { database: store.path });
      return check;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await watcher?.stop();
      await service.stop();
      store.close();
    },
  };
}

/** How each platform spells the subscription commands, for the hints in replies. */
export const ALERT_SYNTAX = {
  slack: { subscribe: '/oversight subscribe', unsubscribe: '/oversight unsubscribe', list: '/oversight subscriptions' },
  discord: { subscribe: '/oversight alerts subscribe', unsubscribe: '/oversight alerts unsubscribe', list: '/oversight alerts list' },
} as const;
