// The date-reading figure for `npm run bench` (issue 9, defect 17: a 50,000-character date once
// stalled every interaction for 2.8 s): the worst time over hostile long inputs through every
// entry point that reads dates, and the cost of an ordinary question. Run alone:
//   node bin/run-ts.js bench/dates-bench.ts

import { findDates, parseDateInput, parseDateInputChecked, recogniseDates } from '../src/dates.ts';

const HOSTILE: [string, string][] = [
  ['month then 50,000 spaces', `december${' '.repeat(50_000)}x`],
  ['10,000 years', '2022 '.repeat(10_000)],
  ['10,000 ISO fragments', '2022-'.repeat(10_000)],
  ['8,000 "since"', `${'since '.repeat(8_000)}2022`],
  ['4,000 event phrases', 'after the Met went in '.repeat(4_000)],
  ['3,000 open ranges', `${'between march and '.repeat(3_000)}june 2023`],
  ['3,000 impossible dates', '31 february 2023 '.repeat(3_000)],
  ['6,000 misspelt months', 'decembr '.repeat(6_000)],
  ['25,000 digits and spaces', '1 '.repeat(25_000)],
];

const ORDINARY = [
  'Which forces were in Engage at the end of June 2022?',
  'Who left special measures between Janaury and August 2025?',
  'After West Mids got out in Sept 2024, which police forces were still in special measures?',
  'Which fire services were in Engage in summer 2024?',
  'Why was the Met put in special measures?',
];

export interface DatesBench {
  worst: { name: string; chars: number; ms: number };
  ordinaryMicroseconds: number;
}

export function benchDates(): DatesBench {
  const today = '2026-12-01';
  const readers: ((s: string) => unknown)[] = [
    (s) => findDates(s),
    (s) => recogniseDates(s, { today }),
    (s) => parseDateInput(s),
    (s) => parseDateInputChecked(s, { today }),
  ];
  for (const read of readers) for (const q of ORDINARY) read(q); // warm up
  // Best of three runs each: on a shared machine one run measures the neighbours as well.
  let worst = { name: '', chars: 0, ms: 0 };
  for (const [name, text] of HOSTILE) {
    for (const read of readers) {
      let best = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        read(text);
        best = Math.min(best, performance.now() - t0);
      }
      if (best > worst.ms) worst = { name, chars: text.length, ms: best };
    }
  }
  const rounds = 1_000;
  let ordinaryMicroseconds = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const q of ORDINARY) recogniseDates(q, { today });
    ordinaryMicroseconds = Math.min(ordinaryMicroseconds, ((performance.now() - t0) / (rounds * ORDINARY.length)) * 1000);
  }
  return { worst, ordinaryMicroseconds };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[2]?.endsWith('dates-bench.ts')) {
  const b = benchDates();
  console.log(`Dates: worst hostile input ${b.worst.ms.toFixed(2)} ms (${b.worst.name}, ${b.worst.chars.toLocaleString('en-GB')} characters); an ordinary question ${b.ordinaryMicroseconds.toFixed(1)} µs in recogniseDates (best of 5)`);
}
