// datelineOf: one "As of" per answer, and a plain warning when the newest record is old.

import { describe, expect, it } from 'vitest';
import { datelineOf } from '../../src/dateline.ts';

const today = new Date('2025-09-01T12:00:00Z');
const old = new Date('2026-03-01T12:00:00Z');

describe('datelineOf', () => {
  it('says "As of" once: not again when the text already does', () => {
    expect(datelineOf({ asOf: '2025-08-12', text: 'As of 12 August 2025, one police force is in Engage.' }, today)).toBeNull();
    expect(datelineOf({ asOf: '2025-08-12', text: 'Lincolnshire Police is in Engage.' }, today)).toBe('As of 12 August 2025.');
  });

  it('names the checked-to date when the record is old', () => {
    expect(datelineOf({ asOf: '2025-08-12', checkedTo: '2026-01', text: 'As of 12 August 2025, …' }, old)).toBe(
      'Newest record 12 August 2025; sources checked to January 2026.',
    );
  });

  it('says how old the record is when the checked-to date is unknown', () => {
    expect(datelineOf({ asOf: '2025-08-12', checkedTo: null, text: 'x' }, old)).toBe('Newest record 12 August 2025, 7 months ago; later changes may be missing.');
    expect(datelineOf({ asOf: '2025-08-12', text: 'x' }, new Date('2028-08-12T00:00:00Z'))).toMatch(/3 years ago/);
  });

  it('mentions a check that reached past the record even when the record is recent', () => {
    expect(datelineOf({ asOf: '2025-08-12', checkedTo: '2025-08-30', text: 'As of 12 August 2025, …' }, today)).toBe(
      'Newest record 12 August 2025; sources checked to 30 August 2025.',
    );
  });

  it('has nothing to say for a timeless answer or an odd date', () => {
    expect(datelineOf({ asOf: null, text: 'Scan is routine monitoring.' }, today)).toBeNull();
    expect(datelineOf({ asOf: 'soon', text: 'x' }, today)).toBeNull();
  });
});
