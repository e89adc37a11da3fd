// Reads the lexicon table that bin/build-lexicon.js distils at install time (WordNet relations,
// lemmas, quantised word vectors) and looks words up in it by binary search, without parsing
// the whole table. Reads files only; never the network, the environment or the source packages.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The table layout this code reads; must equal LEXICON_FORMAT in bin/build-lexicon.js. */
export const LEXICON_FORMAT = 3;

/** One word of the table: where its vector is, how common it is, its lemma. */
export interface LexiconWord {
  /** Row of the word's vector. */
  row: number;
  /** Frequency rank in the embeddings' corpus (0 = most frequent). */
  rank: number;
  /** Base form when it differs from the word ("went" → "go"); from wink-nlp's lemmatiser. */
  lemma?: string;
  /** True for names (every WordNet noun sense is an instance: "Scotland", "Lewis"). */
  name: boolean;
  /** Parts of speech WordNet gives the word or its lemma: n, v, a (adjective), r (adverb); "" if none. */
  pos: string;
}

/** A lemma WordNet relates to another, with the build's weight (0–1) and relation. */
export interface WordnetLink {
  /** A lemma, possibly a phrase with spaces ("step down", "police officer"). */
  lemma: string;
  weight: number;
  /** syn, hyper, hypo, deriv, similar, group, particip, pertain, also — or anto (weight 0). */
  relation: string;
}

/** The lexical tables, read-only. Build one for tests with {@link createLexicon}. */
export interface Lexicon {
  dims: number;
  word(word: string): LexiconWord | undefined;
  /** WordNet links of a lemma or collocation ("step down"); empty when WordNet has none. */
  wordnet(lemma: string): WordnetLink[];
  /** True when WordNet knows the lemma or collocation. */
  inWordnet(lemma: string): boolean;
  /** Unit vector of the row, each dimension scaled to −127…127. */
  vectors: Int8Array;
}

/** The table's folder as installed: node_modules/.cache/oversight-bot/lexicon above this file. */
export function defaultLexiconDir(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  // Walk up to the project's node_modules: this file runs from src/lexicon/ (tsx) or from dist/
  // (the esbuild bundle). The first node_modules is ours; a table further up is another's.
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) {
      const candidate = join(dir, 'node_modules', '.cache', 'oversight-bot', 'lexicon');
      return existsSync(join(candidate, 'lexicon.json')) ? candidate : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Loads the table from `dir`, or returns undefined (with the reason) when it is absent, of
 * another format or unreadable: the bot then runs without related words rather than failing.
 */
export function loadLexicon(dir: string | undefined): { lexicon?: Lexicon; problem?: string } {
  if (!dir) return { problem: 'the lexicon table has not been built (run `npm run build`)' };
  try {
    const meta = JSON.parse(readFileSync(join(dir, 'lexicon.json'), 'utf8')) as { format?: number; dims?: number };
    if (meta.format !== LEXICON_FORMAT || typeof meta.dims !== 'number') return { problem: `the lexicon table in ${dir} has format ${meta.format}, expected ${LEXICON_FORMAT} (run \`npm run build\`)` };
    const buffer = readFileSync(join(dir, 'vectors.bin'));
    const vectors = new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    return { lexicon: createLexicon(meta.dims, readFileSync(join(dir, 'words.txt'), 'utf8'), readFileSync(join(dir, 'wordnet.txt'), 'utf8'), vectors) };
  } catch (error) {
    return { problem: `the lexicon table in ${dir} is unreadable (${(error as Error).message}); run \`npm run build\`` };
  }
}

/**
 * A lexicon over the table's three parts: `words` ("word\trow\trank\tlemma\tflags" lines; flags: parts of speech, N for a name),
 * `wordnet` ("lemma\ttarget weight relation|…" lines), both sorted by code unit, and the vectors.
 */
export function createLexicon(dims: number, words: string, wordnet: string, vectors: Int8Array): Lexicon {
  // The same few thousand words (the vocabulary's, the questions') are looked up again and again.
  const wordCache = new Map<string, LexiconWord | null>();
  const wordnetCache = new Map<string, boolean>();
  return {
    dims,
    vectors,
    word(word) {
      let entry = wordCache.get(word);
      if (entry === undefined) {
        const line = findLine(words, word);
        if (line === undefined) entry = null;
        else {
          const [, row, rank, lemma, flags] = line.split('\t');
          entry = { row: Number(row), rank: Number(rank), ...(lemma ? { lemma } : {}), name: (flags ?? '').includes('N'), pos: (flags ?? '').replace('N', '') };
        }
        if (wordCache.size < 100_000) wordCache.set(word, entry);
      }
      return entry ?? undefined;
    },
    wordnet(lemma) {
      const line = findLine(wordnet, lemma);
      if (!line) return [];
      const links: WordnetLink[] = [];
      for (const field of line.slice(line.indexOf('\t') + 1).split('|')) {
        const relationAt = field.lastIndexOf(' ');
        const weightAt = field.lastIndexOf(' ', relationAt - 1);
        if (weightAt <= 0) continue;
        links.push({ lemma: field.slice(0, weightAt), weight: Number(field.slice(weightAt + 1, relationAt)), relation: field.slice(relationAt + 1) });
      }
      return links;
    },
    inWordnet(lemma) {
      let known = wordnetCache.get(lemma);
      if (known === undefined) {
        known = findLine(wordnet, lemma) !== undefined;
        if (wordnetCache.size < 100_000) wordnetCache.set(lemma, known);
      }
      return known;
    },
  };
}

/** The line whose key (text before the first tab) is `key`, by binary search over sorted lines. */
export function findLine(text: string, key: string): string | undefined {
  if (!key || key.includes('\n') || key.includes('\t')) return undefined;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    const order = compareKey(text, start, key);
    if (order === 0) {
      const end = text.indexOf('\n', start);
      return text.slice(start, end === -1 ? text.length : end);
    }
    if (order < 0) {
      const end = text.indexOf('\n', start);
      if (end === -1) return undefined;
      lo = end + 1;
    } else hi = start;
  }
  return undefined;
}

/** Orders the key of the line at `start` against `key` without copying it (look-ups run per word). */
function compareKey(text: string, start: number, key: string): number {
  for (let i = 0; ; i++) {
    const c = start + i < text.length ? text.charCodeAt(start + i) : 10;
    const lineEnded = c === 9 || c === 10;
    if (i === key.length) return lineEnded ? 0 : 1;
    if (lineEnded) return -1;
    const k = key.charCodeAt(i);
    if (c !== k) return c < k ? -1 : 1;
  }
}
