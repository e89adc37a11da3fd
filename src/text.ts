// Text normalisation shared by indexing and question understanding: one tokenizer, one
// stemmer, one stop-word list, so a fact and a question about it reduce to the same terms. Pure.

import { stemmer } from 'stemmer';

/** One word of a text, as typed (lower-cased) and reduced to its stem. */
export interface Token {
  word: string;
  stem: string;
  /** Offset of the word in the normalised text, for mapping matches back. */
  index: number;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Lower-cases and folds typography: curly quotes, dashes, "&", thousands separators. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/&/g, ' and ')
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    // Small counts read the same as words: "3 other forces" = "three other forces".
    .replace(/\b(\d{1,2})\b(?!\s*(%|percent|per cent|:|\/))/g, (m, n: string) => NUMBER_WORDS[Number(n)] ?? m)
    .replace(/(\d)\s*%/g, '$1 percent');
}

/** Normalised form used to compare entity names and aliases ("The Met" = "met"). */
export function normalizeAlias(alias: string): string {
  return normalizeText(alias)
    .replace(/'s\b/g, 's')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

/** Splits text into tokens; possessive "'s" is dropped ("Met's" → "met"). */
export function tokenize(text: string): Token[] {
  const normalized = normalizeText(text);
  const tokens: Token[] = [];
  for (const m of normalized.matchAll(WORD)) {
    let word = m[0];
    if (word.endsWith("'s")) word = word.slice(0, -2);
    else if (word.includes("'")) word = word.replace(/'/g, '');
    if (!word) continue;
    tokens.push({ word, stem: stem(word), index: m.index });
  }
  return tokens;
}

const stemCache = new Map<string, string>();

/** Porter stem, cached (the same few thousand words recur across facts and questions). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d+$/.test(word) ? word : stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/**
 * Words that carry no topic. Kept small on purpose: words such as "left", "out", "now", "why"
 * matter to Engage questions and are handled as concepts, not dropped.
 */
export const STOP_WORDS = new Set(
  `a about above after again against all am an and how any are aren as at be been being below between both but by
   can could did do does doing don down during each few for from further had has have having he her here hers
   herself him himself his i if in into is isn it its itself just let me more my myself no nor not of off on
   once only or other our ours ourselves over own same she should so some such than that the their theirs them
   themselves then there these they this those through to too under until up very was wasn we were weren what
   whats when where which while who whom whose will with would you your yours yourself yourselves
   tell please know give show explain describe list name me us also any anything something thing things
   there's it's what's who's hi hey hello hiya thanks thank cheers every each okay ok kindly could would might shall may must get got whether
   someone somebody anyone anybody everyone everybody everything else`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Everyday verbs, adverbs and adjectives. When the knowledge base has never seen one, it says
 * little about the topic ("how long did the Met *spend* in Engage"), unlike an unknown noun
 * ("salary", "overtime"), so it weighs less than other unknown words.
 */
export const EVERYDAY_WORDS = new Set(
  `spend spent take took taken make made done get gets got gotten go goes gone come came keep kept stay stayed remain remained
   need needed use used see saw seen look looked seem seemed become became show showed shown hear heard think thought
   want wanted try tried save saved help helped involve involved include included mean meant cause lead led bring brought
   badly well good bad poorly properly correctly wrongly really actually exactly recently already never often usually
   long short big small large little much many first last next new old high low right wrong true real main whole
   kind sort type way point lot lots basically generally overall finally eventually ago since during
   admit admitted admits blame blamed blames accept accepted agree agreed disagree deny denied argue argued
   fight fighting fought apart missing handle handled handling handlers happening step steps announce announced
   confirm confirmed tried put putting got getting hit back respond end ended actually happened happens happening
   remind reminder quick please pls thanks messed mess wrong properly somewhere else elsewhere anywhere someone somebody anyone anything`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Negated auxiliaries ("isn't" → "isnt", "didn't" → "didnt") are grammar, not topic: the closed
 * class of English auxiliaries with "n't", as the tokenizer writes them.
 */
const NEGATED_AUXILIARIES = new Set(
  ['is', 'are', 'was', 'were', 'has', 'have', 'had', 'do', 'does', 'did', 'could', 'would', 'should', 'must', 'need', 'might'].map((aux) => `${aux}nt`).concat(['dont', 'cant', 'wont', 'aint', 'shant']),
);

/**
 * Pronouns with a contracted auxiliary ("you've" → "youve", "I'm" → "im"): grammar too. Only
 * the forms that are not also ordinary words ("we'd" → "wed", "she'll" → "shell" are left out).
 */
const PRONOUN_CONTRACTIONS = new Set(['youve', 'weve', 'theyve', 'ive', 'youre', 'theyre', 'im', 'youll', 'theyll', 'itll', 'youd', 'theyd', 'thats', 'whats', 'wheres', 'whos', 'hows', 'theres', 'heres']);

/** Text to match literally inside a regular expression ("D&C (Police)" → "D&C \\(Police\\)"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function isStopWord(word: string): boolean {
  if (NEGATED_AUXILIARIES.has(word) || PRONOUN_CONTRACTIONS.has(word)) return true;
  return STOP_WORDS.has(word);
}

// Reused rows for editDistance: typo correction compares a word with hundreds of candidates per
// question, and fresh arrays for each comparison would be garbage for the collector to chase.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Edit distance with transpositions (optimal string alignment), capped for speed. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length * 2 + 2);
    rowB = new Int32Array(b.length * 2 + 2);
    rowC = new Int32Array(b.length * 2 + 2);
  }
  let prevPrev = rowA;
  let prev = rowB;
  let current = rowC;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prevPrev[j - 2]! + 1);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    // Rotate the three rows: current becomes prev, prev becomes prevPrev.
    const oldPrevPrev = prevPrev;
    prevPrev = prev;
    prev = current;
    current = oldPrevPrev;
  }
  return prev[b.length]!;
}

/** How many typos we forgive in a word of this length: none in short words, which are too ambiguous. */
export function allowedTypos(length: number): number {
  // Four letters or fewer: too many real words one edit apart ("tall"/"call", "kent"/"kept").
  if (length <= 4) return 0;
  if (length <= 7) return 1;
  return 2;
}
