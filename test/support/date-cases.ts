// Labelled date questions for bench/dates-compare.ts and test/unit/dates-eval.test.ts, as periods
// of days: eval questions by id (their text stays in ../shared/eval), our own list with its text.
// Every other question of those sets is expected to hold no date.

/** A closed or open period: [first day, last day], "-inf"/"+inf" for an open end. */
export type Period = [string, string];

export interface Expectation {
  dates: Period[];
  /** An impossible date: the right reading is a problem, not a date. */
  problem?: true;
  /** How many event anchors ("when the Met went in") the question holds. */
  anchors?: number;
}

const y = (year: number): Period => [`${year}-01-01`, `${year}-12-31`];
const m = (ym: string): Period => {
  const [yy, mm] = ym.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return [`${ym}-01`, `${ym}-${String(last).padStart(2, '0')}`];
};
const d = (iso: string): Period => [iso, iso];

/** Working half of reporters.jsonl (odd ids only) and dev.jsonl, by id. Today: 2026-12-01. */
export const EVAL_LABELS: Record<string, Record<string, Expectation>> = {
  'reporters.jsonl': {
    d017: { dates: [], anchors: 1 },
    d019: { dates: [y(2019)] },
    d021: { dates: [d('2022-12-31')] },
    d023: { dates: [m('2024-09')], anchors: 1 },
    d025: { dates: [d('2024-01-01')] },
    d027: { dates: [m('2025-04')] },
    d029: { dates: [d('2022-12-31')] },
    d031: { dates: [['2019-01-01', '+inf']] },
    d035: { dates: [y(2022)] },
    d037: { dates: [y(2024)] },
    d039: { dates: [y(2025)] },
    d041: { dates: [m('2023-11')] },
    d043: { dates: [y(2024)] },
    d045: { dates: [['2025-01-01', '2025-08-31']] },
    d047: { dates: [y(2024)] },
    d049: { dates: [y(2022)] },
    d061: { dates: [], anchors: 1 },
    // "ive seen 31 july": no year, so the latest 31 July up to today; the answering stage re-reads it from the records.
    d075: { dates: [d('2026-07-31')] },
    d093: { dates: [y(2024)] },
    d095: { dates: [], anchors: 1 },
    d117: { dates: [m('2024-05')] },
    d161: { dates: [], anchors: 1 },
    d163: { dates: [], anchors: 1 },
    d171: { dates: [], anchors: 1 },
    d175: { dates: [m('2022-06')], anchors: 1 },
    d177: { dates: [m('2022-06')] },
    d193: { dates: [m('2022-03')] },
    x047: { dates: [y(2025)] },
    x051: { dates: [y(2023)] },
    x067: { dates: [y(2023)] },
  },
  'dev.jsonl': {
    d042: { dates: [m('2022-12')] },
    d047: { dates: [y(2025)] },
  },
};

