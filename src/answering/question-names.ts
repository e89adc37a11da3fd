// Names in a question that the knowledge base does not hold ("Derbyshire Constabulary", "Gwent
// Police"), and whether a weak alias ("Cleveland") names its entity: what the decline says it has
// no record of, and what it does not. Pure.

import type { KnowledgeIndex, Term } from '../knowledge-index.ts';
import { wordProfile } from '../lexicon/word-profile.ts';
import { ANCHOR_SPECIFICITY } from './answerability.ts';
import { EVERYDAY_WORDS, stem } from '../text.ts';

/**
 * Forces or services named but not known: "Surrey Police", "Thames Valley Police". The place may
 * be a known word ("Surrey" appears in a biography), but no force of that name is on record.
 */
export function unknownForces(terms: Term[], tokens: { word: string; index: number }[], normalized: string): string[] {
  const out: string[] = [];
  const kindWords = /^(police|constabulary|fire|frs|brigade)$/;
  terms.forEach((t, i) => {
    if (t.kind !== 'word' || !kindWords.test(t.surface)) return;
    const before: string[] = [];
    for (let j = i - 1; j >= 0 && before.length < 3; j--) {
      const prev = terms[j]!;
      // "on your records? police side", "ins, outs, police and fire": a name does not run across
      // punctuation, so words before it belong to another phrase.
      if (prev.kind !== 'word' || prev.position !== t.position - before.length - 1 || kindWords.test(prev.surface) || punctuationAfter(prev.position, tokens, normalized)) break;
      const word = tokens[prev.position]?.word ?? prev.surface;
      // "dont need police", "just police": a common verb or adverb is the clause's, not a name's;
      // nothing before it is part of the name either.
      if (actsNotNames(word)) break;
      before.unshift(word);
    }
    // "any new police entries", "other police forces": an everyday adjective describes the
    // police; it names no force.
    while (before.length > 0 && describesNotNames(before[0]!)) before.shift();
    if (before.length > 0) out.push([...before, t.surface].map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '));
  });
  return out;
}

/** Whether punctuation parts the token at `position` from the next one: a name never spans it. */
function punctuationAfter(position: number, tokens: { word: string; index: number }[], normalized: string): boolean {
  const a = tokens[position];
  const b = tokens[position + 1];
  return a !== undefined && b !== undefined && /[?.!,;:()]|\s-\s/.test(normalized.slice(a.index + a.word.length, b.index));
}

/**
 * An everyday adjective before "police" describes the police and names no force ("any new police
 * entries", "other police forces"); so does a superlative or comparative one, however rare
 * ("shortest police stay").
 */
export function describesNotNames(word: string): boolean {
  const profile = wordProfile();
  const lower = word.toLowerCase();
  // ("shortest completed police stay": a participle typed in small letters describes; a place
  // name is not a past participle.)
  if (word === lower && /ed$/.test(lower) && profile.zipf(lower) >= 2.5) return true;
  return profile.pos(lower) === 'a' && (profile.zipf(lower) >= 4.5 || (/(est|er)$/.test(lower) && word === lower));
}

/** Whether a word before "police" is a common verb or adverb ("need", "cover", "just"), which names no force. */
function actsNotNames(word: string): boolean {
  const profile = wordProfile();
  const lower = word.toLowerCase();
  const pos = profile.pos(lower);
  return (pos === 'v' && profile.zipf(lower) >= 4.5) || (pos === 'r' && profile.zipf(lower) >= 4);
}

/** Names once each: "DeKalb Police" and "Dekalb Police" are one name; "Kent" inside "Kent Police" too. */
export function distinctNames(names: string[]): string[] {
  const out: string[] = [];
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const lower = name.toLowerCase();
    if (!out.some((kept) => kept.toLowerCase().includes(lower))) out.push(name);
  }
  return [...new Set(names)].filter((n) => out.includes(n));
}

/**
 * A weak alias followed by another capitalised word is part of a longer name we do not hold:
 * "Manchester United" is not Greater Manchester Police. Kind words ("Manchester Police") and
 * possessives keep the alias.
 */
export function longerNames(terms: Term[], tokens: { word: string; index: number }[], names: Set<string>, index: KnowledgeIndex, normalized: string): string[] {
  const out: string[] = [];
  for (const t of terms) {
    if (t.kind !== 'entity' || !t.weak) continue;
    const last = t.position + t.surface.split(' ').length - 1;
    // ("Other than London, which fire services …": the comma ends the name.)
    if (punctuationAfter(last, tokens, normalized)) continue;
    const next = tokens[last + 1]?.word;
    // A known name that follows ("West Midlands PCC") is a name of its own, not a longer one.
    // So is a word the knowledge base is specifically about ("West Midlands Maccabi Tel Aviv").
    if (!next || !names.has(next) || index.aliasWords.has(next) || (index.specificity.get(stem(next)) ?? 0) >= 1.2 || /^(police|constabulary|fire|frs|rescue|service|force|and|&)$/.test(next)) continue;
    const title = (w: string) => w[0]!.toUpperCase() + w.slice(1);
    out.push(`${t.surface.split(' ').map(title).join(' ')} ${title(next)}`);
  }
  return out;
}

