// The first date reader, kept while the core moves to recogniseDates: finds day, month and year
// expressions in a question with a few regexes; and reads a date typed on its own (slash-command
// options), with a clear problem for impossible dates. Pure.

import { daysInMonth, isValidDate, pad } from './calendar.ts';
import type { DateExpression, DateProblem } from './date-types.ts';
import { rangeOf } from './partial-dates.ts';
import { MAX_DATE_TEXT, recogniseDates } from './recognise-dates.ts';
import { tokenize } from './tokens.ts';

const MONTH_INDEX = new Map<string, number>();
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach((name, i) => {
  MONTH_INDEX.set(name, i + 1);
  MONTH_INDEX.set(name.slice(0, 3), i + 1);
});
MONTH_INDEX.set('sept', 9);

const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR = '((?:19|20)\\d{2})';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
// An optional comma between words. Written so that a long run of spaces is tried only a bounded
// number of ways: "\s*,?\s+" backtracked over every split of the run (2.9 s for 50,000 spaces).
const COMMA = '(?:\\s*,\\s*|\\s+)';

/** Where a pattern matched text that is no date at all: consumed so nothing else reads it. */
const IMPOSSIBLE = 'impossible';

const PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => string | undefined }[] = [
  // 2022-06-30, 2022-06
  { re: /\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/g, build: (m) => (m[3] ? iso(+m[1]!, +m[2]!, +m[3]) : +m[2]! >= 1 && +m[2]! <= 12 ? `${m[1]}-${m[2]}` : IMPOSSIBLE) ?? IMPOSSIBLE },
  // 30/06/2022 (UK order)
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, build: (m) => iso(+m[3]!, +m[2]!, +m[1]!) ?? IMPOSSIBLE },
  // end of June 2022 / start of June 2022
  {
    re: new RegExp(`\\b(end|close|start|beginning)\\s+of\\s+${MONTH_WORD}${COMMA}${YEAR}\\b`, 'g'),
    build: (m) => {
      const month = MONTH_INDEX.get(monthKey(m[2]!))!;
      const year = +m[3]!;
      return iso(year, month, m[1] === 'end' || m[1] === 'close' ? daysInMonth(year, month) : 1);
    },
  },
  // 30 June 2022, 30th of June 2022
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH_WORD}${COMMA}${YEAR}\\b`, 'g'), build: (m) => iso(+m[3]!, MONTH_INDEX.get(monthKey(m[2]!))!, +m[1]!) },
  // June 30, 2022
  { re: new RegExp(`\\b${MONTH_WORD}\\s+${DAY}${COMMA}${YEAR}\\b`, 'g'), build: (m) => iso(+m[3]!, MONTH_INDEX.get(monthKey(m[1]!))!, +m[2]!) },
  // December 2022, dec 2022, 12/2022
  { re: new RegExp(`\\b${MONTH_WORD}${COMMA}${YEAR}\\b`, 'g'), build: (m) => `${m[2]}-${pad(MONTH_INDEX.get(monthKey(m[1]!))!)}` },
  { re: /\b(\d{1,2})\/(\d{4})\b/g, build: (m) => (+m[1]! >= 1 && +m[1]! <= 12 ? `${m[2]}-${pad(+m[1]!)}` : undefined) },
  // end of 2022 / start of 2023
  { re: new RegExp(`\\b(end|close|start|beginning)\\s+of\\s+${YEAR}\\b`, 'g'), build: (m) => (m[1] === 'end' || m[1] === 'close' ? `${m[2]}-12-31` : `${m[2]}-01-01`) },
  // 2022
  { re: new RegExp(`\\b${YEAR}\\b`, 'g'), build: (m) => m[1] },
];

function monthKey(word: string): string {
  const w = word.toLowerCase();
  return MONTH_INDEX.has(w) ? w : w.slice(0, 3);
}

function iso(y: number, m: number, d: number): string | undefined {
  return isValidDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

const OPENER = /\b(since|after|from|before|until|till|up to|prior to)\s+$/;

/**
 * Finds date expressions in a question, most specific first and without overlaps:
 * "Which forces were in Engage at the end of June 2022?" → 2022-06-30. Reads at most
 * MAX_DATE_TEXT characters, in time linear in their length.
 */
export function findDates(question: string): DateExpression[] {
  const text = question.slice(0, MAX_DATE_TEXT).toLowerCase();
  const taken = new Uint8Array(text.length + 1);
  const found: DateExpression[] = [];
  for (const { re, build } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const from = m.index;
      const to = from + m[0].length;
      // Matches never overlap earlier ones, so checking both ends and the start is enough.
      if (taken[from] || taken[to - 1] || taken.subarray(from, to).includes(1)) continue;
      const date = build(m);
      if (!date) continue;
      taken.fill(1, from, to);
      if (date === IMPOSSIBLE) continue;
      found.push({ date, range: rangeOf(date), matched: m[0], index: from });
    }
  }
  // "since 2019" means from 2019 on; "before 2022" everything up to it.
  for (const d of found) {
    // Only the few characters before the date can hold its opening word.
    const windowStart = Math.max(0, d.index - 24);
    const word = OPENER.exec(text.slice(windowStart, d.index));
    if (!word) continue;
    const w = word[1]!;
    if (w === 'since' || w === 'after' || w === 'from') {
      d.open = 'after';
      d.range = { start: w === 'after' ? d.range.end + 1 : d.range.start, end: Number.POSITIVE_INFINITY };
    } else {
      d.open = 'before';
      d.range = { start: Number.NEGATIVE_INFINITY, end: w === 'before' || w === 'prior to' ? d.range.start - 1 : d.range.end };
    }
    // The preposition is part of the date expression ("since 2019"), not a word of the question.
    const start = windowStart + word.index;
    d.matched = text.slice(start, d.index + d.matched.length);
    d.index = start;
    d.openWord = w;
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A date typed on its own is short; anything longer is refused before it is read. */
export const MAX_DATE_INPUT = 100;

/** A failure is `impossible` when the input is a date that cannot exist ("31 February 2023"), not merely unreadable. */
export type DateInputResult = { ok: true; date: DateExpression } | { ok: false; problem: DateProblem; impossible: boolean };

const FILLER = new Set(['in', 'on', 'at', 'the', 'during', 'of', ',', '.', '?', '!']);
const EXAMPLES = 'e.g. 2022-12-01, December 2022, summer 2024 or 2023';

/**
 * Reads one date or period typed on its own (a slash-command option): the date, or a problem
 * whose message can be shown as it is. Never echoes the input in the message (the adapter
 * decides how to quote it). `today` (YYYY-MM-DD) lets "last year" be read; without it, a date
 * relative to today is refused.
 */
export function parseDateInputChecked(input: string, options: { today?: string } = {}): DateInputResult {
  const problem = (message: string): DateInputResult => ({ ok: false, problem: { matched: input.slice(0, MAX_DATE_INPUT), index: 0, message }, impossible: false });
  const trimmed = input.trim();
  if (trimmed === '') return problem(`No date was given: write one, ${EXAMPLES}.`);
  if (trimmed.length > MAX_DATE_INPUT) return problem(`That is too long to be a date (${MAX_DATE_INPUT} characters at most): write one, ${EXAMPLES}.`);
  const found = recogniseDates(trimmed, { today: options.today ?? '2000-01-01' });
  if (found.problems.length > 0) return { ok: false, problem: found.problems[0]!, impossible: true };
  if (found.dates.length !== 1) {
    return problem(found.dates.length === 0 ? `That could not be read as a date: write one, ${EXAMPLES}.` : `Give one date or period, ${EXAMPLES}.`);
  }
  const only = found.dates[0]!;
  if (only.relativeToToday && options.today === undefined) return problem(`Give the date itself, ${EXAMPLES}: "${only.matched}" depends on today's date.`);
  // The whole input must be the date, allowing "in"/"on" and punctuation around it.
  const rest = tokenize(trimmed.slice(0, only.index) + ' ' + trimmed.slice(only.index + only.matched.length));
  if (rest.some((t) => !FILLER.has(t.text))) return problem(`That could not be read as one date: write one, ${EXAMPLES}.`);
  return { ok: true, date: only };
}

/**
 * Parses one date given on its own; undefined if it is not a day, month or year (or is
 * impossible). Kept for callers that turn `date` back into words; parseDateInputChecked says why.
 */
export function parseDateInput(input: string): DateExpression | undefined {
  const result = parseDateInputChecked(input);
  if (!result.ok) return undefined;
  const { date } = result;
  const simple = date.open === undefined && (date.precision === 'day' || date.precision === 'month' || date.precision === 'year');
  return simple ? date : undefined;
}
