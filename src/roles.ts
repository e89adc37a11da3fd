// Dated roles: who held an office (Home Secretary, HM Chief Inspector, Met Commissioner…) on a
// day or during a month, and which offices a question names. Pure functions over the loaded
// knowledge; no answering logic, no chat library, no environment.

import type { AmbiguousAlias, CitationRef, Entity, KnowledgeData, Office, RoleRecord } from '../knowledge/schema.ts';
import { compareDates, precisionOf, rangeOf, type DayRange } from './dates.ts';
import { normalizeAlias } from './text.ts';

/** One holding of an office, with the sources that date it. */
export interface RoleHolding {
  office: Office;
  holder: Entity;
  record: RoleRecord;
  /** As the records give it: from/until, or only `asOf` when that is all the sources show. */
  period: { from?: string; until?: string; asOf?: string };
  acting: boolean;
  citations: CitationRef[];
}

/** The answer to "who is/was the …": the holding, and the date it holds for. */
export interface RoleAnswer extends RoleHolding {
  /**
   * The date the answer is good for: the day asked about, or (for "now") the newest date in the
   * office's records, which answers must state ("as of …").
   */
  asOf: string;
  /** When the knowledge was last checked against public sources (meta.checkedTo), if recorded. */
  checkedTo?: string;
}

/** First day and the day after the last day a record covers (end exclusive, as day numbers). */
function span(r: RoleRecord): { start: number; end: number } {
  if (r.from === undefined) {
    const at = rangeOf(r.asOf!);
    return { start: at.start, end: at.end + 1 };
  }
  const start = rangeOf(r.from).start;
  if (!r.until) return { start, end: Number.POSITIVE_INFINITY };
  // A hand-over day belongs to the successor; a coarse end (a month, a year) is given the benefit of the doubt.
  const until = rangeOf(r.until);
  return { start, end: precisionOf(r.until) === 'day' ? until.start : until.end + 1 };
}

function holdingOf(knowledge: KnowledgeData, r: RoleRecord): RoleHolding | undefined {
  const office = knowledge.offices?.find((o) => o.id === r.office);
  const holder = knowledge.entities.find((e) => e.id === r.holder);
  if (!office || !holder) return undefined;
  const period = { ...(r.from ? { from: r.from } : {}), ...(r.until ? { until: r.until } : {}), ...(r.asOf ? { asOf: r.asOf } : {}) };
  return { office, holder, record: r, period, acting: r.acting, citations: r.citations };
}

function recordsOf(knowledge: KnowledgeData, officeId: string): RoleRecord[] {
  return (knowledge.roles ?? []).filter((r) => r.office === officeId).sort((a, b) => span(a).start - span(b).start);
}

/** An office's permanent (not acting) holdings, earliest first: who followed whom. */
export function permanentRecordsOf(knowledge: KnowledgeData, officeId: string): RoleRecord[] {
  return recordsOf(knowledge, officeId).filter((r) => !r.acting);
}

/** The newest date written in an office's records (a start, an end or an as-of date). */
export function newestRoleDate(knowledge: KnowledgeData, officeId: string): string | undefined {
  return recordsOf(knowledge, officeId)
    .flatMap((r) => [r.from, r.until, r.asOf])
    .filter((d): d is string => d !== undefined)
    .sort(compareDates)
    .at(-1);
}

/** Every holding of the office that overlaps a day, month or year (hand-overs give several). */
export function roleHoldersDuring(knowledge: KnowledgeData, officeId: string, period: string | DayRange): RoleHolding[] {
  // A partial date, or a span of days ("since 2019": to the newest record and beyond).
  const q = typeof period === 'string' ? rangeOf(period) : period;
  return recordsOf(knowledge, officeId)
    .filter((r) => {
      const s = span(r);
      return s.start <= q.end && s.end > q.start;
    })
    .map((r) => holdingOf(knowledge, r))
    .filter((h): h is RoleHolding => h !== undefined);
}

/**
 * The first stretch of a period (a day, month or year, or a span of days) that no record of the
 * office covers, as day numbers (end inclusive), or undefined when the records cover all of it.
 * "Who was Home Secretary in 2019?" when the records begin on 24 July 2019: 1 January to 23 July
 * 2019 is not covered, so the one holder on record is not the whole answer.
 */
export function firstUncoveredSpan(knowledge: KnowledgeData, officeId: string, period: string | DayRange): DayRange | undefined {
  const q = typeof period === 'string' ? rangeOf(period) : period;
  let cursor = q.start;
  for (const r of recordsOf(knowledge, officeId)) {
    const s = span(r);
    if (s.end <= cursor || s.start > q.end) continue;
    if (s.start > cursor) return { start: cursor, end: s.start - 1 };
    cursor = s.end;
    if (cursor > q.end) return undefined;
  }
  return cursor <= q.end ? { start: cursor, end: q.end } : undefined;
}

/**
 * Who held the office on `day` (YYYY, YYYY-MM or YYYY-MM-DD). Without a day: the holder as of
 * the newest role record, with that date in `asOf` ("who is the Home Secretary?"). Undefined when
 * the records show no holder then, or several (a hand-over within the month asked about: use
 * roleHoldersDuring to list them).
 */
