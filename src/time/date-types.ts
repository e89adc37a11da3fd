// The shapes a date recogniser hands to the rest of the core: a period found in text, a date
// that cannot exist, and a date given relative to an event. Types only.

import type { DayRange } from './partial-dates.ts';

/** How finely a recognised period is known. */
export type DatePrecision =
  | 'day'
  | 'part-of-month' // early / mid / late March 2023
  | 'month'
  | 'season' // summer 2024 (UK meteorological seasons)
  | 'quarter' // Q3 2023
  | 'half' // the first half of 2023
  | 'part-of-year' // early / mid / late 2023
  | 'year'
  | 'range' // between March and June 2023, 2021 to 2023
  | 'relative'; // in the past 12 months

/** A date or period the question asks about. */
export interface DateExpression {
  /**
   * The partial date it names, e.g. "2022-12" or "2022-06-30". For a period that is not one
   * calendar unit (a season, a range, "mid March") it is where the period starts: use `range`
   * for the days and `label` to write it.
   */
  date: string;
  range: DayRange;
  /** The words it was read from, e.g. "December 2022", as they stand in the text. */
  matched: string;
  /** Where in the text it was found (the same offset in the text and its lower-cased form). */
  index: number;
  /** "since 2019" / "after June 2022" (open to the newest record) or "before 2022" / "until …". */
  open?: 'after' | 'before';
  /** The word that opened it: "since", "after", "before", "until" … */
  openWord?: string;
  /** How finely it is known (recogniseDates sets it; findDates leaves it out). */
  precision?: DatePrecision;
  /** A period people mean loosely: mid/early/late, seasons, holidays, "the end of 2024". */
  approximate?: true;
  /**
   * "The end of 2024" is its last day when a state is asked ("who was in at the end of 2024?"),
   * but a move said to happen then falls in its last month: that wider stretch, for checking a
   * move against it.
   */
  around?: DayRange;
  /** Read against the `today` passed in: "last year", "this year", "two years ago". */
  relativeToToday?: true;
  /**
   * A day and month written without a year ("on 22 May"): read as the latest such day up to
   * `today`, and re-read by the answering stage against the subject's own records.
   */
  yearless?: true;
  /** For a range, the partial date it ends on ("between March and June 2023" → "2023-06"). */
  until?: string;
  /** How a newsroom would write the period: "summer 2024 (June to August 2024)". */
  label?: string;
}

/** A date that cannot exist, with the sentence to show the person who wrote it. */
export interface DateProblem {
  matched: string;
  index: number;
  /** "There is no 31 February 2023." / "2022-13 is not a date: months run from 01 to 12." */
  message: string;
}

/**
 * A time given by an event rather than a date: "after West Mids came out", "when the Met went
 * in". The caller resolves `subjectText` to an entity and its move's date, then calls
 * `resolveAnchor`.
 */
export interface EventAnchor {
  /** `during`: the whole of the subject's stay ("at the same time as the Met", "while Lincs was in"). */
  relation: 'after' | 'before' | 'since' | 'when' | 'until' | 'during';
  /** The subject as written: "West Mids", "the Met", "it". */
  subjectText: string;
  /**
   * Into Engage / special measures, out of it, or the stay itself (with `during`); or a person
   * taking up or leaving an office ("when Rowley took over", "after Dick resigned").
   */
  move: 'enter' | 'leave' | 'stay' | 'take-office' | 'leave-office';
  matched: string;
  index: number;
  /** "in the year GMP left", "the month Notts went in": the calendar unit holding the event's day (with `when`). */
  unit?: 'year' | 'month' | 'week';
  /** "in the 12 months before the Met got out", "within a month of the Met going in": how far the period runs from the event (with `before` or `after`). */
  spanDays?: number;
  /** "between the Met coming out and the end of 2025": this move opens (or closes) a span with the time after it. */
  between?: 'start' | 'end';
  /** "the spring after W Mids went in": the first such season after (or the last before) the event. */
  season?: { name: string; first: number };
}

export interface RecognisedDates {
  dates: DateExpression[];
  problems: DateProblem[];
  anchors: EventAnchor[];
}
