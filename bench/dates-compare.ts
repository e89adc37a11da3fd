// Compares our date recogniser with chrono-node and @microsoft/recognizers-text-date-time on
// labelled questions (test/support/date-cases.ts): how many each reads right, ms per question,
// and the cost of importing each in a fresh process. The two libraries are not dependencies:
//   npm install --no-save chrono-node@2.10.3 @microsoft/recognizers-text-date-time@1.3.2
//   node bin/run-ts.js bench/dates-compare.ts
// A library that is not installed is left out; the eval sets are read from ../shared/eval.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { recogniseDates, rangeOf } from '../src/dates.ts';
import { EVAL_LABELS, OWN_CASES, type Expectation, type Period } from '../test/support/date-cases.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DIR = resolve(ROOT, '..', 'shared', 'eval');
const TODAY = '2026-12-01';
const REF = new Date(Date.UTC(2026, 11, 1, 12));

type Reader = (text: string) => { periods: Period[]; problem: boolean };

interface Case {
  set: string;
  id: string;
  text: string;
  expect: Expectation;
}

/** The working half of reporters.jsonl (odd ids), all of dev.jsonl, and our own list. */
function loadCases(): Case[] {
  const cases: Case[] = OWN_CASES.map(([text, expect], n) => ({ set: 'own', id: `own${n + 1}`, text, expect }));
  for (const [file, labels] of Object.entries(EVAL_LABELS)) {
    const path = join(EVAL_DIR, file);
    if (!existsSync(path)) {
      console.log(`(${file} not found beside the repo: its questions are left out)`);
      continue;
    }
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { id, q } = JSON.parse(line) as { id: string; q: string };
      // The check half of reporters.jsonl (even ids) is for measuring the bot, never for tuning.
      if (file === 'reporters.jsonl' && Number(id.replace(/\D/g, '')) % 2 === 0) continue;
      cases.push({ set: file, id, text: q, expect: labels[id] ?? { dates: [] } });
    }
  }
  return cases;
}

const iso = (day: number): string => (day === Number.POSITIVE_INFINITY ? '+inf' : day === Number.NEGATIVE_INFINITY ? '-inf' : new Date(day * 86_400_000).toISOString().slice(0, 10));
const key = (periods: Period[]) => periods.map((p) => p.join('..')).sort().join(' ');

const ours: Reader = (text) => {
  const r = recogniseDates(text, { today: TODAY });
  return { periods: r.dates.map((d) => [iso(d.range.start), iso(d.range.end)]), problem: r.problems.length > 0 };
};

/** The little of chrono-node's API used here (typed by hand: it is not a dependency). */
interface ChronoComponents {
  get(unit: 'year' | 'month' | 'day'): number | null;
  isCertain(unit: 'year' | 'month' | 'day'): boolean;
}
interface ChronoModule {
  en: { GB: { parse(text: string, ref: Date): { start: ChronoComponents; end?: ChronoComponents | null }[] } };
}

/** Imports an optional package by a name TypeScript does not resolve, so the bench type-checks without it. */
const importOptional = (name: string): Promise<unknown> => import(name);

async function loadChrono(): Promise<Reader | undefined> {
  try {
    const chrono = (await importOptional('chrono-node')) as ChronoModule;
    return (text) => {
      const periods: Period[] = [];
      for (const r of chrono.en.GB.parse(text, REF)) {
        const part = (c: ChronoComponents, end: boolean): string => {
          const yy = c.get('year')!;
          const mm = c.get('month')!;
          if (c.isCertain('day')) return `${yy}-${String(mm).padStart(2, '0')}-${String(c.get('day')).padStart(2, '0')}`;
          const range = rangeOf(c.isCertain('month') ? `${yy}-${String(mm).padStart(2, '0')}` : String(yy));
          return iso(end ? range.end : range.start);
        };
        periods.push([part(r.start, false), part(r.end ?? r.start, true)]);
      }
      return { periods, problem: false };
    };
  } catch {
    console.log('(chrono-node not installed: left out)');
    return undefined;
  }
}

async function loadRecognizers(): Promise<Reader | undefined> {
  try {
    const mod = (await importOptional('@microsoft/recognizers-text-date-time')) as {
      default?: { recognizeDateTime: Function };
      recognizeDateTime?: Function;
    };
    const recognize = (mod.recognizeDateTime ?? mod.default!.recognizeDateTime) as (t: string, c: string, o: unknown, r: Date) => { typeName: string; resolution?: { values?: Record<string, string>[] } }[];
    const dayBefore = (s: string) => iso(rangeOf(s).start - 1);
    return (text) => {
      const periods: Period[] = [];
      for (const r of recognize(text, 'en-us', undefined, REF)) {
        const values = r.resolution?.values ?? [];
        // Two values mean "this one or the next": take the one not after today.
        const v = values.length > 1 ? (values.find((x) => (x.start ?? x.value ?? '') <= TODAY) ?? values[0]) : values[0];
        if (!v || v.value === 'not resolved' || !/date/.test(v.type ?? '')) continue;
        if (v.type === 'date' || v.type === 'datetime') {
          if (v.value) periods.push([v.value.slice(0, 10), v.value.slice(0, 10)]);
        } else if (v.start && v.end) periods.push([v.start.slice(0, 10), dayBefore(v.end.slice(0, 10))]);
        else if (v.start) periods.push([v.start.slice(0, 10), '+inf']);
        else if (v.end) periods.push(['-inf', dayBefore(v.end.slice(0, 10))]);
      }
      return { periods, problem: false };
    };
  } catch {
    console.log('(@microsoft/recognizers-text-date-time not installed: left out)');
    return undefined;
  }
}

