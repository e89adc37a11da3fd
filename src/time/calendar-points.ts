// Calendar points: "2022-06-30", "30/06/2022", "6 December 2024", "December 6, 2024", "Dec. 2022",
// "Friday 6 December 2024" — or the problem that makes one impossible ("2022-13", "31 February").
// Pure.

import { dayNumber, isValidDate, pad, weekdayOf } from './calendar.ts';
import { WEEKDAY_NAMES, weekdayWord } from './month-words.ts';
import { MONTHS } from './partial-dates.ts';
import { dayAt, glued, monthAt, monthSpan, noSuchDay, num, point, punct, shortYearAt, UNITS, word, yearAt, yearSpan, type Piece, type Reader } from './reader.ts';

/** "2022-06-30", "2022-06", "2022-13" (a problem), "2022/23" (a financial year). */
export function isoAt(r: Reader, i: number): Piece | undefined {
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
  if (m > 12 && m > y % 100 && m - (y % 100) <= 10) {
    // "2025-27", "PEEL 2023–25": a span of years, written short.
    const last = y - (y % 100) + m;
    const from = yearSpan(y);
    const to = yearSpan(last);
    return { end, span: { start: from.start, end: to.end, date: String(y), precision: 'range', label: `${y} to ${last}` } };
  }
  if (y === 0) return { end, problem: `${written(end)} is not a date: there is no year 0000.` };
  if (m < 1 || m > 12) return { end, problem: `${written(end)} is not a date: months run from 01 to 12.` };
  return { end, y, m };
}

/** "30/06/2022", "30/06/22" (UK order; US order only where no UK reading exists), "06/2022". */
export function numericAt(r: Reader, i: number): Piece | undefined {
  const a = num(r, i, [1, 2]);
  if (a === undefined || r.t[i]!.ordinal || !punct(r, i + 1, '/.-') || !glued(r, i + 1) || !glued(r, i + 2)) return undefined;
  const sep = r.t[i + 1]!.text;
  const b = num(r, i + 2, [1, 2]);
  const written = (end: number) => r.t.slice(i, end).map((x) => x.text).join('');
  if (b !== undefined && punct(r, i + 3, sep) && glued(r, i + 3) && glued(r, i + 4)) {
    // "21/05/24": a two-digit year is this century's, as people write dates in messages.
    const yy = num(r, i + 4, [2, 2]);
    const y = num(r, i + 4, [4, 4]) ?? (yy !== undefined ? 2000 + yy : undefined);
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
export function dayFirstAt(r: Reader, i: number): Piece | undefined {
  const d = dayAt(r, i);
  if (d === undefined) return undefined;
  let j = i + 1;
  if (word(r, j) === 'of') j++;
  const month = monthAt(r, j, true);
  if (!month) return undefined;
  j = month.end;
  if (punct(r, j, ',')) j++;
  const y = yearAt(r, j);
  if (y !== undefined) return point(j + 1, month.m, d, y);
  // "12th Sept 22", "6 Dec '24": after a day and a month, two digits can only be the year.
  const apostrophe = shortYearAt(r, j);
  if (apostrophe !== undefined) return point(j + 2, month.m, d, apostrophe);
  const short = r.t[j]?.kind === 'num' && !r.t[j]!.ordinal && r.t[j]!.text.length === 2 && r.t[j + 1]?.text !== ':' ? num(r, j, [2, 2]) : undefined;
  if (short !== undefined) return point(j + 1, month.m, d, 2000 + short);
  return point(month.end, month.m, d, undefined);
}

/** "December 2022", "Dec. 2022", "December 6, 2024", "December the 6th 2024", "March" (yearless). */
export function monthFirstAt(r: Reader, i: number, fuzzy: boolean): Piece | undefined {
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

/** "Friday 6 December 2024", "Fri, 6 Dec 2024": the weekday is checked against the date. */
export function weekdayFirstAt(r: Reader, i: number): Piece | undefined {
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