/** Concepts that shape any question rather than name a topic: they cannot vouch for a weak alias. */
const shapeOrKindCache = new WeakMap<KnowledgeIndex, Set<string>>();

/** The vocabulary's question-shape concepts (`shape: true`), plus the kinds of body and "status", which every Engage question uses. */
function shapeOrKindConcepts(index: KnowledgeIndex): Set<string> {
  let set = shapeOrKindCache.get(index);
  if (!set) shapeOrKindCache.set(index, (set = new Set([...index.data.concepts.filter((c) => c.shape).map((c) => c.id), 'force', 'fire-service', 'status'])));
  return set;
}

/** Whether another distinctive term of the question appears in a fact about the weak alias's entity. */
export function coOccurs(weak: Term, terms: Term[], index: KnowledgeIndex): boolean {
  const docs = new Set(index.postings.get(weak.key) ?? []);
  if (docs.size === 0) return false;
  return terms.some((t) => {
    // A named person or body whose records involve the weak alias's entity vouches for it
    // ("what did Andy Cooke decide about Lincolnshire?": he decided its move into Engage).
    if (t.kind === 'entity' && !t.weak && t !== weak) return (index.postings.get(t.key) ?? []).some((d) => docs.has(d) && index.docs[d]!.entityIds.includes(weak.key.slice(1)));
    if (t === weak || t.kind === 'entity' || EVERYDAY_WORDS.has(t.surface) || index.wordClass('framing').has(t.key)) return false;
    if (t.kind === 'concept' && shapeOrKindConcepts(index).has(t.key.slice(1))) return false;
    // A topical concept ("resign") vouches readily; a plain word must be one the knowledge base is
    // about, far more than everyday English is ("time", "police", "people" are not): the same test
    // as the domain anchor, so it does not drift as facts are added.
    if (t.kind === 'concept') {
      const idf = index.idf.get(t.key);
      if (idf === undefined || idf < 2) return false;
    } else if ((index.specificity.get(t.key) ?? 0) < ANCHOR_SPECIFICITY) return false;
    return (index.postings.get(t.key) ?? []).some((d) => docs.has(d));
  });
}

/** Lower-cased words the asker capitalised somewhere other than at the start of a sentence. */
export function capitalisedWords(question: string): Set<string> {
  const out = new Set<string>();
  for (const m of question.matchAll(/[A-Za-z][\w'’-]*/g)) {
    if (!/^[A-Z]/.test(m[0])) continue;
    const before = question.slice(0, m.index).trimEnd();
    if (before === '' || /[.?!:]$/.test(before)) continue;
    out.add(m[0].toLowerCase().replace(/['’]s$/, ''));
  }
  return out;
}

/** Finds the unknown words the asker capitalised mid-sentence, with the name they are part of. */
export function unknownNamesIn(question: string, unknown: string[]): string[] {
  if (unknown.length === 0) return [];
  const wanted = new Set(unknown.map((w) => w.toLowerCase()));
  const words = [...question.matchAll(/[A-Za-z][\w'’&-]*/g)];
  const names: string[] = [];
  words.forEach((m, i) => {
    const word = m[0].replace(/['’]s$/, '');
    if (!wanted.has(word.toLowerCase()) || !/^[A-Z]/.test(word)) return;
    const before = question.slice(0, m.index).trimEnd();
    if (before === '' || /[.?!:]$/.test(before)) return; // a capital that only opens a sentence
    // "In plain English", "an American report": an everyday adjective written with its capital names nothing.
    const profile = wordProfile();
    if (profile.pos(word.toLowerCase()) === 'a' && profile.zipf(word.toLowerCase()) >= 4.5) return;
    // Extend over the capitalised words around it: "Manchester United", "Derbyshire Constabulary".
    let start = i;
    while (start > 0 && /^[A-Z]/.test(words[start - 1]![0]) && question.slice(words[start - 1]!.index! + words[start - 1]![0].length, words[start]!.index).trim() === '' && words[start - 1]!.index! > 0) start--;
    let end = i;
    while (end + 1 < words.length && /^[A-Z]/.test(words[end + 1]![0]) && question.slice(words[end]!.index! + words[end]![0].length, words[end + 1]!.index).trim() === '') end++;
    const name = words.slice(start, end + 1).map((w) => w[0].replace(/['’]s$/, '')).join(' ');
    if (!names.includes(name)) names.push(name);
  });
  return names;
}
