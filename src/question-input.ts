// Cleans raw user input before it reaches the answering core: strips control and invisible
// characters, folds whitespace, and enforces the length limit. Pure; used by every adapter.

import { OversightError } from './errors.ts';

export const MAX_QUESTION_LENGTH = 500;

// C0/C1 controls, zero-width characters and bidi overrides: none belong in a question, and the
// bidi ones can make a question display differently from what it says.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

// Terminal escape sequences (colours, cursor moves) pasted into a question: remove them whole,
// not just their ESC byte, or "[31m" would be left behind as a word.
const ANSI_ESCAPES = /\u001b\[[0-9;?]*[ -\/]*[@-~]|\u001b[@-Z\\-_]/g;

/**
 * Chat-platform mentions and links, removed before a question is understood: Slack `<@U123>`,
 * `<@U123|bob>`, `<!channel>`, `<!subteam^S1|@team>`, `<#C1|general>`; Discord `<@123>`,
 * `<@!123>`, `<@&123>`, `<#123>`; and bare `@everyone` / `@here` / `@channel`. A Slack link
 * `<https://…|text>` keeps its text. None of them is part of what is asked, and a name inside
 * one ("bob") must never be read as a force the bot has no record of.
 */
const PLATFORM_MENTIONS = /<(?:[@#!][^<>\s]{0,80}|[@#!][^<>]{0,80})>/g;
const SLACK_LINK = /<(https?:\/\/[^<>|\s]{1,300})(?:\|([^<>]{0,200}))?>/g;
const BROADCAST_WORDS = /(^|\s)@(everyone|here|channel|all)\b/gi;

/** The question with platform mentions removed and Slack links replaced by their text. */
export function stripMentions(text: string): string {
  return text
    .replace(SLACK_LINK, (_m, url: string, label?: string) => ` ${label ?? url} `)
    .replace(PLATFORM_MENTIONS, ' ')
    .replace(BROADCAST_WORDS, '$1 ');
}

export type QuestionCheck = { ok: true; question: string } | { ok: false; error: OversightError };

/** Returns the cleaned question, or an error saying what is wrong with it. */
export function checkQuestion(raw: unknown): QuestionCheck {
  if (typeof raw !== 'string') {
    return { ok: false, error: new OversightError('QUESTION_EMPTY', 'Please ask a question, e.g. "which forces are in Engage?"') };
  }
  const question = stripMentions(raw.replace(ANSI_ESCAPES, ' ').replace(INVISIBLE, ' ')).replace(/\s+/g, ' ').trim();
  if (question.length === 0) {
    return { ok: false, error: new OversightError('QUESTION_EMPTY', 'Please ask a question, e.g. "which forces are in Engage?"') };
  }
  if (question.length > MAX_QUESTION_LENGTH) {
    return {
      ok: false,
      error: new OversightError(
        'QUESTION_TOO_LONG',
        `That question is ${question.length} characters long; please keep it under ${MAX_QUESTION_LENGTH} and ask one thing at a time.`,
      ),
    };
  }
  return { ok: true, question };
}
