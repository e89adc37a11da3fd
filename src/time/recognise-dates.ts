// The date recogniser: reads every date, period, impossible date and event anchor in a text
// ("between March and June 2023", "since summer 2024", "31 February 2023", "after West Mids came
// out"), left to right over tokens in linear time. Pure: `today` is passed in, never read.

import { dayNumber, isValidDate } from './calendar.ts';
import { pieceAt, spanOfPiece, type Piece, type Reader, type Span, type Today } from './date-pieces.ts';
import { describeSpan } from './date-labels.ts';
import type { DateExpression, DateProblem, EventAnchor, RecognisedDates } from './date-types.ts';
import { anchorAt, engageObjects } from './event-anchors.ts';
import { daySpan, point } from './reader.ts';
import { tokenize, type Token } from './tokens.ts';

/** Only this much of a text is read: questions are capped at 500 characters well before this. */
export const MAX_DATE_TEXT = 1000;

export interface RecogniseOptions {
  /** Today's date, YYYY-MM-DD, for "last year" and "the past 12 months"; the caller reads the clock. */
  today: string;
  /**
   * Names of Engage beyond the built-in ones ("the naughty step", "enhanced scrutiny"), as the
   * knowledge base's vocabulary gives them: a move into or out of one of them is a move, whatever
   * the verb ("shoved onto the naughty step", "hauled out of enhanced scrutiny").
   */
  engageNames?: readonly string[];
}

/** Words that open a period at a date: "since 2019" is from 2019 on, "before 2022" everything up to it. */
const OPEN_WORDS = new Map<string, { open: 'after' | 'before'; exclusive: boolean }>([
  ['since', { open: 'after', exclusive: false }],
  ['from', { open: 'after', exclusive: false }],
  ['after', { open: 'after', exclusive: true }],
  ['before', { open: 'before', exclusive: true }],
  ['until', { open: 'before', exclusive: false }],
  ['till', { open: 'before', exclusive: false }],
]);
const TWO_WORD_OPENERS = new Map<string, { open: 'after' | 'before'; exclusive: boolean }>([
  ['up to', { open: 'before', exclusive: false }],
  ['prior to', { open: 'before', exclusive: true }],
]);

/**
 * "Which forces had left by the end of 2023?": after a perfect ("had", "has", "have"), "by" a
 * date counts everything up to it. Elsewhere ("in Engage by June 2022") it is the date itself.
 */
const BY_PERFECT = { open: 'before' as const, exclusive: false };
function perfectBefore(t: Token[], i: number): boolean {
  for (let k = 0; k < i; k++) if (t[k]!.kind === 'word' && (t[k]!.text === 'had' || t[k]!.text === 'has' || t[k]!.text === 'have')) return true;
  return false;
}

/** Range joiners: "March–June 2023", "from 2021 to 2023"; "and" only after "between". */
const DASHES = '-–—';
const JOIN_WORDS = new Set(['to', 'until', 'till', 'through', 'thru']);

/**
 * A four-digit number followed by one of these counts things ("2000 officers"), unless a word
 * such as "in" or "since" stands before it ("in 2024 forces left" is about 2024).
 */
const COUNT_NOUNS = new Set(['police', 'staff', 'people', 'personnel', 'crime', 'pounds', 'million', 'more', 'extra', 'new', 'fewer', 'other', 'of']);
const NOT_PLURALS = new Set(['was', 'has', 'is', 'as', 'its', 'this', 'thus', 'plus', 'less', 'unless', 'across', 'whereas', 'does', 'yes', 'us', 'his', 'hers', 'theirs', 'ours', 'always', 'perhaps', 'afterwards', 'towards', 'besides', 'sometimes', 'status']);
const DATE_LEADS = new Set(['in', 'during', 'since', 'by', 'from', 'until', 'till', 'before', 'after', 'throughout', 'year', 'early', 'late', 'mid', 'circa', 'between', 'as', 'on', 'at']);
const QUANTIFIERS = new Set(['about', 'around', 'over', 'nearly', 'almost', 'some', 'than', 'roughly', 'approximately', 'another', 'extra', 'additional', 'just', 'only', 'all']);

let lastToday: { text: string; value: Today } | undefined;

function parseToday(today: string): Today {
  if (lastToday?.text === today) return lastToday.value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number.NaN, Number.NaN, Number.NaN];
  if (!m || !isValidDate(y, mo, d)) throw new TypeError(`recogniseDates: options.today must be a real date written YYYY-MM-DD, not ${JSON.stringify(today)}`);
  const value = { y, m: mo, d, day: dayNumber(y, mo, d) };
  lastToday = { text: today, value };
  return value;
}

