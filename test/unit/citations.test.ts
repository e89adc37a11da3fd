// numberCitations: one number per source (both locators kept), items numbered with the sentences,
// the old call shape unchanged; sentencesToText lays a list out one item a line.

import { describe, expect, it } from 'vitest';
import type { Source } from '../../knowledge/schema.ts';
import { numberCitations, sentencesToText } from '../../src/citations.ts';

const source = (id: string): Source => ({ id, kind: 'official', title: `Title ${id}`, publisher: 'HMICFRS', published: '2024-12-06', url: `https://example.org/${id}` });
const sources = new Map(['a', 'b', 'c'].map((id) => [id, source(id)]));

describe('numberCitations', () => {
  it('gives one source cited at two paragraphs one number with both locators', () => {
    const { sentences, citations } = numberCitations(
      [
        { text: 'First.', cites: [{ source: 'a', locator: 'para. 3' }] },
        { text: 'Second.', cites: [{ source: 'b' }, { source: 'a', locator: 'para. 7', quote: 'a verbatim line' }] },
      ],
      sources,
    );
    expect(citations.map((c) => [c.n, c.sourceId, c.locator])).toEqual([
      [1, 'a', 'para. 3; para. 7'],
      [2, 'b', null],
    ]);
    expect(citations[0]!.quote).toBe('a verbatim line');
    expect(sentences.map((s) => s.citations)).toEqual([[1], [2, 1]]);
  });

  it('does not repeat a locator cited twice', () => {
    const { citations } = numberCitations([{ text: 'x', cites: [{ source: 'a', locator: 'p. 1' }, { source: 'a', locator: 'p. 1' }] }], sources);
    expect(citations).toHaveLength(1);
    expect(citations[0]!.locator).toBe('p. 1');
  });

  it('numbers list items in order of first use and keeps the union on the lead', () => {
    const { sentences, citations } = numberCitations(
      [
        {
          text: 'Two police forces are in Engage as of 12 August 2025:',
          cites: [{ source: 'c' }],
          items: [
            { text: 'Lincolnshire Police — since 6 December 2024', cites: [{ source: 'a' }] },
            { text: 'Devon and Cornwall Police — since October 2023', cites: [{ source: 'b' }, { source: 'c' }] },
          ],
        },
      ],
      sources,
    );
    expect(citations.map((c) => c.sourceId)).toEqual(['c', 'a', 'b']);
    // Item numbers read in ascending order, whatever order the item cites them in.
    expect(sentences[0]!.items!.map((i) => i.citations)).toEqual([[2], [1, 3]]);
    expect(sentences[0]!.citations).toEqual([1, 2, 3]);
  });

  it('skips a reference to an unknown source rather than inventing a number', () => {
    const { sentences, citations } = numberCitations([{ text: 'x', cites: [{ source: 'nope' }, { source: 'b' }] }], sources);
    expect(citations.map((c) => c.n)).toEqual([1]);
    expect(sentences[0]!.citations).toEqual([1]);
  });
});

describe('sentencesToText', () => {
  it('writes each item on its own line with its own markers', () => {
    const text = sentencesToText([
      { text: 'Two forces are in Engage:', citations: [1, 2], items: [{ text: 'A', citations: [1] }, { text: 'B', citations: [2] }] },
      { text: 'Check the inspectorate for later changes.', citations: [3] },
    ]);
    expect(text).toBe('Two forces are in Engage:\n• A [1]\n• B [2]\nCheck the inspectorate for later changes. [3]');
  });

  it('keeps plain sentences on one line as before', () => {
    expect(sentencesToText([{ text: 'One.', citations: [1] }, { text: 'Two.', citations: [] }])).toBe('One. [1] Two.');
  });
});
