// Checks that suggested follow-ups read like questions a reporter would type — capitalised,
// a question word or auxiliary first, ending in "?", short enough for Discord's autocomplete —
// and, given a core, that each one asked back is answered. Used by test/golden/suggestions.test.ts.

import type { BotCore } from '../../src/bot-core.ts';

const OPENERS = /^(Which|What|Who|Whom|Whose|When|Where|Why|How|Is|Are|Was|Were|Did|Do|Does|Has|Have|Had|Can|Could|Will|Would|Should)\b/;

/** What is wrong with one suggestion; empty when it is a well-formed question. */
export function suggestionProblems(suggestion: string): string[] {
  const problems: string[] = [];
  const text = suggestion;
  if (text !== text.trim()) problems.push('leading or trailing space');
  if (/\s{2,}/.test(text)) problems.push('double space');
  if (!/^[A-Z]/.test(text.trim())) problems.push('not capitalised');
  else if (!OPENERS.test(text.trim())) problems.push('does not open with a question word');
  if (!text.trim().endsWith('?')) problems.push('does not end with "?"');
  if (text.length > 100) problems.push('longer than 100 characters (Discord autocomplete)');
  return problems;
}

/** Each suggestion that is not a well-formed question, with its problems. */
export function malformedSuggestions(suggestions: readonly string[]): { suggestion: string; problems: string[] }[] {
  return suggestions.map((suggestion) => ({ suggestion, problems: suggestionProblems(suggestion) })).filter((r) => r.problems.length > 0);
}

/** The suggestions offered after `questions` that, asked back, get no answer. */
export function unansweredSuggestions(core: BotCore, questions: readonly string[]): { after: string; suggestion: string }[] {
  const out: { after: string; suggestion: string }[] = [];
  for (const question of questions) {
    for (const suggestion of core.ask(question).related) {
      if (core.ask(suggestion).status !== 'answered') out.push({ after: question, suggestion });
    }
  }
  return out;
}
