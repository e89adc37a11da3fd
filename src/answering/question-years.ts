// The year of a date written without one ("on 22 May", "the 29 June Mail piece", "sept 24"): read
// from the subject's records, from what is on record that day, or from a sibling date, so a
// day the asker meant in the past is not read as a day past the records. Pure.

import { describeDateExpression, formatDate, isoFromDay, rangeOf, type DateExpression } from '../dates.ts';
import type { KnowledgeIndex } from '../knowledge-index.ts';
import type { QuestionAnalysis } from './understand.ts';

export function coversToday(d: DateExpression, today: string | undefined): boolean {
  if (!today) return false;
  const day = rangeOf(today).start;
  return d.range.start <= day && d.range.end >= day && !d.open;
}

/**
 * "In 2019 and 2020", "in May or June 2024": two periods that follow each other, joined by
 * "and" or "or", are one period of the question. Others stay apart.
 */
export function joinAdjacentDates(question: string, dates: DateExpression[]): DateExpression[] {
  const out: DateExpression[] = [];
  for (const d of dates) {
    const previous = out.at(-1);
    const between = previous ? question.slice(previous.index + previous.matched.length, d.index) : '';
    if (previous && !previous.open && !d.open && /^\s*(and|or|&|,)\s*$/i.test(between) && d.range.start === previous.range.end + 1) {
      out[out.length - 1] = {
        date: previous.date,
        range: { start: previous.range.start, end: d.range.end },
        matched: question.slice(previous.index, d.index + d.matched.length),
        index: previous.index,
        precision: 'range',
        label: `${describeDateExpression(previous)} and ${describeDateExpression(d)}`,
        // "22nd or 23rd May": still without a year, so the records may supply it.
        ...(previous.yearless && d.yearless ? { yearless: true as const } : {}),
      };
      continue;
    }
    out.push(d);
  }
  return out;
}

/**
 * "Did Notts get out on 22 May?": a day written without its year takes the year of the named
 * subject's Engage move on that day, or in that month; failing both, the reader's reading (the
 * latest such day) stands.
 */
/**
 * "28th or 30th June?": two yearless days asked side by side are of one year, so a day the records
 * place ("28 June": 2022) gives its year to one they do not, which would otherwise read as a
 * day past the records.
 */
export function sameYearAsSiblings(dates: DateExpression[], index: KnowledgeIndex): DateExpression[] {
  const newest = rangeOf(index.newestRecordDate).end;
  const placed = dates.find((d) => d.yearless && d.range.start <= newest);
  if (!placed) return dates;
  const year = placed.date.slice(0, 4);
  return dates.map((d) => {
    if (!d.yearless || d.range.start <= newest || d.precision !== 'day') return d;
    const date = year + d.date.slice(4);
    return { ...d, date, range: rangeOf(date), label: describeDateExpression({ ...d, date, range: rangeOf(date), label: undefined }) };
  });
}

export function yearFromRecords(d: DateExpression, entities: QuestionAnalysis['entities'], index: KnowledgeIndex): DateExpression {
  const monthDay = d.date.slice(4);
  const last = d.until ?? (d.precision === 'range' ? isoFromDay(d.range.end) : d.date);
  const moves = entities.flatMap((e) => index.eventsByEntity.get(e.id) ?? []);
  // "WMP got let out in sept 24", "the june 22 coverage": a month and two digits is also a month
  // and a year, as newsrooms write them. The reading the subject's records support wins: Sept 2024
  // for West Midlands Police's exit, but 22 May (2025) for "Notts left on May 22".
  const monthYear = /^[a-z]+\.?\s+(\d{2})$/i.exec(d.matched.trim());
  if (monthYear && d.precision === 'day') {
    const asMonth = `20${monthYear[1]}-${d.date.slice(5, 7)}`;
    const onDay = moves.some((m) => m.date.slice(4) === monthDay);
    // (With no subject's move to go by, a day reading past the newest record — "acting commish in
    // june 22" read as 22 June this year — is less likely meant than the month and year.)
    const dayPastRecords = d.range.start > rangeOf(index.newestRecordDate).end && rangeOf(asMonth).end <= rangeOf(index.newestRecordDate).end;
    if (!onDay && (moves.some((m) => m.date.startsWith(asMonth)) || (moves.length === 0 && dayPastRecords))) {
      const { yearless: _dayReading, ...rest } = d;
      return { ...rest, date: asMonth, range: rangeOf(asMonth), precision: 'month', label: formatDate(asMonth) };
    }
  }
  // A move on a day the question names (or between its two days), else one in its month.
  const within = (m: { date: string }) => m.date.length === 10 && m.date.slice(4) >= monthDay && m.date.slice(4) <= last.slice(4);
  let move: { date: string } | undefined = moves.find(within) ?? moves.find((m) => m.date.slice(4, 7) === monthDay.slice(0, 3));
  // "The 29 June Mail piece", "28th or 30th June?": with no subject's move to go by, a day read
  // as this year's would be past the records; the latest year in which something on record
  // happened on that day is what the asker means.
  if (!move && d.range.start > rangeOf(index.newestRecordDate).end) {
    const onThatDay = [...index.eventsById.values(), ...index.docs.map((doc) => doc.fact)].filter((x) => x.date !== undefined && within({ date: x.date }));
    move = onThatDay.map((x) => ({ date: x.date! })).sort((a, b) => b.date.localeCompare(a.date))[0];
  }
  if (!move || move.date.slice(0, 4) === d.date.slice(0, 4)) return d;
  const year = move.date.slice(0, 4);
  const date = year + monthDay;
  const end = last !== d.date ? year + last.slice(4) : undefined;
  const range = { start: rangeOf(date).start, end: rangeOf(end ?? date).end };
  const label = end ? `${formatDate(date)} and ${formatDate(end)}` : describeDateExpression({ ...d, date, range, label: undefined });
  return { ...d, date, range, label, ...(d.until && end ? { until: end } : {}) };
}
