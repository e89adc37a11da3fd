// Dates for the whole bot, in one import: partial dates (YYYY, YYYY-MM, YYYY-MM-DD) and their
// ranges and wording, the date recogniser for questions, and typed-in dates. Pure; the code is
// in src/time/ (one file per idea), re-exported here so callers keep one place to import from.

export { dayNumber, daysInMonth, easterSunday, isoFromDay, isValidDate, weekdayOf } from './time/calendar.ts';
export { describeSpan } from './time/date-labels.ts';
export type { DateExpression, DatePrecision, DateProblem, EventAnchor, RecognisedDates } from './time/date-types.ts';
export { anchorEventDate, anchorStay, resolveAnchor, resolveStay, type AnchorPeriod } from './time/event-anchors.ts';
export { findDates, MAX_DATE_INPUT, parseDateInput, parseDateInputChecked, type DateInputResult } from './time/find-dates.ts';
export { compareDates, describeDuration, formatDate, MONTHS, onDate, precisionOf, rangeOf, type DayRange, type Precision } from './time/partial-dates.ts';
export { MAX_DATE_TEXT, recogniseDates, type RecogniseOptions } from './time/recognise-dates.ts';
export { describeAsked, describeDateExpression, introduceDate } from './time/describe.ts';
export { againstRecords, type RecordWindow } from './time/record-window.ts';
export { maskRecognised } from './time/mask-dates.ts';
export { isDateWord } from './time/month-words.ts';
export { DAYS_IN_UNIT, lengthInDays, NUMBER_WORDS, unitOf } from './time/reader.ts';
