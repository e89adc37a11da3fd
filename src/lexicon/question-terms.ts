// The related terms of one question: for each word the knowledge base does not know, and for
// each WordNet collocation ("stepped down", "taken out"), the vocabulary words it relates to.
// Pure; this is the hand-off to the understanding stage, which weighs them below exact terms.

import type { RelatedVia, RelatedWords } from './related-words.ts';

/** A vocabulary word that stands in for a question word or phrase. */
export interface RelatedTerm {
  /** The question's word or collocation ("sacked", "step down"). */
  from: string;
  /** Its position in the words given: first index and one past the last. */
  start: number;
  end: number;
  /** The vocabulary word (or phrase of vocabulary words) to search for. */
  word: string;
  /** 0–1, below 1: multiply the term's usual weight by it. */
  weight: number;
  via: RelatedVia;
}

/**
 * Related terms for a question's words (lower-case, in order, as tokenize() gives them).
 * `isKnown(word)` says whether the knowledge base matches the word exactly (or by typo
 * correction, or as a stop or everyday word); known words get no related terms. A collocation
 * counts only when one of its words is unknown ("stepped down"): one made of known words ("put
 * in", "came out") is the knowledge base's own phrase, and WordNet's reading of it ("lay",
 * "appear") replaced right answers with wrong ones when tried on the working half.
 */
export function relatedTermsFor(
  words: readonly string[],
  isKnown: (word: string) => boolean,
  related: RelatedWords,
  /** Whether a single word gets related terms; by default only the words isKnown rejects. */
  wantsRelated: (word: string) => boolean = (word) => !isKnown(word),
): RelatedTerm[] {
  const terms: RelatedTerm[] = [];
  const inQuestion = new Set(words);
  const covered = new Set<number>();
  for (const phrase of related.phrases(words)) {
    const unknown = words.slice(phrase.start, phrase.end).filter((w) => !isKnown(w));
    if (unknown.length === 0) continue;
    for (const r of phrase.related) if (!inQuestion.has(r.word)) terms.push({ from: phrase.phrase, start: phrase.start, end: phrase.end, ...r });
    for (let i = phrase.start; i < phrase.end; i++) covered.add(i);
  }
  words.forEach((word, i) => {
    if (covered.has(i) || /^\d+$/.test(word) || !wantsRelated(word)) return;
    for (const r of related.related(word)) if (!inQuestion.has(r.word)) terms.push({ from: word, start: i, end: i + 1, ...r });
  });
  return terms;
}
