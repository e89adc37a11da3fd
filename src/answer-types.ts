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

/** One sentence of an answer and the citation numbers behind it. */
export interface AnswerSentence {
  text: string;
  citations: number[];
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
  /** A few questions the bot can answer next. */
  related: string[];
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
