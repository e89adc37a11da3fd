// The date grammar's pieces: one calendar point or named period starting at a token ("6 December
// 2024", "Dec. 2022", "mid March 2023", "summer 2024", "Q3 2023", "Easter 2023", "last year"),
// or the problem that makes it impossible. Each piece looks a bounded number of tokens ahead, so
// reading a text is linear in its length. Pure; `today` is passed in, never read from a clock.

import { dayNumber, daysInMonth, easterSunday, isoFromDay, isValidDate, pad, weekdayOf } from './calendar.ts';
import { describeSpan } from './date-labels.ts';
import type { DatePrecision } from './date-types.ts';
import { exactMonth, misspeltMonth, SEASONS, WEEKDAY_NAMES, weekdayWord } from './month-words.ts';
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

const word = (r: Reader, i: number): string | undefined => (r.t[i]?.kind === 'word' ? r.t[i]!.text : undefined);
const punct = (r: Reader, i: number, chars: string): boolean => r.t[i]?.kind === 'punct' && chars.includes(r.t[i]!.text);
/** Token i is glued to the one before it (no space): "2022-06", "30/06/2022". */
const glued = (r: Reader, i: number): boolean => r.t[i] !== undefined && !r.t[i]!.gap;

function num(r: Reader, i: number, digits?: [number, number]): number | undefined {
  const tok = r.t[i];
  if (tok?.kind !== 'num') return undefined;
  if (digits && (tok.digits < digits[0] || tok.digits > digits[1])) return undefined;
  return tok.value;
}

/** A number glued to letters is part of a name or an id ("C2022", "2022abc", "<@U1999>"), not a date. */
function inIdentifier(r: Reader, i: number): boolean {
  const before = r.t[i - 1];
  const after = r.t[i + 1];
  return (before?.kind === 'word' && !r.t[i]!.gap) || (after?.kind === 'word' && !after.gap && !r.t[i]!.ordinal);
}

/** A year written in words' company: 1900–2099 (the records start in 2019; nothing older matters). */
function yearAt(r: Reader, i: number): number | undefined {
  const tok = r.t[i];
  if (tok?.kind !== 'num' || tok.digits !== 4 || tok.ordinal || inIdentifier(r, i)) return undefined;
  return tok.value >= 1900 && tok.value <= 2099 ? tok.value : undefined;
}

/** "'22" (an apostrophe glued to two digits) for 2022, as in "June '22". */
function shortYearAt(r: Reader, i: number): number | undefined {
  if (!punct(r, i, "'’") || !glued(r, i + 1)) return undefined;
  const n = num(r, i + 1, [2, 2]);
  return n === undefined || inIdentifier(r, i + 1) ? undefined : 2000 + n;
}

/** A day of the month: 1–31, "6th". */
function dayAt(r: Reader, i: number): number | undefined {
  const tok = r.t[i];
  if (tok?.kind !== 'num' || tok.digits > 2 || inIdentifier(r, i)) return undefined;
  return tok.value >= 0 && tok.value <= 31 ? tok.value : undefined;
}

