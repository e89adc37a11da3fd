// Related words for a question word the knowledge base never uses ("sacked", "cops", "blueprint"):
// its neighbours from WordNet and from word vectors, restricted to the knowledge base's own
// vocabulary and weighed below an exact match. Pure over the lexicon table; no chat library.

import { defaultLexiconDir, loadLexicon, type Lexicon } from './lexicon-data.ts';
import { baseForms } from './morphology.ts';
import { cosine, neighbours, vectorSet, type VectorSet } from './vector-neighbours.ts';

/** Where a related word came from. */
export type RelatedVia = 'lemma' | 'wordnet' | 'vectors';

/** A vocabulary word related to the question's word. */
export interface RelatedWord {
  /** A word (or a phrase of vocabulary words, "police officer") as the vocabulary spells it. */
  word: string;
  /** 0–1 and always below 1: a related word weighs less than the word itself. */
  weight: number;
  via: RelatedVia;
}

/** A WordNet collocation found in a question ("stepped down" → "step down"). */
export interface PhraseMatch {
  /** Index of the phrase's first word and one past its last, in the words given. */
  start: number;
  end: number;
  /** The phrase as WordNet lists it. */
  phrase: string;
  related: RelatedWord[];
}

/** Words ranked below this in the embeddings' corpus are general English; rarer ones are mostly slips and the knowledge base's own names. */
const ENGLISH_WORD_RANK = 50_000;

export interface RelatedWords {
  /** Vocabulary words related to `word` (lower-case; a phrase may have spaces), strongest first. */
  related(word: string): RelatedWord[];
  /** WordNet collocations in a question's words that relate to vocabulary words. */
  phrases(words: readonly string[]): PhraseMatch[];
  /**
   * Whether the word is one general English uses (among the embeddings' most frequent words):
   * "Casey" is a name someone wrote, not a slip for "case"; "Glocestershire" is a slip.
   */
  isEnglishWord(word: string): boolean;
  /** False when no lexicon table could be loaded: then every look-up is empty. */
  readonly available: boolean;
  /** Why the table is unavailable, for a one-line notice; undefined when it is available. */
  readonly problem: string | undefined;
}

/** Tuning of {@link createRelatedWords}; each default was measured on the working half (see docs/lexicon.md). */
export interface RelatedWordsOptions {
  /** The lexicon; `null` for none; default: the installed table, loaded at first use. */
  lexicon?: Lexicon | null;
  /** Words that never get related words, nor are given as one (the tokenizer's stop words). */
  stopWords?: Iterable<string>;
  /**
   * Vocabulary words never given as a related word: the words of people's and places' names
   * (knowledgeNameWords), so "score" → "mark" cannot reach Sir Mark Rowley.
   */
  names?: Iterable<string>;
  /** Which sources to use (default: all three). */
  sources?: readonly RelatedVia[];
  /** Weight of a base-form match ("went" → "go"). Default 0.9. */
  lemmaWeight?: number;
  /** Weight of a WordNet link of build weight 1 (a synonym in the word's main sense). Default 0.8. */
  wordnetWeight?: number;
  /** Weight of a vector neighbour at cosine 1. Default 0.7. */
  vectorWeight?: number;
  /** Vector neighbours below this cosine are not related. Default 0.62. */
  minCosine?: number;
  /** Related words weighing less than this are dropped. Default 0.55. */
  minWeight?: number;
  /** At most this many related words per word. Default 6. */
  maxResults?: number;
  /**
   * Words this frequent in general English (rank in the embeddings' corpus) are everyday words:
   * they get only their own other forms, so "best" or "business" never reach a domain fact. Default 1500.
   */
  everydayRank?: number;
  /**
   * A WordNet link counts in full when the two words' vectors reach this cosine, and down to
   * 0.3 of its weight below it (the sense is rare in news text). 0 turns the check off. Default 0.4.
   */
  agreementCosine?: number;
  /** How much the vectors' agreement counts in a WordNet sense's weight, against WordNet's own sense frequency (counted in SemCor, 1960s books; the vectors learnt from news). Default 0.7. */
  agreementShare?: number;
  /** Related words this frequent in general English (rank) weigh half. Default 250. */
  commonTargetRank?: number;
}

/** How close each WordNet relation is; the build's link weight is the sense's share. */
const RELATION_WEIGHT: Record<string, number> = { syn: 1, deriv: 0.85, similar: 0.8, group: 0.8, particip: 0.8, pertain: 0.75, also: 0.7, hyper: 0.7, hypo: 0.5 };

const DEFAULTS = {
  lemmaWeight: 0.9,
  wordnetWeight: 0.8,
  vectorWeight: 0.7,
  minCosine: 0.62,
  minWeight: 0.55,
  maxResults: 6,
  everydayRank: 1500,
  agreementCosine: 0.4,
  commonTargetRank: 250,
  agreementShare: 0.7,
};

