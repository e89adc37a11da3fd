// Runs the project's golden questions against the bundled knowledge: each must be answered from
// the expected record (or declined), and every answer must cite its sources and say "as of".

import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer.ts';
import { indexKnowledge } from '../../src/knowledge-index.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';
import { GOLDEN } from './golden-questions.ts';

const index = indexKnowledge(loadBundledKnowledge());

describe('golden questions', () => {
  for (const g of GOLDEN) {
    it(`${g.expect === 'answer' ? 'answers' : 'declines'}: ${g.q} (${g.why})`, () => {
      const a = answer(g.q, index);
      const seen = `[${a.status}/${a.explanation?.route}] ${a.text}`;
      if (g.expect === 'refuse') {
        expect(a.status, seen).toBe('no_answer');
        // Only an informative decline (no Engage record for a registered force) cites: the lists it rests on.
        if (!a.explanation?.route.endsWith(':no-record')) expect(a.citations).toEqual([]);
        expect(a.related.length, 'a decline suggests what it can answer').toBeGreaterThan(0);
      } else {
        expect(a.status, seen).toBe('answered');
        expect(a.citations.length, 'an answer cites its sources').toBeGreaterThan(0);
        expect(a.asOf, 'an answer says what date it holds for').not.toBeNull();
        if (g.route) expect(a.explanation?.route, seen).toBe(g.route);
        if (g.records) expect(a.explanation?.recordIds.some((id) => g.records!.includes(id)), seen).toBe(true);
      }
      for (const phrase of g.contains ?? []) expect(a.text.toLowerCase(), seen).toContain(phrase.toLowerCase());
      for (const phrase of g.excludes ?? []) expect(a.text.toLowerCase(), seen).not.toContain(phrase.toLowerCase());
    });
  }

  it('cites every sentence of every answer', () => {
    for (const g of GOLDEN.filter((x) => x.expect === 'answer')) {
      const a = answer(g.q, index);
      // Uncited by design: timeline framing ("As of …", "In …"), and what the bot says about how it
      // read the question ("I have read "the watchdog" as …").
      const uncited = a.sentences.filter((s) => s.citations.length === 0 && !/^(No exit is recorded|As of|In |On |I have read |(If you mean [^:]+: )?I may not have understood|"[^"]+" can )/.test(s.text));
      expect(uncited, g.q).toEqual([]);
      for (const c of a.citations) expect(c.title.length).toBeGreaterThan(0);
    }
  });
});
