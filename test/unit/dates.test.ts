// Unit tests for partial dates and date expressions in questions.

import { describe, expect, it } from 'vitest';
import { describeDuration, findDates, formatDate, parseDateInput, rangeOf } from '../../src/dates.ts';

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

  it('describes durations in months, then years', () => {
    expect(describeDuration(0, 10)).toBe('10 days');
    expect(describeDuration(0, 670)).toBe('22 months');
    expect(describeDuration(0, 800)).toBe('2 years and 2 months');
  });
});
