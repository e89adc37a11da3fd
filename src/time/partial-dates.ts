// Partial dates as the knowledge base writes them (YYYY, YYYY-MM, YYYY-MM-DD): the days they
// stand for, ordering, and human formatting. Pure; depends on nothing but the calendar helpers.

import { dayNumber, daysInMonth, isValidDate } from './calendar.ts';

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

export function precisionOf(date: string): Precision {
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}

/** The days a partial date may stand for: "2022-06" is 1–30 June 2022. */
export function rangeOf(date: string): DayRange {
  // Records and sources carry a few thousand fixed dates that every question compares (often in
  // a sort comparator): parse each once. Bounded, so odd input cannot grow it without limit.
  const cached = rangeCache.get(date);
  if (cached) return { start: cached.start, end: cached.end };
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  let range: DayRange;
  if (m === undefined) range = { start: dayNumber(y, 1, 1), end: dayNumber(y, 12, 31) };
  else if (d === undefined) range = { start: dayNumber(y, m, 1), end: dayNumber(y, m, daysInMonth(y, m)) };
  else {
    const day = dayNumber(y, m, d);
    range = { start: day, end: day };
  }
  if (rangeCache.size < 50_000) rangeCache.set(date, range);
  return { start: range.start, end: range.end };
}

const rangeCache = new Map<string, DayRange>();

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * "28 June 2022", "June 2022" or "2019", as a newsroom would write them. Anything that is not a
 * real partial date comes back as written: printing "2022-13" is honest, "? 2022" is not.
 */
/** A record's date with its preposition: "on 6 December 2024", "in December 2020", "in 2019". */
export function onDate(date: string): string {
  return `${date.length === 10 ? 'on' : 'in'} ${formatDate(date)}`;
}

export function formatDate(date: string): string {
  const m = PARTIAL_DATE.exec(date);
  if (!m) return date;
  const [y, mo, d] = [Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  if (mo === undefined) return String(y);
  if (!isValidDate(y, mo, d ?? 1)) return date;
  const month = MONTHS[mo - 1]!;
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
