// What each conversation's last answer was about, kept for a few minutes so a follow-up ("why?",
// "what about GMP?") can be resolved by the core. One small in-memory map per adapter, keyed by
// conversation (the terminal session, a Slack thread or DM, a Discord channel and user); old and
// surplus entries are dropped, so it never grows without bound. Platform-neutral.

import type { Answer, ConversationContext } from '../src/answer-types.ts';

export interface ConversationMemory {
  /** The context to pass with the next question of this conversation, if it is fresh. */
  get(key: string): ConversationContext | undefined;
  /** Remembers what an answer was about (a decline leaves the previous context in place). */
  remember(key: string, answer: Answer): void;
}

export interface ConversationMemoryOptions {
  /** How long a context stays usable. Default 10 minutes. */
  ttlMs?: number;
  /** Most conversations kept at once; the oldest go first. Default 10,000. */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

export function createConversationMemory(options: ConversationMemoryOptions = {}): ConversationMemory {
  const ttl = options.ttlMs ?? 10 * 60_000;
  const max = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on every write keeps the oldest first.
  const entries = new Map<string, { context: ConversationContext; at: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now() - entry.at > ttl) {
        entries.delete(key);
        return undefined;
      }
      return entry.context;
    },
    remember(key, answer) {
      if (answer.status !== 'answered' || !answer.context) return;
      entries.delete(key);
      entries.set(key, { context: answer.context, at: now() });
      while (entries.size > max) entries.delete(entries.keys().next().value!);
    },
  };
}
