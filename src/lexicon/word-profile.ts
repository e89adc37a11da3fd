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

/** A profile from table text (for tests and for the loader): "word\tzipf\tpos" lines. */
export function parseWordProfile(text: string): WordProfile {
  // One packed number per word keeps the map small: zipf × 10 in the high part, the pos below.
  const packed = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const tab2 = line.indexOf('\t', tab + 1);
    const zipf = Math.round(Number(line.slice(tab + 1, tab2)) * 10);
    const pos = POS.indexOf(line.slice(tab2 + 1, tab2 + 2) as PartOfSpeech);
    packed.set(line.slice(0, tab), zipf * 8 + (pos + 1));
  }
  return {
    available: packed.size > 0,
    zipf: (word) => {
      const p = packed.get(word);
      return p === undefined ? 0 : Math.floor(p / 8) / 10;
    },
    pos: (word) => {
      const p = packed.get(word);
      return p === undefined ? undefined : POS[(p % 8) - 1];
    },
  };
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
