// Where a recognised period stands against the records held: wholly after the newest record
// (a question about the future, to decline as for "will"), partly after it, or within. Pure.

import type { DateExpression } from './date-types.ts';
import { rangeOf } from './partial-dates.ts';

export type RecordWindow = 'within' | 'partly-after' | 'after';

/**
 * "in 2030" with the newest record dated 2025-08-12 → 'after'; "in 2025" → 'partly-after' (the
 * records cover it up to that day); "since 2019" → 'within' (an open end is "up to now").
 */
export function againstRecords(date: DateExpression, newestRecordDate: string): RecordWindow {
  const newest = rangeOf(newestRecordDate).end;
  if (date.range.start > newest) return 'after';
  if (date.range.end !== Number.POSITIVE_INFINITY && date.range.end > newest) return 'partly-after';
  return 'within';
}
