// Unit tests for cleaning user input before it reaches the core.

import { describe, expect, it } from 'vitest';
import { checkQuestion, MAX_QUESTION_LENGTH } from '../../src/question-input.ts';

describe('checkQuestion', () => {
  it('strips control, zero-width and bidi characters and folds whitespace', () => {
    const r = checkQuestion('  is\u0000 the Met\u200b in\u202e  Engage?\r\n');
    expect(r).toEqual({ ok: true, question: 'is the Met in Engage?' });
  });

  it('removes terminal escape sequences whole', () => {
    expect(checkQuestion('which\u001b[31m forces\u001b[0m are in Engage?')).toEqual({ ok: true, question: 'which forces are in Engage?' });
  });

  it('rejects empty and whitespace-only input with QUESTION_EMPTY', () => {
    for (const raw of ['', '   ', '\u0000\u0001', undefined, 42]) {
      const r = checkQuestion(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('QUESTION_EMPTY');
    }
  });

  it('refuses questions over the limit with a clear message', () => {
    const r = checkQuestion('a'.repeat(MAX_QUESTION_LENGTH + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('QUESTION_TOO_LONG');
      expect(r.error.message).toContain(String(MAX_QUESTION_LENGTH));
    }
    expect(checkQuestion('a'.repeat(MAX_QUESTION_LENGTH)).ok).toBe(true);
  });
});
