// The platform-neutral alert: what the knowledge diff and the feed watcher produce, what the
// outbox stores and what each platform's sender renders. Pure types and small pure helpers; no
// chat libraries, no I/O, no process.env.

import type { Answer, AnswerSentence, Citation } from '../answer-types.ts';

export type AlertKind = 'status-change' | 'correction' | 'new-fact' | 'feed-heads-up';

/** Every Engage entry or exit (and corrections to them, and feed heads-ups). The default topic. */
export const ENGAGE_TOPIC = 'engage';
/** Any alert at all: every new or corrected fact, every Engage move, every heads-up. */
export const ALL_TOPIC = 'all';
/** The topic of one force or service: "entity:lincolnshire-police". */
export function entityTopic(entityId: string): string {
  return `entity:${entityId}`;
}

export interface Alert {
  /**
   * Stable and deterministic: the same change always gets the same id, so a check repeated after
   * a crash enqueues nothing twice, and Discord's nonce can be derived from it.
   */
  id: string;
  kind: AlertKind;
  /** Topics the alert belongs to ("engage", "entity:<id>"); "all" matches every alert implicitly. */
  topics: string[];
  /** One line: "Lincolnshire Police moved into Engage". Plain text, never markup. */
  title: string;
  /** The alert as plain text, each sentence followed by its citation markers, like Answer.text. */
  text: string;
  /** The same sentence by sentence, with citation numbers into `citations`. */
  sentences: AnswerSentence[];
  citations: Citation[];
  /** The date the alert is about (YYYY, YYYY-MM or YYYY-MM-DD); null when unknown. */
  asOf: string | null;
  /** Where to read more: the official page or the feed item; null when none. */
  link: string | null;
  /** When the alert was created (ISO timestamp). */
  createdAt: string;
}

/** The channels a platform can deliver to. */
export type Platform = 'slack' | 'discord';
export const PLATFORMS: readonly Platform[] = ['slack', 'discord'];

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

/** Whether an alert goes to a channel subscribed to `topic`. */
export function topicMatches(topic: string, alert: Pick<Alert, 'topics'>): boolean {
  return topic === ALL_TOPIC || alert.topics.includes(topic);
}

/**
 * The alert in the Answer shape, so each adapter renders it with the very renderer (citation
 * style, escaping, limits) it uses for answers.
 */
export function alertAsAnswer(alert: Alert): Answer {
  return {
    status: 'answered',
    text: alert.text,
    sentences: alert.sentences,
    confidence: 1,
    citations: alert.citations,
    asOf: alert.asOf,
    related: [],
  };
}

/** Joins sentences into the "text [1][2] text [3]" form Answer.text uses. */
export { sentencesToText } from '../citations.ts';

/** A short label for logs and the operator CLI: "status-change Lincolnshire Police moved into Engage". */
export function describeAlert(alert: Pick<Alert, 'kind' | 'title'>): string {
  return `${alert.kind}: ${alert.title}`;
}
