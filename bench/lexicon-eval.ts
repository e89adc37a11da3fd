// Measures each lexical source (lemmas, WordNet, word vectors) on the working half of
// ../shared/eval/reporters.jsonl: what the question words the knowledge base never uses map to.
// Run: node bin/run-ts.js bench/lexicon-eval.ts [--dump] [--text-only] [--sweep]. Never reads the
// check half (even ids).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge-loader.ts';
import { createRelatedWords, type RelatedWordsOptions } from '../src/lexicon/related-words.ts';
import { defaultLexiconDir, loadLexicon } from '../src/lexicon/lexicon-data.ts';
import { EVERYDAY_WORDS, STOP_WORDS, tokenize } from '../src/text.ts';
import { knowledgeNameWords, knowledgeVocabulary } from '../src/lexicon/knowledge-vocabulary.ts';

const root = join(import.meta.dirname, '..');
const evalFile = join(root, '..', 'shared', 'eval', 'reporters.jsonl');
if (!existsSync(evalFile)) {
  console.log(`skipped: ${evalFile} is absent (the shared material is only on development machines and CI)`);
  process.exit(0);
}
const { lexicon, problem } = loadLexicon(defaultLexiconDir());
if (!lexicon) {
  console.log(`skipped: ${problem}`);
  process.exit(0);
}

const dump = process.argv.includes('--dump');
const textOnly = process.argv.includes('--text-only');
const data = loadKnowledge(join(root, 'knowledge'));
// --text-only: the facts' own words, without the hand-written paraphrases, keywords and
// concept lists: how the bridge fares where nobody has tuned the vocabulary yet.
const vocabulary = knowledgeVocabulary(data, { paraphrases: !textOnly });
const names = knowledgeNameWords(data);

interface Line {
  id: string;
  q: string;
  expect: 'answer' | 'refuse';
}
const working = readFileSync(evalFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line)
  .filter((l) => Number(l.id.slice(1)) % 2 === 1);

/** For each word: the vocabulary words a reader would accept as meaning the same here (hand-judged). */
const judgements = JSON.parse(readFileSync(join(import.meta.dirname, "lexicon-judgements.json"), "utf8")) as Record<string, string[]>;

// As the index sees it: stop words and everyday words are known words (never looked up).
const unknownOf = (q: string) => [...new Set(tokenize(q).map((t) => t.word))].filter((w) => !vocabulary.has(w) && !STOP_WORDS.has(w) && !EVERYDAY_WORDS.has(w) && !/^\d+$/.test(w));

const candidates: [string, RelatedWordsOptions][] = [
  ['lemma (wink + morphy)', { sources: ['lemma'] }],
  ['WordNet (its own sense frequencies)', { sources: ['lemma', 'wordnet'], agreementCosine: 0 }],
  ['WordNet, senses checked by the vectors', { sources: ['lemma', 'wordnet'] }],
  ['vectors', { sources: ['lemma', 'vectors'] }],
  ['vectors, min weight 0.45 (cosine ≥ 0.64)', { sources: ['lemma', 'vectors'], minWeight: 0.45 }],
  ['vectors, min weight 0.4 (cosine ≥ 0.62)', { sources: ['lemma', 'vectors'], minWeight: 0.4 }],
  ['all (default)', {}],
  ['all, no everyday filter', { everydayRank: 0 }],
  ['all, min weight 0.4', { minWeight: 0.4 }],
  ['all, min weight 0.5', { minWeight: 0.5 }],
  ['all, min weight 0.6', { minWeight: 0.6 }],
  ['all, vector weight 0.8, cosine ≥ 0.5', { vectorWeight: 0.8, minCosine: 0.5 }],
  ['all, vector weight 0.8, cosine ≥ 0.5, everyday rank 3000', { vectorWeight: 0.8, minCosine: 0.5, everydayRank: 3000 }],
  ['all, agreement share 0.5', { agreementShare: 0.5 }],
  ['all, agreement share 0.3', { agreementShare: 0.3 }],
  ['all, cosine ≥ 0.7', { minCosine: 0.7 }],
  ['all, everyday rank 3000', { everydayRank: 3000 }],
];