export function roleHolderOn(knowledge: KnowledgeData, officeId: string, day?: string): RoleAnswer | undefined {
  const checkedTo = knowledge.meta?.checkedTo;
  const extra = checkedTo ? { checkedTo } : {};
  if (day === undefined) {
    const records = recordsOf(knowledge, officeId);
    const newest = newestRoleDate(knowledge, officeId);
    if (!newest) return undefined;
    // Only a holding still open at the newest record is "now"; an office whose last record ended has no known holder.
    const open = records.filter((r) => r.from !== undefined && !r.until).at(-1);
    const holding = open ? holdingOf(knowledge, open) : undefined;
    return holding ? { ...holding, asOf: newest, ...extra } : undefined;
  }
  const during = roleHoldersDuring(knowledge, officeId, day);
  if (during.length !== 1) return undefined;
  return { ...during[0]!, asOf: day, ...extra };
}

/** An office (or an ambiguous phrase) found in a question, with the words that named it. */
export interface OfficeMention {
  office?: Office;
  ambiguous?: AmbiguousAlias;
  /** The normalised words matched, e.g. "home secretary". */
  words: string;
}

/** The words that name each office, normalised (lower case, no leading "the"), for lookup. */
export function officeAliases(knowledge: KnowledgeData): Map<string, Office> {
  const out = new Map<string, Office>();
  for (const o of knowledge.offices ?? []) {
    for (const name of [o.name, ...o.aliases]) {
      const key = normalizeAlias(name);
      if (key && !out.has(key)) out.set(key, o);
    }
  }
  return out;
}

/**
 * The offices a text names ("who was home secretary in June 2022" → home-secretary), longest
 * phrase first and without overlaps. A phrase listed as ambiguous ("police commissioner") is
 * returned as `ambiguous`, never as one of its candidates.
 */
const officePhraseCache = new WeakMap<KnowledgeData, { phrases: Map<string, OfficeMention>; longest: number }>();

/** The office phrases of a knowledge base, built once. */
function officePhrases(knowledge: KnowledgeData): { phrases: Map<string, OfficeMention>; longest: number } {
  let cached = officePhraseCache.get(knowledge);
  if (cached) return cached;
  const phrases = new Map<string, OfficeMention>();
  for (const [key, office] of officeAliases(knowledge)) {
    phrases.set(key, { office, words: key });
    // "Home Secretaries", "Met commissioners": the plural names the office too.
    const plural = /[^aeiou]y$/.test(key) ? `${key.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(key) ? `${key}es` : `${key}s`;
    if (!phrases.has(plural)) phrases.set(plural, { office, words: plural });
  }
  // "West Mids chief constable", "chief constable of WMP": an office named after its body may be
  // named with any of the body's names.
  const bodies = (knowledge.offices ?? []).map((office) => ({ office, body: office.body ? knowledge.entities.find((e) => e.id === office.body) : undefined }));
  for (const { office, body } of bodies) {
    if (!body) continue;
    const names = [...new Set([body.name, ...body.aliases, ...(body.weakAliases ?? [])].map(normalizeAlias).filter((n) => n.length > 2))];
    for (const alias of [office.name, ...office.aliases].map(normalizeAlias)) {
      const inside = names.filter((n) => ` ${alias} `.includes(` ${n} `)).sort((a, b) => b.length - a.length)[0];
      if (!inside) continue;
      for (const other of names) {
        const key = ` ${alias} `.replace(` ${inside} `, ` ${other} `).trim();
        if (!phrases.has(key)) phrases.set(key, { office, words: key });
      }
    }
  }
  // "Who runs the Met?", "who's in charge of HMICFRS?": a leadership phrase before the name of a
  // body whose office heads it names that office.
  const leading = (knowledge.wordClasses ?? []).find((c) => c.id === 'leadership')?.words.map(normalizeAlias).filter(Boolean) ?? [];
  for (const { office, body } of bodies) {
    if (!office.heads || !body) continue;
    for (const name of [body.name, ...body.aliases].map(normalizeAlias).filter(Boolean)) {
      for (const lead of leading) {
        for (const key of [`${lead} ${name}`, `${lead} the ${name}`]) if (!phrases.has(key)) phrases.set(key, { office, words: key });
      }
    }
  }
  for (const a of knowledge.ambiguousAliases ?? []) {
    const key = normalizeAlias(a.alias);
    if (key) phrases.set(key, { ambiguous: a, words: key });
  }
  cached = { phrases, longest: Math.max(0, ...[...phrases.keys()].map((k) => k.split(' ').length)) };
  officePhraseCache.set(knowledge, cached);
  return cached;
}

// One question asks this of the same text several times (understanding, the routes, the
// ambiguity check): the last few answers are kept.
const matchCache = new WeakMap<KnowledgeData, Map<string, OfficeMention[]>>();
const MATCH_CACHE_SIZE = 64;

export function officesMatching(knowledge: KnowledgeData, text: string): OfficeMention[] {
  let cache = matchCache.get(knowledge);
  if (!cache) matchCache.set(knowledge, (cache = new Map()));
  const hit = cache.get(text);
  if (hit) return hit;
  const found = findOffices(knowledge, text);
  if (cache.size >= MATCH_CACHE_SIZE) cache.clear();
  cache.set(text, found);
  return found;
}

function findOffices(knowledge: KnowledgeData, text: string): OfficeMention[] {
  const words = normalizeAlias(text).split(' ').filter(Boolean);
  const { phrases, longest } = officePhrases(knowledge);
  const found: OfficeMention[] = [];
  let i = 0;
  while (i < words.length) {
    let hit: OfficeMention | undefined;
    let len = 0;
    for (let n = Math.min(longest, words.length - i); n >= 1 && !hit; n--) {
      const m = phrases.get(words.slice(i, i + n).join(' '));
      if (m) {
        hit = m;
        len = n;
      }
    }
    if (hit) {
      found.push(hit);
      i += len;
    } else i++;
  }
  return found;
}
