// Unit tests for spelling out an acronym in a fact's text.
import { describe, expect, it } from 'vitest';
import { spellsOut } from '../../src/answering/acronyms.ts';

describe('spellsOut', () => {
  it('finds the words whose initials spell the name, linking words aside', () => {
    expect(spellsOut('PEEL inspections assess police effectiveness, efficiency and legitimacy.', 'PEEL')).toBe(true);
    expect(spellsOut("HMICFRS, His Majesty's Inspectorate of Constabulary and Fire & Rescue Services, is …", 'HMICFRS')).toBe(true);
    expect(spellsOut('the Mayor’s Office for Policing and Crime', 'MOPAC')).toBe(true);
  });
  it('does not match initials that are not consecutive, nor a name too short or long to be one', () => {
    expect(spellsOut('police work, then much later efficiency and legitimacy', 'PEEL')).toBe(false);
    expect(spellsOut('a', 'A')).toBe(false);
    expect(spellsOut('any text at all', 'ABCDEFGHIJ')).toBe(false);
  });
});
