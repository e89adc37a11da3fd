// The word profile is searched in place in its sorted table: every word of the built table must
// be found with the numbers its line holds, and words between or outside its lines must not be.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWordProfile } from '../../src/lexicon/word-profile.ts';

const TABLE = fileURLToPath(new URL('../../dist/word-profile.tsv', import.meta.url));

describe('word profile table search', () => {
  it('finds each word of a small sorted table and nothing else', () => {
    const profile = parseWordProfile('# header\nable\t4.5\ta\nbank\t5.1\tn\nbanker\t3.9\tn\nrun\t5.8\tv\nzed\t2.0\t-\n');
    expect(profile.available).toBe(true);
    expect([profile.zipf('able'), profile.pos('able')]).toEqual([4.5, 'a']);
    expect([profile.zipf('bank'), profile.pos('bank')]).toEqual([5.1, 'n']);
    expect([profile.zipf('banker'), profile.pos('banker')]).toEqual([3.9, 'n']);
    expect([profile.zipf('run'), profile.pos('run')]).toEqual([5.8, 'v']);
    expect([profile.zipf('zed'), profile.pos('zed')]).toEqual([2, undefined]);
    for (const missing of ['', 'a', 'ab', 'bankers', 'banke', 'ran', 'zzz', '#', 'header']) {
      expect([profile.zipf(missing), profile.pos(missing)], missing).toEqual([0, undefined]);
    }
  });

  it('is unavailable for an empty or comment-only table', () => {
    for (const text of ['', '# only a header\n']) {
      const profile = parseWordProfile(text);
      expect(profile.available).toBe(false);
      expect(profile.zipf('bank')).toBe(0);
    }
  });

  it.skipIf(!existsSync(TABLE))('answers every word of the built table as its line says (needs `npm run build`)', () => {
    const text = readFileSync(TABLE, 'utf8');
    const profile = parseWordProfile(text);
    const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines.length).toBeGreaterThan(10_000);
    let previous = '';
    for (const line of lines) {
      const [word, zipf, pos] = line.split('\t') as [string, string, string];
      expect(word > previous, `table is sorted at ${word}`).toBe(true);
      previous = word;
      expect(profile.zipf(word), word).toBe(Math.round(Number(zipf) * 10) / 10);
      expect(profile.pos(word), word).toBe(pos === '-' ? undefined : pos);
    }
    expect(profile.zipf('qqxqq')).toBe(0);
  });
});
