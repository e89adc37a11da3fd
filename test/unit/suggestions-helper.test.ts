// The suggestion checker itself (test/support/suggestions.ts): it must accept questions a
// reporter would type and flag raw phrasings, so the lead can point it at the core's `related`.

import { describe, expect, it } from 'vitest';
import { CITED_ANSWER, createFakeCore } from '../support/fake-core.ts';
import { malformedSuggestions, suggestionProblems, unansweredSuggestions } from '../support/suggestions.ts';

describe('suggestionProblems', () => {
  it('accepts well-formed, capitalised questions', () => {
    for (const q of ['Which forces are in Engage?', 'Why was Lincolnshire Police moved into Engage?', 'Is the Met in special measures?', 'How long was GMP in Engage?']) {
      expect(suggestionProblems(q), q).toEqual([]);
    }
  });

  it('flags raw lower-case phrasings, statements and over-long ones', () => {
    expect(suggestionProblems('lincolnshire police engage')).toEqual(['not capitalised', 'does not end with "?"']);
    expect(suggestionProblems('Lincolnshire Police in Engage?')).toEqual(['does not open with a question word']);
    expect(suggestionProblems('Which forces are in Engage')).toEqual(['does not end with "?"']);
    expect(suggestionProblems(`Which ${'very '.repeat(30)}long question?`)).toContain('longer than 100 characters (Discord autocomplete)');
    expect(malformedSuggestions(['Which forces are in Engage?', 'why met'])).toEqual([{ suggestion: 'why met', problems: ['not capitalised', 'does not end with "?"'] }]);
  });
});

describe('unansweredSuggestions', () => {
  it('asks each suggestion back and reports the ones without an answer', () => {
    const core = createFakeCore();
    core.answerWith({ ...CITED_ANSWER, related: ['Which forces left Engage in 2025?', 'Who is the chief constable?'] });
    // The fake answers anything mentioning Engage; after answerWith it answers everything the same way.
    expect(unansweredSuggestions(core, ['Which forces are in Engage?'])).toEqual([]);
    const declining = createFakeCore();
    const asked = declining.ask.bind(declining);
    declining.ask = (q) => (q.startsWith('Who is') ? { ...asked('nothing'), status: 'no_answer' } : { ...CITED_ANSWER, related: ['Who is the chief constable?', 'Which forces are in Engage?'] });
    expect(unansweredSuggestions(declining, ['Which forces are in Engage?'])).toEqual([{ after: 'Which forces are in Engage?', suggestion: 'Who is the chief constable?' }]);
  });
});
