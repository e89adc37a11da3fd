// Unit tests for related words over a tiny hand-made lexicon table (same layout as the built
// one): weights below 1, restriction to the vocabulary, and the guards against false friends.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLexicon, findLine, loadLexicon, type Lexicon } from '../../src/lexicon/lexicon-data.ts';
import { baseForms } from '../../src/lexicon/morphology.ts';
import { createRelatedWords } from '../../src/lexicon/related-words.ts';

const DIMS = 4;
// word, rank, lemma, flags (parts of speech; N = a name), vector (scaled to ±127).
const WORDS: [string, number, string, string, number[]][] = [
  ['sacked', 7000, 'sack', 'v', [127, 0, 0, 0]],
  ['sack', 9000, '', 'nv', [120, 40, 0, 0]],
  ['dismissed', 2700, 'dismiss', 'v', [110, 60, 0, 0]],
  ['dismiss', 8000, '', 'v', [110, 60, 0, 0]],
  ['resigned', 3000, 'resign', 'v', [100, 78, 0, 0]],
  ['bag', 3000, '', 'nv', [0, 0, 127, 0]],
  ['entered', 1700, 'enter', 'v', [90, 0, 90, 0]],
  ['enter', 1600, '', 'v', [90, 0, 90, 0]],
  ['went', 300, 'go', 'v', [0, 90, 0, 90]],
  ['go', 230, '', 'nv', [0, 90, 0, 90]],
  ['left', 200, 'leave', 'va', [90, 0, 88, 10]],
  ['leave', 800, '', 'nv', [90, 0, 88, 10]],
  ['stuff', 3300, '', 'nv', [0, 127, 0, 0]],
  ['really', 560, '', 'r', [0, 126, 10, 0]],
  ['today', 358, '', 'nr', [0, 0, 0, 127]],
  ['now', 106, '', 'nr', [0, 0, 0, 127]],
  ['derbyshire', 30000, '', '', [60, 60, 60, 60]],
  ['nottinghamshire', 28000, '', '', [60, 60, 60, 62]],
  ['scotland', 900, '', 'nN', [0, 60, 60, 60]],
  ['step', 900, '', 'nv', [10, 10, 10, 10]],
  ['down', 100, '', 'r', [10, 10, 10, -10]],
];
const WORDNET = [
  'dismiss\tsack 1.00 syn|fire 1.00 syn',
  'enter\tleave 0 anto|go 0.80 hyper',
  'resign\tstep down 1.00 syn',
  'sack\tbag 1.00 syn|dismiss 0.60 syn',
  'step down\tresign 1.00 syn|leave 1.00 hyper',
  'step\tpace 1.00 syn',
  'stuff\tthing 1.00 syn',
  'leave\tenter 0 anto',
  'bag\tsack 1.00 syn',
];

function tinyLexicon(): Lexicon {
  const rows = WORDS.map(([word, rank, lemma, flags], row) => `${word}\t${row}\t${rank}\t${lemma}\t${flags}`).sort();
  const vectors = new Int8Array(WORDS.flatMap(([, , , , v]) => v));
  return createLexicon(DIMS, rows.join('\n') + '\n', [...WORDNET].sort().join('\n') + '\n', vectors);
}

describe('lexicon table look-up', () => {
  it('finds lines by key with binary search, phrases and prefixes included', () => {
    const text = ['a\t1', 'ab\t2', 'ab c\t3', 'b\t4', 'step\t5', 'step down\t6', 'zz\t7'].join('\n') + '\n';
    expect(findLine(text, 'a')).toBe('a\t1');
    expect(findLine(text, 'ab')).toBe('ab\t2');
    expect(findLine(text, 'ab c')).toBe('ab c\t3');
    expect(findLine(text, 'step down')).toBe('step down\t6');
    expect(findLine(text, 'zz')).toBe('zz\t7');
    expect(findLine(text, 'step d')).toBeUndefined();
    expect(findLine(text, 'aa')).toBeUndefined();
    expect(findLine(text, 'zzz')).toBeUndefined();
    expect(findLine(text, '')).toBeUndefined();
    expect(findLine(text, 'a\tb')).toBeUndefined();
  });

  it('reads words with rank, lemma, parts of speech and the name flag', () => {
    const lexicon = tinyLexicon();
    expect(lexicon.word('sacked')).toMatchObject({ rank: 7000, lemma: 'sack', pos: 'v', name: false });
    expect(lexicon.word('scotland')).toMatchObject({ name: true, pos: 'n' });
    expect(lexicon.word('unheard')).toBeUndefined();
    expect(lexicon.wordnet('sack')).toEqual([
      { lemma: 'bag', weight: 1, relation: 'syn' },
      { lemma: 'dismiss', weight: 0.6, relation: 'syn' },
    ]);
    expect(lexicon.inWordnet('step down')).toBe(true);
  });

  it('finds base forms from the lemma table and, for other words, WordNet’s suffix rules', () => {
    const lexicon = tinyLexicon();
    expect(baseForms('sacked', lexicon)).toEqual(['sacked', 'sack']);
    expect(baseForms('bags', lexicon)).toEqual(['bags', 'bag']); // not in the table: suffix rule
    expect(baseForms('stepped down', lexicon)).toEqual(['stepped down', 'step down']);
    expect(baseForms('news', lexicon)).toEqual(['news']); // "new" is no WordNet lemma here
  });

  it('reports a missing or foreign table instead of failing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
    expect(loadLexicon(undefined).problem).toMatch(/npm run build/);
    expect(loadLexicon(dir).problem).toMatch(/unreadable/);
    writeFileSync(join(dir, 'lexicon.json'), JSON.stringify({ format: 1, dims: 4 }));
    expect(loadLexicon(dir).problem).toMatch(/format 1, expected/);
  });
});

