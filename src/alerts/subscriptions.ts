// Subscribe, unsubscribe and list, shared by the Slack command, the Discord command and the
// operator CLI: resolves the topic, changes the store, and says exactly what the channel will now
// receive. Returns plain text (each adapter escapes and renders it). A store failure (disk full,
// database locked) still gets a reply, and a log line naming the file and DATA_DIR: a command is
// never left unanswered. No chat libraries, no env.

import type { Logger } from '../logger.ts';
import { ALL_TOPIC, ENGAGE_TOPIC, type Platform } from './alert-types.ts';
import { storeProblem, type AlertStore, type Subscription } from './store.ts';
import { describeTopic, type TopicResolver } from './topics.ts';

export interface CommandReply {
  /** false when nothing changed because the request could not be understood or carried out. */
  ok: boolean;
  /** A short heading: "Subscribed", "Did you mean …?". */
  title: string;
  /** Plain text paragraphs: what happened and what the channel receives. */
  lines: string[];
}

export interface SubscriptionCommands {
  subscribe(platform: Platform, channelId: string, topic: string | null | undefined, by?: string | null): CommandReply;
  unsubscribe(platform: Platform, channelId: string, topic: string | null | undefined): CommandReply;
  list(platform: Platform, channelId: string): CommandReply;
}

export interface SubscriptionCommandOptions {
  store: AlertStore;
  /** The current resolver (it follows knowledge changes). */
  topics: () => TopicResolver;
  /** How this platform spells the commands, for the hints in replies; quoteTopic for shells. */
  syntax: { subscribe: string; unsubscribe: string; list: string; quoteTopic?: boolean };
  /** Where store failures are logged (with the database file and DATA_DIR). */
  logger?: Logger;
}

/** What a person is told when the database cannot be read or written. */
export const STORE_FAILED_REPLY: Record<'subscribe' | 'unsubscribe' | 'list', CommandReply> = {
  subscribe: { ok: false, title: 'Could not save the subscription', lines: ['Could not save the subscription, try again later. Nothing was changed.'] },
  unsubscribe: { ok: false, title: 'Could not save the change', lines: ['Could not save the change to the subscription, try again later. Nothing was changed.'] },
  list: { ok: false, title: 'Could not read the subscriptions', lines: ['Could not read this channel\'s subscriptions, try again later.'] },
};

