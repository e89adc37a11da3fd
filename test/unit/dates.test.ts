// Unit tests for partial dates and date expressions in questions.

import { describe, expect, it } from 'vitest';
import { describeDuration, findDates, formatDate, MAX_DATE_INPUT, MAX_DATE_TEXT, parseDateInput, parseDateInputChecked, rangeOf } from '../../src/dates.ts';

describe('dates', () => {
  it('formats dates at their precision', () => {
    expect(formatDate('2022-06-28')).toBe('28 June 2022');
    expect(formatDate('2022-06')).toBe('June 2022');
    expect(formatDate('2019')).toBe('2019');
  });

  it('gives the range of days a partial date stands for', () => {
    const june = rangeOf('2022-06');
    expect(june.end - june.start).toBe(29);
    const year = rangeOf('2024');
    expect(year.end - year.start).toBe(365); // 2024 is a leap year
  });

  it.each([
    ['Which forces were in Engage in December 2022?', '2022-12'],
    ['who was in engage on 30 June 2022', '2022-06-30'],
    ['at the end of June 2022', '2022-06-30'],
    ['on June 30, 2022?', '2022-06-30'],
    ['in dec 2022', '2022-12'],
    ['on 2023-03-01', '2023-03-01'],
    ['on 01/03/2023', '2023-03-01'],
    ['in 2023', '2023'],
    ['at the start of 2024', '2024-01-01'],
    ['on the 6th of December 2024', '2024-12-06'],
  ])('finds the date in %j', (question, date) => {
    expect(findDates(question).map((d) => d.date)).toEqual([date]);
  });

  it('reads "since", "after", "before" and "until" as open-ended periods, taking the word with the date', () => {
    const since = findDates('which forces have been in engage since 2019')[0]!;
    expect(since).toMatchObject({ date: '2019', open: 'after', matched: 'since 2019' });
    expect(since.range.end).toBe(Number.POSITIVE_INFINITY);
    const before = findDates('was the met in engage before 2023')[0]!;
    expect(before).toMatchObject({ open: 'before', matched: 'before 2023' });
    expect(before.range.end).toBe(rangeOf('2023').start - 1);
    expect(findDates('after June 2024')[0]!.range.start).toBe(rangeOf('2024-07').start);
  });

  it('ignores numbers that are not dates, and impossible dates', () => {
    expect(findDates('about 69,000 crimes and 999 calls')).toEqual([]);
    // No 31 February: the month is all that can be read.
    expect(findDates('on 31 February 2023').map((d) => d.date)).toEqual(['2023-02']);
  });

  it('parses a date given on its own, and rejects anything else', () => {
    expect(parseDateInput('December 2022')?.date).toBe('2022-12');
    expect(parseDateInput(' 2022-12-01 ')?.date).toBe('2022-12-01');
    expect(parseDateInput('next tuesday')).toBeUndefined();
    expect(parseDateInput('2022 and 2023')).toBeUndefined();
  });

  it('never writes an impossible date as if it were one ("In ? 2022", "On 31 February 2023")', () => {
    expect(formatDate('2022-13')).toBe('2022-13');
    expect(formatDate('2023-02-31')).toBe('2023-02-31');
    expect(formatDate('0000-00-00')).toBe('0000-00-00');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('reads nothing out of an impossible numeric date in a question (issue 9, defect 5)', () => {
    for (const q of ['in Engage in 2022-13?', 'on 2023-02-31', 'on 0000-00-00', 'on 30/02/2022']) {
      expect(findDates(q)).toEqual([]);
    }
  });

  it('rejects impossible typed dates with a clear message (issue 9, defect 5)', () => {
    for (const input of ['2022-13', '2023-02-31', '0000-00-00', '31 February 2023', '30/02/2022']) {
      expect(parseDateInput(input)).toBeUndefined();
    }
    const checked = (input: string) => {
      const r = parseDateInputChecked(input);
      return r.ok ? r.date.date : r.problem.message;
    };
    expect(checked('31 February 2023')).toBe('There is no 31 February 2023.');
    expect(checked('2022-13')).toBe('2022-13 is not a date: months run from 01 to 12.');
    expect(checked('2023-02-31')).toBe('2023-02-31 is not a date: there is no 31 February 2023.');
    expect(checked('next tuesday')).toMatch(/^That could not be read as a date/);
    expect(checked('2022 and 2023')).toMatch(/^Give one date or period/);
    expect(checked('   ')).toMatch(/^No date was given/);
    expect(checked('December 2022')).toBe('2022-12');
    expect(checked('summer 2024')).toBe('2024-06');
  });

  it('reads a typed period, and "last year" only when told what today is', () => {
    const summer = parseDateInputChecked('summer 2024');
    expect(summer.ok && summer.date.range).toEqual({ start: rangeOf('2024-06-01').start, end: rangeOf('2024-08-31').end });
    // parseDateInput stays with days, months and years, whose date says it all.
    expect(parseDateInput('summer 2024')).toBeUndefined();
    expect(parseDateInput('since 2019')).toBeUndefined();
    const noToday = parseDateInputChecked('last year');
    expect(noToday.ok ? noToday.date.date : noToday.problem.message).toMatch(/depends on today's date/);
    const withToday = parseDateInputChecked('last year', { today: '2026-12-01' });
    expect(withToday.ok && withToday.date.date).toBe('2025');
  });

  it('caps what it reads (issue 9, defect 17: 50,000 characters took 2.9 s)', () => {
    const long = `december${' '.repeat(50_000)}2022`;
    const r = parseDateInputChecked(long);
    expect(r.ok ? r.date : r.problem.message).toMatch(new RegExp(`too long to be a date \\(${MAX_DATE_INPUT} characters at most\\)`));
    expect(findDates(`${'x'.repeat(MAX_DATE_TEXT)} in 2022`)).toEqual([]);
    expect(findDates(`in 2022 ${' '.repeat(50_000)}x`).map((d) => d.date)).toEqual(['2022']);
    // Its message never quotes what was typed: the adapter quotes it safely if it wants to.
    const typed = parseDateInputChecked('@everyone 2022-13');
    expect(typed.ok ? '' : typed.problem.message).not.toContain('@everyone');
  });

  it('describes durations in months, then years', () => {
    expect(describeDuration(0, 10)).toBe('10 days');
    expect(describeDuration(0, 670)).toBe('22 months');
    expect(describeDuration(0, 800)).toBe('2 years and 2 months');
  });
});
