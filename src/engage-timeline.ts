// Reasoning over the Engage timeline: periods in Engage per force or service, who was in Engage
// on a day or during a month/year, and the sentences that state those records. Every sentence
// produced here restates one curated status event (its date, reasons or note). Pure.

import type { Entity, StatusEvent } from '../knowledge/schema.ts';
import { describeDuration, formatDate, precisionOf, rangeOf, type DayRange } from './dates.ts';

/** One stay in Engage: an entry and, if it has happened, the exit. */
export interface EngagePeriod {
  entity: Entity;
  entry: StatusEvent;
  exit?: StatusEvent;
}

/** Pairs each entry with the exit that follows it. */
export function periodsOf(entity: Entity, events: StatusEvent[]): EngagePeriod[] {
  const periods: EngagePeriod[] = [];
  for (const event of events) {
    if (event.event === 'entered_engage') periods.push({ entity, entry: event });
    else {
      const open = periods.at(-1);
      if (open && !open.exit) open.exit = event;
    }
  }
  return periods;
}

export type Overlap = 'yes' | 'possibly' | 'no';

/**
 * Whether a period overlaps a window of days. "possibly" when only the imprecise end of a date
 * (an entry known to the month, say) makes it overlap.
 */
export function overlap(period: EngagePeriod, window: DayRange): Overlap {
  const entry = rangeOf(period.entry.date);
  const exit = period.exit ? rangeOf(period.exit.date) : undefined;
  // Earliest and latest possible first day in Engage; earliest and latest possible last day.
  const latestStart = entry.end;
  const earliestStart = entry.start;
  const earliestEnd = exit ? exit.start - 1 : Number.POSITIVE_INFINITY;
  const latestEnd = exit ? exit.end - 1 : Number.POSITIVE_INFINITY;
  if (earliestStart > window.end || latestEnd < window.start) return 'no';
  if (latestStart <= window.end && earliestEnd >= window.start && latestStart <= earliestEnd) return 'yes';
  return 'possibly';
}

/** The entity's name as it reads in a sentence; `start` capitalises a leading article. */
export function nameOf(entity: Entity, start = false): string {
  if (!entity.article) return entity.name;
  return `${start ? 'The' : 'the'} ${entity.name}`;
}

const on = (date: string) => (precisionOf(date) === 'day' ? `on ${formatDate(date)}` : `in ${formatDate(date)}`);

export function isConfirmed(event: StatusEvent): boolean {
  return event.confidence !== 'unconfirmed';
}

/** "Lincolnshire Police was moved into Engage … on 6 December 2024." */
export function entrySentence(entity: Entity, event: StatusEvent): string {
  if (!isConfirmed(event)) {
    return `${nameOf(entity, true)} was reported to have been placed in enhanced monitoring (Engage) ${on(event.date)}, but the inspectorate has not confirmed it in the records held here.`;
  }
  return `${nameOf(entity, true)} was moved into Engage, HMICFRS's enhanced monitoring phase often called "special measures", ${on(event.date)}.`;
}

/** "… left Engage and returned to routine monitoring on 23 January 2025." */
export function exitSentence(entity: Entity, event: StatusEvent): string {
  return `${nameOf(entity, true)} left Engage and returned to routine monitoring (Scan) ${on(event.date)}.`;
}

export function reasonsSentence(entity: Entity, event: StatusEvent): string | undefined {
  if (event.reasons.length === 0) return undefined;
  const list = joinReasons(event.reasons);
  return event.event === 'entered_engage'
    ? `The inspectorate's concerns about ${nameOf(entity)} included: ${list}.`
    : `The inspectorate found that ${nameOf(entity)} had improved on: ${list}.`;
}

function joinReasons(reasons: string[]): string {
  const clean = reasons.map((r) => r.trim().replace(/[.;]+$/, ''));
  return clean.join('; ');
}

/** The event's note, shown when its date or confidence needs explaining. */
export function noteSentence(event: StatusEvent): string | undefined {
  if (!event.note) return undefined;
  const note = event.note.trim();
  return /[.!?]$/.test(note) ? `Note: ${note}` : `Note: ${note}.`;
}

export function needsNote(event: StatusEvent): boolean {
  return event.confidence !== 'verified' || precisionOf(event.date) !== 'day';
}

/** "since 6 December 2024" / "from June 2022 to 21 May 2024". */
export function periodPhrase(period: EngagePeriod): string {
  const from = formatDate(period.entry.date);
  if (!period.exit) return `since ${from}`;
  return `from ${from} to ${formatDate(period.exit.date)}`;
}

/** How long a period lasted (or has lasted as of `asOf`): "about 22 months". */
export function periodDuration(period: EngagePeriod, asOf: string): string {
  // A date known only to the month ("December 2020") is best estimated by its middle: counting
  // from its first day would add half a month to every such stay.
  const middle = (d: string) => {
    const r = rangeOf(d);
    return Math.round((r.start + r.end) / 2);
  };
  const start = middle(period.entry.date);
  const end = period.exit ? middle(period.exit.date) : rangeOf(asOf).end;
  const approximate = precisionOf(period.entry.date) !== 'day' || (period.exit !== undefined && precisionOf(period.exit.date) !== 'day');
  return `${approximate ? 'about ' : ''}${describeDuration(start, end)}`;
}
