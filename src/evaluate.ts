// Scores the bot on a question set, by the rules of the shared eval README (reporters-README.md):
// JSON lines {id, q, expect: "answer"|"refuse", all, src, why}. An answer is right when it is
// given, contains one alternative of every `all` group (case-insensitive substring; "@date:…"
// matches the usual ways of writing that date) and cites one `src` ("A"/"B"/"C" = the three
// article files, "url:SUB" = a cited URL containing SUB, a bare file stem or source id).
// Refusals are right when the bot declines. Pure: no files, no clock.

import type { KnowledgeData } from '../knowledge/schema.ts';
import type { Answer } from './answer-types.ts';
import { MONTHS } from './dates.ts';
import { escapeRegExp } from './text.ts';

export interface EvalCase {
  id: string;
  q: string;
  expect: 'answer' | 'refuse';
  /** Groups of alternatives: the answer text must contain one term of each group. */
  all?: string[][];
  /** Acceptable citations: "A"/"B"/"C", "url:SUB", a source file stem or a source id. */
  src?: string[];
  /** Free note; the tag before its first colon is the case's category. */
  why?: string;
}

export interface EvalResult {
  case: EvalCase;
  answer: Answer;
  ok: boolean;
  why?: string;
}

export interface Tally {
  right: number;
  total: number;
}

export interface EvalSummary {
  results: EvalResult[];
  answered: Tally;
  refused: Tally;
}

export function parseEvalCases(text: string): EvalCase[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, i }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`line ${i + 1}: not valid JSON`);
      }
      const c = value as Partial<EvalCase>;
      if (typeof c.q !== 'string' || (c.expect !== 'answer' && c.expect !== 'refuse')) {
        throw new Error(`line ${i + 1}: needs "q" (text) and "expect" ("answer" or "refuse")`);
      }
      return { id: c.id ?? `line-${i + 1}`, q: c.q, expect: c.expect, all: c.all ?? [], src: c.src ?? [], ...(typeof c.why === 'string' ? { why: c.why } : {}) };
    });
}

/** The category of a case: the tag before the colon in its `why` note ("current", "force" …). */
export function categoryOf(c: EvalCase): string {
  const tag = /^\s*([\w-]+)\s*:/.exec(c.why ?? '')?.[1];
  return tag ?? 'uncategorised';
}

/**
 * The half of a set a case belongs to, split once by id: odd-numbered ids ("d001", "x003") are
 * the working half, even-numbered ones the check half, looked at only to measure.
 */
export function halfOf(c: EvalCase): 'working' | 'check' {
  const n = Number(/(\d+)\s*$/.exec(c.id)?.[1] ?? NaN);
  return Number.isNaN(n) || n % 2 === 1 ? 'working' : 'check';
}

/** The seed letters of the shared README: A, B, C name the three article files in order. */
const SEED_FILES: Record<string, string> = { A: '000_', B: '001_', C: '002_' };

