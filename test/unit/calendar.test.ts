// Unit tests for calendar arithmetic: Easter against published dates, weekdays, day numbers.

import { describe, expect, it } from 'vitest';
import { dayNumber, easterSunday, isoFromDay, isValidDate, weekdayOf } from '../../src/dates.ts';

describe('calendar', () => {
  it.each([
    [2000, '04-23'], [2008, '03-23'], [2011, '04-24'], [2019, '04-21'], [2020, '04-12'], [2021, '04-04'],
    [2022, '04-17'], [2023, '04-09'], [2024, '03-31'], [2025, '04-20'], [2026, '04-05'], [2038, '04-25'], [2285, '03-22'],
  ])('Easter Sunday %i is on %s', (year, date) => {
    const { month, day } = easterSunday(year);
    expect(`${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).toBe(date);
  });

  it('knows weekdays and turns day numbers back into dates', () => {
    expect(weekdayOf(dayNumber(2024, 12, 6))).toBe(5); // a Friday
    expect(weekdayOf(dayNumber(1970, 1, 1))).toBe(4); // a Thursday
    expect(isoFromDay(dayNumber(2024, 2, 29))).toBe('2024-02-29');
  });

  it('knows which dates exist', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(2022, 13, 1)).toBe(false);
    expect(isValidDate(0, 0, 0)).toBe(false);
  });
});
