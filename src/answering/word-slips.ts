// Slips of the keyboard in a question's words, and what they stand for: a surname one letter off
// after a first name ("andy cook"), a county shortened the British way ("Gloucs"), a misspelt
// grammar or common word ("wich", "differnce", "fiel"), compounds typed as one word. Each reads
// against the knowledge base's own vocabulary and the shipped word-frequency table. Pure.

import { correctWord, type KnowledgeIndex } from '../knowledge-index.ts';
import { wordProfile } from '../lexicon/word-profile.ts';
import { SET_ASIDE_WORDS } from './exclusions.ts';
import { editDistance, isStopWord, stem, STOP_WORDS, tokenize, type Token } from '../text.ts';

/**
 * A short word that is no English word at all ("wre", "teh", "whcih") is most likely a slip on a
 * grammar word: the commonest stop word one edit away ("were"). Real words are left alone.
 */
/**
 * How English stands to a word the knowledge base does not know: a word it uses as written (a
 * dictionary word, or a name when capitalised: "movement", "Casey"), a string it never uses
 * ("stil", "mett"), or neither (a rare word, a common slip such as "teh").
 */
export function englishStanding(word: string, capitalised: boolean, index: KnowledgeIndex): 'english' | 'not-a-word' | 'other' {
  const inCorpus = index.relatedWords().isEnglishWord(word);
  if (inCorpus && (capitalised || wordProfile().pos(word) !== undefined)) return 'english';
  const profile = wordProfile();
  if (!inCorpus && !capitalised && profile.available && profile.zipf(word) === 0) return 'not-a-word';
  return 'other';
}

/** The words of people's names and aliases ("sadiq", "khan"): what a misspelt name may be corrected to. */
const personWordsCache = new WeakMap<KnowledgeIndex, Set<string>>();

export function personNameWords(index: KnowledgeIndex): Set<string> {
  let set = personWordsCache.get(index);
  if (!set) {
    set = new Set();
    for (const e of index.entities.values()) if (e.kind === 'person') for (const n of [e.name, ...e.aliases]) for (const t of tokenize(n)) if (t.word.length > 2) set.add(t.word);
    personWordsCache.set(index, set);
  }
  return set;
}

/** The longer words of force and service names ("gloucestershire", "lincolnshire"), once per index. */
const placeWordsCache = new WeakMap<KnowledgeIndex, string[]>();

function placeWords(index: KnowledgeIndex): string[] {
  let list = placeWordsCache.get(index);
  if (!list) {
    const set = new Set<string>();
    for (const e of index.entities.values()) if (e.kind === 'police_force' || e.kind === 'fire_rescue_service') for (const t of tokenize(e.name)) if (t.word.length >= 6) set.add(t.word);
    list = [...set];
    placeWordsCache.set(index, list);
  }
  return list;
}

/**
 * A county shortened the way the British shorten them — the first letters, then some of the
 * rest, often with a closing "s" ("Gloucs", "Glos", "Northants", "Wilts") — read as the one force
 * or service name it can stand for. Its letters appear in order in the name, which starts as it
 * does; nothing is read when two names fit.
 */