/** A month word at i ("december", "dec", "dec.", "decembr"); misspellings only if `fuzzy`. */
function monthAt(r: Reader, i: number, fuzzy: boolean): { m: number; end: number } | undefined {
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

function spanOf(start: number, end: number, precision: DatePrecision, extra: Partial<Span> & { label?: string } = {}): Span {
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

function daySpan(y: number, m: number, d: number): Span {
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

function noSuchDay(d: number, m: number, y?: number): string {
  if (y !== undefined && m === 2 && d === 29) return `There is no 29 February ${y}: ${y} is not a leap year.`;
  return `There is no ${d} ${MONTHS[m - 1]}${y === undefined ? '' : ` ${y}`}.`;
}

/** A day-month-year point, or the problem that makes it impossible. */
function point(end: number, m: number, d: number | undefined, y: number | undefined): Piece {
  if (d !== undefined) {
    // Without a year, allow 29 February (it exists in leap years).
    const ok = y === undefined ? d >= 1 && d <= daysInMonth(2024, m) : isValidDate(y, m, d);
    if (!ok) return { end, problem: noSuchDay(d, m, y) };
  }
  return { end, y, m, d };
}

const NUMBER_WORDS = new Map<string, number>([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
  ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['eighteen', 18], ['twenty', 20],
]);
const UNITS = new Map<string, 'year' | 'month' | 'week' | 'day'>([
  ['year', 'year'], ['years', 'year'], ['month', 'month'], ['months', 'month'], ['week', 'week'], ['weeks', 'week'], ['day', 'day'], ['days', 'day'],
]);
const ORDINAL_WORDS = new Map<string, number>([['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['last', 4], ['final', 4], ['latter', 2]]);

/** "2022-06-30", "2022-06", "2022-13" (a problem), "2022/23" (a financial year). */
function isoAt(r: Reader, i: number): Piece | undefined {
  const y = num(r, i, [4, 4]);
  if (y === undefined || !punct(r, i + 1, '-/') || !glued(r, i + 1) || !glued(r, i + 2)) return undefined;
  const sep = r.t[i + 1]!.text;
  const m = num(r, i + 2, [2, 2]);
  if (m === undefined) return undefined;
  const written = (end: number) => r.t.slice(i, end).map((x) => x.text).join('');
  if (punct(r, i + 3, sep) && glued(r, i + 3) && glued(r, i + 4) && num(r, i + 4, [2, 2]) !== undefined) {
    const d = num(r, i + 4)!;
    const end = i + 5;
    if (y === 0) return { end, problem: `${written(end)} is not a date: there is no year 0000.` };
    if (m < 1 || m > 12) return { end, problem: `${written(end)} is not a date: months run from 01 to 12.` };
    if (!isValidDate(y, m, d)) return { end, problem: `${written(end)} is not a date: ${noSuchDay(d, m, y).replace(/^There/, 'there')}` };
    return { end, y, m, d };
  }
  const end = i + 3;
  if (m === (y + 1) % 100 && m > 12) {
    // "2022/23" or "2022-23": the UK financial year, April to March.
    const span = monthSpan(y, 4, 'range', 12);
    return { end, span: { ...span, approximate: true, label: `${y}/${pad(m)} (${span.label})` } };
  }
  if (y === 0) return { end, problem: `${written(end)} is not a date: there is no year 0000.` };
  if (m < 1 || m > 12) return { end, problem: `${written(end)} is not a date: months run from 01 to 12.` };
  return { end, y, m };
}

/** "30/06/2022" (UK order; US order only where no UK reading exists), "06/2022". */
function numericAt(r: Reader, i: number): Piece | undefined {
  const a = num(r, i, [1, 2]);
  if (a === undefined || r.t[i]!.ordinal || !punct(r, i + 1, '/.-') || !glued(r, i + 1) || !glued(r, i + 2)) return undefined;
  const sep = r.t[i + 1]!.text;
  const b = num(r, i + 2, [1, 2]);
  const written = (end: number) => r.t.slice(i, end).map((x) => x.text).join('');
  if (b !== undefined && punct(r, i + 3, sep) && glued(r, i + 3) && glued(r, i + 4)) {
    const y = num(r, i + 4, [4, 4]);
    if (y === undefined) return undefined;
    const end = i + 5;
    if (b >= 1 && b <= 12) {
      if (isValidDate(y, b, a)) return { end, y, m: b, d: a };
      return { end, problem: `${written(end)} is not a date: ${noSuchDay(a, b, y).replace(/^There/, 'there')}` };
    }
    if (a >= 1 && a <= 12 && isValidDate(y, a, b)) return { end, y, m: a, d: b }; // 12/31/2024
    return { end, problem: `${written(end)} is not a date: months run from 1 to 12.` };
  }
  const y = sep === '/' ? num(r, i + 2, [4, 4]) : undefined;
  if (y === undefined) return undefined;
  if (a < 1 || a > 12) return { end: i + 3, problem: `${written(i + 3)} is not a date: months run from 1 to 12.` };
  return { end: i + 3, y, m: a };
}

/** "6 December 2024", "the 6th of December 2024", "6 Dec", "31 February 2023" (a problem). */
function dayFirstAt(r: Reader, i: number): Piece | undefined {
  const d = dayAt(r, i);
  if (d === undefined) return undefined;
  let j = i + 1;
  if (word(r, j) === 'of') j++;
  const month = monthAt(r, j, true);
  if (!month) return undefined;
  j = month.end;
  if (punct(r, j, ',')) j++;
  const y = yearAt(r, j);
  return point(y === undefined ? month.end : j + 1, month.m, d, y);
}

/** "December 2022", "Dec. 2022", "December 6, 2024", "December the 6th 2024", "March" (yearless). */
function monthFirstAt(r: Reader, i: number, fuzzy: boolean): Piece | undefined {
  const month = monthAt(r, i, fuzzy);
  if (!month) return undefined;
  let j = month.end;
  if (punct(r, j, ',')) j++;
  // "Dec-2022": a dash glued on both sides joins a month to its year.
  if (j === month.end && punct(r, j, '-') && glued(r, j) && glued(r, j + 1) && yearAt(r, j + 1) !== undefined) j++;
  const y = yearAt(r, j) ?? shortYearAt(r, j);
  if (y !== undefined) return { end: j + (yearAt(r, j) === undefined ? 2 : 1), y, m: month.m };
  let k = month.end;
  if (word(r, k) === 'the') k++;
  const d = dayAt(r, k);
  if (d !== undefined && !(r.t[k + 1]?.kind === 'word' && UNITS.has(r.t[k + 1]!.text))) {
    let e = k + 1;
    if (punct(r, e, ',')) e++;
    const yd = yearAt(r, e);
    if (yd !== undefined) return point(e + 1, month.m, d, yd);
    if (d >= 1) return point(k + 1, month.m, d, undefined);
  }
  return { end: month.end, m: month.m };
}

/** A month and year, or a year alone, at i: what "mid", "end of", "summer" and "Q3" apply to. */
function monthOrYearAt(r: Reader, i: number): { y: number; m?: number; end: number; relative?: true } | undefined {
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

/** "early/mid/late March 2023" (1–10, 11–20, 21–end) or "early/mid/late 2023" (Jan–Apr, May–Aug, Sep–Dec). */
function partAt(r: Reader, i: number): Piece | undefined {
  const w = word(r, i);
  const part = w === 'early' ? 0 : w === 'mid' || w === 'middle' ? 1 : w === 'late' ? 2 : undefined;
  if (part === undefined) return undefined;
  let j = i + 1;
  if (punct(r, j, '-')) j++;
  if (word(r, j) === 'of') j++;
  if (word(r, j) === 'the' && w === 'middle') j++;
  const target = monthOrYearAt(r, j);
  if (!target) return undefined;
  const { y, m } = target;
  let span: Span;
  if (m !== undefined) {
    const from = [1, 11, 21][part]!;
    const to = [10, 20, daysInMonth(y, m)][part]!;
    span = spanOf(dayNumber(y, m, from), dayNumber(y, m, to), 'part-of-month');
  } else {
    span = monthSpan(y, [1, 5, 9][part]!, 'part-of-year', 4);
  }
  const words = `${['early', 'mid', 'late'][part]} ${m === undefined ? y : `${MONTHS[m - 1]} ${y}`}`;
  return { end: target.end, span: { ...span, approximate: true, label: `${words} (${span.label})`, ...(target.relative ? { relative: true as const } : {}) } };
}

/** "the start/end of 2024", "the end of June 2022": that first or last day. */
function edgeAt(r: Reader, i: number): Piece | undefined {
  const w = word(r, i);
  const atEnd = w === 'end' || w === 'close' ? true : w === 'start' || w === 'beginning' ? false : undefined;
  if (atEnd === undefined || word(r, i + 1) !== 'of') return undefined;
  const target = monthOrYearAt(r, i + 2);
  if (!target) return undefined;
  const { y, m } = target;
  const day = m === undefined ? (atEnd ? dayNumber(y, 12, 31) : dayNumber(y, 1, 1)) : atEnd ? dayNumber(y, m, daysInMonth(y, m)) : dayNumber(y, m, 1);
  const words = `the ${atEnd ? 'end' : 'start'} of ${m === undefined ? y : `${MONTHS[m - 1]} ${y}`}`;
  return { end: target.end, span: { ...spanOf(day, day, 'day'), approximate: true, label: `${words} (${describeSpan(day, day)})`, ...(target.relative ? { relative: true as const } : {}) } };
}

/** "the first half of 2023", "the third quarter of 2023", "Q3 2023", "2023 Q3", "H1 2023". */
function quarterOrHalfAt(r: Reader, i: number): Piece | undefined {
  const make = (kind: 'quarter' | 'half', n: number, y: number, end: number): Piece => {
    const span = kind === 'quarter' ? monthSpan(y, (n - 1) * 3 + 1, 'quarter', 3) : monthSpan(y, n === 1 ? 1 : 7, 'half', 6);
    const words = kind === 'quarter' ? `Q${n} ${y}` : `the ${n === 1 ? 'first' : 'second'} half of ${y}`;
    return { end, span: { ...span, label: `${words} (${span.label})` } };
  };
  const w = word(r, i);
  // "Q3 2023" / "H1 2023"
  if ((w === 'q' || w === 'h') && glued(r, i + 1)) {
    const n = num(r, i + 1, [1, 1]);
    const max = w === 'q' ? 4 : 2;
    if (n === undefined || n < 1 || n > max) return undefined;
    let j = i + 2;
    if (punct(r, j, ',')) j++;
    const y = yearAt(r, j);
    return y === undefined ? undefined : make(w === 'q' ? 'quarter' : 'half', n, y, j + 1);
  }
  // "2023 Q3"
  const y0 = yearAt(r, i);
  if (y0 !== undefined && (word(r, i + 1) === 'q' || word(r, i + 1) === 'h') && glued(r, i + 2)) {
    const n = num(r, i + 2, [1, 1]);
    const isQ = word(r, i + 1) === 'q';
    if (n !== undefined && n >= 1 && n <= (isQ ? 4 : 2)) return make(isQ ? 'quarter' : 'half', n, y0, i + 3);
  }
  // "the first half of 2023", "the last quarter of 2023", "the 3rd quarter of 2023"
  const ordinal = w !== undefined ? ORDINAL_WORDS.get(w) : r.t[i]?.kind === 'num' && r.t[i]!.ordinal ? r.t[i]!.value : undefined;
  const unit = word(r, i + 1);
  if (ordinal === undefined || (unit !== 'half' && unit !== 'quarter') || word(r, i + 2) !== 'of') return undefined;
  let j = i + 3;
  if (word(r, j) === 'the' && word(r, j + 1) === 'year') j += 2;
  const y = yearAt(r, j);
  if (y === undefined) return undefined;
  if (unit === 'half') return make('half', w === 'last' || ordinal >= 2 ? 2 : 1, y, j + 1);
  if (ordinal < 1 || ordinal > 4) return undefined;
  return make('quarter', ordinal, y, j + 1);
}

/** "summer 2024", "the summer of 2024", "winter 2023/24" (December 2023 to February 2024). */
function seasonAt(r: Reader, i: number): Piece | undefined {
  const season = SEASONS.get(word(r, i) ?? '');
  if (!season) return undefined;
  let j = i + 1;
  if (word(r, j) === 'of') j++;
  const y = yearAt(r, j);
  if (y === undefined) return undefined;
  let end = j + 1;
  // "winter 2023/24" names the same winter as "winter 2023".
  if (season.first === 12 && punct(r, end, '/-') && glued(r, end) && glued(r, end + 1) && num(r, end + 1, [2, 2]) === (y + 1) % 100) end += 2;
  const span = monthSpan(y, season.first, 'season', 3);
  return { end, span: { ...span, approximate: true, label: `${season.name} ${y} (${span.label})` } };
}

/** "Easter 2023" (Good Friday to Easter Monday), "Christmas 2022", "Boxing Day 2022", "New Year's Day 2023". */
function holidayAt(r: Reader, i: number): Piece | undefined {
  const w = word(r, i);
  const next = word(r, i + 1);
  let name: string;
  let j: number;
  let days: (y: number) => [number, number];
  if (w === 'easter') {
    const which = next === 'sunday' || next === 'day' ? 0 : next === 'monday' ? 1 : next === 'weekend' ? 2 : undefined;
    j = which === undefined ? i + 1 : i + 2;
    name = which === 0 ? 'Easter Sunday' : which === 1 ? 'Easter Monday' : 'Easter';
    days = (y) => (which === 0 ? [easter(y), easter(y)] : which === 1 ? [easter(y) + 1, easter(y) + 1] : [easter(y) - 2, easter(y) + 1]);
  } else if (w === 'good' && next === 'friday') {
    j = i + 2;
    name = 'Good Friday';
    days = (y) => [easter(y) - 2, easter(y) - 2];
  } else if (w === 'christmas' || w === 'xmas') {
    const eve = next === 'eve';
    j = next === 'eve' || next === 'day' ? i + 2 : i + 1;
    name = eve ? 'Christmas Eve' : 'Christmas';
    days = (y) => (eve ? [dayNumber(y, 12, 24), dayNumber(y, 12, 24)] : [dayNumber(y, 12, 25), dayNumber(y, 12, 25)]);
  } else if (w === 'boxing' && next === 'day') {
    j = i + 2;
    name = 'Boxing Day';
    days = (y) => [dayNumber(y, 12, 26), dayNumber(y, 12, 26)];
  } else if (w === 'new' && (next === "year's" || next === 'years' || next === 'year')) {
    const after = word(r, i + 2);
    const eve = after === 'eve';
    j = after === 'eve' || after === 'day' ? i + 3 : i + 2;
    name = eve ? "New Year's Eve" : "New Year's Day";
    days = (y) => (eve ? [dayNumber(y, 12, 31), dayNumber(y, 12, 31)] : [dayNumber(y, 1, 1), dayNumber(y, 1, 1)]);
  } else {
    return undefined;
  }
  if (word(r, j) === 'of') j++;
  if (punct(r, j, ',')) j++;
  const y = yearAt(r, j);
  if (y === undefined) return undefined;
  const [start, end] = days(y);
  const span = spanOf(start, end, start === end ? 'day' : 'range');
  return { end: j + 1, span: { ...span, approximate: true, label: `${name} ${y} (${span.label})` } };
}

function easter(y: number): number {
  const e = easterSunday(y);
  return dayNumber(y, e.month, e.day);
}

/** "last year", "this year", "last month", "the past 12 months", "two years ago", "yesterday". */
function relativeAt(r: Reader, i: number): Piece | undefined {
  const { today } = r;
  const w = word(r, i);
  const rel = (span: Span, words: string): Piece => ({ end: 0, span: { ...span, relative: true, label: `${words} (${span.label})` } });
  const at = (p: Piece, end: number): Piece => ({ ...p, end });
  if (w === 'yesterday' || w === 'today') {
    const day = today.day - (w === 'yesterday' ? 1 : 0);
    return at(rel(spanOf(day, day, 'day'), w), i + 1);
  }
  const unit = UNITS.get(word(r, i + 1) ?? '');
  if ((w === 'last' || w === 'this' || w === 'next') && unit && (unit === 'year' || unit === 'month') && !word(r, i + 1)!.endsWith('s')) {
    // "in the last year" means the past twelve months; "last year" the calendar year before.
    if (w === 'last' && word(r, i - 1) === 'the') return at(pastSpan(today, 1, unit), i + 2);
    const shift = w === 'last' ? -1 : w === 'next' ? 1 : 0;
    if (unit === 'year') return at(rel(yearSpan(today.y + shift), `${w} year`), i + 2);
    const first = new Date(Date.UTC(today.y, today.m - 1 + shift, 1));
    return at(rel(monthSpan(first.getUTCFullYear(), first.getUTCMonth() + 1), `${w} month`), i + 2);
  }
  // "the past 12 months", "the last two years", "the past year"
  if (w === 'past' || w === 'last' || w === 'previous') {
    if (unit) return at(pastSpan(today, 1, unit), i + 2);
    const n = count(r, i + 1);
    const u = UNITS.get(word(r, i + 2) ?? '');
    if (n !== undefined && u) return at(pastSpan(today, n, u), i + 3);
    return undefined;
  }
  // "two years ago", "a year ago", "18 months ago"
  const n = count(r, i);
  const u = UNITS.get(word(r, i + 1) ?? '');
  if (n !== undefined && u && word(r, i + 2) === 'ago' && (u === 'year' || u === 'month')) {
    const words = r.t.slice(i, i + 3).map((x) => x.text).join(' ');
    if (u === 'year') return at({ end: 0, span: { ...yearSpan(today.y - n), approximate: true, relative: true, label: `${words} (${today.y - n})` } }, i + 3);
    const first = new Date(Date.UTC(today.y, today.m - 1 - n, 1));
    const span = monthSpan(first.getUTCFullYear(), first.getUTCMonth() + 1);
    return at({ end: 0, span: { ...span, approximate: true, relative: true, label: `${words} (${span.label})` } }, i + 3);
  }
  return undefined;
}

function count(r: Reader, i: number): number | undefined {
  const tok = r.t[i];
  // "the past 0 years" names no period; counts start at one.
  if (tok?.kind === 'num' && !tok.ordinal && tok.digits <= 3) return tok.value >= 1 ? tok.value : undefined;
  return NUMBER_WORDS.get(word(r, i) ?? '');
}

function pastSpan(today: Today, n: number, unit: 'year' | 'month' | 'week' | 'day'): Piece {
  let start: number;
  if (unit === 'day') start = today.day - n + 1;
  else if (unit === 'week') start = today.day - 7 * n + 1;
  else {
    const months = unit === 'year' ? 12 * n : n;
    const back = new Date(Date.UTC(today.y, today.m - 1 - months, 1));
    const y = back.getUTCFullYear();
    const m = back.getUTCMonth() + 1;
    start = dayNumber(y, m, Math.min(today.d, daysInMonth(y, m))) + 1;
  }
  const span = spanOf(start, today.day, 'relative');
  const words = `the past ${n === 1 ? unit : `${n} ${unit}s`}`;
  return { end: 0, span: { ...span, relative: true, label: `${words} (${span.label})` } };
}

/** "the year to March 2024", "the year ending March 2024": the twelve months up to that month. */
function yearToAt(r: Reader, i: number): Piece | undefined {
  if (word(r, i) !== 'year' || !['to', 'ending', 'ended'].includes(word(r, i + 1) ?? '')) return undefined;
  const target = monthOrYearAt(r, i + 2);
  if (!target || target.m === undefined) return undefined;
  const first = new Date(Date.UTC(target.y, target.m - 12, 1));
  const span = monthSpan(first.getUTCFullYear(), first.getUTCMonth() + 1, 'range', 12);
  return { end: target.end, span: { ...span, label: `the year to ${MONTHS[target.m - 1]} ${target.y} (${span.label})` } };
}

/** "Friday 6 December 2024", "Fri, 6 Dec 2024": the weekday is checked against the date. */
function weekdayFirstAt(r: Reader, i: number): Piece | undefined {
  const wd = weekdayWord(word(r, i) ?? '');
  if (wd === undefined) return undefined;
  let j = i + 1;
  if (punct(r, j, ',')) j++;
  if (word(r, j) === 'the') j++;
  const inner = dayFirstAt(r, j) ?? monthFirstAt(r, j, false);
  if (!inner || inner.problem || inner.y === undefined || inner.d === undefined) return undefined;
  const actual = weekdayOf(dayNumber(inner.y, inner.m!, inner.d));
  if (actual !== wd) {
    return { end: inner.end, problem: `${inner.d} ${MONTHS[inner.m! - 1]} ${inner.y} was a ${WEEKDAY_NAMES[actual]}, not a ${WEEKDAY_NAMES[wd]}.` };
  }
  return inner;
}

/** Words that can open a piece other than a month or weekday. */
const STARTERS = new Set([
  'early', 'mid', 'middle', 'late', 'end', 'close', 'start', 'beginning', 'q', 'h', ...ORDINAL_WORDS.keys(), ...SEASONS.keys(),
  'easter', 'good', 'christmas', 'xmas', 'boxing', 'new', 'year', 'yesterday', 'today', 'last', 'this', 'next', 'past', 'previous', ...NUMBER_WORDS.keys(),
]);

/**
 * The piece starting at token i, if any: the first rule that reads one, most specific first.
 * `fuzzy` lets a misspelt month stand without a number beside it (inside a range).
 */
export function pieceAt(r: Reader, i: number, fuzzy = false): Piece | undefined {
  const tok = r.t[i];
  if (!tok) return undefined;
  if (tok.kind === 'num') {
    const p = isoAt(r, i) ?? numericAt(r, i) ?? quarterOrHalfAt(r, i) ?? dayFirstAt(r, i) ?? relativeAt(r, i);
    if (p) return p;
    const y = yearAt(r, i);
    return y === undefined ? undefined : { end: i + 1, y, bareYear: true };
  }
  if (tok.kind !== 'word') return undefined;
  // Most words start no date: one set look-up turns them away before any rule runs.
  if (!STARTERS.has(tok.text) && exactMonth(tok.text) === undefined && weekdayWord(tok.text) === undefined && !(fuzzy || r.t[i + 1]?.kind === 'num')) return undefined;
  return (
    weekdayFirstAt(r, i) ??
    yearToAt(r, i) ??
    partAt(r, i) ??
    edgeAt(r, i) ??
    quarterOrHalfAt(r, i) ??
    seasonAt(r, i) ??
    holidayAt(r, i) ??
    relativeAt(r, i) ??
    monthFirstAt(r, i, fuzzy)
  );
}
