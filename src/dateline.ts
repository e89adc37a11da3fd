// The one line that dates an answer: "As of 12 August 2025." — or, for an answer about "now" when
// the newest record is old relative to today, "Newest record 12 August 2025; sources checked to
// January 2026." Pure: the caller passes today and the knowledge base's newest record date.
// Every adapter shows this line once, and not at all when the text already says it.

import type { Answer } from './answer-types.ts';
import { formatDate, rangeOf } from './dates.ts';

/** A newest record older than this (in days, against today) is called out as old. */
export const STALE_AFTER_DAYS = 92;

const DAY_MS = 86_400_000;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export interface DatelineOptions {
  today?: Date;
  /**
   * The knowledge base's newest record date (BotCore.newestRecordDate). Only an answer that holds
   * as of that date speaks for "now", so only then is its age worth a note; unknown means no note.
   */
  newestRecord?: string;
}

/**
 * The dateline for an answer, or null when there is nothing to add (a timeless answer, or one
 * whose text already says "As of <date>" and needs no note about its age).
 */
export function datelineOf(answer: Pick<Answer, 'asOf' | 'checkedTo' | 'text'>, options: DatelineOptions = {}): string | null {
  const asOf = answer.asOf && PARTIAL_DATE.test(answer.asOf) ? answer.asOf : null;
  if (!asOf) return null;
  const saysAsOf = answer.text.toLowerCase().includes(`as of ${formatDate(asOf).toLowerCase()}`);
  const plain = saysAsOf ? null : `As of ${formatDate(asOf)}.`;

  const newest = options.newestRecord && PARTIAL_DATE.test(options.newestRecord) ? options.newestRecord : null;
  // An answer about the past ("in December 2022") is not made stale by time passing.
  if (!newest || rangeOf(asOf).end < rangeOf(newest).end) return plain;

  const checked = answer.checkedTo && PARTIAL_DATE.test(answer.checkedTo) ? answer.checkedTo : null;
  const todayDay = Math.floor((options.today ?? new Date()).getTime() / DAY_MS);
  const ageDays = todayDay - rangeOf(asOf).end;
  const stale = ageDays > STALE_AFTER_DAYS;
  // Only worth saying when the check reached past the newest record.
  const checkedLater = checked !== null && rangeOf(checked).end > rangeOf(asOf).end;
  if (!stale && !checkedLater) return plain;
  if (checkedLater) return `Newest record ${formatDate(asOf)}; sources checked to ${formatDate(checked)}.`;
  if (checked) return `Newest record ${formatDate(asOf)}; sources last checked ${formatDate(checked)}, so later changes may be missing.`;
  return `Newest record ${formatDate(asOf)}, ${monthsAgo(ageDays)} ago; later changes may be missing.`;
}

function monthsAgo(days: number): string {
  const months = Math.round(days / 30.44);
  if (months < 24) return `${months} month${months === 1 ? '' : 's'}`;
  return `${Math.round(months / 12)} years`;
}
