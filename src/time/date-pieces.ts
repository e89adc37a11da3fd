// The date grammar's entry: the piece (a calendar point, a named period, a relative date, or a
// problem) starting at a token, trying the most specific rule first. Pure.

import { dayFirstAt, isoAt, monthFirstAt, numericAt, weekdayFirstAt } from './calendar-points.ts';
import { exactMonth, SEASONS, weekdayWord } from './month-words.ts';
import { edgeAt, holidayAt, partAt, quarterOrHalfAt, relativeSeasonAt, seasonAt, weekOfMonthAt, yearToAt } from './named-periods.ts';
import { NUMBER_WORDS, ORDINAL_WORDS, yearAt, type Piece, type Reader } from './reader.ts';
import { relativeAt } from './relative-dates.ts';

export { spanOfPiece, type Piece, type Reader, type Span, type Today } from './reader.ts';

/** Words that can open a piece other than a month or weekday. */
const STARTERS = new Set([
  'early', 'mid', 'middle', 'halfway', 'midway', 'late', 'back', 'tail', 'end', 'close', 'start', 'beginning', 'q', 'h', ...ORDINAL_WORDS.keys(), ...SEASONS.keys(),
  'easter', 'good', 'christmas', 'xmas', 'boxing', 'new', 'year', 'month', 'yesterday', 'today', 'last', 'this', 'next', 'past', 'previous', ...NUMBER_WORDS.keys(),
]);

/**
 * The piece starting at token i, if any: the first rule that reads one, most specific first.
 * `fuzzy` lets a misspelt month stand without a number beside it (inside a range).
 */
export function pieceAt(r: Reader, i: number, fuzzy = false): Piece | undefined {
  const tok = r.t[i];
  if (!tok) return undefined;
  if (tok.kind === 'num') {
    const p = isoAt(r, i) ?? numericAt(r, i) ?? quarterOrHalfAt(r, i) ?? weekOfMonthAt(r, i) ?? dayFirstAt(r, i) ?? relativeAt(r, i);
    if (p) return p;
    const y = yearAt(r, i);
    return y === undefined ? undefined : { end: i + 1, y, bareYear: true };
  }
  if (tok.kind !== 'word') return undefined;
  // Most words start no date: one set look-up turns them away before any rule runs.
  if (!STARTERS.has(tok.text) && exactMonth(tok.text) === undefined && weekdayWord(tok.text) === undefined && !(fuzzy || r.t[i + 1]?.kind === 'num' || (r.t[i + 1]?.text === 'of' && r.t[i + 2]?.kind === 'num'))) return undefined;
  return (
    weekdayFirstAt(r, i) ??
    yearToAt(r, i) ??
    partAt(r, i) ??
    edgeAt(r, i) ??
    quarterOrHalfAt(r, i) ??
    weekOfMonthAt(r, i) ??
    seasonAt(r, i) ??
    relativeSeasonAt(r, i) ??
    holidayAt(r, i) ??
    relativeAt(r, i) ??
    monthFirstAt(r, i, fuzzy)
  );
}
