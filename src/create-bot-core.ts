// Builds a BotCore from loaded knowledge: the object adapters receive. Wires answering,
// the Engage list, suggestions and help over one cached index. No chat libraries, no env.

import Fuse from 'fuse.js';
import type { KnowledgeData } from '../knowledge/schema.ts';
import { answer, engageStatus } from './answer.ts';
import type { BotCore, BotHelp } from './bot-core.ts';
import { engageStays, type EngageStays } from './engage-stays.ts';
import { indexKnowledge } from './knowledge-index.ts';

export interface BotCoreOptions {
  /** The clock, for telling the future from the past ("in 2030"). Default: the system clock. */
  now?: () => Date;
}

export function createBotCore(knowledge: KnowledgeData, options: BotCoreOptions = {}): BotCore {
  const now = options.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);
  const index = indexKnowledge(knowledge);
  // Fuzzy matching over short strings (suggested questions) is what fuse.js does well. Built on
  // first use: only autocomplete needs it, and a one-shot `oversight ask` should not pay for it.
  let fuse: Fuse<string> | undefined;
  let stays: EngageStays | undefined;
  const suggestions = () => (fuse ??= new Fuse(index.suggestions, { includeScore: true, threshold: 0.45, ignoreLocation: true, minMatchCharLength: 2 }));
  const help: BotHelp = {
    summary:
      'I answer questions about HMICFRS\'s Engage phase of enhanced monitoring ("special measures") for police forces and fire and rescue services in England and Wales: who is in it, since when, why, and who said what — from curated, cited sources. I say "as of" the newest record I hold, and I tell you when I don\'t know.',
    examples: [
      'Which forces are in Engage?',
      'Is Lincolnshire Police in special measures?',
      'Why was the Met put in special measures?',
      'Which forces were in Engage in December 2022?',
      'When did Greater Manchester Police leave Engage?',
      'Which fire and rescue services left Engage in 2025?',
      'What did the Home Secretary say about the Met?',
      'What is the Scan phase of monitoring?',
    ],
  };
  return {
    revision: knowledge.revision,
    newestRecordDate: index.newestRecordDate,
    ask: (question, context) => answer(question, index, { today: today(), ...(context ? { context } : {}) }),
    engageStatus: (date) => engageStatus(index, date, { today: today() }),
    suggest(partial, limit = 25) {
      const text = partial.trim().slice(0, 100);
      if (!text) return help.examples.slice(0, limit);
      return suggestions()
        .search(text, { limit })
        .map((r) => r.item)
        .slice(0, limit);
    },
    help: () => help,
    // Built on first use: only the timeline command needs it.
    engageStays: () => (stays ??= engageStays(index)),
  };
}
