// Checks against the shared material beside the project (../shared): the dev question set must
// score ≥ 95% answered and ≥ 95% declined, every quote must appear verbatim in its source text,
// and the article sources must use the manifest's ids. Skips with a note in a bare clone.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBotCore } from '../../src/create-bot-core.ts';
import { evaluate, parseEvalCases } from '../../src/evaluate.ts';
import { validateKnowledge } from '../../src/knowledge-loader.ts';
import { KNOWLEDGE_DIR, SHARED_AVAILABLE, SHARED_DIR, loadBundledKnowledge } from '../support/knowledge.ts';

if (!SHARED_AVAILABLE) {
  console.warn(`note: ../shared is not beside the project (${SHARED_DIR}): skipping the dev-set score, verbatim-quote and manifest checks.`);
}

describe.skipIf(!SHARED_AVAILABLE)(SHARED_AVAILABLE ? 'shared material (../shared)' : 'shared material — skipped: ../shared not found beside the project', () => {
  it('answers every dev question right and declines every one it must', () => {
    const knowledge = loadBundledKnowledge();
    const core = createBotCore(knowledge);
    const cases = parseEvalCases(readFileSync(resolve(SHARED_DIR, 'eval', 'dev.jsonl'), 'utf8'));
    const summary = evaluate(cases, (q) => core.ask(q), knowledge);
    const misses = summary.results.filter((r) => !r.ok).map((r) => `${r.case.id} ${r.case.q}: ${r.why}`);
    // dev.jsonl is tuned on: it stays 100/100 (issue: understanding that generalises).
    expect(misses).toEqual([]);
  });

  it('finds every quote verbatim in its source text, in the cited paragraph', () => {
    const report = validateKnowledge(KNOWLEDGE_DIR, { sourceTextDir: resolve(SHARED_DIR, 'sources') });
    expect(report.problems).toEqual([]);
    expect(report.notices.filter((n) => /not checked verbatim/.test(n))).toEqual([]);
    const quoted = [...report.data!.facts, ...report.data!.events].flatMap((x) => x.citations).filter((c) => c.quote);
    expect(quoted.length).toBeGreaterThan(10);
  });

  it('uses the manifest ids and files for the three articles', () => {
    const manifest = JSON.parse(readFileSync(resolve(SHARED_DIR, 'sources', 'manifest.json'), 'utf8')) as { sources: { id: string; file: string }[] };
    const sources = new Map(loadBundledKnowledge().sources.map((s) => [s.id, s]));
    for (const m of manifest.sources) expect(sources.get(m.id)?.file, m.id).toBe(m.file);
  });

  it('states facts in our own words: no run of 10 or more words copied from an article outside quotation marks', () => {
    const words = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9']+/g) ?? [];
    const articles = loadBundledKnowledge()
      .sources.filter((s) => s.file)
      .map((s) => new Set(ngrams(words(readFileSync(resolve(SHARED_DIR, 'sources', s.file!), 'utf8')), 10)));
    const copied = loadBundledKnowledge()
      .facts.map((f) => ({ id: f.id, runs: ngrams(words(f.text.replace(/["“][^"”]*["”]/g, ' … ')), 10) }))
      .filter(({ runs }) => runs.some((run) => articles.some((a) => a.has(run))))
      .map(({ id }) => id);
    expect(copied).toEqual([]);
  });

  it('cites every article at least once', () => {
    const knowledge = loadBundledKnowledge();
    const cited = new Set(knowledge.facts.flatMap((f) => f.citations.map((c) => c.source)));
    for (const s of knowledge.sources.filter((x) => x.file)) expect(cited.has(s.id), s.id).toBe(true);
  });
});

function ngrams(words: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}