/** Our own list: the forms issue 11 names, and words that must stay words. */
export const OWN_CASES: [string, Expectation][] = [
  ['Which forces were in Engage at Easter 2023?', { dates: [['2023-04-07', '2023-04-10']] }],
  ['Who was in special measures at Christmas 2022?', { dates: [d('2022-12-25')] }],
  ['Which forces were in Engage in summer 2024?', { dates: [['2024-06-01', '2024-08-31']] }],
  ['who was in engage in winter 2023', { dates: [['2023-12-01', '2024-02-29']] }],
  ['Who entered Engage in mid March 2023?', { dates: [['2023-03-11', '2023-03-20']] }],
  ['Who left in early March 2023?', { dates: [['2023-03-01', '2023-03-10']] }],
  ['Who left in late February 2024?', { dates: [['2024-02-21', '2024-02-29']] }],
  ['Which forces were in Engage at the start of 2024?', { dates: [d('2024-01-01')] }],
  ['Which forces were in Engage at the end of 2024?', { dates: [d('2024-12-31')] }],
  ['Who went into special measures in the first half of 2023?', { dates: [['2023-01-01', '2023-06-30']] }],
  ['Who left Engage in Q3 2023?', { dates: [['2023-07-01', '2023-09-30']] }],
  ['Who was in Engage in Dec. 2022?', { dates: [m('2022-12')] }],
  ['Who left in Sept 2023?', { dates: [m('2023-09')] }],
  ['who was in engage in decembr 2022', { dates: [m('2022-12')] }],
  ['Which forces were in special measures in Febuary 2023?', { dates: [m('2023-02')] }],
  ['who came out in agust 2024', { dates: [m('2024-08')] }],
  ['May I ask which forces are in Engage?', { dates: [] }],
  ['Which forces may be moved into Engage?', { dates: [] }],
  ['Did the march on Whitehall change anything?', { dates: [] }],
  ['Who entered Engage between March and June 2023?', { dates: [['2023-03-01', '2023-06-30']] }],
  ['Who left Engage from 2021 to 2023?', { dates: [['2021-01-01', '2023-12-31']] }],
  ['Who was in Engage March–June 2023?', { dates: [['2023-03-01', '2023-06-30']] }],
  ['Who left in 2022-2023?', { dates: [['2022-01-01', '2023-12-31']] }],
  ['Which forces have been in Engage since 2019?', { dates: [['2019-01-01', '+inf']] }],
  ['Who entered after June 2022?', { dates: [['2022-07-01', '+inf']] }],
  ['Was the Met in Engage before 2023?', { dates: [['-inf', '2022-12-31']] }],
  ['Who left special measures last year?', { dates: [y(2025)] }],
  ['Who has gone into Engage this year?', { dates: [y(2026)] }],
  ['Who left Engage in the past 12 months?', { dates: [['2025-12-02', '2026-12-01']] }],
  ['Who entered Engage two years ago?', { dates: [y(2024)] }],
  ['Who was in Engage on the 6th of December 2024?', { dates: [d('2024-12-06')] }],
  ['Who was in Engage on December 6, 2024?', { dates: [d('2024-12-06')] }],
  ['Who was in Engage on Friday 6 December 2024?', { dates: [d('2024-12-06')] }],
  ['Who was in Engage on 30 June 2022?', { dates: [d('2022-06-30')] }],
  ['Who was in Engage on 30/06/2022?', { dates: [d('2022-06-30')] }],
  ['Who was in Engage on 2022-06-30?', { dates: [d('2022-06-30')] }],
  ['Who was in Engage on 31 February 2023?', { dates: [], problem: true }],
  ['Who was in Engage on 2023-02-31?', { dates: [], problem: true }],
  ['Who was in Engage in 2022-13?', { dates: [], problem: true }],
  ['Who was in Engage on 0000-00-00?', { dates: [], problem: true }],
  ['Who was in Engage on 30/02/2022?', { dates: [], problem: true }],
  ['Are all 43 forces inspected?', { dates: [] }],
  ['Did the Met recruit 2000 officers?', { dates: [] }],
  ['Will Lincolnshire leave in 2 years?', { dates: [] }],
  ['Which forces will be in Engage in 2030?', { dates: [y(2030)] }],
  ['Which forces were still in after West Mids came out?', { dates: [], anchors: 1 }],
  ['Who else was in when the Met went in?', { dates: [], anchors: 1 }],
  ['Who has entered since GMP left?', { dates: [], anchors: 1 }],
  ['Was anyone in before Cleveland was put into special measures?', { dates: [], anchors: 1 }],
  ['When did the Met go into special measures?', { dates: [] }],
  ['How long was GMP in special measures for?', { dates: [] }],
  ['Which police forces are in special measures right now?', { dates: [] }],
  ['Who was the chief constable at the time?', { dates: [] }],
  ['Did anyone leave Engage between Janaury and August 2025?', { dates: [['2025-01-01', '2025-08-31']] }],
];