/** The ways a newsroom writes a date: "6 December 2024", "6 Dec 2024", "December 6, 2024", "2024-12-06", "06/12/2024". */
export function dateSpellings(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return [String(y)];
  const month = MONTHS[m - 1];
  if (!month) return [iso];
  const short = month.slice(0, 3);
  const mm = String(m).padStart(2, '0');
  if (d === undefined) return [`${month} ${y}`, `${short} ${y}`, `${y}-${mm}`, `${mm}/${y}`];
  const dd = String(d).padStart(2, '0');
  const ordinal = `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;
  return [
    `${d} ${month} ${y}`,
    `${d} ${short} ${y}`,
    `${ordinal} ${month} ${y}`,
    `${ordinal} of ${month} ${y}`,
    `${month} ${d}, ${y}`,
    `${month} ${d} ${y}`,
    `${short} ${d}, ${y}`,
    `${y}-${mm}-${dd}`,
    `${dd}/${mm}/${y}`,
    `${d}/${m}/${y}`,
  ];
}

function termFound(text: string, term: string): boolean {
  const date = /^@date:(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/.exec(term.trim());
  // A date must not match inside a longer number: "6 December" is not in "16 December".
  if (date) return dateSpellings(date[1]!).some((s) => new RegExp(`(?<![0-9])${escapeRegExp(s.toLowerCase())}(?![0-9])`).test(text));
  return text.includes(term.toLowerCase());
}

function citesOneOf(answer: Answer, wanted: string[], knowledge: KnowledgeData): boolean {
  const sourceById = new Map(knowledge.sources.map((s) => [s.id, s]));
  const cited = answer.citations.map((c) => ({ id: c.sourceId, file: sourceById.get(c.sourceId)?.file ?? '', url: c.url ?? sourceById.get(c.sourceId)?.url ?? '' }));
  return wanted.some((w) => {
    const want = w.trim();
    if (SEED_FILES[want]) return cited.some((c) => c.file.startsWith(SEED_FILES[want]!));
    if (want.startsWith('url:')) {
      const sub = want.slice(4).toLowerCase();
      return cited.some((c) => c.url.toLowerCase().includes(sub));
    }
    return cited.some((c) => c.id === want || c.file.replace(/\.txt$/, '') === want);
  });
}

/** Scores one answer against its case. */
export function scoreCase(c: EvalCase, answer: Answer, knowledge: KnowledgeData): EvalResult {
  if (c.expect === 'refuse') {
    return answer.status === 'no_answer' ? { case: c, answer, ok: true } : { case: c, answer, ok: false, why: 'answered a question it should decline' };
  }
  if (answer.status !== 'answered') return { case: c, answer, ok: false, why: 'declined' };
  const text = answer.text.toLowerCase();
  const missing = (c.all ?? []).filter((group) => !group.some((term) => termFound(text, term)));
  if (missing.length) return { case: c, answer, ok: false, why: `missing ${missing.map((g) => g.join('|')).join(', ')}` };
  if (c.src && c.src.length > 0 && !citesOneOf(answer, c.src, knowledge)) {
    return { case: c, answer, ok: false, why: `cites none of ${c.src.join(', ')}` };
  }
  return { case: c, answer, ok: true };
}

export function summarise(results: EvalResult[]): EvalSummary {
  const count = (kind: EvalCase['expect']): Tally => {
    const of = results.filter((r) => r.case.expect === kind);
    return { right: of.filter((r) => r.ok).length, total: of.length };
  };
  return { results, answered: count('answer'), refused: count('refuse') };
}

export function evaluate(cases: EvalCase[], ask: (q: string) => Answer, knowledge: KnowledgeData): EvalSummary {
  return summarise(cases.map((c) => scoreCase(c, ask(c.q), knowledge)));
}

/** Right/total per category, in order of first appearance. */
export function byCategory(summary: EvalSummary): { category: string; expect: EvalCase['expect']; tally: Tally }[] {
  const rows = new Map<string, { category: string; expect: EvalCase['expect']; tally: Tally }>();
  for (const r of summary.results) {
    const category = categoryOf(r.case);
    const key = `${r.case.expect}:${category}`;
    const row = rows.get(key) ?? { category, expect: r.case.expect, tally: { right: 0, total: 0 } };
    row.tally.total++;
    if (r.ok) row.tally.right++;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** Confidence bands, highest first: how often an answer given at that confidence was right. */
export const CONFIDENCE_BANDS = [0.9, 0.7, 0.5, 0] as const;

export function byConfidence(summary: EvalSummary): { band: string; answers: Tally }[] {
  return CONFIDENCE_BANDS.map((low, i) => {
    const high = i === 0 ? 1.0001 : CONFIDENCE_BANDS[i - 1]!;
    const given = summary.results.filter((r) => r.answer.status === 'answered' && r.answer.confidence >= low && r.answer.confidence < high);
    return { band: `${low.toFixed(2)}–${Math.min(1, high).toFixed(2)}`, answers: { right: given.filter((r) => r.ok).length, total: given.length } };
  });
}

export function percent(part: Tally): string {
  return part.total === 0 ? 'n/a' : `${((100 * part.right) / part.total).toFixed(1)}%`;
}
