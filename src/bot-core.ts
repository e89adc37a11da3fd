// The core's one entry point for adapters: a BotCore built from a loaded knowledge base.
// Adapters receive a BotCore and render its Answers; they never touch knowledge or indexes.
// Must not import chat libraries or read process.env.

import type { Answer, ConversationContext } from './answer-types.ts';
import type { EngageStays } from './engage-stays.ts';

export interface BotHelp {
  /** One paragraph on what the bot answers and from what. */
  summary: string;
  /** Example questions that work. */
  examples: string[];
}

export interface BotCore {
  /**
   * Answers a question. Never throws for user input: bad input gets a no_answer saying why.
   * `context` is the previous answer's `context` in the same conversation, so that a follow-up
   * ("why?", "what about GMP?") is understood; adapters keep it per conversation.
   */
  ask(question: string, context?: ConversationContext): Answer;
  /**
   * Which forces and services are in Engage: as of the newest record, or on `date`
   * (YYYY-MM-DD, YYYY-MM, YYYY or words such as "December 2022").
   */
  engageStatus(date?: string): Answer;
  /** Up to `limit` questions the knowledge base can answer, best match to `partial` first. */
  suggest(partial: string, limit?: number): string[];
  help(): BotHelp;
  /** Every Engage stay with its sources, for the timeline chart (`/oversight timeline`). */
  engageStays(): EngageStays;
  /** A hash of the knowledge files, for change detection. */
  readonly revision: string;
  /** The date of the newest status record: what "now" means in answers. */
  readonly newestRecordDate: string;
}
