// "What has Andy Cooke's successor said about Engage?": a person named only through another —
// X's successor, predecessor or replacement — is not X. Records about X must not answer for
// them. When the role records say who that person is, the question is asked again about them
// by name; when they do not, the question is about someone the records do not know. Pure.

import { nameOf } from '../engage-timeline.ts';
import type { KnowledgeIndex } from '../knowledge-index.ts';
import { rangeOf } from '../dates.ts';
import { permanentRecordsOf } from '../roles.ts';
import { escapeRegExp, normalizeAlias } from '../text.ts';
import type { QuestionAnalysis } from './understand.ts';

export type RelationalReading =
  | { kind: 'none' }
  /** The question asked again with the person's name in place of the phrase. */
  | { kind: 'named'; question: string }
  /** Nobody in that relation is on record: said, with whom the records do know. */
  | { kind: 'unknown'; message: string };

/**
 * Reads "X's successor", "the successor to X", "X's predecessor". "Who is X's successor?" asks
 * for the person, which the roles route answers; only a question asking something else about
 * them is read here.
 */
export function readRelationalPerson(analysis: QuestionAnalysis, index: KnowledgeIndex): RelationalReading {
  const text = analysis.corrected;
  if (!/\b(successor|predecessor|replacement)\b/i.test(text)) return { kind: 'none' };
  if (/^\s*who\s*('s|’s|\s+is|\s+was|\s+will\s+be|\s+became|\s+has\s+been)?\b/i.test(text) && !/^\s*who\s+did\b/i.test(text)) return { kind: 'none' };
  for (const mention of analysis.entities) {
    const person = index.entities.get(mention.id);
    if (!person || person.kind !== 'person') continue;
    const surfaces = [mention.surface, person.name, ...person.aliases].map((s) => escapeRegExp(normalizeAlias(s))).filter(Boolean);
    const names = `(?:${surfaces.join('|')})`;
    const lower = text.toLowerCase().replace(/[’]/g, "'");
    const m =
      new RegExp(`\\b(${names})'s?\\s+(successor|predecessor|replacement)\\b`).exec(lower) ??
      new RegExp(`\\b(?:the\\s+)?(successor|predecessor|replacement)\\s+(?:to|of|for)\\s+(${names})\\b`).exec(lower);
    if (!m) continue;
    const after = /\b(successor|replacement)\b/.test(m[0]);
    const others = holdersBeside(person.id, after, index);
    if (others.length === 0) {
      return {
        kind: 'unknown',
        message: `The records held do not say who ${after ? 'followed' : 'came before'} ${nameOf(person)}, so I can't say what that person said or did. I can tell you about ${nameOf(person)}.`,
      };
    }
    if (others.length > 1) return { kind: 'none' };
    // "How far had the hunt for Dick's replacement got when the Met went in?": at a time before
    // the successor took office, the phrase means the post to fill, not the person who filled it.
    const took = others[0]!.from ? rangeOf(others[0]!.from).start : undefined;
    if (took !== undefined && analysis.dates.some((d) => d.range.start < took)) return { kind: 'none' };
    const other = index.entities.get(others[0]!.holder)!;
    return { kind: 'named', question: text.slice(0, m.index) + other.name + text.slice(m.index + m[0].length) };
  }
  return { kind: 'none' };
}

/** The permanent holders right after (or before) each of a person's permanent holdings. */
function holdersBeside(personId: string, after: boolean, index: KnowledgeIndex): { holder: string; from: string | undefined }[] {
  const found = new Map<string, { holder: string; from: string | undefined }>();
  const offices = new Set((index.data.roles ?? []).filter((r) => r.holder === personId && !r.acting).map((r) => r.office));
  for (const office of offices) {
    if (index.data.offices?.find((o) => o.id === office)?.shared) continue;
    const records = permanentRecordsOf(index.data, office);
    records.forEach((r, i) => {
      if (r.holder !== personId) return;
      const other = records[after ? i + 1 : i - 1];
      // (The successor's start, or the named holder's own start for a predecessor.)
      if (other && other.holder !== personId && !found.has(other.holder)) found.set(other.holder, { holder: other.holder, from: (after ? other.from : r.from) ?? undefined });
    });
  }
  return [...found.values()];
}
