// Scores the bot on a question set (JSON lines: {id, q, expect: "answer"|"refuse", all, src}):
// an answer is right when it is given, contains one term of every `all` group and, where `src`
// names source files, cites one of them. Refusals are right when the bot declines. Pure.

import type { KnowledgeData } from '../knowledge/schema.ts';
import type { Answer } from './answer-types.ts';

export interface EvalCase {
  id: string;
  q: string;
  expect: 'answer' | 'refuse';
  /** Groups of alternatives: the answer text must contain one term of each group. */
  all?: string[][];
  /** Source file stems (e.g. "000_fb7bd70b4d13da11") of which the answer must cite at least one. */
  src?: string[];
}

export interface EvalResult {
  case: EvalCase;
  answer: Answer;
  ok: boolean;
  why?: string;
}

export interface EvalSummary {
  results: EvalResult[];
  answered: { right: number; total: number };
  refused: { right: number; total: number };
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
      return { id: c.id ?? `line-${i + 1}`, q: c.q, expect: c.expect, all: c.all ?? [], src: c.src ?? [] };
    });
}

export function evaluate(cases: EvalCase[], ask: (q: string) => Answer, knowledge: KnowledgeData): EvalSummary {
  const fileOf = new Map(knowledge.sources.map((s) => [s.id, s.file?.replace(/\.txt$/, '')]));
  const results = cases.map((c): EvalResult => {
    const answer = ask(c.q);
    if (c.expect === 'refuse') {
      return answer.status === 'no_answer' ? { case: c, answer, ok: true } : { case: c, answer, ok: false, why: 'answered a question it should decline' };
    }
    if (answer.status !== 'answered') return { case: c, answer, ok: false, why: 'declined' };
    const text = answer.text.toLowerCase();
    const missing = (c.all ?? []).filter((group) => !group.some((term) => text.includes(term.toLowerCase())));
    if (missing.length) return { case: c, answer, ok: false, why: `missing ${missing.map((g) => g.join('|')).join(', ')}` };
    if (c.src && c.src.length > 0) {
      const cited = answer.citations.map((x) => fileOf.get(x.sourceId) ?? x.sourceId);
      if (!c.src.some((s) => cited.includes(s) || answer.citations.some((x) => x.sourceId === s))) {
        return { case: c, answer, ok: false, why: `cites none of ${c.src.join(', ')}` };
      }
    }
    return { case: c, answer, ok: true };
  });
  const count = (kind: EvalCase['expect']) => {
    const of = results.filter((r) => r.case.expect === kind);
    return { right: of.filter((r) => r.ok).length, total: of.length };
  };
  return { results, answered: count('answer'), refused: count('refuse') };
}

export function percent(part: { right: number; total: number }): string {
  return part.total === 0 ? 'n/a' : `${((100 * part.right) / part.total).toFixed(1)}%`;
}