/** A bare four-digit number that counts something ("2000 officers", "£2022") is not a year. */
function isCount(t: Token[], i: number): boolean {
  const prev = t[i - 1];
  const next = t[i + 1];
  if (prev?.kind === 'punct' && '£$€'.includes(prev.text) && !prev.gap) return true;
  if (next?.kind === 'punct' && next.text === '%') return true;
  if (prev?.kind === 'word' && DATE_LEADS.has(prev.text)) return false;
  if (next?.kind !== 'word') return false;
  const w = next.text;
  const noun = COUNT_NOUNS.has(w) || (w.length >= 4 && w.endsWith('s') && !w.endsWith("'s") && !w.endsWith('ss') && !NOT_PLURALS.has(w));
  // "the 2021 inspections" is a year; "the 2000 officers" and "about 2024 officers" are counts.
  return noun && (t[i]!.value % 50 === 0 || (prev?.kind === 'word' && QUANTIFIERS.has(prev.text)));
}

/** What was read from token `first` up to (not including) token `end`: a period or a problem. */
type Found = { first: number; end: number } & ({ span: Span; until?: string; problem?: undefined } | { problem: string });

const textAt = (r: Reader, i: number): string | undefined => r.t[i]?.text;

/** A piece at i, or two joined into a range ("between March and June 2023", "2021 to 2023"). */
function periodAt(r: Reader, i: number, between: boolean): Found | undefined {
  const a = pieceAt(r, i, between);
  if (!a) return undefined;
  if (a.problem) return { first: i, end: a.end, problem: a.problem };
  const k = a.end;
  const joiner = r.t[k];
  const joins =
    joiner !== undefined &&
    ((joiner.kind === 'punct' && DASHES.includes(joiner.text)) || (joiner.kind === 'word' && (JOIN_WORDS.has(joiner.text) || (between && joiner.text === 'and'))));
  if (joins) {
    const b = pieceAt(r, textAt(r, k + 1) === 'the' ? k + 2 : k + 1, true);
    if (b?.problem) return { first: i, end: b.end, problem: b.problem };
    const range = b ? joinRange(a, b) : undefined;
    if (range) return { ...range, first: i, end: b!.end };
  }
  const span = spanOfPiece(a) ?? yearlessSpan(r, i, a);
  if (!span) return undefined;
  if (a.bareYear && isCount(r.t, i)) return undefined;
  return { span, first: i, end: a.end };
}

/**
 * "on 22 May", "the 6th of December": a day and month with no year stand for the latest such
 * day up to today (the answering stage may re-read the year from the subject's records). "may"
 * is a month here only after an ordinal or "on" ("22nd may", "on 22 may"), never in "2 may be".
 */
function yearlessSpan(r: Reader, i: number, a: Piece): Span | undefined {
  if (a.y !== undefined || a.m === undefined || a.d === undefined || a.d < 1 || a.span) return undefined;
  const dayFirst = r.t[i]?.kind === 'num';
  if (dayFirst && a.m === 5 && !r.t[i]!.ordinal && textAt(r, i - 1) !== 'on') return undefined;
  const passed = a.m < r.today.m || (a.m === r.today.m && a.d <= r.today.d);
  const y = passed ? r.today.y : r.today.y - 1;
  return { ...daySpan(y, a.m, a.d), yearless: true };
}

/**
 * "22nd or 23rd May 2025": the first day takes the month and year of the second, and is a date
 * of its own (the second is read next). Returns the first day only.
 */
function dayAlternativeAt(r: Reader, i: number): Found | undefined {
  const t = r.t;
  if (t[i]?.kind !== 'num' || t[i]!.digits > 2 || t[i]!.value < 1 || textAt(r, i + 1) !== 'or') return undefined;
  const b = pieceAt(r, i + 2);
  if (!b || b.problem || b.d === undefined || b.m === undefined) return undefined;
  const second = spanOfPiece(b) ?? yearlessSpan(r, i + 2, b);
  if (!second) return undefined;
  const y = Number(second.date.slice(0, 4));
  const first = point(i + 1, b.m, t[i]!.value, y);
  if (first.problem) return { first: i, end: i + 1, problem: first.problem };
  return { span: second.yearless ? { ...daySpan(y, b.m, t[i]!.value), yearless: true } : daySpan(y, b.m, t[i]!.value), first: i, end: i + 1 };
}

function joinRange(a: Piece, b: Piece): { span: Span; until: string } | { problem: string } | undefined {
  const bs = spanOfPiece(b);
  if (!bs) return undefined;
  let filled = a;
  if (a.span === undefined && a.y === undefined) {
    // "between March and June 2023": the first month takes the year of the second (or the year
    // before, for "December to February 2023").
    const by = b.y ?? Number(bs.date.slice(0, 4));
    filled = { ...a, y: a.m !== undefined && b.m !== undefined && a.m > b.m ? by - 1 : by };
  }
  const as = spanOfPiece(filled);
  if (!as) return undefined;
  if (bs.end < as.start) return { problem: `${describeSpan(as.start, as.end)} comes after ${describeSpan(bs.start, bs.end)}: the period ends before it starts.` };
  const span: Span = {
    start: as.start,
    end: bs.end,
    date: as.date,
    precision: 'range',
    label: describeSpan(as.start, bs.end),
    ...(as.approximate || bs.approximate ? { approximate: true as const } : {}),
    ...(as.relative || bs.relative ? { relative: true as const } : {}),
  };
  return { span, until: bs.date };
}

