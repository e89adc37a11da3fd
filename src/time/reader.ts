// The date grammar's shared reading kit: the token cursor, and the small readers every rule uses
// (a year, a day, a month word, a month-and-year), with the spans they build. Pure.

import { dayNumber, daysInMonth, isoFromDay, isValidDate, pad } from './calendar.ts';
import { describeSpan } from './date-labels.ts';
import type { DatePrecision } from './date-types.ts';
import { exactMonth, misspeltMonth } from './month-words.ts';
import { MONTHS } from './partial-dates.ts';
import type { Token } from './tokens.ts';

/** A resolved period: days start..end inclusive, with the partial date it starts on. */
export interface Span {
  start: number;
  end: number;
  date: string;
  precision: DatePrecision;
  label: string;
  approximate?: true;
  relative?: true;
  /** A day and month written without a year ("22 May"): the year was supplied by the reader. */
  yearless?: true;
  /** For "the end of 2024", "the start of June": the stretch a move said to happen then may fall in. */
  around?: { start: number; end: number };
}

/** A point that may still lack its year ("March" in "between March and June 2023"), or a span. */
export interface Piece {
  /** The token after the piece. */
  end: number;
  y?: number;
  m?: number;
  d?: number;
  span?: Span;
  problem?: string;
  /** A bare four-digit number, which may be a count ("2000 officers") rather than a year. */
  bareYear?: true;
}

export interface Today {
  y: number;
  m: number;
  d: number;
  day: number;
}

export interface Reader {
  t: Token[];
  today: Today;
}

export const word = (r: Reader, i: number): string | undefined => (r.t[i]?.kind === 'word' ? r.t[i]!.text : undefined);
export const punct = (r: Reader, i: number, chars: string): boolean => r.t[i]?.kind === 'punct' && chars.includes(r.t[i]!.text);
/** Token i is glued to the one before it (no space): "2022-06", "30/06/2022". */
export const glued = (r: Reader, i: number): boolean => r.t[i] !== undefined && !r.t[i]!.gap;

export function num(r: Reader, i: number, digits?: [number, number]): number | undefined {
  const tok = r.t[i];
  if (tok?.kind !== 'num') return undefined;
  if (digits && (tok.digits < digits[0] || tok.digits > digits[1])) return undefined;
  return tok.value;
}

/** A number glued to letters is part of a name or an id ("C2022", "2022abc", "<@U1999>"), not a date. */
export function inIdentifier(r: Reader, i: number): boolean {
  const before = r.t[i - 1];
  const after = r.t[i + 1];
  return (before?.kind === 'word' && !r.t[i]!.gap) || (after?.kind === 'word' && !after.gap && !r.t[i]!.ordinal);
}

/** A year written in words' company: 1900–2099 (the records start in 2019; nothing older matters). */
export function yearAt(r: Reader, i: number): number | undefined {
  const tok = r.t[i];
  if (tok?.kind !== 'num' || tok.digits !== 4 || tok.ordinal || inIdentifier(r, i)) return undefined;
  return tok.value >= 1900 && tok.value <= 2099 ? tok.value : undefined;
}

/** "'22" (an apostrophe glued to two digits) for 2022, as in "June '22". */
export function shortYearAt(r: Reader, i: number): number | undefined {
  if (!punct(r, i, "'’") || !glued(r, i + 1)) return undefined;
  const n = num(r, i + 1, [2, 2]);
  return n === undefined || inIdentifier(r, i + 1) ? undefined : 2000 + n;
}

/** A day of the month: 1–31, "6th". */
export function dayAt(r: Reader, i: number): number | undefined {
  const tok = r.t[i];
  if (tok?.kind !== 'num' || tok.digits > 2 || inIdentifier(r, i)) return undefined;
  return tok.value >= 0 && tok.value <= 31 ? tok.value : undefined;
}

/** A month word at i ("december", "dec", "dec.", "decembr"); misspellings only if `fuzzy`. */
export function monthAt(r: Reader, i: number, fuzzy: boolean): { m: number; end: number } | undefined {
  const w = word(r, i);
  if (!w) return undefined;
  let m = exactMonth(w);
  // A misspelt month counts only next to a number ("decembr 2022", "6 agust 2024") or where a
  // range needs a month ("between Janaury and August"): never an ordinary word on its own.
  if (m === undefined && (fuzzy || r.t[i + 1]?.kind === 'num')) m = misspeltMonth(w);
  if (m === undefined) return undefined;
  const end = punct(r, i + 1, '.') && glued(r, i + 1) ? i + 2 : i + 1;
  return { m, end };
}

export function spanOf(start: number, end: number, precision: DatePrecision, extra: Partial<Span> & { label?: string } = {}): Span {
  return { start, end, date: isoFromDay(start), precision, label: describeSpan(start, end), ...extra };
}

