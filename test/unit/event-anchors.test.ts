// Unit tests for dates given by events ("after West Mids came out") and resolving them once the
// event's date is known.

import { describe, expect, it } from 'vitest';
import { anchorEventDate, rangeOf, recogniseDates, resolveAnchor, type EventAnchor } from '../../src/dates.ts';

const anchors = (text: string) => recogniseDates(text, { today: '2026-12-01' }).anchors;
const day = (iso: string) => rangeOf(iso).start;

describe('event anchors', () => {
  it.each([
    ['Which forces were still in after West Mids came out?', 'after', 'West Mids', 'leave', 'after West Mids came out'],
    ['Who else was in when the Met went in?', 'when', 'the Met', 'enter', 'when the Met went in'],
    ['Who has joined since GMP left', 'since', 'GMP', 'leave', 'since GMP left'],
    ['Was anyone in before Cleveland was put into special measures?', 'before', 'Cleveland', 'enter', 'before Cleveland was put into special measures'],
    ['When Scotland Yard went into special measures, which other forces were already in there?', 'when', 'Scotland Yard', 'enter', 'When Scotland Yard went into special measures'],
    ['Who was running the Met when it came out of special measures?', 'when', 'it', 'leave', 'when it came out of special measures'],
    ['What happened to its chief constable after the force went into Engage?', 'after', 'the force', 'enter', 'after the force went into Engage'],
    ['After West Mids got out in Sept 2024, which forces were still in?', 'after', 'West Mids', 'leave', 'After West Mids got out'],
    ['until Devon & Cornwall exited', 'until', 'Devon & Cornwall', 'leave', 'until Devon & Cornwall exited'],
    ['once Notts got put in Engage', 'after', 'Notts', 'enter', 'once Notts got put in Engage'],
    ['since Lincolnshire entered Engage', 'since', 'Lincolnshire', 'enter', 'since Lincolnshire entered Engage'],
  ])('%j', (text, relation, subjectText, move, matched) => {
    const found = anchors(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ relation, subjectText, move, matched, index: text.indexOf(matched) });
  });

  it.each([
    'When did the Met go into special measures?',
    'When was GMP put in special measures, and why?',
    "what was matt parr's background before the inspectorate",
    'How did the inspectorate deal with failing forces before Scan and Engage existed?',
    'since when has Lincolnshire been in Engage?',
    'since 2019',
    'What concerns were raised about him before he joined the Met?',
    'What happened after Hopkins left the force?',
  ])('finds no anchor in %j', (text) => {
    expect(anchors(text)).toEqual([]);
  });

  it.each([
    ['Which fire services were in Engage at the same time as the Met?', 'the Met', 'at the same time as the Met'],
    ['which forces were in special measures while Lincs was in?', 'Lincs', 'while Lincs was in'],
    ['When the Met was in special measures, which other forces were in too?', 'the Met', 'When the Met was in special measures'],
    ["which forces were in Engage during the Met's time in special measures?", 'the Met', "during the Met's time in special measures"],
  ])('a stay as the time: %j', (text, subjectText, matched) => {
    expect(anchors(text)).toEqual([expect.objectContaining({ relation: 'during', move: 'stay', subjectText, matched })]);
  });

  it.each(['When was the Met in trouble?', 'while you are at it, list the forces', 'when the Met was in the news'])('no stay in %j', (text) => {
    expect(anchors(text).filter((a) => a.move === 'stay')).toEqual([]);
  });

  it.each([
    ['which forces were in special measures when Rowley took over at the Met?', 'when', 'Rowley', 'take-office'],
    ['Which forces were in Engage after Cressida Dick resigned?', 'after', 'Cressida Dick', 'leave-office'],
  ])('a person taking up or leaving office: %j', (text, relation, subjectText, move) => {
    expect(anchors(text)).toEqual([expect.objectContaining({ relation, subjectText, move })]);
  });

  it('keeps the date next to an anchor as a date of its own', () => {
    const r = recogniseDates('After West Mids got out in Sept 2024, which forces were still in?', { today: '2026-12-01' });
    expect(r.dates.map((d) => d.date)).toEqual(['2024-09']);
    expect(r.dates[0]!.open).toBeUndefined();
  });

  const anchor = (relation: EventAnchor['relation']): EventAnchor => ({ relation, subjectText: 'West Mids', move: 'leave', matched: `${relation} West Mids came out`, index: 0 });

  it('turns the event date into the period meant', () => {
    expect(resolveAnchor(anchor('after'), '2024-09-13')).toMatchObject({ open: 'after', range: { start: day('2024-09-14'), end: Number.POSITIVE_INFINITY }, label: 'after 13 September 2024' });
    expect(resolveAnchor(anchor('since'), '2024-09-13').range).toEqual({ start: day('2024-09-13'), end: Number.POSITIVE_INFINITY });
    expect(resolveAnchor(anchor('before'), '2024-09-13').range).toEqual({ start: Number.NEGATIVE_INFINITY, end: day('2024-09-12') });
    expect(resolveAnchor(anchor('until'), '2024-09-13').range).toEqual({ start: Number.NEGATIVE_INFINITY, end: day('2024-09-13') });
    const when = resolveAnchor(anchor('when'), '2024-09-13');
    expect(when).toMatchObject({ date: '2024-09-13', range: { start: day('2024-09-13'), end: day('2024-09-13') }, precision: 'day' });
    expect(when.open).toBeUndefined();
  });

  it('keeps the precision of an event known only to the month', () => {
    expect(resolveAnchor(anchor('when'), '2024-03')).toMatchObject({ precision: 'month', range: rangeOf('2024-03') });
    expect(resolveAnchor(anchor('after'), '2024-03').range.start).toBe(day('2024-04-01'));
  });

  it('picks the recorded move an anchor means', () => {
    const leave = anchor('after');
    const enter: EventAnchor = { ...leave, move: 'enter' };
    const twoStays = [{ entry: '2019-09', exit: '2021-03-01' }, { entry: '2022-06-28', exit: '2025-01-23' }];
    expect(anchorEventDate(leave, twoStays)).toBe('2025-01-23');
    expect(anchorEventDate(enter, twoStays)).toBe('2022-06-28');
    const near = recogniseDates('in 2021', { today: '2026-12-01' }).dates[0]!;
    expect(anchorEventDate(leave, twoStays, near)).toBe('2021-03-01');
    expect(anchorEventDate(leave, [{ entry: '2024-12-06' }])).toBeUndefined(); // no exit recorded
  });
});

