// Answerability: whether a drafted answer may be given. An answer needs a domain anchor — the
// question's topic must be something the knowledge base is about (a named entity, a domain
// concept, or a word far more common in the knowledge base than in everyday English), and the
// answer must account for it. Sharing only everyday words ("day", "date", "times") is not enough.
// Pure.

import type { KnowledgeIndex, Term } from '../knowledge-index.ts';
import type { QuestionAnalysis } from './understand.ts';
import type { Draft } from './draft.ts';

/**
 * Concepts that shape any question (how many, when, why, now …) rather than name a topic: they
 * cannot anchor an answer on their own. Marked `shape: true` in knowledge/vocabulary.yaml, where
 * editors keep them.
 */
const shapeCache = new WeakMap<KnowledgeIndex, Set<string>>();
export function shapeConcepts(index: KnowledgeIndex): Set<string> {
  let set = shapeCache.get(index);
  if (!set) shapeCache.set(index, (set = new Set(index.data.concepts.filter((c) => c.shape).map((c) => c.id))));
  return set;
}

/**
 * How much more often than in everyday English the knowledge base must use a word for the word
 * to anchor an answer: 10^1.2 ≈ 16 times. "police", "inspector", "failings" pass; "day",
 * "time", "report", "new" do not.
 */
export const ANCHOR_SPECIFICITY = 1.2;

/** The terms of a question that tie it to what the knowledge base is about. */
export function anchorTerms(analysis: QuestionAnalysis, index: KnowledgeIndex): Term[] {
  return analysis.terms.filter((t) => isAnchor(t, index));
}

export function isAnchor(term: Term, index: KnowledgeIndex): boolean {
  if (term.kind === 'entity') return true;
  if (term.kind === 'concept') return !shapeConcepts(index).has(term.key.slice(1));
  // An office named in the question ("home sec") stands for its holders, who are entities.
  if (term.alternatives?.some((a) => a.key.startsWith('#'))) return true;
  if (term.unknown || !index.postings.has(term.key)) return false;
  return (index.specificity.get(term.key) ?? 0) >= ANCHOR_SPECIFICITY;
}

export type Answerability = { ok: true } | { ok: false; reason: 'no-anchor' };

/** Whether the draft accounts for at least one anchor of the question. */
export function checkAnswerable(draft: Draft, analysis: QuestionAnalysis, index: KnowledgeIndex): Answerability {
  const anchors = anchorTerms(analysis, index);
  if (anchors.length === 0) return { ok: false, reason: 'no-anchor' };
  return anchors.some((t) => draft.matched.has(t.key)) ? { ok: true } : { ok: false, reason: 'no-anchor' };
}
