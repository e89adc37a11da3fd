// What a route hands back (a Draft: sentences with citations, how much of the question it
// accounts for, and the records it rests on), and the helpers routes share: coverage, kinds,
// counting and list wording. Pure.

import { EXCLUDED_KIND, EXCLUDED_KIND_AFTER } from './exclusions.ts';
import type { Entity } from '../../knowledge/schema.ts';
import type { Answer } from '../answer-types.ts';
import type { DraftSentence } from '../citations.ts';
import type { DayRange } from '../dates.ts';
import type { KnowledgeIndex, Term } from '../knowledge-index.ts';
import type { QuestionAnalysis } from './understand.ts';

export interface Draft {
  route: string;
  sentences: DraftSentence[];
  /** Share of the question's weight this draft accounts for (0–1). */
  coverage: number;
  /** Ranking score among drafts of the same coverage. */
  score: number;
  asOf: string | null;
  recordIds: string[];
  matched: Set<string>;
  related: string[];
  /**
   * For text matches: how closely a curated phrasing of the fact matched (0–1), whether it is
   * the profile of the entity asked about, and its lead over the best fact not used.
   */
  evidence?: { phrasing: number; profile: boolean; margin: number };
  /** A structured route may decide that the honest answer is "no record". */
  status?: Answer['status'];
}

// ── Coverage ──────────────────────────────────────────────────────────────────────────────

export function coverageOf(analysis: QuestionAnalysis, weights: Map<Term, number>, isMatched: (t: Term) => boolean): { coverage: number; matched: Set<string> } {
  let total = 0;
  let hit = 0;
  const matched = new Set<string>();
  for (const term of analysis.terms) {
    const w = weights.get(term) ?? 1;
    total += w;
    if (isMatched(term) || analysis.anchoredKeys?.has(term.key)) {
      hit += w;
      matched.add(term.key);
      continue;
    }
    // A related word ("sacked" for @resign) accounts for part of the term's weight.
    let best = 0;
    for (const alt of term.alternatives ?? []) {
      if (alt.weight > best && isMatched({ ...term, key: alt.key, kind: alt.key.startsWith('@') ? 'concept' : alt.key.startsWith('#') ? 'entity' : 'word' })) best = alt.weight;
    }
    hit += w * best;
  }
  // A question made only of dates and stop words ("which in 2022?") has nothing to cover.
  return { coverage: total === 0 ? 0 : hit / total, matched };
}

// Concepts the list route accounts for, and the single-force route (which also explains why).
export const LIST_CONCEPTS = new Set(['engage', 'enter', 'leave', 'now', 'ever', 'force', 'fire-service', 'count', 'monitor', 'list', 'status']);
export const STATUS_CONCEPTS = new Set([...LIST_CONCEPTS, 'scan', 'why', 'how-long', 'cause-of-concern', 'improvement', 'status']);
// The inspectorate itself is part of any Engage question; "which HMI" asks for a person, so it is not.
const OVERSIGHT_BODY_IDS = new Set(['hmicfrs']);

/**
 * Whether a structured route accounts for a term: one of its concepts, the inspectorate, or a
 * word any Engage question may use (the "engage-question" and "stay" word classes).
 */
export function engageTermMatched(term: Term, concepts: Set<string>, index: Pick<KnowledgeIndex, 'wordClass'>): boolean {
  if (term.kind === 'concept') return concepts.has(term.key.slice(1));
  if (term.kind === 'entity') return OVERSIGHT_BODY_IDS.has(term.key.slice(1));
  return index.wordClass('engage-question').has(term.key) || index.wordClass('stay').has(term.key);
}


export type EngageKind = 'police_force' | 'fire_rescue_service';
export type KindFilter = EngageKind | undefined;

export function kindFilter(analysis: QuestionAnalysis, index: KnowledgeIndex): KindFilter {
  // "Other than fire services, who's in now?": the kind left is the one asked about.
  const setAside = (EXCLUDED_KIND.exec(analysis.corrected) ?? EXCLUDED_KIND_AFTER.exec(analysis.corrected))?.[1]?.toLowerCase();
  if (setAside) return setAside === 'fire' || setAside === 'frs' ? 'police_force' : 'fire_rescue_service';
  // ("Cops and fire": a word the records never use, read by its related word, "police".)
  const force = analysis.concepts.has('force') || analysis.terms.some((t) => t.key === 'polic' || (t.kind === 'word' && !index.postings.has(t.key) && (t.alternatives ?? []).some((a) => a.key === 'polic')));
  // "Services" on their own are fire and rescue services: police are "forces".
  const fire = analysis.concepts.has('fire-service') || analysis.terms.some((t) => t.key === 'fire' || (t.key === 'servic' && /services$/.test(t.surface)));
  if (fire && !force) return 'fire_rescue_service';
  if (force && !fire) return 'police_force';
  return undefined;
}

/** A force or service in general: "a force", "a police force", "a fire and rescue service". */
export const GENERIC_BODY = /\b(a|an|the average|your typical|a typical)\s+(police\s+)?(force|constabulary|(fire\s+(and|&)\s+rescue\s+|fire\s+)?service|brigade|frs)\b/i;

export const KIND_WORDS = {
  police_force: ['police force', 'police forces'],
  fire_rescue_service: ['fire and rescue service', 'fire and rescue services'],
} as const;


/**
 * A verdict ("No: ", "Yes: ", "No, not in 2024: ") leading into the record's own sentence, which
 * reads on after the colon: its opening word (never a name) loses its capital. A verdict that
 * is a sentence of its own ("The sources disagree on that date. ") leaves it as it is.
 */
export function withVerdict(verdict: string, sentence: string): string {
  if (!verdict.endsWith(': ')) return verdict + sentence;
  return verdict + sentence.replace(/^(The|As|It|In|On|Of|At|From|Since|Over|By|During|Before|After|Between)\b/, (w) => w.toLowerCase());
}

export function overlaps(a: DayRange, b: DayRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}


export function countWord(n: number): string {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'][n] ?? String(n);
}

export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function isEngageKind(entity: Entity | undefined): boolean {
  return entity?.kind === 'police_force' || entity?.kind === 'fire_rescue_service';
}

