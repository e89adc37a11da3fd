// Named periods: early/mid/late, the start or end of, halves and quarters, UK seasons, holidays
// and "the year to March 2024", each over a month or year. Pure.

import { dayNumber, daysInMonth, easterSunday } from './calendar.ts';
import { describeSpan } from './date-labels.ts';
import { editDistance, misspeltSeason, SEASONS } from './month-words.ts';
import { MONTHS } from './partial-dates.ts';
import { glued, monthOrYearAt, monthSpan, num, ORDINAL_WORDS, punct, shortYearAt, spanOf, word, yearAt, type Piece, type Reader, type Span } from './reader.ts';

/** "early/mid/late March 2023" (1–10, 11–20, 21–end) or "early/mid/late 2023" (Jan–Apr, May–Aug, Sep–Dec); "the back end of 2023" is late. */
export function partAt(r: Reader, i: number): Piece | undefined {
  const w = word(r, i);
  // "The back end of 2023", "the tail end of March": the British idiom for its late part.
  const idiom = (w === 'back' || w === 'tail') && word(r, i + 1) === 'end' && word(r, i + 2) === 'of';
  // "Halfway through 2024", "midway through March": its middle.
  const through = (w === 'halfway' || w === 'midway') && ['through', 'thru', 'though'].includes(word(r, i + 1) ?? '');
  const part = w === 'early' ? 0 : w === 'mid' || w === 'middle' || through ? 1 : w === 'late' || idiom ? 2 : undefined;
  if (part === undefined) return undefined;
  let j = idiom || through ? i + 2 : i + 1;
  if (punct(r, j, '-')) j++;
  if (word(r, j) === 'of') j++;
  if (word(r, j) === 'the' && w === 'middle') j++;
  const target = monthOrYearAt(r, j);
  if (!target) return undefined;
  const { y, m } = target;
  // "Halfway through 2024" is a point, the middle day: 1 July, or a month's middle day.
  if (through) {
    const day = m === undefined ? dayNumber(y, 7, 1) : dayNumber(y, m, Math.ceil(daysInMonth(y, m) / 2));
    const named = m === undefined ? `${y}` : `${MONTHS[m - 1]} ${y}`;
    return { end: target.end, span: { ...spanOf(day, day, 'day'), approximate: true, label: `halfway through ${named} (${describeSpan(day, day)})`, ...(target.relative ? { relative: true as const } : {}) } };
  }
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
export function edgeAt(r: Reader, i: number): Piece | undefined {
  const w = word(r, i);
  // "As 2025 began", "when 2023 ended": the year's first or last day.
  if (w === 'as' || w === 'when') {
    const y = yearAt(r, i + 1);
    const verb = word(r, i + 2);
    const begins = verb === 'began' || verb === 'begun' || verb === 'started' || verb === 'opened' ? true : verb === 'ended' || verb === 'closed' || verb === 'finished' ? false : undefined;
    if (y === undefined || begins === undefined) return undefined;
    const day = begins ? dayNumber(y, 1, 1) : dayNumber(y, 12, 31);
    return { end: i + 3, span: { ...spanOf(day, day, 'day'), approximate: true, around: edgeStretch(y, undefined, !begins), label: `the ${begins ? 'start' : 'end'} of ${y} (${describeSpan(day, day)})` } };
  }
  const atEnd = w === 'end' || w === 'close' ? true : w === 'start' || w === 'beginning' ? false : undefined;
  if (atEnd === undefined || word(r, i + 1) !== 'of') return undefined;
  const target = monthOrYearAt(r, i + 2);
  if (!target) return undefined;
  const { y, m } = target;
  const day = m === undefined ? (atEnd ? dayNumber(y, 12, 31) : dayNumber(y, 1, 1)) : atEnd ? dayNumber(y, m, daysInMonth(y, m)) : dayNumber(y, m, 1);
  const words = `the ${atEnd ? 'end' : 'start'} of ${m === undefined ? y : `${MONTHS[m - 1]} ${y}`}`;
  return { end: target.end, span: { ...spanOf(day, day, 'day'), approximate: true, around: edgeStretch(y, m, atEnd), label: `${words} (${describeSpan(day, day)})`, ...(target.relative ? { relative: true as const } : {}) } };
}

/** The stretch a move "at the end of 2024" falls in: a year's last (or first) month, a month's last (or first) ten days. */
function edgeStretch(y: number, m: number | undefined, atEnd: boolean): { start: number; end: number } {
  if (m === undefined) return atEnd ? { start: dayNumber(y, 12, 1), end: dayNumber(y, 12, 31) } : { start: dayNumber(y, 1, 1), end: dayNumber(y, 1, 31) };
  const last = daysInMonth(y, m);
  return atEnd ? { start: dayNumber(y, m, last - 9), end: dayNumber(y, m, last) } : { start: dayNumber(y, m, 1), end: dayNumber(y, m, 10) };
}

/** "the first half of 2023", "the third quarter of 2023", "Q3 2023", "2023 Q3", "H1 2023". */
export function quarterOrHalfAt(r: Reader, i: number): Piece | undefined {
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

/**
 * "the third week of May 2024" (15 to 21 May), "the 1st week of March 2023", "the last week of
 * June 2022" (its last seven days): weeks counted from the first of the month, as a reader means.
 */
export function weekOfMonthAt(r: Reader, i: number): Piece | undefined {
  const w = word(r, i);
  const ordinal = w !== undefined ? ORDINAL_WORDS.get(w) : r.t[i]?.kind === 'num' && r.t[i]!.ordinal ? r.t[i]!.value : undefined;
  if (ordinal === undefined || word(r, i + 1) !== 'week' || word(r, i + 2) !== 'of') return undefined;
  const target = monthOrYearAt(r, i + 3);
  if (!target || target.m === undefined) return undefined;
  const { y, m } = target;
  const last = w === 'last' || w === 'final';
  if (!last && (ordinal < 1 || ordinal > 4)) return undefined;
  const length = daysInMonth(y, m);
  const from = last ? length - 6 : (ordinal - 1) * 7 + 1;
  const span = spanOf(dayNumber(y, m, from), dayNumber(y, m, from + 6), 'part-of-month');
  const which = last ? 'last' : ['first', 'second', 'third', 'fourth'][ordinal - 1];
  return { end: target.end, span: { ...span, label: `the ${which} week of ${MONTHS[m - 1]} ${y} (${span.label})` } };
}

/** "summer 2024", "the summer of 2024", "winter 2023/24" (December 2023 to February 2024). */
export function seasonAt(r: Reader, i: number): Piece | undefined {
  // ("sprng 2024": a slip on a season's name, before a year, is that season.)
  const season = SEASONS.get(word(r, i) ?? '') ?? misspeltSeason(word(r, i) ?? '');
  if (!season) return undefined;
  let j = i + 1;
  if (word(r, j) === 'of') j++;
  // "spring 22", "summer '23": a season with two digits is a season of that year, as newsrooms
  // write it (no day of a season is ever written so).
  const apostrophe = shortYearAt(r, j);
  const short = apostrophe ?? (r.t[j]?.kind === 'num' && !r.t[j]!.ordinal ? num(r, j, [2, 2]) : undefined);
  const y = yearAt(r, j) ?? (short === undefined ? undefined : short >= 2000 ? short : 2000 + short);
  if (y === undefined) return undefined;
  if (apostrophe !== undefined) j++;
  let end = j + 1;
  // "winter 2023/24" names the same winter as "winter 2023".
  if (season.first === 12 && punct(r, end, '/-') && glued(r, end) && glued(r, end + 1) && num(r, end + 1, [2, 2]) === (y + 1) % 100) end += 2;
  const span = monthSpan(y, season.first, 'season', 3);
  return { end, span: { ...span, approximate: true, label: `${season.name} ${y} (${span.label})` } };
}

/**
 * "this summer", "last winter", "next spring", read against today: this year's season (a winter
 * begun last December while it lasts), the latest one already over, or the first one to come.
 */
export function relativeSeasonAt(r: Reader, i: number): Piece | undefined {
  const w = word(r, i);
  if (w !== 'this' && w !== 'last' && w !== 'next') return undefined;
  const season = SEASONS.get(word(r, i + 1) ?? '');
  if (!season) return undefined;
  const { today } = r;
  const occurrence = (y: number) => monthSpan(y, season.first, 'season', 3);
  // The occurrences around today, oldest first: last year's, this year's, next year's.
  const around = [today.y - 2, today.y - 1, today.y, today.y + 1].map(occurrence);
  const current = around.find((s) => s.start <= today.day && today.day <= s.end);
  const span =
    w === 'this' ? (current ?? occurrence(season.first === 12 && today.m <= 2 ? today.y - 1 : today.y))
    : w === 'last' ? [...around].reverse().find((s) => s.end < today.day)!
    : around.find((s) => s.start > today.day)!;
  const y = Number(span.date.slice(0, 4));
  return { end: i + 2, span: { ...span, approximate: true, relative: true, label: `${w} ${season.name.toLowerCase()} (${season.name} ${y})` } };
}

/** "Easter 2023" (Good Friday to Easter Monday), "Christmas 2022", "Boxing Day 2022", "New Year's Day 2023". */
export function holidayAt(r: Reader, i: number): Piece | undefined {
  const w = holidayWord(word(r, i));
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
  } else if (w === 'nye') {
    // "NYE 2021": New Year's Eve, as newsrooms shorten it.
    j = i + 1;
    name = "New Year's Eve";
    days = (y) => [dayNumber(y, 12, 31), dayNumber(y, 12, 31)];
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

export function easter(y: number): number {
  const e = easterSunday(y);
  return dayNumber(y, e.month, e.day);
}

/** "the year to March 2024", "the year ending March 2024": the twelve months up to that month. */
export function yearToAt(r: Reader, i: number): Piece | undefined {
  if (word(r, i) !== 'year' || !['to', 'ending', 'ended'].includes(word(r, i + 1) ?? '')) return undefined;
  const target = monthOrYearAt(r, i + 2);
  if (!target || target.m === undefined) return undefined;
  const first = new Date(Date.UTC(target.y, target.m - 12, 1));
  const span = monthSpan(first.getUTCFullYear(), first.getUTCMonth() + 1, 'range', 12);
  return { end: target.end, span: { ...span, label: `the year to ${MONTHS[target.m - 1]} ${target.y} (${span.label})` } };
}

/** A holiday's name, or a slip on it ("chrismas", "christmass", "eastre"): one edit, same first letter. */
function holidayWord(w: string | undefined): string | undefined {
  if (w === undefined || w.length < 6) return w;
  for (const name of ['christmas', 'easter']) if (w !== name && w[0] === name[0] && editDistance(w, name, 1) <= 1) return name;
  return w;
}
