// The terminal renderer at widths 40, 80 and 120, with and without colour: lists one item a
// line with their own markers, words and URLs never broken, the lead bold and the sources dim
// only with colour, no escape codes without it; and the choice of style from TTY and NO_COLOR.

import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import wrap from 'wrap-ansi';
import { renderAnswer, shortenQuote } from '../../adapters/cli/render.ts';
import { loadWrapper, terminalStyle } from '../../adapters/cli/terminal.ts';
import { DECLINE_ANSWER, LIST_ANSWER, LONGEST_ANSWER, QUOTED_ANSWER } from '../support/answers.ts';

const ESC = '\u001b[';
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const today = new Date('2025-09-01T00:00:00Z');
const visible = (line: string) => stripVTControlCharacters(line).length;
/** Every word of the unwrapped text, to check that wrapping lost or broke none. */
const words = (text: string) => stripVTControlCharacters(text).split(/\s+/).filter(Boolean);

describe.each([40, 80, 120])('terminal rendering at width %i', (width) => {
  describe.each([false, true])('colour %s', (colour) => {
    const render = (answer: typeof LIST_ANSWER) => renderAnswer(answer, { width, colour, today, wrap });

    it('lists one item a line, each with its own citation numbers, under a lead with the count and date', () => {
      const text = stripVTControlCharacters(render(LIST_ANSWER));
      const lines = text.split('\n');
      expect(lines[0]).toMatch(/^As of 12 August 2025, three police/);
      const items = lines.slice(0, lines.indexOf('Sources:')).filter((l) => l.startsWith('  • '));
      expect(items.map((l) => l.slice(4, 20))).toEqual(['Lincolnshire Pol', 'Devon and Cornwa', 'Wiltshire Police']);
      // Each item's markers end that item (on its last wrapped line), not a block at the end.
      const joined = text.replace(/\n {4}/g, ' ');
      expect(joined).toContain('• Lincolnshire Police — since 6 December 2024 [1]\n');
      expect(joined).toContain('• Devon and Cornwall Police — since October 2023 [2][3]\n');
      expect(joined).toContain('• Wiltshire Police — since 2023 [4]\n');
      expect(lines[0]).not.toMatch(/\[\d\]/);
    });

    it('never exceeds the width except for a single unbreakable token, and never breaks a URL or a word', () => {
      for (const answer of [LIST_ANSWER, QUOTED_ANSWER, LONGEST_ANSWER, DECLINE_ANSWER]) {
        const out = render(answer);
        for (const line of out.split('\n')) {
          if (visible(line) <= width) continue;
          // Over-long lines hold exactly one word (a URL) after the indent.
          expect(stripVTControlCharacters(line).trim().split(' ')).toHaveLength(1);
        }
        for (const c of answer.citations) if (c.url) expect(out.split('\n').map((l) => stripVTControlCharacters(l).trim())).toContain(c.url);
        const unwrapped = renderAnswer(answer, { colour: false, today });
        expect(words(out)).toEqual(words(unwrapped));
      }
    });

    it('shows every quote, a long one cut at a word with "…"', () => {
      const out = stripVTControlCharacters(render(QUOTED_ANSWER)).replace(/\n +/g, ' ');
      expect(out).toContain('“We can confirm that we are now monitoring the Metropolitan Police Service through our Engage process”');
      expect(out).toMatch(/“The watchdog said it had substantial .*…”/);
      expect(out).toContain('para. 2; para. 4');
    });

    it('prints one dateline, naming the checked-to date when the record is old', () => {
      const out = stripVTControlCharacters(renderAnswer(LIST_ANSWER, { width, colour, today: new Date('2026-03-01T00:00:00Z'), newestRecord: '2025-08-12', wrap })).replace(/\n(?! *\n| *\[| *•|Sources|Related)/g, ' ');
      expect(out).toContain('Newest record 12 August 2025; sources checked to January 2026.');
      expect(stripVTControlCharacters(render(LIST_ANSWER)).match(/As of 12 August 2025/g)).toHaveLength(1);
    });

    it(colour ? 'bolds the lead and dims the sources' : 'prints no escape codes at all', () => {
      const out = render(QUOTED_ANSWER);
      if (!colour) {
        expect(out).not.toContain(ESC);
        return;
      }
      expect(out.startsWith(BOLD)).toBe(true);
      const sourceLines = out.split('\n').slice(out.split('\n').findIndex((l) => l.includes('Sources:')));
      expect(sourceLines[0]).toContain(DIM);
      expect(sourceLines.filter((l) => l.includes('[1]') || l.includes('[2]')).every((l) => l.startsWith(DIM))).toBe(true);
    });

    it('declines kindly with suggestions', () => {
      const out = stripVTControlCharacters(render(DECLINE_ANSWER));
      expect(out).toContain('You could ask:');
      expect(out).toContain('• Which forces are in Engage?');
    });
  });
});

describe('shortenQuote', () => {
  it('cuts at a word and ends with "…"', () => {
    const q = shortenQuote('word '.repeat(100), 50);
    expect(q.length).toBeLessThanOrEqual(50);
    expect(q).toMatch(/word…$/);
  });
});

describe('terminalStyle', () => {
  const stream = (props: Record<string, unknown>) => Object.assign(new Writable({ write: (_c, _e, done) => done() }), props);

  it('prints plain, unwrapped text when the output is not a TTY', () => {
    expect(terminalStyle(stream({}), {})).toEqual({ width: Number.POSITIVE_INFINITY, colour: false });
  });

  it('wraps to the TTY width and colours when the terminal supports it', () => {
    expect(terminalStyle(stream({ isTTY: true, columns: 100, hasColors: () => true }), {})).toEqual({ width: 100, colour: true });
  });

  it('honours NO_COLOR even when FORCE_COLOR is set', () => {
    expect(terminalStyle(stream({ isTTY: true, columns: 60, hasColors: () => true }), { NO_COLOR: '1', FORCE_COLOR: '1' })).toEqual({ width: 60, colour: false });
  });

  it('loads the wrapper only when output is wrapped', async () => {
    expect(await loadWrapper(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(await loadWrapper(undefined)).toBeUndefined();
    expect(await loadWrapper(80)).toBe(wrap);
  });

  it('does not colour a terminal without colour support', () => {
    expect(terminalStyle(stream({ isTTY: true, hasColors: () => false }), {})).toEqual({ width: 80, colour: false });
  });
});
