// datelineOf: one "As of" per answer, and a plain note when an answer about "now" rests on an
// old newest record; never such a note on an answer about the past.

import { describe, expect, it } from 'vitest';
import { datelineOf } from '../../src/dateline.ts';

const today = new Date('2025-09-01T12:00:00Z');
const later = new Date('2026-03-01T12:00:00Z');
const newestRecord = '2025-08-12';

describe('datelineOf', () => {
  it('says "As of" once: not again when the text already does', () => {
    expect(datelineOf({ asOf: '2025-08-12', text: 'As of 12 August 2025, one police force is in Engage.' }, { today, newestRecord })).toBeNull();
    expect(datelineOf({ asOf: '2025-08-12', text: 'Lincolnshire Police is in Engage.' }, { today, newestRecord })).toBe('As of 12 August 2025.');
  });

  it('names the checked-to date when the newest record is old', () => {
    expect(datelineOf({ asOf: '2025-08-12', checkedTo: '2026-01', text: 'As of 12 August 2025, …' }, { today: later, newestRecord })).toBe(
      'Newest record 12 August 2025; sources checked to January 2026.',
    );
  });

  it('says how old the newest record is when the checked-to date is unknown', () => {
    expect(datelineOf({ asOf: '2025-08-12', checkedTo: null, text: 'x' }, { today: later, newestRecord })).toBe(
      'Newest record 12 August 2025, 7 months ago; later changes may be missing.',
    );
    expect(datelineOf({ asOf: '2025-08-12', text: 'x' }, { today: new Date('2028-08-12T00:00:00Z'), newestRecord })).toMatch(/3 years ago/);
  });

  it('mentions a check that reached past the newest record even when it is recent', () => {
    expect(datelineOf({ asOf: '2025-08-12', checkedTo: '2025-08-30', text: 'As of 12 August 2025, …' }, { today, newestRecord })).toBe(
      'Newest record 12 August 2025; sources checked to 30 August 2025.',
    );
  });

  it('never calls an answer about the past stale, nor one whose newest record is unknown', () => {
    expect(datelineOf({ asOf: '2022-12', checkedTo: '2026-01', text: 'In December 2022 …' }, { today: later, newestRecord })).toBe('As of December 2022.');
    expect(datelineOf({ asOf: '2025-08-12', text: 'As of 12 August 2025, …' }, { today: later })).toBeNull();
  });

  it('has nothing to say for a timeless answer or an odd date', () => {
    expect(datelineOf({ asOf: null, text: 'Scan is routine monitoring.' }, { today, newestRecord })).toBeNull();
    expect(datelineOf({ asOf: 'soon', text: 'x' }, { today, newestRecord })).toBeNull();
  });
});
