// Unit tests for the shared text pipeline: tokens, aliases and typo distance.

import { describe, expect, it } from 'vitest';
import { allowedTypos, editDistance, normalizeAlias, tokenize } from '../../src/text.ts';

describe('text', () => {
  it('tokenizes with possessives dropped, numbers folded and stems', () => {
    const tokens = tokenize("The Met's 69,000 crimes & 25% of stop-and-search");
    expect(tokens.map((t) => t.word)).toEqual(['the', 'met', '69000', 'crimes', 'and', '25', 'percent', 'of', 'stop', 'and', 'search']);
    expect(tokens.find((t) => t.word === 'crimes')?.stem).toBe('crime');
  });

  it('normalises aliases so "The Met" and "met" are one name', () => {
    expect(normalizeAlias('The Met')).toBe('met');
    expect(normalizeAlias('Devon & Cornwall Police')).toBe('devon and cornwall police');
    expect(normalizeAlias('His Majesty’s Inspectorate')).toBe('his majestys inspectorate');
  });

  it.each([
    ['engaje', 'engage', 1],
    ['wich', 'which', 1],
    ['forcs', 'forces', 1],
    ['teh', 'the', 1], // a transposition is one typo
    ['glocestershire', 'gloucestershire', 1],
    ['commisioner', 'commissioner', 1],
    ['police', 'police', 0],
    ['salary', 'slavery', 3], // beyond the one typo allowed at this length: never "corrected"
  ])('edit distance %s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops early past the cap and handles long words', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    const long = 'x'.repeat(200);
    expect(editDistance(long, long + 'y', 2)).toBe(1);
  });

  it('forgives no typos in words of four letters or fewer, one in medium, two in long', () => {
    expect([3, 4, 5, 9].map(allowedTypos)).toEqual([0, 0, 1, 2]);
  });
});
