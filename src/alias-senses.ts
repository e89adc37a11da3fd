// Names with more than one sense: phrases that name several bodies ("the watchdog": HMICFRS or
// the IOPC) and former names ("IPCC" → the IOPC, "formerly"). Finds them in a question and words
// the clarifying or "formerly" sentence, with citations. Pure; no answering logic.

import type { AmbiguousAlias, CitationRef, Entity, FormerName, KnowledgeData, Office } from '../knowledge/schema.ts';
import { formatDate } from './dates.ts';
import { nameOf } from './engage-timeline.ts';
import { normalizeAlias } from './text.ts';

/** An ambiguous phrase found in a question, with what it may mean. */
export interface AmbiguousMention {
  ambiguous: AmbiguousAlias;
  /** The candidates as entities or offices, in the order the knowledge lists them. */
  candidates: (Entity | Office)[];
  /** "“The watchdog” can mean HMICFRS … or the IOPC …: which do you mean?" */
  question: string;
}

/** A former name found in a question and the body that now carries it. */
export interface FormerNameMention {
  entity: Entity;
  formerName: FormerName;
  /** "The IPCC is the former name of the Independent Office for Police Conduct (IOPC), used until 7 January 2018." */
  sentence: string;
  citations: CitationRef[];
}

interface PhraseTables {
  ambiguous: Map<string, AmbiguousAlias | null>;
  former: Map<string, { entity: Entity; formerName: FormerName } | null>;
  byId: Map<string, Entity | Office>;
  longest: number;
}

const tables = new WeakMap<KnowledgeData, PhraseTables>();

/** The phrase tables of a knowledge base, built once: every question looks phrases up in them. */
function tablesOf(knowledge: KnowledgeData): PhraseTables {
  let t = tables.get(knowledge);
  if (t) return t;
  const ambiguous = new Map<string, AmbiguousAlias | null>();
  const former = new Map<string, { entity: Entity; formerName: FormerName } | null>();
  // Real names first, so "police complaints watchdog" is not read as "watchdog".
  for (const e of knowledge.entities) {
    for (const n of [e.name, ...e.aliases]) {
      const key = normalizeAlias(n);
      ambiguous.set(key, null);
      former.set(key, null);
    }
  }
  for (const a of knowledge.ambiguousAliases ?? []) ambiguous.set(normalizeAlias(a.alias), a);
  for (const e of knowledge.entities) for (const f of e.formerNames ?? []) former.set(normalizeAlias(f.name), { entity: e, formerName: f });
  const byId = new Map<string, Entity | Office>([...knowledge.entities.map((e) => [e.id, e] as const), ...(knowledge.offices ?? []).map((o) => [o.id, o] as const)]);
  const longest = Math.max(0, ...[...ambiguous.keys(), ...former.keys()].map((k) => k.split(' ').length));
  t = { ambiguous, former, byId, longest };
  tables.set(knowledge, t);
  return t;
}

const longestCache = new WeakMap<Map<string, unknown>, number>();

/** Spans of a text's normalised words that equal a phrase, longest first and without overlaps. */
function findPhrases<T>(text: string, phrases: Map<string, T>): T[] {
  const words = normalizeAlias(text).split(' ').filter(Boolean);
  let longest = longestCache.get(phrases as Map<string, unknown>);
  if (longest === undefined) {
    longest = Math.max(0, ...[...phrases.keys()].map((k) => k.split(' ').length));
    longestCache.set(phrases as Map<string, unknown>, longest);
  }
  const found: T[] = [];
  let i = 0;
  while (i < words.length) {
    let step = 1;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      const hit = phrases.get(words.slice(i, i + n).join(' '));
      if (hit !== undefined) {
        found.push(hit);
        step = n;
        break;
      }
    }
    i += step;
  }
  return found;
}

/** A body's name as it reads mid-sentence: "the IOPC …", but "His Majesty's Inspectorate …". */
function theName(e: Entity): string {
  if (e.article || (e.kind !== 'oversight_body' && e.kind !== 'government') || /^(His|Her) Majesty's/.test(e.name)) return nameOf(e);
  return `the ${e.name}`;
}

const label = (c: Entity | Office) => ('kind' in c ? theName(c) : `the ${c.name}`);

/**
 * The ambiguous phrases a question uses ("what did the watchdog say?"), each with its candidates
 * and a question back to the reader. The bot asks, or answers for each candidate; it never picks.
 * A longer name that contains the phrase wins: "police complaints watchdog" is the IOPC's alias.
 */
export function ambiguousPhrasesIn(knowledge: KnowledgeData, text: string): AmbiguousMention[] {
  const { ambiguous: phrases, byId } = tablesOf(knowledge);
  return findPhrases(text, phrases)
    .filter((a): a is AmbiguousAlias => a !== null)
    .map((ambiguous) => {
      const candidates = ambiguous.candidates.map((id) => byId.get(id)).filter((c): c is Entity | Office => c !== undefined);
      const senses = [...candidates.map(label), ...(ambiguous.alsoMeans ? [ambiguous.alsoMeans] : [])];
      const listed = senses.length > 1 ? `${senses.slice(0, -1).join(', ')} or ${senses.at(-1)}` : senses[0] ?? '';
      return { ambiguous, candidates, question: `“${ambiguous.alias}” can mean ${listed}: which do you mean?` };
    });
}

/** The former names a question uses ("IPCC", "ACPO"), each with the "formerly" sentence. */
export function formerNamesIn(knowledge: KnowledgeData, text: string): FormerNameMention[] {
  const { former: phrases } = tablesOf(knowledge);
  return findPhrases(text, phrases)
    .filter((m): m is { entity: Entity; formerName: FormerName } => m !== null)
    .map(({ entity, formerName }) => ({
      entity,
      formerName,
      sentence: `${/^[A-Z]{2,}$/.test(formerName.name) ? 'The ' : ''}${formerName.name} is the former name of ${theName(entity)}, used until ${formatDate(formerName.until)}.`,
      citations: formerName.citations ?? [],
    }));
}
