// The platform-neutral answer the core returns and every adapter renders. Pure types: no
// imports from adapters or chat libraries.

/** One numbered citation behind an answer. */
export interface Citation {
  /** 1-based number used in the answer text as "[n]". */
  n: number;
  sourceId: string;
  title: string;
  /** null when the publisher could not be verified. */
  publisher: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the source carries no date. */
  published: string | null;
  url: string | null;
  /** Where in the source, e.g. "para. 3". */
  locator: string | null;
  /** A short verbatim quote from the source, when the fact carries one. */
  quote?: string;
}

/** One item of a list answer (a force in Engage, an entry in a period) and its own citations. */
export interface AnswerItem {
  /** e.g. "Lincolnshire Police — since 6 December 2024". */
  text: string;
  citations: number[];
}

/** One sentence of an answer and the citation numbers behind it. */
export interface AnswerSentence {
  text: string;
  citations: number[];
  /**
   * For a list answer: the sentence is the lead ("One police force is in Engage:") and each item
   * carries its own citations; `citations` then holds the union, for renderers that ignore items.
   */
  items?: AnswerItem[];
}

/**
 * What an answer was about, handed back on the next question of the same conversation so that a
 * follow-up ("why?", "and the fire services?", "what about GMP?") can be resolved against it.
 * Adapters store it per conversation and pass it to the core unchanged; it is plain JSON.
 */
export interface ConversationContext {
  /** Entity ids the answer was about. */
  subjects: string[];
  /** The answering route ("engage-list", "entity-status", "role", "fact"). */
  route: string;
  /** The period asked about, if any (YYYY[-MM[-DD]] start and end). */
  period?: { start: string; end: string };
  /** Which kinds of body the answer covered, if it was a list. */
  kinds?: ('police_force' | 'fire_rescue_service')[];
  /** The question as asked. */
  question: string;
}

export type AnswerStatus = 'answered' | 'no_answer';

export interface Answer {
  status: AnswerStatus;
  /** The answer as plain text, each sentence followed by its citation markers, e.g. "… [1][2]". */
  text: string;
  /** The same answer sentence by sentence, for adapters that lay citations out themselves. */
  sentences: AnswerSentence[];
  /** 0–1: how sure the bot is that it understood the question and holds the answer. */
  confidence: number;
  citations: Citation[];
  /** The date the answer holds for (YYYY, YYYY-MM or YYYY-MM-DD); null for timeless answers. */
  asOf: string | null;
  /** A few questions the bot can answer next: well-formed, capitalised, each one answerable. */
  related: string[];
  /**
   * The date the knowledge base was last checked against public sources (YYYY[-MM[-DD]]), when
   * known: distinct from `asOf`, the date of the newest record the answer rests on.
   */
  checkedTo?: string | null;
  /** What this answer was about, for resolving a follow-up; absent on declines. */
  context?: ConversationContext;
  /** Why this answer was chosen: for debugging and the eval, never shown as the answer. */
  explanation?: AnswerExplanation;
}

export interface AnswerExplanation {
  /** Which answering route produced it (e.g. "engage-list", "entity-status", "fact"). */
  route: string;
  /** Entities recognised in the question. */
  entities: string[];
  /** Question terms the answer accounted for, and those it did not. */
  matchedTerms: string[];
  unmatchedTerms: string[];
  /** Fact or event ids the answer is built from. */
  recordIds: string[];
}
