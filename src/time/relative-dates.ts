// Dates relative to the today passed in: "last year", "this month", "the past 12 months", "two
// years ago", "yesterday". Pure; the caller reads the clock.

import { dayNumber, daysInMonth } from './calendar.ts';
import { monthSpan, NUMBER_WORDS, spanOf, UNITS, word, yearSpan, type Piece, type Reader, type Span, type Today } from './reader.ts';

/** "last year", "this year", "last month", "the past 12 months", "two years ago", "yesterday". */
export function relativeAt(r: Reader, i: number): Piece | undefined {
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
  // "the year before last" (two calendar years back), "the month before last", "the year after next".
  const own = UNITS.get(w ?? '');
  if ((own === 'year' || own === 'month') && w === own && ((word(r, i + 1) === 'before' && word(r, i + 2) === 'last') || (word(r, i + 1) === 'after' && word(r, i + 2) === 'next'))) {
    const shift = word(r, i + 2) === 'last' ? -2 : 2;
    const words = `the ${r.t.slice(i, i + 3).map((x) => x.text).join(' ')}`;
    if (own === 'year') return at(rel(yearSpan(today.y + shift), words), i + 3);
    const first = new Date(Date.UTC(today.y, today.m - 1 + shift, 1));
    return at(rel(monthSpan(first.getUTCFullYear(), first.getUTCMonth() + 1), words), i + 3);
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
    // "four years ago this month", "a year ago today": that month, or that day, n years back.
    if (u === 'year' && word(r, i + 3) === 'this' && word(r, i + 4) === 'month') {
      const span = monthSpan(today.y - n, today.m);
      return at({ end: 0, span: { ...span, relative: true, label: `${words} this month (${span.label})` } }, i + 5);
    }
    if (u === 'year' && word(r, i + 3) === 'today') {
      const day = dayNumber(today.y - n, today.m, Math.min(today.d, daysInMonth(today.y - n, today.m)));
      return at(rel(spanOf(day, day, 'day'), `${words} today`), i + 4);
    }
    if (u === 'year') return at({ end: 0, span: { ...yearSpan(today.y - n), approximate: true, relative: true, label: `${words} (${today.y - n})` } }, i + 3);
    const first = new Date(Date.UTC(today.y, today.m - 1 - n, 1));
    const span = monthSpan(first.getUTCFullYear(), first.getUTCMonth() + 1);
    return at({ end: 0, span: { ...span, approximate: true, relative: true, label: `${words} (${span.label})` } }, i + 3);
  }
  return undefined;
}

export function count(r: Reader, i: number): number | undefined {
  const tok = r.t[i];
  // "the past 0 years" names no period; counts start at one.
  if (tok?.kind === 'num' && !tok.ordinal && tok.digits <= 3) return tok.value >= 1 ? tok.value : undefined;
  return NUMBER_WORDS.get(word(r, i) ?? '');
}

export function pastSpan(today: Today, n: number, unit: 'year' | 'month' | 'week' | 'day'): Piece {
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
