// `npm run bench:flexsearch`: the core's answer() next to FlexSearch (a devDependency) on the same
// knowledge bases as `npm run bench` (the real one, synthetic 10,000 and 100,000 facts) and the
// same question mix: build time, heap, and per-question p50/p99/p99-of-medians, in one table.
// Not like for like: FlexSearch only retrieves (top 5 fact ids over the facts' text); answer()
// reads the question, resolves forces, dates and events, picks a route, composes a cited answer
// or declines. The FlexSearch rows are a floor for "find the facts", not a rival answerer.
// `--profile-core` times only the core on the real base, 25 rounds, for a CPU profile:
//   node --cpu-prof --expose-gc bin/run-ts.js bench/flexsearch-compare.ts --profile-core

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Charset, Encoder, Index, type IndexOptions } from 'flexsearch';
import English from 'flexsearch/lang/en';
import type { KnowledgeData } from '../knowledge/schema.ts';
import { answer } from '../src/answer.ts';
import { indexKnowledge } from '../src/knowledge-index.ts';
import { loadKnowledge } from '../src/knowledge-loader.ts';
import { generateKnowledge, questionMix } from './synthetic-knowledge.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOP = 5;

/** One engine on one base: built from the in-memory facts, then asked one question at a time. */
interface Engine {
  name: string;
  build: (data: KnowledgeData) => (question: string) => boolean;
}

interface Row {
  base: string;
  engine: string;
  facts: number;
  buildMs: number;
  heapMB: number;
  firstMs: number;
  p50: number;
  p99: number;
  /** p99 over each distinct question's median time: the per-question cost without scheduler jitter. */
  p99OfMedians: number;
  /** FlexSearch: questions with at least one fact found; core: questions answered (not declined). */
  nonEmpty: number;
  questions: number;
}

function flexsearch(name: string, options: () => IndexOptions): Engine {
  return {
    name,
    build: (data) => {
      // Default options keep no result cache, so a repeated question is searched again each time.
      const index = new Index(options());
      data.facts.forEach((fact, i) => index.add(i, fact.text));
      // suggest: rank partial matches too; without it every word of the question must match.
      return (question) => index.search(question, { limit: TOP, suggest: true }).length > 0;
    },
  };
}

const CORE: Engine = {
  name: 'core answer()',
  build: (data) => {
    // A shallow copy: indexKnowledge caches per data object, so each build is a real build.
    const index = indexKnowledge({ ...data });
    return (question) => answer(question, index).status === 'answered';
  },
};

const ENGINES: Engine[] = [
  CORE,
  flexsearch('FlexSearch Index (default: strict words)', () => ({})),
  // Prefix matching and a phonetic encoder: the nearest FlexSearch gets to the core's typo tolerance.
  flexsearch('FlexSearch Index (forward, LatinBalance)', () => ({ tokenize: 'forward', encoder: Charset.LatinBalance })),
  // The same with FlexSearch's English pack: stop words ("which", "the", "in") dropped, stems.
  flexsearch('FlexSearch Index (forward, LatinBalance, English)', () => ({ tokenize: 'forward', encoder: new Encoder(Charset.LatinBalance).assign(English) })),
];

function heapMB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// Timed as bench/bench.ts times answer(): warm up twice over the whole mix, collect the garbage,
// then time each question on its own. Pauses during timing (GC, scheduling) still count.
function measure(base: string, engine: Engine, data: KnowledgeData, questions: string[], rounds: number): Row {
  const before = heapMB();
  const t0 = performance.now();
  const ask = engine.build(data);
  const buildMs = performance.now() - t0;
  const heap = heapMB() - before;
  // The first question also pays for what is built lazily per base (the core's phrase tables).
  const f0 = performance.now();
  ask(questions[0]!);
  const firstMs = performance.now() - f0;
  for (let r = 0; r < 2; r++) for (const q of questions) ask(q);
  globalThis.gc?.();
  const times: number[] = [];
  const byQuestion = new Map<string, number[]>();
  let nonEmpty = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const s = performance.now();
      const found = ask(q);
      const ms = performance.now() - s;
      times.push(ms);
      if (found) nonEmpty++;
      const list = byQuestion.get(q);
      if (list) list.push(ms);
      else byQuestion.set(q, [ms]);
    }
  }
  times.sort((a, b) => a - b);
  const medians = [...byQuestion.values()].map((t) => percentile(t.sort((a, b) => a - b), 50)).sort((a, b) => a - b);
  return {
    base,
    engine: engine.name,
    facts: data.facts.length,
    buildMs,
    heapMB: heap,
    firstMs,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    p99OfMedians: percentile(medians, 99),
    nonEmpty: nonEmpty / times.length,
    questions: times.length,
  };
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

function main() {
  const real = loadKnowledge(resolve(ROOT, 'knowledge'));
  const realQuestions = questionMix(real, 400, 1);
  // Loads what every process loads once (lexicon and word tables, the JIT's first pass) on a
  // throwaway copy, so no engine's first base pays for it.
  answer(realQuestions[0]!, indexKnowledge({ ...real }));

  if (process.argv.includes('--profile-core')) {
    const r = measure('real', CORE, real, realQuestions, 25);
    console.log(`core answer(), real base, ${r.questions} questions: p50 ${fmt(r.p50, 3)} ms, p99 ${fmt(r.p99, 3)} ms`);
    return;
  }

  const bases: { base: string; data: KnowledgeData; questions: string[]; rounds: number }[] = [{ base: 'real', data: real, questions: realQuestions, rounds: 5 }];
  for (const size of [10_000, 100_000]) {
    const data = generateKnowledge(size, real);
    bases.push({ base: `synthetic ${size.toLocaleString('en-GB')}`, data, questions: questionMix(data, 400, size), rounds: size > 50_000 ? 3 : 5 });
  }
  const rows: Row[] = [];
  for (const b of bases) for (const engine of ENGINES) rows.push(measure(b.base, engine, b.data, b.questions, b.rounds));

  console.log('\nThe core\'s answer() against FlexSearch retrieval (same bases, same realistic question mix with typos, dates and out-of-scope questions)');
  console.log(`Not like for like: FlexSearch only retrieves the top ${TOP} facts by their text; answer() does the full understanding and composes a cited answer or declines.\n`);
  console.log('| knowledge base | engine | facts | build ms | heap MB | first question ms | p50 ms | p99 ms | p99 of per-question medians ms | found / answered | questions timed |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.base} | ${r.engine} | ${r.facts.toLocaleString('en-GB')} | ${fmt(r.buildMs, 0)} | ${fmt(r.heapMB, 1)} | ${fmt(r.firstMs, 2)} | ${fmt(r.p50, 3)} | ${fmt(r.p99, 3)} | ${fmt(r.p99OfMedians, 3)} | ${fmt(100 * r.nonEmpty, 0)}% | ${r.questions} |`);
  }
  console.log('\nbuild ms: from facts already in memory (the core indexes facts, forces, aliases and events; FlexSearch the facts\' text only).');
  console.log('found / answered: FlexSearch, questions with at least one fact returned; the core, questions answered rather than declined (a decline is a correct answer to an out-of-scope question).');
  console.log('p99 counts every pause while timing (GC, and scheduling on a shared 2-core VM); the per-question-median column shows what each question costs.');
}

main();
