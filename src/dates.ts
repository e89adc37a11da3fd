// Partial dates (YYYY, YYYY-MM, YYYY-MM-DD): ranges, human formatting, and date expressions
// found in questions ("in December 2022", "on 30 June 2022", "end of June 2022"). Pure.

export type Precision = 'year' | 'month' | 'day';

/** A span of days, inclusive, as days since 1970-01-01 (UTC). */
export interface DayRange {
  start: number;
  end: number;
}

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const MONTH_INDEX = new Map<string, number>();
MONTHS.forEach((name, i) => {
  MONTH_INDEX.set(name.toLowerCase(), i + 1);
  MONTH_INDEX.set(name.slice(0, 3).toLowerCase(), i + 1);
});
MONTH_INDEX.set('sept', 9);

const DAY_MS = 86_400_000;

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function precisionOf(date: string): Precision {
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}

/** The days a partial date may stand for: "2022-06" is 1–30 June 2022. */
export function rangeOf(date: string): DayRange {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return { start: dayNumber(y, 1, 1), end: dayNumber(y, 12, 31) };
  if (d === undefined) return { start: dayNumber(y, m, 1), end: dayNumber(y, m, daysInMonth(y, m)) };
  const day = dayNumber(y, m, d);
  return { start: day, end: day };
}

/** "28 June 2022", "June 2022" or "2019", as a newsroom would write them. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return String(y);
  const month = MONTHS[m - 1] ?? '?';
  if (d === undefined) return `${month} ${y}`;
  return `${d} ${month} ${y}`;
}

/** Orders partial dates by their first possible day, then by precision (coarser first). */
export function compareDates(a: string, b: string): number {
  return rangeOf(a).start - rangeOf(b).start || a.length - b.length;
}

/** Whole months between two days, for "how long" answers ("about 22 months"). */
export function describeDuration(fromDay: number, toDay: number): string {
  const days = Math.max(0, toDay - fromDay);
  const months = Math.round(days / 30.44);
  if (months < 1) return `${days} day${days === 1 ? '' : 's'}`;
  if (months < 24) return `${months} month${months === 1 ? '' : 's'}`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0 ? `${years} years` : `${years} years and ${rest} month${rest === 1 ? '' : 's'}`;
}

/** A date or period the question asks about. */
export interface DateExpression {
  /** The partial date it names, e.g. "2022-12" or "2022-06-30". */
  date: string;
  range: DayRange;
  /** The words it was read from, e.g. "December 2022". */
  matched: string;
  /** Where in the (lower-cased) question it was found. */
  index: number;
  /** "since 2019" / "after June 2022" (open to the newest record) or "before 2022" / "until …". */
  open?: 'after' | 'before';
  /** The word that opened it: "since", "after", "before", "until" … */
  openWord?: string;
}

const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR = '((?:19|20)\\d{2})';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

const PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => string | undefined }[] = [
  // 2022-06-30, 2022-06
  { re: /\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/g, build: (m) => (m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`) },
  // 30/06/2022 (UK order)
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, build: (m) => iso(+m[3]!, +m[2]!, +m[1]!) },
  // end of June 2022 / start of June 2022
  {
    re: new RegExp(`\\b(end|close|start|beginning)\\s+of\\s+${MONTH_WORD}\\s*,?\\s+${YEAR}\\b`, 'g'),
    build: (m) => {
      const month = MONTH_INDEX.get(monthKey(m[2]!))!;
      const year = +m[3]!;
      return iso(year, month, m[1] === 'end' || m[1] === 'close' ? daysInMonth(year, month) : 1);
    },
  },
  // 30 June 2022, 30th of June 2022
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH_WORD}\\s*,?\\s+${YEAR}\\b`, 'g'), build: (m) => iso(+m[3]!, MONTH_INDEX.get(monthKey(m[2]!))!, +m[1]!) },
  // June 30, 2022
  { re: new RegExp(`\\b${MONTH_WORD}\\s+${DAY}\\s*,?\\s+${YEAR}\\b`, 'g'), build: (m) => iso(+m[3]!, MONTH_INDEX.get(monthKey(m[1]!))!, +m[2]!) },
  // December 2022, dec 2022, 12/2022
  { re: new RegExp(`\\b${MONTH_WORD}\\s*,?\\s+${YEAR}\\b`, 'g'), build: (m) => `${m[2]}-${pad(MONTH_INDEX.get(monthKey(m[1]!))!)}` },
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

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function iso(y: number, m: number, d: number): string | undefined {
  if (!(m >= 1 && m <= 12) || !(d >= 1 && d <= daysInMonth(y, m))) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Finds date expressions in a question, most specific first and without overlaps:
 * "Which forces were in Engage at the end of June 2022?" → 2022-06-30.
 */
export function findDates(question: string): DateExpression[] {
  const text = question.toLowerCase();
  const taken: [number, number][] = [];
  const found: DateExpression[] = [];
  for (const { re, build } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const from = m.index;
      const to = from + m[0].length;
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      const date = build(m);
      if (!date) continue;
      taken.push([from, to]);
      found.push({ date, range: rangeOf(date), matched: m[0], index: from });
    }
  }
  // "since 2019" means from 2019 on; "before 2022" everything up to it.
  for (const d of found) {
    const before = text.slice(0, d.index);
    const word = /\b(since|after|from|before|until|till|up to|prior to)\s+$/.exec(before);
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
    d.matched = text.slice(word.index, d.index + d.matched.length);
    d.index = word.index;
    d.openWord = w;
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Parses one date given on its own (e.g. a slash-command option); undefined if it is not a date. */
export function parseDateInput(input: string): DateExpression | undefined {
  const trimmed = input.trim();
  if (!trimmed) return undefined;
  const found = findDates(trimmed);
  if (found.length !== 1) return undefined;
  const only = found[0]!;
  // The whole input must be the date (allowing "in"/"on" and punctuation around it).
  const rest = trimmed.toLowerCase().replace(only.matched, '').replace(/\b(in|on|at|the)\b|[\s,.?]/g, '');
  return rest === '' ? only : undefined;
}
