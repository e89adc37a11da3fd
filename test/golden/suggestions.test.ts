// Suggested follow-ups read like questions and are answered when asked back: every suggestion
// shown for the project's golden questions, checked with the rendering work's checker.
import { describe, expect, it } from 'vitest';
import { createBotCore } from '../../src/create-bot-core.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';
import { malformedSuggestions, unansweredSuggestions } from '../support/suggestions.ts';
import { GOLDEN } from './golden-questions.ts';

const core = createBotCore(loadBundledKnowledge());
const questions = GOLDEN.map((g) => g.q);

describe('suggested follow-ups', () => {
  it('are well-formed, capitalised questions', () => {
    const shown = questions.flatMap((q) => core.ask(q).related);
    expect(shown.length).toBeGreaterThan(100);
    expect(malformedSuggestions(shown)).toEqual([]);
  });
  it('are answered when asked back', () => {
    expect(unansweredSuggestions(core, questions.filter((_, i) => GOLDEN[i]!.expect === 'answer'))).toEqual([]);
  });
});