let installed: ReturnType<typeof loadLexicon> | undefined;

/**
 * Related words over the knowledge base's `vocabulary` (its surface words, lower-case; phrases
 * are split into words). The lexicon loads at the first look-up, not here, so start-up holds.
 */
export function createRelatedWords(vocabulary: Iterable<string>, options: RelatedWordsOptions = {}): RelatedWords {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const sources = new Set<RelatedVia>(options.sources ?? ['lemma', 'wordnet', 'vectors']);
  const stopWords = new Set(options.stopWords ?? []);
  const names = new Set(options.names ?? []);
  const words = new Set<string>();
  for (const entry of vocabulary) for (const w of entry.toLowerCase().split(/\s+/)) if (w && !stopWords.has(w) && !names.has(w)) words.add(w);

  let state: ReturnType<typeof prepare> | undefined;
  let problem: string | undefined;
  const ensure = () => {
    if (state !== undefined || problem !== undefined) return state;
    let lexicon = options.lexicon;
    if (lexicon === undefined) {
      // One table per process: a knowledge reload makes a new RelatedWords, not a new read.
      installed ??= loadLexicon(defaultLexiconDir());
      lexicon = installed.lexicon;
      problem = installed.problem;
    } else if (lexicon === null) problem = 'no lexicon was given';
    if (lexicon) state = prepare(lexicon, words);
    return state;
  };

  const cache = new Map<string, RelatedWord[]>();
  const related = (input: string): RelatedWord[] => {
    const word = input.toLowerCase().trim().replace(/\s+/g, ' ');
    const cached = cache.get(word);
    if (cached) return cached;
    const s = ensure();
    const result = s && word && !stopWords.has(word) ? relatedIn(s, word, settings, sources, stopWords) : [];
    if (cache.size < 50_000) cache.set(word, result);
    return result;
  };

  return {
    related,
    isEnglishWord(word) {
      const rank = ensure()?.lexicon.word(word.toLowerCase())?.rank;
      return rank !== undefined && rank < ENGLISH_WORD_RANK;
    },
    phrases(questionWords) {
      const s = ensure();
      if (!s) return [];
      const found: PhraseMatch[] = [];
      for (let start = 0; start < questionWords.length; start++) {
        if (stopWords.has(questionWords[start]!)) continue;
        for (let length = Math.min(3, questionWords.length - start); length >= 2; length--) {
          const phrase = questionWords.slice(start, start + length).join(' ');
          const base = baseForms(phrase, s.lexicon).find((form) => s.lexicon.inWordnet(form));
          if (!base) continue;
          const relatedWords = related(base);
          if (relatedWords.length > 0) {
            found.push({ start, end: start + length, phrase: base, related: relatedWords });
            break;
          }
        }
      }
      return found;
    },
    get available() {
      return ensure() !== undefined;
    },
    get problem() {
      ensure();
      return problem;
    },
  };
}

interface Prepared {
  lexicon: Lexicon;
  /** Base form → the vocabulary words that have it ("leave" → left, leaving, leave). */
  byBase: Map<string, string[]>;
  vocabulary: Set<string>;
  /** The vocabulary's dictionary words with their vectors. */
  vectors: VectorSet;
}

function prepare(lexicon: Lexicon, vocabulary: Set<string>): Prepared {
  const byBase = new Map<string, string[]>();
  for (const word of vocabulary) {
    for (const base of baseForms(word, lexicon)) {
      const list = byBase.get(base) ?? [];
      if (!list.includes(word)) list.push(word);
      byBase.set(base, list);
    }
  }
  // Only dictionary words take part in vector neighbours: places and people ("Derbyshire",
  // "Nottinghamshire", "Chris") sit close together in vector space without meaning the same.
  const vectors = vectorSet(lexicon, vocabulary, (word) => {
    const entry = lexicon.word(word);
    return entry && !entry.name && isDictionaryWord(word, lexicon) ? entry.row : undefined;
  });
  return { lexicon, byBase, vocabulary, vectors };
}

