// The alerts feature as one object for the composition root: it checks the knowledge base against
// what was last announced (baseline on the very first run), queues alerts in the outbox, watches
// the news feeds, runs the delivery worker, and gives the adapters their subscription commands.
// Platform-neutral: senders are passed in; no chat libraries, no process.env.

import type { KnowledgeData } from '../../knowledge/schema.ts';
import type { Logger } from '../logger.ts';
import { topicMatches, type Alert, type Platform } from './alert-types.ts';
import { createDeliveryWorker, type AlertSender, type DeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker.ts';
import { createFeedWatcher, type FeedPollResult, type FeedWatcher, type FeedWatcherOptions } from './feed-watcher.ts';
import { planAnnouncement } from './knowledge-diff.ts';
import type { AlertStore } from './store.ts';
import { createSubscriptionCommands, type SubscriptionCommandOptions, type SubscriptionCommands } from './subscriptions.ts';
import { createTopicResolver, type TopicResolver } from './topics.ts';

export interface KnowledgeCheck {
  outcome: 'baseline' | 'unchanged' | 'announced';
  revision: string;
  alerts: Alert[];
  /** (alert, channel) deliveries queued. */
  deliveries: number;
}

export interface KnowledgePreview {
  /** No revision was ever announced: the next start records a baseline and sends nothing. */
  baseline: boolean;
  announcedRevision: string | null;
  revision: string;
  /** What would be announced, with how many subscribed channels each would reach. */
  alerts: { alert: Alert; channels: number }[];
}

export interface AlertsServiceOptions {
  store: AlertStore;
  logger: Logger;
  knowledge: KnowledgeData;
  senders: Partial<Record<Platform, AlertSender>>;
  /** RSS/Atom feeds to watch; none turns the watcher off. */
  feeds?: string[];
  feedIntervalMs?: number;
  /** Per-poll cap, age limit and redirect policy of the feed watcher (see feed-watcher.ts). */
  feedLimits?: Pick<FeedWatcherOptions, 'maxItemsPerPoll' | 'maxAgeDays' | 'allowPrivateNetwork' | 'lookup'>;
  fetch?: typeof fetch;
  worker?: Omit<DeliveryWorkerOptions, 'store' | 'senders' | 'logger'>;
  now?: () => Date;
}

export interface AlertsService {
  readonly store: AlertStore;
  readonly worker: DeliveryWorker;
  readonly feedWatcher: FeedWatcher;
  /** The topic resolver for the current knowledge. */
  topics(): TopicResolver;
  /** Subscribe/unsubscribe/list with hints in this platform's command syntax. */
  commands(syntax: SubscriptionCommandOptions['syntax']): SubscriptionCommands;
  /** Compares the knowledge with what was announced and queues alerts for the difference. */
  checkKnowledge(knowledge?: KnowledgeData): KnowledgeCheck;
  /** What checkKnowledge would announce, without changing anything. */
  preview(knowledge?: KnowledgeData): KnowledgePreview;
  /** Uses new knowledge from now on (topics, feed tagging) and announces what changed. */
  setKnowledge(knowledge: KnowledgeData): KnowledgeCheck;
  pollFeeds(): Promise<FeedPollResult[]>;
  /** Checks the knowledge, then starts the delivery worker and the feed watcher. */
  start(): KnowledgeCheck;
  stop(): Promise<void>;
}

export function createAlertsService(options: AlertsServiceOptions): AlertsService {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());
  let knowledge = options.knowledge;
  let resolver = createTopicResolver(knowledge);

  const worker = createDeliveryWorker({ store, senders: options.senders, logger, ...options.worker });
  const feedWatcher = createFeedWatcher({
    feeds: options.feeds ?? [],
    intervalMs: options.feedIntervalMs ?? 15 * 60_000,
    store,
    logger,
    knowledge: () => knowledge,
    onQueued: () => worker.kick(),
    ...options.feedLimits,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    now,
  });

  const checkKnowledge = (k: KnowledgeData = knowledge): KnowledgeCheck => {
    const announced = store.announcedRevision();
    if (announced === k.revision) return { outcome: 'unchanged', revision: k.revision, alerts: [], deliveries: 0 };
    const plan = planAnnouncement(announced === null ? null : store.announcedItems(), k, now());
    if (plan.unreadable.length > 0) logger.warn('alerts: some announced records could not be read and were left out of the comparison', { keys: plan.unreadable });
    const deliveries = store.commitAnnouncement(k.revision, plan.items, plan.alerts);
    if (announced === null) {
      logger.info('alerts: recorded the knowledge baseline; nothing announced (only later changes become alerts)', { revision: k.revision, records: plan.items.size });
      return { outcome: 'baseline', revision: k.revision, alerts: [], deliveries: 0 };
    }
    if (plan.alerts.length > 0) {
      logger.info('alerts: knowledge changes queued', { revision: k.revision, alerts: plan.alerts.map((a) => `${a.kind}: ${a.title}`), deliveries });
      worker.kick();
    } else {
      logger.info('alerts: knowledge changed, nothing newsworthy to announce', { revision: k.revision });
    }
    return { outcome: 'announced', revision: k.revision, alerts: plan.alerts, deliveries };
  };

  return {
    store,
    worker,
    feedWatcher,
    topics: () => resolver,
    commands: (syntax) => createSubscriptionCommands({ store, topics: () => resolver, syntax, logger }),
    checkKnowledge,
    preview(k = knowledge) {
      const announced = store.announcedRevision();
      const plan = planAnnouncement(announced === null ? null : store.announcedItems(), k, now());
      const active = store.listSubscriptions().filter((s) => s.status === 'active');
      return {
        baseline: announced === null,
        announcedRevision: announced,
        revision: k.revision,
        alerts: (announced === k.revision ? [] : plan.alerts).map((alert) => ({
          alert,
          channels: new Set(active.filter((s) => topicMatches(s.topic, alert)).map((s) => `${s.platform}:${s.channelId}`)).size,
        })),
      };
    },
    setKnowledge(k) {
      knowledge = k;
      resolver = createTopicResolver(k);
      return checkKnowledge(k);
    },
    pollFeeds: () => feedWatcher.pollOnce(),
    start() {
      const check = checkKnowledge();
      worker.start();
      feedWatcher.start();
      return check;
    },
    async stop() {
      await feedWatcher.stop();
      await worker.stop();
    },
  };
}