describe('anchors: the office after a holder\'s move', () => {
  it('"when Rowley started as commissioner" takes the office with the time', async () => {
    const { recogniseDates } = await import('../../src/time/recognise-dates.ts');
    const read = (q: string) => recogniseDates(q, { today: '2025-08-12' }).anchors.map((a) => a.matched);
    expect(read('who else was in Engage when Rowley started as commissioner?')).toEqual(['when Rowley started as commissioner']);
    expect(read('when Rowley took over as Met commissioner in 2022, who was in?')).toEqual(['when Rowley took over as Met commissioner']);
    // A move into Engage takes no "as".
    expect(read('which forces were in when the Met went in as expected?')).toEqual(['when the Met went in']);
  });
});

describe('anchors: a calendar unit or a length of time from the event', () => {
  it.each([
    ['in the yr GMP left, who went into engage?', { relation: 'when', subjectText: 'GMP', move: 'leave', unit: 'year', matched: 'the yr GMP left' }],
    ['which forces went in the same year as GMP left', { relation: 'when', subjectText: 'GMP', move: 'leave', unit: 'year' }],
    ['did anyone come out the month notts went in?', { relation: 'when', subjectText: 'notts', move: 'enter', unit: 'month' }],
    ['in the 12 months before the Met got out, who went in?', { relation: 'before', subjectText: 'the Met', move: 'leave', spanDays: 365, matched: 'in the 12 months before the Met got out' }],
    ['within a month of the Met going in, did any fire service go in?', { relation: 'after', subjectText: 'the Met', move: 'enter', spanDays: 30 }],
    ['in the two years after Cleveland came out', { relation: 'after', subjectText: 'Cleveland', move: 'leave', spanDays: 731 }],
  ])('%j', (text, expected) => {
    const found = anchors(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(expected);
  });
  it('"the start of a month of …" is no span, nor is a count with no side', () => {
    expect(anchors('a month of the Met going in')).toEqual([]);
    expect(anchors('12 months the Met got out')).toEqual([]);
  });
  it('resolves to the whole unit, or to the span on the event\'s side', () => {
    const base: EventAnchor = { relation: 'when', subjectText: 'GMP', move: 'leave', matched: 'the year GMP left', index: 0 };
    expect(resolveAnchor({ ...base, unit: 'year' }, '2022-10-28')).toMatchObject({ date: '2022', range: rangeOf('2022') });
    expect(resolveAnchor({ ...base, unit: 'month' }, '2022-10-28')).toMatchObject({ date: '2022-10', range: rangeOf('2022-10') });
    const before = resolveAnchor({ ...base, relation: 'before', spanDays: 365 }, '2025-01-23');
    expect(before.range).toEqual({ start: day('2025-01-23') - 365, end: day('2025-01-23') - 1 });
    expect(before.label).toBe('in the year before 23 January 2025');
    expect(before.open).toBeUndefined();
    const after = resolveAnchor({ ...base, relation: 'after', spanDays: 30 }, '2022-06-28');
    expect(after.range).toEqual({ start: day('2022-06-28') + 1, end: day('2022-06-28') + 30 });
    expect(after.label).toBe('in the month after 28 June 2022');
  });
});