/** Milliseconds from a fresh process's start to the module being imported (median of 5). */
function importCost(specifier: string): number | undefined {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const code = `const t=performance.now();await import(${JSON.stringify(specifier)});console.log(performance.now()-t)`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) return undefined;
    times.push(Number(r.stdout.trim()));
  }
  return times.sort((a, b) => a - b)[2];
}

/**
 * Our recogniser as the app ships it, bundled by esbuild (not through tsx, which wraps every
 * closure), so its speed and import cost compare fairly with the libraries' plain JavaScript.
 */
async function bundledOurs(): Promise<{ read: Reader; importMs: number | undefined }> {
  const dir = mkdtempSync(join(tmpdir(), 'dates-bench-'));
  try {
    const { build } = await import('esbuild');
    const out = join(dir, 'dates.mjs');
    await build({ entryPoints: [resolve(ROOT, 'src/dates.ts')], outfile: out, bundle: true, format: 'esm', platform: 'node', logLevel: 'silent' });
    const mod = (await import(pathToFileURL(out).href)) as typeof import('../src/dates.ts');
    const read: Reader = (text) => {
      const r = mod.recogniseDates(text, { today: TODAY });
      return { periods: r.dates.map((d) => [iso(d.range.start), iso(d.range.end)]), problem: r.problems.length > 0 };
    };
    return { read, importMs: importCost(out) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const cases = loadCases();
  const bundled = await bundledOurs();
  const readers: [string, Reader | undefined, string | undefined][] = [
    ['ours (src/time)', ours, undefined],
    ['chrono-node 2.10.3 (en.GB)', await loadChrono(), 'chrono-node'],
    ['recognizers-text-date-time 1.3.2', await loadRecognizers(), '@microsoft/recognizers-text-date-time'],
  ];
  const sets = [...new Set(cases.map((c) => c.set))];
  console.log(`\nDate recognition on ${cases.length} questions (today = ${TODAY}); right = exactly the periods meant, or no date where none is meant (or for an impossible date)\n`);
  console.log(`| recogniser | ${sets.map((s) => `${s} right`).join(' | ')} | all right | dated right | µs per question | import ms |`);
  console.log(`|---|${sets.map(() => '---:').join('|')}|---:|---:|---:|---:|`);
  const misses = new Map<string, string[]>();
  for (const [name, read, specifier] of readers) {
    if (!read) continue;
    const wrong: string[] = [];
    const bySet = new Map<string, [number, number]>();
    let dated = 0;
    let datedRight = 0;
    for (const c of cases) {
      const got = read(c.text);
      const ok = key(got.periods) === key(c.expect.dates) && (c.expect.problem ? got.problem || name !== 'ours (src/time)' : !got.problem);
      const [r, n] = bySet.get(c.set) ?? [0, 0];
      bySet.set(c.set, [r + (ok ? 1 : 0), n + 1]);
      if (c.expect.dates.length > 0 || c.expect.problem) {
        dated++;
        if (ok) datedRight++;
      }
      if (!ok) wrong.push(`${c.id}: expected ${key(c.expect.dates) || (c.expect.problem ? 'a problem' : 'none')}, got ${key(got.periods) || 'none'}${got.problem ? ' +problem' : ''}  «${c.set === 'own' ? c.text : c.id}»`);
    }
    // Time: the best of five passes after two warm-up passes (the machine is shared).
    const timed = specifier ? read : bundled.read;
    for (let p = 0; p < 2; p++) for (const c of cases) timed(c.text);
    let perQuestion = Number.POSITIVE_INFINITY;
    for (let p = 0; p < 5; p++) {
      const t0 = performance.now();
      for (const c of cases) timed(c.text);
      perQuestion = Math.min(perQuestion, ((performance.now() - t0) / cases.length) * 1000);
    }
    const imp = specifier ? importCost(specifier) : bundled.importMs;
    const right = [...bySet.values()].reduce((s, [r]) => s + r, 0);
    console.log(`| ${name} | ${sets.map((s) => `${bySet.get(s)![0]}/${bySet.get(s)![1]}`).join(' | ')} | ${right}/${cases.length} | ${datedRight}/${dated} | ${perQuestion.toFixed(0)} | ${imp === undefined ? '?' : imp.toFixed(0)} |`);
    misses.set(name, wrong);
  }
  const anchorCases = cases.filter((c) => c.expect.anchors);
  const anchorsRight = anchorCases.filter((c) => recogniseDates(c.text, { today: TODAY }).anchors.length === c.expect.anchors).length;
  const falseAnchors = cases.filter((c) => !c.expect.anchors && recogniseDates(c.text, { today: TODAY }).anchors.length > 0).map((c) => `${c.set}:${c.id}`);
  console.log(`\nEvent anchors (ours only; neither library has them): ${anchorsRight}/${anchorCases.length} found, ${falseAnchors.length} false${falseAnchors.length ? ` (${falseAnchors.join(', ')})` : ''}.`);
  console.log('Impossible dates: only ours says why; a library counts as right there when it reads no date.');
  for (const [name, wrong] of misses) {
    console.log(`\nMisread by ${name} (${wrong.length}):`);
    for (const w of wrong) console.log(`  ${w}`);
  }
}

await main();