function relatedIn(s: Prepared, word: string, settings: typeof DEFAULTS, sources: Set<RelatedVia>, stopWords: Set<string>): RelatedWord[] {
  const { lexicon } = s;
  const entry = lexicon.word(word);
  // Everyday words and names get only their own other forms: "weather" or "Scotland" must not
  // reach a domain fact through a neighbour.
  const onlyForms = entry !== undefined && (entry.rank < settings.everydayRank || entry.name);
  const forms = baseForms(word, lexicon);
  const best = new Map<string, RelatedWord>();
  const offer = (target: string, weight: number, via: RelatedVia) => {
    if (target === word) return;
    const had = best.get(target);
    // Found by two sources: more likely right, still below the exact word.
    if (had) best.set(target, { word: target, weight: Math.min(0.95, Math.max(had.weight, weight) + 0.5 * Math.min(had.weight, weight) * (1 - Math.max(had.weight, weight))), via: had.weight >= weight ? had.via : via });
    else best.set(target, { word: target, weight, via });
  };
  /** The vocabulary's spellings of a lemma or phrase: "police officer" only if both words are in it. */
  const spellings = (lemma: string): string[] => {
    if (!lemma.includes(' ')) return s.byBase.get(lemma) ?? [];
    const parts = lemma.split(' ');
    if (parts.some((p) => stopWords.has(p))) return [];
    return parts.every((p) => s.vocabulary.has(p)) ? [lemma] : [];
  };

  // Other forms of the same word ("send" → "sent", "went" → "go"), as the vocabulary spells them.
  if (sources.has('lemma')) for (const form of forms) for (const w of spellings(form)) if (w !== word) offer(w, settings.lemmaWeight, 'lemma');

  // WordNet lists every sense of a word; the vectors know which senses newspapers use. A link
  // whose two words never keep company ("weather" → "hold", "sack" → "take") weighs less.
  const sourceRow = entry?.row ?? forms.map((f) => lexicon.word(f)).find((e) => e !== undefined)?.row;
  // The sense's weight mixes WordNet's share for it with the vectors' agreement.
  const senseWeight = (share: number, target: string): number => {
    if (settings.agreementCosine <= 0) return share;
    const targetRow = lexicon.word(target)?.row;
    if (sourceRow === undefined || targetRow === undefined) return share;
    const cos = cosine(lexicon, sourceRow, targetRow);
    const agreement = Math.min(1, Math.max(0, (cos - 0.2) / (settings.agreementCosine - 0.2)));
    return (1 - settings.agreementShare) * share + settings.agreementShare * agreement;
  };

  // A very common word ("make", "go", "take") is everybody's neighbour, and a synonym of some
  // sense of half the dictionary: it says little about the question's topic, so it weighs half.
  const commonness = (lemma: string): number => ((lexicon.word(lemma)?.rank ?? Infinity) < settings.commonTargetRank ? 0.5 : 1);

  const antonyms = new Set<string>();
  if (sources.has('wordnet') && !onlyForms) {
    for (const form of forms) {
      for (const link of lexicon.wordnet(form)) {
        if (link.relation === 'anto') {
          for (const w of spellings(link.lemma)) antonyms.add(w);
          continue;
        }
        for (const w of spellings(link.lemma)) offer(w, settings.wordnetWeight * RELATION_WEIGHT[link.relation]! * senseWeight(link.weight, w) * commonness(link.lemma), 'wordnet');
      }
    }
  }

  if (sources.has('vectors') && !onlyForms && !word.includes(' ') && isDictionaryWord(word, lexicon)) {
    const sourcePos = forms.map((f) => lexicon.word(f)?.pos ?? '').join('');
    if (sourceRow !== undefined) {
      for (const { word: target, cosine } of neighbours(lexicon, sourceRow, s.vectors, settings.minCosine)) {
        // Vectors also put "stuff" beside "really": a neighbour must share a part of speech.
        if (!sharesPos(sourcePos, lexicon.word(target)?.pos ?? '')) continue;
        // Vectors put opposites side by side ("entered" ~ "left"); WordNet knows they are opposites.
        if (antonyms.has(target) || forms.includes(target)) continue;
        offer(target, settings.vectorWeight * cosine * commonness(lexicon.word(target)?.lemma ?? target), 'vectors');
      }
    }
  }

  for (const w of antonyms) best.delete(w);
  const ranked = [...best.values()]
    .filter((r) => r.weight >= settings.minWeight && r.word !== word)
    .map((r) => ({ ...r, weight: Math.round(r.weight * 1000) / 1000 }))
    .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1));
  // maxResults counts meanings, not spellings: "take, taken, took" are one related word.
  const groups = new Set<string>();
  const out: RelatedWord[] = [];
  for (const r of ranked) {
    const group = lexicon.word(r.word)?.lemma ?? r.word;
    if (!groups.has(group) && groups.size >= settings.maxResults) continue;
    groups.add(group);
    out.push(r);
  }
  return out;
}

function sharesPos(a: string, b: string): boolean {
  for (const p of a) if (b.includes(p)) return true;
  return false;
}

/** A word WordNet lists as a common word (itself or a base form), not only as a name. */
function isDictionaryWord(word: string, lexicon: Lexicon): boolean {
  return baseForms(word, lexicon).some((form) => lexicon.inWordnet(form));
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
