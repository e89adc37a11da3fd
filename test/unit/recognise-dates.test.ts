// Unit tests for recogniseDates: each kind of date people write, what it resolves to, what must
// stay words, and impossible dates with their messages.

import { describe, expect, it } from 'vitest';
import { againstRecords, dayNumber, introduceDate, isDateWord, maskRecognised, describeDateExpression, rangeOf, recogniseDates, type DateExpression } from '../../src/dates.ts';

const TODAY = '2026-12-01';
const read = (text: string, today = TODAY) => recogniseDates(text, { today });
const only = (text: string, today = TODAY): DateExpression => {
  const { dates, problems } = read(text, today);
  expect(problems).toEqual([]);
  expect(dates).toHaveLength(1);
  return dates[0]!;
};
const day = (iso: string) => rangeOf(iso).start;
const span = (d: DateExpression) => [d.range.start, d.range.end];

describe('recogniseDates: calendar dates', () => {
  it.each([
    ['on 30 June 2022', '2022-06-30', 'day'],
    ['on the 6th of December 2024', '2024-12-06', 'day'],
    ['6th December 2024', '2024-12-06', 'day'],
    ['December 6, 2024', '2024-12-06', 'day'],
    ['december the 6th 2024', '2024-12-06', 'day'],
    ['Friday 6 December 2024', '2024-12-06', 'day'],
    ['Fri, 6 Dec 2024', '2024-12-06', 'day'],
    ['on 2023-03-01', '2023-03-01', 'day'],
    ['on 01/03/2023', '2023-03-01', 'day'],
    ['on 12/31/2024', '2024-12-31', 'day'], // no UK reading exists, so the US one is safe
    ['in December 2022', '2022-12', 'month'],
    ['in Dec. 2022', '2022-12', 'month'],
    ['in Sept 2023', '2023-09', 'month'],
    ['in 12/2022', '2022-12', 'month'],
    ['in 2022-06', '2022-06', 'month'],
    ['back in 2019', '2019', 'year'],
    ['in 2030', '2030', 'year'], // the future is still a date: the caller declines it
  ])('%j → %s (%s)', (text, date, precision) => {
    expect(only(text)).toMatchObject({ date, precision });
  });

  it('keeps the matched words and their offset in the original text', () => {
    const d = only('Which forces were in Engage in Dec. 2022?');
    expect(d.matched).toBe('Dec. 2022');
    expect(d.index).toBe('Which forces were in Engage in '.length);
    expect(d.label).toBe('December 2022');
  });

  it.each([
    ['decembr 2022', '2022-12'],
    ['Febuary 2023', '2023-02'],
    ['agust 2024', '2024-08'],
    ['Novmber 2023', '2023-11'],
    ['Janaury 2025', '2025-01'], // a swap of neighbours is one edit
    ['6 septmber 2024', '2024-09-06'],
  ])('reads the misspelt month in %j', (text, date) => {
    expect(only(text).date).toBe(date);
  });

  it.each([
    'may I ask which forces may be in special measures?',
    'Which forces may leave Engage soon?',
    'the march on Parliament',
    'a decembr party', // a misspelling counts only next to a number
    'about 43 forces',
    'the 2000 officers it recruited',
    'about 2024 officers',
    'in 2 years',
    '999 calls and 69,000 crimes',
    '£2022 in fines',
    'open 24/7',
    'in March', // a month with no year or day is not a date
    'ask <#C2022|general> and <@U1999>', // numbers inside ids
    'the A1 March 2023b route',
  ])('finds no date in %j', (text) => {
    const { dates, problems } = read(text);
    expect(dates).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('never turns a real word next to a year into a month', () => {
    expect(read('the Jaguar 2022 models').dates.map((d) => d.date)).toEqual(['2022']);
    expect(read('the Marsh 2022 report').dates.map((d) => d.date)).toEqual(['2022']);
  });

  it('reads a four-digit year as a year after "in", "since" and the like, and before most words', () => {
    expect(only('in 2000 officers').date).toBe('2000');
    expect(only('the 2021 inspections').date).toBe('2021');
    expect(only('2022 was a bad year').date).toBe('2022');
  });
});

describe('recogniseDates: periods people mean loosely', () => {
  it('reads Easter as Good Friday to Easter Monday, and Christmas as 25 December', () => {
    const easter = only('over Easter 2023');
    expect(span(easter)).toEqual([day('2023-04-07'), day('2023-04-10')]);
    expect(easter).toMatchObject({ approximate: true, label: 'Easter 2023 (7 to 10 April 2023)' });
    expect(only('at Christmas 2022')).toMatchObject({ date: '2022-12-25', precision: 'day', approximate: true });
    expect(only('on Boxing Day 2022').date).toBe('2022-12-26');
    expect(only("on New Year's Day 2023").date).toBe('2023-01-01');
    expect(only('on Good Friday 2024').date).toBe('2024-03-29');
  });

  it('uses UK meteorological seasons, winter running into the next year', () => {
    const summer = only('in summer 2024');
    expect(summer).toMatchObject({ date: '2024-06', precision: 'season', approximate: true, label: 'summer 2024 (June to August 2024)' });
    expect(span(summer)).toEqual([day('2024-06-01'), day('2024-08-31')]);
    expect(span(only('in the spring of 2023'))).toEqual([day('2023-03-01'), day('2023-05-31')]);
    expect(span(only('autumn 2022'))).toEqual([day('2022-09-01'), day('2022-11-30')]);
    const winter = only('in winter 2023');
    expect(span(winter)).toEqual([day('2023-12-01'), day('2024-02-29')]);
    expect(span(only('winter 2023/24'))).toEqual(span(winter));
  });

  it('reads early, mid and late March as the 1st–10th, 11th–20th and 21st–end', () => {
    expect(span(only('in early March 2023'))).toEqual([day('2023-03-01'), day('2023-03-10')]);
    expect(span(only('in mid-March 2023'))).toEqual([day('2023-03-11'), day('2023-03-20')]);
    expect(span(only('in late February 2024'))).toEqual([day('2024-02-21'), day('2024-02-29')]);
    expect(only('mid March 2023')).toMatchObject({ precision: 'part-of-month', approximate: true });
    expect(span(only('in early 2023'))).toEqual([day('2023-01-01'), day('2023-04-30')]);
    expect(span(only('in late 2023'))).toEqual([day('2023-09-01'), day('2023-12-31')]);
  });

  it('reads the start and end of a year or month as that day', () => {
    expect(only('at the start of 2024')).toMatchObject({ date: '2024-01-01', approximate: true });
    expect(only('at the end of 2024')).toMatchObject({ date: '2024-12-31' });
    expect(only('at the end of June 2022').date).toBe('2022-06-30');
  });

  it('reads the forms UK statistics and chat use', () => {
    expect(only('in Dec-2022')).toMatchObject({ date: '2022-12', precision: 'month' });
    expect(only("in June '22")).toMatchObject({ date: '2022-06', matched: "June '22" });
    expect(only('at the end of last year')).toMatchObject({ date: '2025-12-31', relativeToToday: true });
    expect(span(only('in early this year'))).toEqual([day('2026-01-01'), day('2026-04-30')]);
    expect(span(only('in the year to March 2024'))).toEqual([day('2023-04-01'), day('2024-03-31')]);
    expect(span(only('Jan-Mar 2024'))).toEqual([day('2024-01-01'), day('2024-03-31')]);
    expect(only('on 30.06.2022').date).toBe('2022-06-30');
    expect(only('on Tuesday 28th June 2022').date).toBe('2022-06-28');
  });

  it('reads halves and quarters', () => {
    expect(span(only('in the first half of 2023'))).toEqual([day('2023-01-01'), day('2023-06-30')]);
    expect(span(only('the second half of 2023'))).toEqual([day('2023-07-01'), day('2023-12-31')]);
    expect(only('in Q3 2023')).toMatchObject({ date: '2023-07', precision: 'quarter', label: 'Q3 2023 (July to September 2023)' });
    expect(span(only('2023 Q3'))).toEqual(span(only('in Q3 2023')));
    expect(span(only('the third quarter of 2023'))).toEqual(span(only('in Q3 2023')));
    expect(span(only('the last quarter of 2023'))).toEqual([day('2023-10-01'), day('2023-12-31')]);
    expect(span(only('H1 2023'))).toEqual([day('2023-01-01'), day('2023-06-30')]);
  });

  it('reads weeks of a month, counted from its first day', () => {
    expect(span(only('in the third week of May 2024'))).toEqual([day('2024-05-15'), day('2024-05-21')]);
    expect(only('the 1st week of March 2023')).toMatchObject({ label: 'the first week of March 2023 (1 to 7 March 2023)' });
    expect(span(only('in the last week of February 2024'))).toEqual([day('2024-02-23'), day('2024-02-29')]);
    expect(span(only('the fourth week of June 2022'))).toEqual([day('2022-06-22'), day('2022-06-28')]);
    // A fifth week is no week the reader can place; nor is a week of a year.
    expect(recogniseDates('the fifth week of May 2024', { today: '2026-12-01' }).dates.every((d) => !/week/.test(d.label ?? ''))).toBe(true);
  });
});

describe('recogniseDates: ranges and open periods', () => {
  it.each([
    ['between March and June 2023', '2023-03', '2023-06', '2023-03-01', '2023-06-30'],
    ['between March 2022 and June 2023', '2022-03', '2023-06', '2022-03-01', '2023-06-30'],
    ['from 2021 to 2023', '2021', '2023', '2021-01-01', '2023-12-31'],
    ['March–June 2023', '2023-03', '2023-06', '2023-03-01', '2023-06-30'],
    ['March to June 2023', '2023-03', '2023-06', '2023-03-01', '2023-06-30'],
    ['2022-2023', '2022', '2023', '2022-01-01', '2023-12-31'],
    ['between December and February 2023', '2022-12', '2023-02', '2022-12-01', '2023-02-28'],
    ['between Janaury and August 2025', '2025-01', '2025-08', '2025-01-01', '2025-08-31'],
    ['6–20 March 2023', '2023-03-06', '2023-03-20', '2023-03-06', '2023-03-20'],
  ])('%j runs %s to %s', (text, date, until, from, to) => {
    const d = only(text);
    expect(d).toMatchObject({ date, until, precision: 'range' });
    expect(span(d)).toEqual([day(from), day(to)]);
    expect(d.matched).toBe(text);
  });

  it('reads "2022/23" as the financial year, April to March', () => {
    expect(span(only('in 2022/23'))).toEqual([day('2022-04-01'), day('2023-03-31')]);
  });

  it('opens a period with since, after, from, before, until, up to and prior to', () => {
    const since = only('since 2019');
    expect(since).toMatchObject({ open: 'after', openWord: 'since', matched: 'since 2019', label: 'since 2019' });
    expect(span(since)).toEqual([day('2019-01-01'), Number.POSITIVE_INFINITY]);
    expect(span(only('after June 2022'))).toEqual([day('2022-07-01'), Number.POSITIVE_INFINITY]);
    expect(span(only('before 2023'))).toEqual([Number.NEGATIVE_INFINITY, day('2022-12-31')]);
    expect(span(only('until March 2023'))).toEqual([Number.NEGATIVE_INFINITY, day('2023-03-31')]);
    expect(span(only('up to 2022'))).toEqual([Number.NEGATIVE_INFINITY, day('2022-12-31')]);
    expect(span(only('prior to 2022'))).toEqual([Number.NEGATIVE_INFINITY, day('2021-12-31')]);
    expect(span(only('since the summer of 2024'))).toEqual([day('2024-06-01'), Number.POSITIVE_INFINITY]);
    expect(only('from 2021').open).toBe('after');
    expect(only('from 2021 to 2023').open).toBeUndefined();
    expect(only('since 2019 until 2021')).toMatchObject({ date: '2019', until: '2021', matched: 'since 2019 until 2021' });
    expect(only('since 2019 until 2021').open).toBeUndefined();
  });

  it('reports a range that ends before it starts', () => {
    const { dates, problems } = read('between 2023 and 2021');
    expect(dates).toEqual([]);
    expect(problems[0]!.message).toMatch(/ends before it starts/);
  });
});

describe('recogniseDates: relative to today', () => {
  it('reads last year, this year and next year against the today passed in', () => {
    expect(only('last year')).toMatchObject({ date: '2025', relativeToToday: true, label: 'last year (2025)' });
    expect(only('this year').date).toBe('2026');
    expect(only('next year').date).toBe('2027');
    expect(only('last year', '2024-01-15').date).toBe('2023');
    // One further back, or on.
    expect(only('the year before last')).toMatchObject({ date: '2024', relativeToToday: true });
    expect(only('the month before last').date).toBe('2026-10');
    expect(only('the year after next').date).toBe('2028');
  });

  it('reads this, last and next season against today (1 December 2026)', () => {
    expect(only('this summer').date).toBe('2026-06');
    expect(only('last summer').date).toBe('2026-06');
    expect(only('next summer').date).toBe('2027-06');
    // Winter runs December to February: on 1 December this winter has begun, and last winter is the one before.
    expect(only('this winter').date).toBe('2026-12');
    expect(only('last winter').date).toBe('2025-12');
    expect(only('last summer', '2026-05-01').date).toBe('2025-06');
  });

  it('reads a season with a two-digit year as that season', () => {
    expect(only('spring 22').date).toBe('2022-03');
    expect(only("summer '23").date).toBe('2023-06');
  });

  it('reads "in the past 12 months" as the twelve months up to today', () => {
    const d = only('in the past 12 months');
    expect(span(d)).toEqual([day('2025-12-02'), day('2026-12-01')]);
    expect(d).toMatchObject({ relativeToToday: true, precision: 'relative' });
    expect(span(only('over the last year'))).toEqual(span(d));
    expect(span(only('in the past two years'))).toEqual([day('2024-12-02'), day('2026-12-01')]);
  });

  it('reads "two years ago" and "last month"', () => {
    expect(only('two years ago')).toMatchObject({ date: '2024', approximate: true, relativeToToday: true });
    expect(only('last month').date).toBe('2026-11');
    expect(only('since last year').range.start).toBe(day('2025-01-01'));
  });

  it('refuses a today that is not a real YYYY-MM-DD date', () => {
    expect(() => recogniseDates('last year', { today: '2026-02-30' })).toThrow(/YYYY-MM-DD/);
    expect(() => recogniseDates('last year', { today: 'now' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('recogniseDates: impossible dates', () => {
  it.each([
    ['on 31 February 2023', 'There is no 31 February 2023.'],
    ['on 29 February 2023', 'There is no 29 February 2023: 2023 is not a leap year.'],
    ['on 31 February', 'There is no 31 February.'],
    ['on 2023-02-31', '2023-02-31 is not a date: there is no 31 February 2023.'],
    ['in 2022-13', '2022-13 is not a date: months run from 01 to 12.'],
    ['on 0000-00-00', '0000-00-00 is not a date: there is no year 0000.'],
    ['on 30/02/2022', '30/02/2022 is not a date: there is no 30 February 2022.'],
    ['on 13/13/2022', '13/13/2022 is not a date: months run from 1 to 12.'],
    ['on Monday 6 December 2024', '6 December 2024 was a Friday, not a Monday.'],
  ])('%j → %j, and no date', (text, message) => {
    const { dates, problems } = read(text);
    expect(dates).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([message]);
    expect(text.slice(problems[0]!.index)).toContain(problems[0]!.matched);
  });

  it('never reads the year out of an impossible date', () => {
    expect(read('Which forces were in Engage on 2023-02-31?').dates).toEqual([]);
  });
});

describe('recogniseDates: several dates and words', () => {
  it('finds every date in order without overlaps', () => {
    const { dates } = read('Did Bucks fire (22 November 2023) and West Midlands (24 Nov 2023) go in the same week as 2023?');
    expect(dates.map((d) => d.date)).toEqual(['2023-11-22', '2023-11-24', '2023']);
  });

  it('describes an expression for an answer', () => {
    expect(describeDateExpression(only('in summer 2024'))).toBe('summer 2024 (June to August 2024)');
    expect(describeDateExpression({ date: '2022-06', range: rangeOf('2022-06'), matched: 'june 2022', index: 0 })).toBe('June 2022');
    expect(describeDateExpression({ date: '2019', range: rangeOf('2019'), matched: 'since 2019', index: 0, open: 'after', openWord: 'from' })).toBe('since 2019');
  });

  it('reads only the first MAX_DATE_TEXT characters of a long text', () => {
    const text = `${'x '.repeat(600)}in 2022`;
    expect(read(text).dates).toEqual([]);
    expect(read(`in 2022 ${'x '.repeat(600)}`).dates.map((d) => d.date)).toEqual(['2022']);
    expect(dayNumber(2022, 1, 1)).toBe(day('2022'));
  });
});

describe('againstRecords', () => {
  const newest = '2025-08-12';
  it('tells a question about the future from one the records cover', () => {
    expect(againstRecords(only('Which forces were in Engage in 2030?'), newest)).toBe('after');
    expect(againstRecords(only('in September 2025'), newest)).toBe('after');
    expect(againstRecords(only('in 2025'), newest)).toBe('partly-after');
    expect(againstRecords(only('in August 2025'), newest)).toBe('partly-after');
    expect(againstRecords(only('on 12 August 2025'), newest)).toBe('within');
    expect(againstRecords(only('since 2019'), newest)).toBe('within');
    expect(againstRecords(only('before 2023'), newest)).toBe('within');
  });
});

describe('maskRecognised', () => {
  it('blanks dates, problems and anchors, keeping offsets and the anchor subject', () => {
    const text = 'After West Mids got out in Sept 2024, who was in on 31 February 2023?';
    const masked = maskRecognised(text, read(text));
    expect(masked).toHaveLength(text.length);
    expect(masked.replace(/ +/g, ' ')).toBe(' West Mids in , who was in on ?');
  });
});

describe('isDateWord', () => {
  it('knows the words of dates, so they are never taken for unknown names', () => {
    for (const w of ['easter', 'dec', 'sept', 'friday', 'summer', 'christmas', 'q3']) expect(isDateWord(w)).toBe(true);
    for (const w of ['longest', 'nan', 'cumbria', 'marsh', 'engage']) expect(isDateWord(w)).toBe(false);
  });
});

describe('introduceDate', () => {
  it.each([
    ['on 30 June 2022', 'On 30 June 2022'],
    ['in June 2022', 'In June 2022'],
    ['in 2019', 'In 2019'],
    ['in summer 2024', 'In summer 2024 (June to August 2024)'],
    ['in Q3 2023', 'In Q3 2023 (July to September 2023)'],
    ['in mid March 2023', 'In mid March 2023 (11 to 20 March 2023)'],
    ['between March and June 2023', 'From March to June 2023'],
    ['at the end of 2022', 'At the end of 2022 (31 December 2022)'],
    ['over Easter 2023', 'Over Easter 2023 (7 to 10 April 2023)'],
    ['at Christmas 2022', 'At Christmas 2022 (25 December 2022)'],
    ['on Boxing Day 2022', 'On Boxing Day 2022 (26 December 2022)'],
    ['since 2019', 'Since 2019'],
    ['after June 2022', 'After June 2022'],
    ['last year', 'Last year (2025)'],
    ['in the past 12 months', 'In the past 12 months (2 December 2025 to 1 December 2026)'],
  ])('%j → %j', (text, phrase) => {
    expect(introduceDate(only(text))).toBe(phrase);
  });

  it('works on expressions from the older findDates too', () => {
    expect(introduceDate({ date: '2022-06-30', range: rangeOf('2022-06-30'), matched: '30 june 2022', index: 0 })).toBe('On 30 June 2022');
    expect(introduceDate({ date: '2022-06', range: rangeOf('2022-06'), matched: 'june 2022', index: 0 })).toBe('In June 2022');
  });
});

describe('recogniseDates: days written without a year', () => {
  it('reads "22 May" as the latest 22 May up to today, and says it had no year', () => {
    expect(read('did Notts get out on 22 May?', '2025-08-12').dates).toMatchObject([{ date: '2025-05-22', yearless: true, label: '22 May 2025' }]);
    // Later in the year than today: last year's.
    expect(read('on 6 December', '2025-08-12').dates).toMatchObject([{ date: '2024-12-06', yearless: true }]);
    expect(read('the 6th of December', '2025-12-06').dates).toMatchObject([{ date: '2025-12-06', yearless: true }]);
  });

  it('reads "may" as a month only after an ordinal or "on"', () => {
    expect(read('22nd may', '2025-08-12').dates.map((d) => d.date)).toEqual(['2025-05-22']);
    expect(read('on 22 may', '2025-08-12').dates.map((d) => d.date)).toEqual(['2025-05-22']);
    expect(read('2 may be in Engage', '2025-08-12').dates).toEqual([]);
    expect(read('section 22 may apply', '2025-08-12').dates).toEqual([]);
  });

  it('keeps a full date as it is: no yearless flag', () => {
    expect(only('on 22 May 2025').yearless).toBeUndefined();
  });

  it('still rejects a day the month never has', () => {
    expect(read('on 31 February').problems.map((p) => p.message)).toEqual(['There is no 31 February.']);
  });
});

describe('recogniseDates: either of two days', () => {
  it('"22nd or 23rd May 2025" is two dates, the first taking the month and year of the second', () => {
    expect(read('did it leave on 22nd or 23rd May 2025?').dates.map((d) => d.date)).toEqual(['2025-05-22', '2025-05-23']);
    expect(read('23 or 24 Jan 2025').dates.map((d) => d.date)).toEqual(['2025-01-23', '2025-01-24']);
  });

  it('without a year, both days are yearless', () => {
    expect(read('22nd or 23rd may', '2025-08-12').dates).toMatchObject([
      { date: '2025-05-22', yearless: true },
      { date: '2025-05-23', yearless: true },
    ]);
  });

  it('a day the month does not have is a problem, and no date is made of it', () => {
    const found = read('30 or 31 February 2023');
    expect(found.problems.map((p) => p.message)).toContain('There is no 31 February 2023.');
    expect(found.dates).toEqual([]);
  });
});

describe('recogniseDates: short year spans and four-letter month slips', () => {
  it('"2025-27" is the years 2025 to 2027, not a month 27', () => {
    expect(read('With the new PEEL 2025-27 cycle').dates).toMatchObject([{ date: '2025', label: '2025 to 2027', range: { start: day('2025-01-01'), end: day('2027-12-31') } }]);
    // The financial year keeps its own reading, and a month past 12 that is no span stays a problem.
    expect(only('2022-23').label).toMatch(/^2022\/23/);
    expect(read('2022-13').problems).toHaveLength(1);
  });
  it('"Juyl 2024" and "jnue 2023" are July and June; "jury 2024" is no month', () => {
    expect(only('in Juyl 2024').date).toBe('2024-07');
    expect(only('jnue 2023').date).toBe('2023-06');
    expect(only('jury 2024').date).toBe('2024');
  });
});

describe('recogniseDates: "by" a date', () => {
  it('after a perfect, "by" counts everything up to the date', () => {
    expect(read('which forces had left Engage by the end of 2023?').dates).toMatchObject([{ open: 'before', openWord: 'by', range: { start: Number.NEGATIVE_INFINITY, end: day('2023-12-31') } }]);
  });
  it('elsewhere, "by" a date is the date itself', () => {
    expect(only('who was in Engage by June 2022').open).toBeUndefined();
  });
});

describe('"n years ago this month" and "a year ago today"', () => {
  it('reads the month, or the day, n years before today', async () => {
    const { recogniseDates } = await import('../../src/dates.ts');
    const read = (q: string) => recogniseDates(q, { today: '2026-12-03' }).dates.map((d) => d.date);
    expect(read('four years ago this month - who went in?')).toEqual(['2022-12']);
    expect(read('what happened a year ago today')).toEqual(['2025-12-03']);
    expect(read('two years ago, who was in?')).toEqual(['2024']);
  });
});

describe('a day and a month with two digits after them', () => {
  it('reads the two digits as the year ("12th Sept 22"), not as words', () => {
    const only = (text: string) => recogniseDates(text, { today: '2026-12-01' }).dates;
    expect(only('on 12th Sept 22').map((d) => d.date)).toEqual(['2022-09-12']);
    expect(only("6 Dec '24").map((d) => d.date)).toEqual(['2024-12-06']);
    // A clock time is no year: "12 Sept 10:30" is 12 September, yearless.
    expect(only('12 Sept 10:30')[0]).toMatchObject({ yearless: true });
  });
});

describe('loose points in a year', () => {
  const read = (q: string) => recogniseDates(q, { today: '2026-12-03' }).dates[0];
  it('"halfway through 2024" is its middle day; "midway through March 2023" the month\'s', () => {
    expect(read('halfway through 2024')?.date).toBe('2024-07-01');
    expect(read('halfway though 2024')?.date).toBe('2024-07-01');
    expect(read('midway through March 2023')?.date).toBe('2023-03-16');
  });
  it('"as 2025 began" is its first day, "when 2023 ended" its last', () => {
    expect(read('as 2025 began')?.date).toBe('2025-01-01');
    expect(read('when 2023 ended, who was in')?.date).toBe('2023-12-31');
  });
  it('a slip on a holiday\'s name is that holiday ("chrismas 2022")', () => {
    expect(read('over chrismas 2022')?.date).toBe('2022-12-25');
    expect(read('at eastre 2023')?.range.start).toBe(read('at easter 2023')?.range.start);
  });
});
