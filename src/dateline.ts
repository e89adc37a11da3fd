// The one line that dates an answer: "As of 12 August 2025." — or, when the newest record is old
// relative to today, "Newest record 12 August 2025; sources checked to January 2026." Pure: the
// caller passes today. Every adapter shows this line once, and never when the text already says it.

import type { Answer } from './answer-types.ts';
import { formatDate, rangeOf } from './dates.ts';

/** A record older than this (in days, against today) is called out as old. */
export const STALE_AFTER_DAYS = 92;

const DAY_MS = 86_400_000;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * The dateline for an answer, or null when there is nothing to add (a timeless answer, or one
 * whose text already opens "As of <date>" and whose newest record is recent).
 */
export function datelineOf(answer: Pick<Answer, 'asOf' | 'checkedTo' | 'text'>, today: Date = new Date()): string | null {
  const asOf = answer.asOf && PARTIAL_DATE.test(answer.asOf) ? answer.asOf : null;
  if (!asOf) return null;
  const checked = answer.checkedTo && PARTIAL_DATE.test(answer.checkedTo) ? answer.checkedTo : null;
  const todayDay = Math.floor(today.getTime() / DAY_MS);
  const ageDays = todayDay - rangeOf(asOf).end;
  const stale = ageDays > STALE_AFTER_DAYS;
  // Only worth saying when the check reached past the newest record.
  const checkedLater = checked !== null && rangeOf(checked).end > rangeOf(asOf).end;
  const saysAsOf = answer.text.toLowerCase().includes(`as of ${formatDate(asOf).toLowerCase()}`);

  if (!stale && !checkedLater) return saysAsOf ? null : `As of ${formatDate(asOf)}.`;
  const checkedPart = checkedLater
    ? `sources checked to ${formatDate(checked)}`
    : checked
      ? `sources last checked ${formatDate(checked)}, so later changes may be missing`
      : null;
  if (checkedPart === null) return `Newest record ${formatDate(asOf)}, ${monthsAgo(ageDays)} ago; later changes may be missing.`;
  return `Newest record ${formatDate(asOf)}; ${checkedPart}.`;
}

function monthsAgo(days: number): string {
  const months = Math.round(days / 30.44);
  if (months < 24) return `${months} month${months === 1 ? '' : 's'}`;
  return `${Math.round(months / 12)} years`;
}
