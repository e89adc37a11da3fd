// `npm run bench`: load+index time, heap, and per-question latency (p50/p99) for the real
// knowledge base and for synthetic bases of 10,000 and 100,000 facts, plus the time from process
// start to the first answer. Prints a table; exits non-zero only if the bench itself fails.

import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeData } from '../knowledge/schema.ts';
import { answer } from '../src/answer.ts';
import { indexKnowledge } from '../src/knowledge-index.ts';
import { loadKnowledge } from '../src/knowledge-loader.ts';
import { generateKnowledge, questionMix } from './synthetic-knowledge.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Row {
  base: string;
  facts: number;
  loadMs: number;
  heapMB: number;
  p50: number;
  p99: number;
  /** p99 over each distinct question's median time: the per-question cost without scheduler jitter. */
  p99OfMedians: number;
  questions: number;
}

function heapMB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function measure(base: string, build: () => KnowledgeData, questions: string[], rounds: number): Row {
  const before = heapMB();
  const t0 = performance.now();
  const data = build();
  const index = indexKnowledge(data);
  const loadMs = performance.now() - t0;
  const heap = heapMB() - before;
  // Warm up on the whole mix (so the JIT has seen every route), collect the loading garbage,
  // then time each question on its own. Pauses during timing (GC, scheduling) still count.
  for (let r = 0; r < 2; r++) for (const q of questions) answer(q, index);
  globalThis.gc?.();
  const times: number[] = [];
  const byQuestion = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const s = performance.now();
      answer(q, index);
      const ms = performance.now() - s;
      times.push(ms);
      byQuestion.set(q, [...(byQuestion.get(q) ?? []), ms]);
    }
  }
  times.sort((a, b) => a - b);
  const medians = [...byQuestion.values()].map((t) => percentile(t.sort((a, b) => a - b), 50)).sort((a, b) => a - b);
  return {
    base,
    facts: data.facts.length,
    loadMs,
    heapMB: heap,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    p99OfMedians: percentile(medians, 99),
    questions: times.length,
  };
}

function startToFirstAnswer(runs: number): number[] {
  const times: number[] = [];
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(SLACK_|DISCORD_)/.test(k)) delete env[k];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [resolve(ROOT, 'bin', 'oversight.js'), 'ask', 'which forces are in Engage?'], { env, encoding: 'utf8' });
    const elapsed = performance.now() - t0;
    if (r.status !== 0 || !r.stdout.includes('Lincolnshire')) throw new Error(`start-to-answer run failed: ${r.stderr}`);
    times.push(elapsed);
  }
  return times.sort((a, b) => a - b);
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

async function main() {
  const real = loadKnowledge(resolve(ROOT, 'knowledge'));
  const realQuestions = questionMix(real, 400, 1);
  const rows: Row[] = [
    measure('real', () => loadKnowledge(resolve(ROOT, 'knowledge')), realQuestions, 5),
  ];
  for (const size of [10_000, 100_000]) {
    const synthetic = generateKnowledge(size, real);
    rows.push(measure(`synthetic ${size.toLocaleString('en-GB')}`, () => ({ ...synthetic, origins: new Map() }), questionMix(synthetic, 400, size), size > 50_000 ? 3 : 5));
  }

  console.log('\nAnswering (per question, realistic mix with typos, dates and out-of-scope questions)\n');
  console.log('| knowledge base | facts | load+index ms | heap MB | p50 ms | p99 ms | p99 of per-question medians ms | questions timed |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.base} | ${r.facts.toLocaleString('en-GB')} | ${fmt(r.loadMs, 0)} | ${fmt(r.heapMB, 1)} | ${fmt(r.p50, 3)} | ${fmt(r.p99, 3)} | ${fmt(r.p99OfMedians, 3)} | ${r.questions} |`);
  }
  console.log('\np99 counts every pause while timing (GC, and scheduling on a shared 2-core VM); the per-question-median column shows what each question costs.');

  const starts = startToFirstAnswer(7);
  console.log(`\nProcess start to first answer (\`oversight ask\`, real base, 7 runs): median ${fmt(percentile(starts, 50), 0)} ms, best ${fmt(starts[0]!, 0)} ms, worst ${fmt(starts.at(-1)!, 0)} ms`);

  const { benchDates } = await import('./dates-bench.ts');
  const dates = benchDates();
  console.log(`\nDate reading: worst hostile input ${fmt(dates.worst.ms, 2)} ms (${dates.worst.name}, ${dates.worst.chars.toLocaleString('en-GB')} characters, every date entry point); an ordinary question ${fmt(dates.ordinaryMicroseconds, 1)} µs in recogniseDates`);

  try {
    // The alerts fan-out figure, when the alerts bench exists.
    const alertsBench = resolve(ROOT, 'bench', 'alerts-bench.ts');
    const mod = (await import(alertsBench)) as { benchFanOut?: () => Promise<{ channels: number; seconds: number; perSecond: number; heapMB: number }> };
    if (mod.benchFanOut) {
      const f = await mod.benchFanOut();
      console.log(`\nAlert fan-out: one alert to ${f.channels.toLocaleString('en-GB')} channels against a fake server: ${fmt(f.seconds, 2)} s, ${fmt(f.perSecond, 0)} deliveries/s, heap +${fmt(f.heapMB, 1)} MB`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
}

await main();
