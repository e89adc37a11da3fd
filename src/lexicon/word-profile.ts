// How common an English word is in everyday speech (Zipf scale, from SUBTLEX-US subtitle counts)
// and how often it is a noun (WordNet's tagged corpus): the general-English background the
// answering core weighs a question's words against. The table is built at install time by
// bin/build-word-profile.js into dist/; it is read once, lazily. Without it, every word counts
// as rare and of unknown part of speech, which is how the bot behaved before the table existed.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** n(oun), v(erb), a(djective), r (adverb), as WordNet writes them. */
export type PartOfSpeech = 'n' | 'v' | 'a' | 'r';

export interface WordProfile {
  /** Zipf frequency: log10 occurrences per billion words of speech; 0 for a rare or unknown word. */
  zipf(word: string): number;
  /** The part of speech WordNet's tagged corpus uses it as most; undefined when it does not know it. */
  pos(word: string): PartOfSpeech | undefined;
  /** Whether the table was found (false in a checkout where the build step has not run). */
  readonly available: boolean;
}

const POS: readonly PartOfSpeech[] = ['n', 'v', 'a', 'r'];

let loaded: WordProfile | undefined;

/** The word profile, read from dist/word-profile.tsv on first use. */
export function wordProfile(): WordProfile {
  return (loaded ??= readProfile(findTable()));
}

/**
 * A profile from table text: "word\tzipf\tpos" lines sorted by word in code-unit order, as
 * bin/build-word-profile.js writes them ('#' lines are comments).
 *
 * The table is searched in place: a binary search over the text's lines, with a small memo of
 * words already looked up. Building a Map of all 45,000 words cost about 25 ms and most of a
 * garbage collection at every start, to serve the few hundred words one process ever asks for.
 */
export function parseWordProfile(text: string): WordProfile {
  const first = firstDataLine(text);
  const memo = new Map<string, number>();
  const lookup = (word: string): number => {
    let packed = memo.get(word);
    if (packed === undefined) {
      packed = search(text, first, word);
      // Bounded, so a long-running bot fed endless made-up words does not grow without end.
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, packed);
    }
    return packed;
  };
  return {
    available: first < text.length,
    zipf: (word) => Math.floor(lookup(word) / 8) / 10,
    pos: (word) => POS[(lookup(word) % 8) - 1],
  };
}

const MEMO_LIMIT = 20_000;

function firstDataLine(text: string): number {
  let at = 0;
  while (at < text.length && (text.charCodeAt(at) === 35 /* # */ || text.charCodeAt(at) === 10)) {
    const nl = text.indexOf('\n', at);
    at = nl < 0 ? text.length : nl + 1;
  }
  return at;
}

/** zipf × 10 × 8 + (part of speech + 1) for the word's line, or 0 when the table lacks it. */
function search(text: string, first: number, word: string): number {
  let lo = first;
  let hi = text.length;
  // Invariant: a line of the word, if any, starts in [lo, hi).
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1);
    const end = text.indexOf('\n', start);
    const lineEnd = end < 0 ? text.length : end;
    const tab = text.indexOf('\t', start);
    const key = text.slice(start, tab < 0 || tab > lineEnd ? lineEnd : tab);
    if (key === word) return packedLine(text, tab, lineEnd);
    if (key < word) lo = lineEnd + 1;
    else hi = start;
  }
  return 0;
}

function packedLine(text: string, tab: number, lineEnd: number): number {
  const tab2 = text.indexOf('\t', tab + 1);
  const zipf = Math.round(Number(text.slice(tab + 1, tab2 < 0 || tab2 > lineEnd ? lineEnd : tab2)) * 10);
  const pos = tab2 < 0 || tab2 > lineEnd ? -1 : POS.indexOf(text.slice(tab2 + 1, tab2 + 2) as PartOfSpeech);
  return zipf * 8 + (pos + 1);
}

function readProfile(path: string | undefined): WordProfile {
  if (!path) return parseWordProfile('');
  try {
    return parseWordProfile(readFileSync(path, 'utf8'));
  } catch {
    return parseWordProfile('');
  }
}

/** dist/word-profile.tsv, seen from the sources (src/lexicon/) or from the bundle (dist/). */
function findTable(): string | undefined {
  for (const relative of ['../../dist/word-profile.tsv', './word-profile.tsv']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}