/** "6–20 March 2023": handled before the general rules, as the first day alone is no piece. */
function dayRangeAt(r: Reader, i: number): Found | undefined {
  const t = r.t;
  if (t[i]?.kind !== 'num' || t[i]!.digits > 2 || t[i]!.value < 1) return undefined;
  const j = t[i + 1];
  if (!j || !((j.kind === 'punct' && DASHES.includes(j.text)) || (j.kind === 'word' && (j.text === 'to' || j.text === 'and')))) return undefined;
  const b = pieceAt(r, i + 2);
  if (!b || b.problem || b.d === undefined || b.y === undefined || b.m === undefined) return undefined;
  const from = t[i]!.value;
  if (from >= b.d) return undefined;
  const start = dayNumber(b.y, b.m, from);
  const end = dayNumber(b.y, b.m, b.d);
  return { span: { start, end, date: `${b.y}-${String(b.m).padStart(2, '0')}-${String(from).padStart(2, '0')}`, precision: 'range', label: describeSpan(start, end) }, until: spanOfPiece(b)!.date, first: i, end: b.end };
}

/**
 * Every date, period, impossible date and event anchor in `text`, in order of appearance and
 * without overlaps. Reads at most MAX_DATE_TEXT characters.
 */
export function recogniseDates(text: string, options: RecogniseOptions): RecognisedDates {
  const today = parseToday(options.today);
  const source = text.length > MAX_DATE_TEXT ? text.slice(0, MAX_DATE_TEXT) : text;
  const t = tokenize(source);
  const r: Reader = { t, today };
  const dates: DateExpression[] = [];
  const problems: DateProblem[] = [];
  const anchors: EventAnchor[] = [];
  const slice = (first: number, end: number) => source.slice(t[first]!.start, t[end - 1]!.end);
  const objects = engageObjects(options.engageNames);

  let i = 0;
  while (i < t.length) {
    const w = t[i]!.kind === 'word' ? t[i]!.text : '';
    const anchor = anchorAt(t, source, i, objects);
    if (anchor) {
      anchors.push(anchor.anchor);
      if (anchor.also) anchors.push(anchor.also);
      i = anchor.end;
      continue;
    }
    // An opening word ("since", "up to") or "between", then the period.
    const two = TWO_WORD_OPENERS.get(`${w} ${t[i + 1]?.text ?? ''}`);
    const opener = two ?? OPEN_WORDS.get(w) ?? (w === 'by' && perfectBefore(t, i) ? BY_PERFECT : undefined);
    const between = w === 'between';
    let at = two ? i + 2 : opener || between ? i + 1 : i;
    // "since the summer of 2024", "before the end of 2022"
    if (at > i && t[at]?.text === 'the') at++;
    const found = dayRangeAt(r, at) ?? dayAlternativeAt(r, at) ?? periodAt(r, at, between || w === 'from');
    if (!found) {
      i++;
      continue;
    }
    if (found.problem !== undefined) {
      problems.push({ matched: slice(found.first, found.end), index: t[found.first]!.start, message: found.problem });
      i = found.end;
      continue;
    }
    const { span } = found;
    // "The stop and search line from the june 22 Met inspection": a date standing before a noun,
    // after "from the", names the thing ("the June 2022 inspection"); it opens no period.
    const after = t[found.end];
    const attributive = w === 'from' && t[i + 1]?.text === 'the' && after?.kind === 'word' && !/^(to|until|till|through|onwards?|on|and|or|-)$/.test(after.text);
    const openAt = attributive ? undefined : opener;
    const isRange = found.until !== undefined;
    // "from 2021 to 2023" and "between March and June" are closed ranges, taking their first word.
    const first = openAt || (between && isRange) ? i : found.first;
    const expression: DateExpression = {
      date: span.date,
      range: { start: span.start, end: span.end },
      matched: slice(first, found.end),
      index: t[first]!.start,
      precision: isRange ? 'range' : span.precision,
      label: span.label,
      ...(isRange ? { until: found.until } : {}),
      ...(span.approximate ? { approximate: true as const } : {}),
      ...(span.around ? { around: span.around } : {}),
      ...(span.relative ? { relativeToToday: true as const } : {}),
      ...(span.yearless ? { yearless: true as const } : {}),
    };
    // A range is closed whatever word opens it: "from 2021 to 2023", "since 2019 until 2021".
    if (openAt && !isRange) {
      const openWord = two ? `${w} ${t[i + 1]!.text}` : w;
      expression.open = openAt.open;
      expression.openWord = openWord;
      expression.range =
        openAt.open === 'after'
          ? { start: openAt.exclusive ? span.end + 1 : span.start, end: Number.POSITIVE_INFINITY }
          : { start: Number.NEGATIVE_INFINITY, end: openAt.exclusive ? span.start - 1 : span.end };
      expression.label = `${openWord === 'from' ? 'since' : openWord} ${span.label}`;
    }
    dates.push(expression);
    i = found.end;
  }
  return { dates, problems, anchors };
}