describe('related words', () => {
  const vocabulary = ['dismissed', 'resigned', 'entered', 'left', 'really', 'now', 'nottinghamshire', 'engage', 'bag'];
  const related = () => createRelatedWords(vocabulary, { lexicon: tinyLexicon(), stopWords: ['down', 'the'] });

  it('relates a word the vocabulary never uses to vocabulary words, below an exact match', () => {
    const found = related().related('sacked');
    expect(found.map((r) => r.word)).toContain('dismissed');
    // WordNet's first sense of "sack" is a bag, but the vectors say "sacked" is not used so.
    expect(found.map((r) => r.word)).not.toContain('bag');
    for (const r of found) {
      expect(r.weight).toBeGreaterThan(0);
      expect(r.weight).toBeLessThan(1);
      expect(vocabulary).toContain(r.word);
    }
    // Two sources agreeing (WordNet and the vectors) weigh more than one alone.
    const dismissed = found.find((r) => r.word === 'dismissed')!;
    const wordnetOnly = createRelatedWords(vocabulary, { lexicon: tinyLexicon(), sources: ['wordnet'] }).related('sacked').find((r) => r.word === 'dismissed')!;
    expect(dismissed.weight).toBeGreaterThan(wordnetOnly.weight);
  });

  it('never relates opposites, even where the vectors put them side by side', () => {
    const found = related().related('enter');
    expect(found.map((r) => r.word)).toContain('entered'); // another form of the same word
    expect(found.map((r) => r.word)).not.toContain('left');
  });

  it('gives nothing for everyday words, names, stop words and unknown words', () => {
    const r = related();
    expect(r.related('today')).toEqual([]); // rank 358: an everyday word
    expect(r.related('went')).toEqual([]); // everyday too; "go" is not in the vocabulary
    expect(r.related('scotland')).toEqual([]); // a name
    expect(r.related('derbyshire')).toEqual([]); // not a dictionary word: no vector neighbours
    expect(r.related('down')).toEqual([]);
    expect(r.related('qwertyuiop')).toEqual([]);
  });

  it('keeps vector neighbours to words of the same part of speech', () => {
    // "stuff" (noun/verb) sits next to "really" (adverb) in vector space: not a related word.
    expect(related().related('stuff').map((r) => r.word)).not.toContain('really');
  });

  it('finds WordNet collocations in a question and relates them as a whole', () => {
    const phrases = related().phrases(['when', 'was', 'she', 'stepped', 'down']);
    expect(phrases).toHaveLength(1);
    expect(phrases[0]).toMatchObject({ start: 3, end: 5, phrase: 'step down' });
    expect(phrases[0]!.related.map((r) => r.word)).toEqual(expect.arrayContaining(['resigned', 'left']));
  });

  it('gives an everyday word its own other forms only', () => {
    const r = createRelatedWords(['go', 'now'], { lexicon: tinyLexicon() });
    expect(r.related('went')).toEqual([{ word: 'go', weight: 0.9, via: 'lemma' }]);
  });

  it('runs without a lexicon, saying why', () => {
    const r = createRelatedWords(vocabulary, { lexicon: null });
    expect(r.related('sacked')).toEqual([]);
    expect(r.phrases(['stepped', 'down'])).toEqual([]);
    expect(r.available).toBe(false);
    expect(r.problem).toMatch(/no lexicon/);
  });
});

describe('lexicon table format', () => {
  it('is the same in the build script and in the reader', async () => {
    // @ts-expect-error -- a plain JavaScript build script without type declarations
    const build = (await import('../../bin/build-lexicon.js')) as { LEXICON_FORMAT: number };
    const { LEXICON_FORMAT } = await import('../../src/lexicon/lexicon-data.ts');
    expect(build.LEXICON_FORMAT).toBe(LEXICON_FORMAT);
  });
});

describe('where the table is looked for', () => {
  it('is the nearest node_modules above the code, and nowhere further up', async () => {
    const { defaultLexiconDir } = await import('../../src/lexicon/lexicon-data.ts');
    const { mkdirSync } = await import('node:fs');
    const root = mkdtempSync(join(tmpdir(), 'lexicon-root-'));
    mkdirSync(join(root, 'node_modules', '.cache', 'oversight-bot', 'lexicon'), { recursive: true });
    writeFileSync(join(root, 'node_modules', '.cache', 'oversight-bot', 'lexicon', 'lexicon.json'), '{}');
    mkdirSync(join(root, 'dist'), { recursive: true });
    expect(defaultLexiconDir(join(root, 'dist'))).toBe(join(root, 'node_modules', '.cache', 'oversight-bot', 'lexicon'));
    // A project of its own (its own node_modules, no table) does not borrow the one above it.
    mkdirSync(join(root, 'inner', 'node_modules'), { recursive: true });
    mkdirSync(join(root, 'inner', 'src'), { recursive: true });
    expect(defaultLexiconDir(join(root, 'inner', 'src'))).toBeUndefined();
  });
});