export function createSubscriptionCommands(options: SubscriptionCommandOptions): SubscriptionCommands {
  const { store, syntax } = options;

  /** Runs a command; a store error becomes the "try again later" reply and one log line. */
  const guarded =
    <A extends unknown[]>(action: 'subscribe' | 'unsubscribe' | 'list', run: (...args: A) => CommandReply) =>
    (...args: A): CommandReply => {
      try {
        return run(...args);
      } catch (error) {
        options.logger?.error(`alerts: could not ${action === 'list' ? 'read' : 'save'} a subscription: ${storeProblem(store.path, error)}`, {
          action,
          platform: args[0],
          channel: args[1],
        });
        const reply = STORE_FAILED_REPLY[action];
        return { ...reply, lines: [...reply.lines] };
      }
    };

  const summary = (subs: Subscription[], labelOf: (key: string) => string): string[] => {
    const active = subs.filter((s) => s.status === 'active');
    const disabled = subs.filter((s) => s.status === 'disabled');
    const lines: string[] = [];
    if (active.length > 0) {
      lines.push('This channel is subscribed to:');
      for (const s of active) lines.push(`• ${labelOf(s.topic)} — ${describeTopic(s.topic, labelOf)}.`);
    }
    if (disabled.length > 0) {
      lines.push('Disabled (a delivery failed for good, so nothing is sent; subscribe again to turn them back on):');
      for (const s of disabled) lines.push(`• ${labelOf(s.topic)} — ${s.disabledReason ?? 'no reason recorded'}`);
    }
    return lines;
  };

  return {
    subscribe: guarded('subscribe', (platform: Platform, channelId: string, topicInput: string | null | undefined, by?: string | null): CommandReply => {
      const topics = options.topics();
      const resolved = topics.resolve(topicInput);
      if (!resolved.ok) return { ok: false, title: resolved.suggestions.length > 0 ? 'Did you mean…?' : 'Unknown topic', lines: [resolved.message] };
      const { topic } = resolved;
      const outcome = store.subscribe({ platform, channelId, topic: topic.key, label: topic.label, createdBy: by ?? null });
      const receives = `This channel will receive ${describeTopic(topic)}.`;
      const lines =
        outcome === 'unchanged'
          ? [`This channel was already subscribed to ${topic.label}.`, receives]
          : outcome === 'reactivated'
            ? [`Subscription to ${topic.label} turned back on.`, receives]
            : [`Subscribed this channel to ${topic.label}.`, receives];
      lines.push('Alerts start from the next change; earlier ones are not sent again.');
      const others = store.subscriptionsFor(platform, channelId).filter((s) => s.status === 'active' && s.topic !== topic.key);
      if (others.length > 0) {
        const overlap = topic.key === ALL_TOPIC || others.some((s) => s.topic === ALL_TOPIC);
        lines.push(
          `It is also subscribed to ${others.map((s) => topics.labelOf(s.topic)).join(', ')}${overlap ? '; an alert that matches more than one subscription arrives once' : ''}.`,
        );
      }
      const hint = topicHint(topic.key, topic.label);
      lines.push(`To stop: ${syntax.unsubscribe} ${syntax.quoteTopic && hint.includes(' ') ? `"${hint}"` : hint}`);
      return { ok: true, title: outcome === 'unchanged' ? 'Already subscribed' : 'Subscribed', lines };
    }),

    unsubscribe: guarded('unsubscribe', (platform: Platform, channelId: string, topicInput: string | null | undefined): CommandReply => {
      const topics = options.topics();
      const current = store.subscriptionsFor(platform, channelId);
      const resolved = topics.resolve(topicInput);
      if (!resolved.ok) return { ok: false, title: resolved.suggestions.length > 0 ? 'Did you mean…?' : 'Unknown topic', lines: [resolved.message] };
      const { topic } = resolved;
      if (!store.unsubscribe(platform, channelId, topic.key)) {
        const lines = [`This channel is not subscribed to ${topic.label}.`];
        if (current.length > 0) lines.push(...summary(current, topics.labelOf));
        else lines.push(`It has no alert subscriptions. To get alerts: ${syntax.subscribe} [topic].`);
        return { ok: false, title: 'Not subscribed', lines };
      }
      const rest = store.subscriptionsFor(platform, channelId);
      const lines = [`Unsubscribed this channel from ${topic.label}: it will no longer receive ${describeTopic(topic)}.`];
      if (rest.length > 0) lines.push(...summary(rest, topics.labelOf));
      else lines.push('It has no other alert subscriptions, so no alerts will be posted here.');
      return { ok: true, title: 'Unsubscribed', lines };
    }),

    list: guarded('list', (platform: Platform, channelId: string): CommandReply => {
      const topics = options.topics();
      const subs = store.subscriptionsFor(platform, channelId);
      if (subs.length === 0) {
        return {
          ok: true,
          title: 'No alert subscriptions',
          lines: [
            'This channel has no alert subscriptions.',
            `${syntax.subscribe} subscribes it to every move into or out of Engage; add a force or service name (e.g. "Lincolnshire Police") for that one only, or "all" for every new or corrected fact.`,
          ],
        };
      }
      return { ok: true, title: 'Alert subscriptions', lines: summary(subs, topics.labelOf) };
    }),
  };
}

/** What to type to name the topic again. */
function topicHint(key: string, label: string): string {
  return key === ALL_TOPIC ? 'all' : key === ENGAGE_TOPIC ? 'engage' : label;
}
