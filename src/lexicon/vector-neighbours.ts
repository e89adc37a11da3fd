// Nearest words by vector: the cosine of a word's quantised vector with every vector of a fixed
// word list (the knowledge base's vocabulary), in one tight pass. Pure over the lexicon table.

import type { Lexicon } from './lexicon-data.ts';

/** A word list's vectors side by side, for {@link neighbours}. */
export interface VectorSet {
  words: string[];
  rows: Int8Array;
  dims: number;
}

/** The vectors of `words` (those the lexicon has a row for, as `rowOf` says), copied side by side. */
export function vectorSet(lexicon: Lexicon, words: Iterable<string>, rowOf: (word: string) => number | undefined): VectorSet {
  const kept: string[] = [];
  const rowList: number[] = [];
  for (const word of words) {
    const row = rowOf(word);
    if (row === undefined) continue;
    kept.push(word);
    rowList.push(row);
  }
  const { dims } = lexicon;
  const rows = new Int8Array(rowList.length * dims);
  rowList.forEach((row, i) => rows.set(lexicon.vectors.subarray(row * dims, (row + 1) * dims), i * dims));
  return { words: kept, rows, dims };
}

/** Words of the set whose cosine with the lexicon's row `row` is at least `minCosine`. */
export function neighbours(lexicon: Lexicon, row: number, set: VectorSet, minCosine: number): { word: string; cosine: number }[] {
  const { dims, rows, words } = set;
  // The question word's vector copied out once, scaled so the dot product is the cosine; four
  // dimensions a step (a few thousand words × 100 dimensions per look-up).
  const source = new Float64Array(dims);
  for (let d = 0; d < dims; d++) source[d] = lexicon.vectors[row * dims + d]! / (127 * 127);
  const found: { word: string; cosine: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const at = i * dims;
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    let d = 0;
    for (; d + 3 < dims; d += 4) {
      d0 += source[d]! * rows[at + d]!;
      d1 += source[d + 1]! * rows[at + d + 1]!;
      d2 += source[d + 2]! * rows[at + d + 2]!;
      d3 += source[d + 3]! * rows[at + d + 3]!;
    }
    for (; d < dims; d++) d0 += source[d]! * rows[at + d]!;
    const cosine = d0 + d1 + d2 + d3;
    if (cosine >= minCosine) found.push({ word: words[i]!, cosine });
  }
  return found;
}

/** Cosine of two rows of the lexicon. */
export function cosine(lexicon: Lexicon, a: number, b: number): number {
  const { dims, vectors } = lexicon;
  let dot = 0;
  for (let d = 0; d < dims; d++) dot += vectors[a * dims + d]! * vectors[b * dims + d]!;
  return dot / (127 * 127);
}