console.log(`vocabulary: ${vocabulary.size} words${textOnly ? ' (text only)' : ''}; working half: ${working.length} questions`);
const rows: string[][] = [];
for (const [name, options] of candidates) {
  const related = createRelatedWords(vocabulary, { ...options, lexicon, stopWords: STOP_WORDS, names });
  let pairs = 0;
  let good = 0;
  let wordsWithGood = 0;
  let wordsJudgedAnswerable = 0;
  let answerWords = 0;
  let harmPairs = 0;
  const harmQuestions = new Set<string>();
  let refuseWords = 0;
  for (const line of working) {
    for (const word of unknownOf(line.q)) {
      const found = related.related(word);
      const accept = new Set(judgements[word] ?? []);
      if (dump && name === (process.env.DUMP ?? 'all (default)')) console.log(`${line.id} ${word}: ${found.map((r) => `${r.word}:${r.weight}:${r.via}`).join(' ')}`);
      if (line.expect === 'answer') {
        answerWords++;
        if (accept.size > 0) wordsJudgedAnswerable++;
        pairs += found.length;
        const right = found.filter((r) => accept.has(r.word)).length;
        good += right;
        if (right > 0) wordsWithGood++;
      } else {
        refuseWords++;
        if (found.length > 0) {
          harmPairs += found.length;
          harmQuestions.add(line.id);
        }
      }
    }
  }
  rows.push([
    name,
    `${answerWords}`,
    pairs ? `${((100 * good) / pairs).toFixed(0)}% (${good}/${pairs})` : '–',
    `${wordsJudgedAnswerable ? ((100 * wordsWithGood) / wordsJudgedAnswerable).toFixed(0) : '–'}% (${wordsWithGood}/${wordsJudgedAnswerable})`,
    `${refuseWords}`,
    `${harmPairs} pairs, ${harmQuestions.size} questions`,
  ]);
}
const header = ['candidate', 'unknown words (answer q.)', 'precision', 'recall (words)', 'unknown words (refuse q.)', 'mapped in refuse q.'];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

// How precision, recall and harm move with the weight threshold (the default sources).
if (process.argv.includes('--sweep')) {
  const sweepRows: string[] = [];
  for (const minWeight of [0.4, 0.45, 0.5, 0.55, 0.6]) {
    for (const commonTargetRank of [0, 150, 250, 300]) {
      const related = createRelatedWords(vocabulary, { lexicon, stopWords: STOP_WORDS, names, minWeight, commonTargetRank });
      let pairs = 0, good = 0, withGood = 0, judged = 0, harm = 0;
      const harmQ = new Set<string>();
      for (const line of working) for (const word of unknownOf(line.q)) {
        const found = related.related(word);
        const accept = new Set(judgements[word] ?? []);
        if (line.expect === 'answer') {
          if (accept.size) judged++;
          pairs += found.length;
          const right = found.filter((r) => accept.has(r.word)).length;
          good += right;
          if (right) withGood++;
        } else if (found.length) { harm += found.length; harmQ.add(line.id); }
      }
      sweepRows.push(`| ${minWeight} | ${commonTargetRank} | ${pairs ? ((100 * good) / pairs).toFixed(0) : '–'}% (${good}/${pairs}) | ${((100 * withGood) / Math.max(judged, 1)).toFixed(0)}% (${withGood}/${judged}) | ${harm} pairs, ${harmQ.size} questions |`);
    }
  }
  console.log('\n| minWeight | commonTargetRank | precision | recall (words) | mapped in refuse q. |\n|---|---|---|---|---|');
  for (const r of sweepRows) console.log(r);
}
