// The labelled date questions (test/support/date-cases.ts) as a regression guard for our
// recogniser: our own list always, and the working half of reporters.jsonl plus dev.jsonl when
// ../shared is beside the project (skipped with a note when it is not).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recogniseDates } from '../../src/dates.ts';
import { EVAL_LABELS, OWN_CASES, type Expectation } from '../support/date-cases.ts';
import { PROJECT_ROOT } from '../support/knowledge.ts';

const TODAY = '2026-12-01';
const EVAL_DIR = join(PROJECT_ROOT, '..', 'shared', 'eval');
const iso = (day: number) => (day === Number.POSITIVE_INFINITY ? '+inf' : day === Number.NEGATIVE_INFINITY ? '-inf' : new Date(day * 86_400_000).toISOString().slice(0, 10));

function reading(text: string) {
  const r = recogniseDates(text, { today: TODAY });
  return { dates: r.dates.map((d) => [iso(d.range.start), iso(d.range.end)]), problem: r.problems.length > 0, anchors: r.anchors.length };
}
const expected = (e: Expectation) => ({ dates: e.dates, problem: e.problem === true, anchors: e.anchors ?? 0 });

describe('labelled date questions', () => {
  it.each(OWN_CASES)('%j', (text, expectation) => {
    expect(reading(text)).toEqual(expected(expectation));
  });

  const present = Object.keys(EVAL_LABELS).every((f) => existsSync(join(EVAL_DIR, f)));
  it.skipIf(!present)('reads the working half of reporters.jsonl and dev.jsonl as labelled (skipped without ../shared/eval)', () => {
    const wrong: string[] = [];
    for (const [file, labels] of Object.entries(EVAL_LABELS)) {
      for (const line of readFileSync(join(EVAL_DIR, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const { id, q } = JSON.parse(line) as { id: string; q: string };
        if (file === 'reporters.jsonl' && Number(id.replace(/\D/g, '')) % 2 === 0) continue; // the check half is not for tuning
        const got = reading(q);
        const want = expected(labels[id] ?? { dates: [] });
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${file} ${id}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
