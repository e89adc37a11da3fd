// The closed word classes the answering stages rely on, read from the knowledge base
// (knowledge/question-words.yaml) as stems, the way questions are read. Pure; no I/O.

import type { KnowledgeData } from '../knowledge/schema.ts';
import { escapeRegExp, normalizeText, stem } from './text.ts';

/** The classes the code reads, by id; a knowledge base without one reads it as empty. */
export const WORD_CLASS_IDS = ['framing', 'engage-question', 'ranking', 'role-question', 'profile-question', 'life-story', 'oversight', 'status-change', 'stay', 'carrier-verb', 'leadership', 'intensifier', 'finding', 'found-wrong', 'asides', 'words-asked', 'general-nouns'] as const;
export type WordClassId = (typeof WORD_CLASS_IDS)[number];

const EMPTY: ReadonlySet<string> = new Set();

/** Each class as a set of its words' parts, each put through `key`; read once per knowledge base. */
function classSets(data: Pick<KnowledgeData, 'wordClasses'>, key: (word: string) => string): (id: WordClassId) => ReadonlySet<string> {
  const byId = new Map<string, Set<string>>();
  for (const c of data.wordClasses ?? []) {
    const set = byId.get(c.id) ?? new Set<string>();
    for (const w of c.words) for (const part of normalizeText(w).split(' ')) if (part) set.add(key(part));
    byId.set(c.id, set);
  }
  return (id) => byId.get(id) ?? EMPTY;
}

/** Each class as the stems of its words ("centre" → "centr"), as question terms are keyed. */
export function wordClassStems(data: Pick<KnowledgeData, 'wordClasses'>): (id: WordClassId) => ReadonlySet<string> {
  return classSets(data, stem);
}

/**
 * Each class's words exactly as written (lower case), for a class whose words must not be read
 * through their stems: "basically" and "basics" share the stem "basic", "definitely" and
 * "definite" the stem "definit", but only the adverbs are emphasis.
 */
export function wordClassWords(data: Pick<KnowledgeData, 'wordClasses'>): (id: WordClassId) => ReadonlySet<string> {
  return classSets(data, (word) => word);
}

const asideCache = new WeakMap<object, RegExp | null>();

/**
 * The "asides" class as one pattern of whole phrases ("in the first place", "to be honest"):
 * set phrases of how the asker speaks, removed before a question is read. Null when the class is
 * empty or missing.
 */
export function asidePattern(data: Pick<KnowledgeData, 'wordClasses'>): RegExp | null {
  if (asideCache.has(data)) return asideCache.get(data)!;
  const phrases = (data.wordClasses ?? []).filter((c) => c.id === 'asides').flatMap((c) => c.words.map((w) => w.trim().toLowerCase())).filter(Boolean);
  // Longest first, so "at the end of the day" is taken whole; words may be parted by any spacing.
  const source = phrases.sort((a, b) => b.length - a.length).map((p) => p.split(/\s+/).map(escapeRegExp).join('\\s+')).join('|');
  const pattern = source ? new RegExp(`,?\\s*\\b(?:${source})\\b,?`, 'gi') : null;
  asideCache.set(data, pattern);
  return pattern;
}

