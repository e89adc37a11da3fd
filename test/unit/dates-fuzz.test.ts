// Seeded, deterministic fuzz test for the date readers: a few thousand texts built from date-ish
// words and hostile characters never throw, never overlap, and never yield a broken label.
// (How long they take is measured in bench/dates-bench.ts, not here.)

import { describe, expect, it } from 'vitest';
import { findDates, formatDate, parseDateInputChecked, recogniseDates } from '../../src/dates.ts';

const PARTS = [
  'since', 'after', 'before', 'until', 'between', 'and', 'from', 'to', '-', '–', '/', '.', ',', 'the', 'of', 'in', 'on',
  'mid', 'early', 'late', 'end', 'start', 'first', 'half', 'quarter', 'q', 'h', 'summer', 'winter', 'easter', 'christmas',
  'last', 'this', 'past', 'year', 'years', 'months', 'ago', 'two', 'a', 'may', 'march', 'dec', 'decembr', 'sept', 'june',
  'friday', 'monday', 'the Met', 'West Mids', 'went', 'in', 'came', 'out', 'left', 'was', 'put', 'into', 'special measures',
  '0', '6', '6th', '12', '13', '29', '31', '00', '2019', '2022', '2023', '2024', '0000', '9999', '2022-13', '2023-02-31', '30/02/2022',
  '@everyone', '<@U123>', '😀', '\u0130', '\u00a0', '\t', '\n', '  ', '%', '£',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('date readers under generated input', () => {
  it('never throw, overlap or produce a broken label', () => {
    const next = rng(20261201);
    for (let n = 0; n < 3000; n++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 12) }, () => PARTS[Math.floor(next() * PARTS.length)]!);
      const text = words.join(next() < 0.8 ? ' ' : '');
      const found = recogniseDates(text, { today: '2026-12-01' });
      const spans = [...found.dates, ...found.problems, ...found.anchors].map((x) => [x.index, x.index + x.matched.length] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
      for (const d of found.dates) {
        expect(text.slice(d.index, d.index + d.matched.length)).toBe(d.matched);
        expect(d.range.start, `${text} → ${d.matched}`).toBeLessThanOrEqual(d.range.end);
        expect(d.label ?? '').not.toMatch(/undefined|NaN|\?/);
        expect(formatDate(d.date)).not.toMatch(/undefined|NaN|\?/);
      }
      for (const p of found.problems) expect(p.message).toMatch(/^[\w\d/ :.,-]+$/);
      for (const d of findDates(text)) expect(formatDate(d.date)).not.toMatch(/\?|NaN|undefined/);
      const typed = parseDateInputChecked(text);
      if (!typed.ok) expect(typed.problem.message).not.toMatch(/@everyone|<@/);
    }
  });
});
