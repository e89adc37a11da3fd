// Writes a span of days the way a newsroom would ("June to August 2024", "11 to 20 March 2023",
// "December 2023 to February 2024"), for the labels of recognised periods. Pure.

import { civilFromDay, daysInMonth } from './calendar.ts';
import { MONTHS } from './partial-dates.ts';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ymd = (day: number): Ymd => civilFromDay(day);

/** The shortest faithful words for the days start..end (inclusive). */
export function describeSpan(start: number, end: number): string {
  const a = ymd(start);
  const b = ymd(end);
  const wholeMonths = a.d === 1 && b.d === daysInMonth(b.y, b.m);
  const month = (x: Ymd) => MONTHS[x.m - 1]!;
  if (wholeMonths) {
    if (a.y === b.y && a.m === 1 && b.m === 12) return String(a.y);
    if (a.m === 1 && b.m === 12) return `${a.y} to ${b.y}`;
    if (a.y === b.y && a.m === b.m) return `${month(a)} ${a.y}`;
    if (a.y === b.y) return `${month(a)} to ${month(b)} ${a.y}`;
    return `${month(a)} ${a.y} to ${month(b)} ${b.y}`;
  }
  if (start === end) return `${a.d} ${month(a)} ${a.y}`;
  if (a.y === b.y && a.m === b.m) return `${a.d} to ${b.d} ${month(a)} ${a.y}`;
  if (a.y === b.y) return `${a.d} ${month(a)} to ${b.d} ${month(b)} ${a.y}`;
  return `${a.d} ${month(a)} ${a.y} to ${b.d} ${month(b)} ${b.y}`;
}