export function monthSpan(y: number, m: number, precision: DatePrecision = 'month', months = 1): Span {
  const last = new Date(Date.UTC(y, m - 1 + months - 1, 1));
  const ly = last.getUTCFullYear();
  const lm = last.getUTCMonth() + 1;
  const span = spanOf(dayNumber(y, m, 1), dayNumber(ly, lm, daysInMonth(ly, lm)), precision);
  // Whole months start on a month: "2024-06" for summer 2024, as for June 2024 itself.
  return { ...span, date: `${y}-${pad(m)}` };
}

export function yearSpan(y: number): Span {
  return { start: dayNumber(y, 1, 1), end: dayNumber(y, 12, 31), date: String(y), precision: 'year', label: String(y) };
}

export function daySpan(y: number, m: number, d: number): Span {
  const day = dayNumber(y, m, d);
  return { start: day, end: day, date: isoFromDay(day), precision: 'day', label: describeSpan(day, day) };
}

/** The span a complete piece stands for; undefined while it lacks a year. */
export function spanOfPiece(p: Piece): Span | undefined {
  if (p.span) return p.span;
  if (p.y === undefined) return undefined;
  if (p.m === undefined) return yearSpan(p.y);
  if (p.d === undefined) return monthSpan(p.y, p.m);
  return daySpan(p.y, p.m, p.d);
}

export function noSuchDay(d: number, m: number, y?: number): string {
  if (y !== undefined && m === 2 && d === 29) return `There is no 29 February ${y}: ${y} is not a leap year.`;
  return `There is no ${d} ${MONTHS[m - 1]}${y === undefined ? '' : ` ${y}`}.`;
}

/** A day-month-year point, or the problem that makes it impossible. */
export function point(end: number, m: number, d: number | undefined, y: number | undefined): Piece {
  if (d !== undefined) {
    // Without a year, allow 29 February (it exists in leap years).
    const ok = y === undefined ? d >= 1 && d <= daysInMonth(2024, m) : isValidDate(y, m, d);
    if (!ok) return { end, problem: noSuchDay(d, m, y) };
  }
  return { end, y, m, d };
}

export const NUMBER_WORDS = new Map<string, number>([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
  ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['eighteen', 18], ['twenty', 20],
]);
export const UNITS = new Map<string, 'year' | 'month' | 'week' | 'day'>([
  ['year', 'year'], ['years', 'year'], ['month', 'month'], ['months', 'month'], ['week', 'week'], ['weeks', 'week'], ['day', 'day'], ['days', 'day'],
]);
/** Units as chat also shortens them ("2 yrs", "18 mths"), for lengths of time a question states. */
const SHORT_UNITS = new Map<string, 'year' | 'month'>([['yr', 'year'], ['yrs', 'year'], ['mth', 'month'], ['mths', 'month']]);
export function unitOf(word: string): 'year' | 'month' | 'week' | 'day' | undefined {
  return UNITS.get(word) ?? SHORT_UNITS.get(word);
}
/** The days in each unit, for lengths of time ("in the 12 months before …", "about 2 years"). */
export const DAYS_IN_UNIT = { year: 365.25, month: 30.44, week: 7, day: 1 } as const;

/** A length of time in words — "12 months", "a year", "two and a half yrs" — in days, or undefined. */
export function lengthInDays(words: readonly string[]): number | undefined {
  const [first, ...rest] = words.map((w) => w.toLowerCase());
  const unit = unitOf(rest.at(-1) ?? '');
  const whole = first === 'half' ? 0.5 : /^\d{1,3}$/.test(first ?? '') ? Number(first) : NUMBER_WORDS.get(first ?? '');
  if (whole === undefined || unit === undefined) return undefined;
  // ("two and a half years")
  const half = first !== 'half' && rest.includes('half') ? 0.5 : 0;
  return (whole + half) * DAYS_IN_UNIT[unit];
}

export const ORDINAL_WORDS = new Map<string, number>([['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['last', 4], ['final', 4], ['latter', 2]]);

/** A month and year, or a year alone, at i: what "mid", "end of", "summer" and "Q3" apply to. */
export function monthOrYearAt(r: Reader, i: number): { y: number; m?: number; end: number; relative?: true } | undefined {
  const y = yearAt(r, i);
  if (y !== undefined) return { y, end: i + 1 };
  // "the end of last year", "early this year"
  const w = word(r, i);
  if ((w === 'last' || w === 'this') && word(r, i + 1) === 'year') return { y: r.today.y - (w === 'last' ? 1 : 0), end: i + 2, relative: true };
  const month = monthAt(r, i, true);
  if (!month) return undefined;
  let j = month.end;
  if (punct(r, j, ',')) j++;
  const my = yearAt(r, j);
  return my === undefined ? undefined : { y: my, m: month.m, end: j + 1 };
}
