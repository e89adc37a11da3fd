// The evaluator follows the shared eval README: seed letters, url: sources, @date: terms,
// categories from `why`, the working/check split and confidence bands.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer-types.ts';
import { byCategory, byConfidence, categoryOf, dateSpellings, halfOf, scoreCase, summarise, type EvalCase } from '../../src/evaluate.ts';
import type { KnowledgeData } from '../../knowledge/schema.ts';

const knowledge = {
  sources: [
    { id: 'article-a', file: '000_fb7bd70b4d13da11.txt', url: null },
    { id: 'hmicfrs-lincs', url: 'https://hmicfrs.justiceinspectorates.gov.uk/news/lincolnshire-police-moved-into-enhanced-monitoring/' },
  ],
} as unknown as KnowledgeData;

function answered(text: string, sourceIds: string[], confidence = 0.95): Answer {
  return {
    status: 'answered',
    text,
    sentences: [],
    confidence,
    citations: sourceIds.map((sourceId, i) => ({ n: i + 1, sourceId, title: '', publisher: null, published: null, url: knowledge.sources.find((s) => s.id === sourceId)?.url ?? null, locator: null })),
    asOf: null,
    related: [],
  };
}
const declined: Answer = { ...answered('no', []), status: 'no_answer' };

describe('evaluate', () => {
  it('reads seed letters as the article files and url: as a substring of a cited URL', () => {
    const c: EvalCase = { id: 'd001', q: 'q', expect: 'answer', all: [['Lincolnshire']], src: ['A'] };
    expect(scoreCase(c, answered('Lincolnshire Police', ['article-a']), knowledge).ok).toBe(true);
    expect(scoreCase(c, answered('Lincolnshire Police', ['hmicfrs-lincs']), knowledge).ok).toBe(false);
    const byUrl: EvalCase = { ...c, src: ['url:lincolnshire-police-moved-into-enhanced-monitoring'] };
    expect(scoreCase(byUrl, answered('Lincolnshire Police', ['hmicfrs-lincs']), knowledge).ok).toBe(true);
    expect(scoreCase(byUrl, answered('Lincolnshire Police', ['article-a']), knowledge).why).toMatch(/cites none/);
  });

  it('matches @date: terms written the usual ways, and only the right date', () => {
    const c: EvalCase = { id: 'd002', q: 'q', expect: 'answer', all: [['@date:2024-12-06']], src: [] };
    for (const text of ['since 6 December 2024', 'on 6 Dec 2024', 'December 6, 2024', '2024-12-06', 'the 6th of December 2024']) {
      expect(scoreCase(c, answered(text, []), knowledge).ok, text).toBe(true);
    }
    expect(scoreCase(c, answered('since 16 December 2024', []), knowledge).ok).toBe(false);
    expect(dateSpellings('2022-06')).toContain('June 2022');
  });

  it('passes a refusal only when the bot declines, and an answer only when it answers', () => {
    const refuse: EvalCase = { id: 'x001', q: 'q', expect: 'refuse' };
    expect(scoreCase(refuse, declined, knowledge).ok).toBe(true);
    expect(scoreCase(refuse, answered('x', []), knowledge).ok).toBe(false);
    expect(scoreCase({ id: 'd003', q: 'q', expect: 'answer' }, declined, knowledge).why).toBe('declined');
  });

  it('splits by id into odd (working) and even (check), and reads categories from why', () => {
    expect(halfOf({ id: 'd001', q: '', expect: 'answer' })).toBe('working');
    expect(halfOf({ id: 'x070', q: '', expect: 'refuse' })).toBe('check');
    expect(categoryOf({ id: 'd1', q: '', expect: 'answer', why: 'current: Lincolnshire entered' })).toBe('current');
    expect(categoryOf({ id: 'd1', q: '', expect: 'answer' })).toBe('uncategorised');
  });

  it('tallies by category and by confidence band', () => {
    const a: EvalCase = { id: 'd1', q: '', expect: 'answer', all: [['Lincs']], why: 'current: x' };
    const summary = summarise([scoreCase(a, answered('Lincs', [], 0.95), knowledge), scoreCase(a, answered('Kent', [], 0.75), knowledge)]);
    expect(byCategory(summary)).toEqual([{ category: 'current', expect: 'answer', tally: { right: 1, total: 2 } }]);
    const bands = byConfidence(summary);
    expect(bands[0]!.answers).toEqual({ right: 1, total: 1 });
    expect(bands[1]!.answers).toEqual({ right: 0, total: 1 });
  });
});