export function countyShortening(word: string, index: KnowledgeIndex): string | undefined {
  if (word.length < 4) return undefined;
  const letters = word.endsWith('s') ? word.slice(0, -1) : word;
  const fits = placeWords(index).filter((p) => p.length > word.length && p.startsWith(word.slice(0, 3)) && isSubsequence(letters, p));
  return fits.length === 1 ? fits[0] : undefined;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * For each person's first name, the surnames that follow it in their names ("andy" → cooke): a
 * word one slip from one of them, right after the first name ("andy cook"), is that surname,
 * even when English knows the slip as a word.
 */
const surnameCache = new WeakMap<KnowledgeIndex, Map<string, string[]>>();

export function surnamesAfter(first: string, index: KnowledgeIndex): string[] {
  let map = surnameCache.get(index);
  if (!map) {
    map = new Map();
    for (const e of index.entities.values()) {
      if (e.kind !== 'person') continue;
      for (const n of [e.name, ...e.aliases]) {
        const words = tokenize(n).map((t) => t.word);
        for (let i = 0; i + 1 < words.length; i++) map.set(words[i]!, [...new Set([...(map.get(words[i]!) ?? []), words[i + 1]!])]);
      }
    }
    surnameCache.set(index, map);
  }
  return map.get(first) ?? [];
}

/**
 * "whitepaper", "sexoffenders": two words the knowledge base holds, written as one that neither
 * it nor English knows, are read as the two.
 */
export function splitCompound(token: Token, index: KnowledgeIndex, previous?: string): Token[] | undefined {
  const w = token.word;
  if (w.length < 7 || index.knownWords.has(w) || /\d/.test(w) || wordProfile().zipf(w) > 0) return undefined;
  // One slip from a word the knowledge base uses ("backround" → background), or from the surname
  // that follows the word before ("lee freemen" → Freeman), it is that word, not two.
  if (previous !== undefined && surnamesAfter(previous, index).some((s) => editDistance(w, s, 1) <= 1)) return undefined;
  const slip = correctWord(w, index);
  if (slip !== undefined && editDistance(w, slip, 1) <= 1) return undefined;
  for (let k = 3; k <= w.length - 3; k++) {
    const [a, b] = [w.slice(0, k), w.slice(k)];
    if (index.postings.has(stem(a)) && index.postings.has(stem(b)) && !isStopWord(a) && !isStopWord(b)) {
      return [
        { word: a, stem: stem(a), index: token.index },
        { word: b, stem: stem(b), index: token.index + k },
      ];
    }
  }
  return undefined;
}

/** Stop words and the one-word terms of question-shape concepts ("many", "long", "still"). */
const grammarCache = new WeakMap<KnowledgeIndex, Set<string>>();

function grammarWords(index: KnowledgeIndex): Set<string> {
  let set = grammarCache.get(index);
  if (!set) {
    set = new Set(STOP_WORDS);
    for (const c of index.data.concepts) if (c.shape) for (const term of c.terms) for (const w of term.toLowerCase().split(/\s+/)) if (/^[a-z]+$/.test(w)) set.add(w);
    grammarCache.set(index, set);
  }
  return set;
}

/** Below this Zipf frequency a string is rare enough in English to be read as a slip of a far commoner word. */
const RARE_ZIPF = 3;

export function misspeltGrammarWord(word: string, index: KnowledgeIndex): string | undefined {
  if (word.length < 3 || word.length > 5 || index.knownWords.has(word) || /\d/.test(word)) return undefined;
  const profile = wordProfile();
  // ("wich": a string rare in English, one slip from a word a thousand times commoner, is that word.)
  const own = profile.zipf(word);
  if (!profile.available || own >= RARE_ZIPF) return undefined;
  let best: string | undefined;
  let bestZipf = own > 0 ? own + 3 : 0;
  for (const candidate of grammarWords(index)) {
    if (Math.abs(candidate.length - word.length) > 1 || candidate.length < 3 || editDistance(word, candidate, 1) > 1) continue;
    const z = profile.zipf(candidate);
    if (z > bestZipf) [best, bestZipf] = [candidate, z];
  }
  return best;
}

/**
 * A longer string English does not use, one slip from a common English word the knowledge base
 * does not hold ("differnce" → difference, "happend" → happened): that word, so the words that
 * shape a question are read even when misspelt. The likeliest (most frequent) candidate wins.
 */
export function misspeltCommonWord(word: string): string | undefined {
  if (word.length < 4 || /\d/.test(word)) return undefined;
  const profile = wordProfile();
  if (!profile.available || profile.zipf(word) > 0) return undefined;
  // A short non-word is too near too many words for any slip but two letters swapped ("fiel" → file).
  if (word.length < 6) {
    const swaps = [...word].slice(0, -1).map((_, i) => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)).filter((w) => profile.zipf(w) >= COMMON_ZIPF);
    return swaps.length === 1 ? swaps[0] : undefined;
  }
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let best: string | undefined;
  let bestZipf = COMMON_ZIPF;
  const consider = (candidate: string) => {
    const z = profile.zipf(candidate);
    if (z >= bestZipf) [best, bestZipf] = [candidate, z];
  };
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    if (i < word.length) consider(head + word.slice(i + 1));
    if (i < word.length - 1) consider(head + word[i + 1] + word[i] + word.slice(i + 2));
    for (const c of letters) {
      consider(head + c + word.slice(i));
      if (i < word.length) consider(head + c + word.slice(i + 1));
    }
  }
  return best;
}

/**
 * A string English does not use, one slip from a word that sets something aside ("exlcuding" →
 * excluding, "exept" → except): that word, however rare it is in English, and even where it
 * stands before "fire" or "police" like a name, since the frame cannot read the phrase otherwise.
 */
export function misspeltSetAsideWord(word: string): string | undefined {
  if (word.length < 5 || /\d/.test(word)) return undefined;
  const profile = wordProfile();
  if (!profile.available || profile.zipf(word) > 0) return undefined;
  for (const w of SET_ASIDE_WORDS) if (Math.abs(w.length - word.length) <= 1 && editDistance(word, w, 1) <= 1) return w;
  return undefined;
}

/** How common (Zipf) a word must be to be taken as what a misspelling meant: about once per 100,000 words. */
const COMMON_ZIPF = 4;

const conceptStemCache = new WeakMap<KnowledgeIndex, Set<string>>();

/** Every stem of a concept phrase ("engag", "measur", "monitor" …). */
export function conceptStems(index: KnowledgeIndex): Set<string> {
  let set = conceptStemCache.get(index);
  if (!set) {
    set = new Set([...index.conceptPhrases.keys()].flatMap((phrase) => phrase.split(' ')));
    conceptStemCache.set(index, set);
  }
  return set;
}
