// Small text helpers for the Discord renderer: human dates, length-safe truncation, and
// defusing mentions/markdown in text we echo back. Pure; markdown escaping is discord.js's own
// (escapeMarkdown, which knows Discord's headings, lists and masked links).

import { escapeMarkdown as discordEscapeMarkdown } from 'discord.js';
import { formatDate } from '../../src/dates.ts';

const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** "28 June 2022", "June 2022" or "2019"; anything that is not a partial ISO date is shown as given. */
export function humanDate(date: string): string {
  return PARTIAL_DATE.test(date) ? formatDate(date) : date;
}

const ZWSP = '\u200b';

/**
 * Breaks mention syntax so text reads the same but can never be parsed as a ping: "@everyone",
 * "@here", "<@123>", "<@&role>", "<#channel>" and Slack-style "<!channel>". allowedMentions already
 * stops pings; this also stops the text from rendering as a mention pill in the embed.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, `@${ZWSP}$1`).replace(/<([@#!&])/g, `<${ZWSP}$1`);
}

/** Everything Discord would format: inline styles, code, spoilers, and line-start headings and lists. */
const ESCAPE_ALL = { heading: true, bulletedList: true, numberedList: true } as const;

/**
 * Escapes markdown so plain text from the core or a user shows exactly as written: a title like
 * "*Draft* report" must not turn italic, "# Breaking" must not become a heading, and a typed
 * "[click here](https://evil.example)" must not become a disguised link. discord.js escapes the
 * first "[" of a line's first masked link only; breaking every "](" neutralises them all.
 */
export function escapeMarkdown(text: string): string {
  return neutraliseMaskedLinks(escapeWhatDiscordJsMisses(discordEscapeMarkdown(text, { ...ESCAPE_ALL, maskedLink: true })));
}

/**
 * Breaks every "[text](url)" so it shows as typed instead of as a link whose text hides where it
 * goes. For text that may hold our own markdown too (notices quoting a user's words).
 */
export function neutraliseMaskedLinks(text: string): string {
  return text.replace(/\]\(/g, ']\\(');
}

/**
 * What discord.js leaves alone: block quotes ("> ") and subtext ("-# ") at a line start, and a
 * lone "~" (harmless alone, but half of a strikethrough once text is joined to other text).
 */
function escapeWhatDiscordJsMisses(text: string): string {
  return text.replace(/^(\s*)(>|-#)/gm, '$1\\$2').replace(/(?<!\\)~/g, '\\~');
}

/** Escapes text for use inside a markdown link's [text]: all markdown, and every bracket. */
export function escapeLinkText(text: string): string {
  return discordEscapeMarkdown(text, ESCAPE_ALL).replace(/([[\]])/g, '\\$1');
}

/**
 * Only http(s) URLs become links, with the characters that would end a markdown link target
 * percent-encoded; anything else (javascript:, relative paths, garbage) returns null.
 */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20').replace(/</g, '%3C').replace(/>/g, '%3E');
}

/**
 * Shortens text to at most `max` characters, ending in "…". Cuts at the last space in the
 * final fifth when there is one, so words (and "[1][2]" markers, which follow a space) stay whole.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  const room = max - 1;
  const cut = text.slice(0, room);
  const space = cut.lastIndexOf(' ');
  const body = space >= room * 0.8 ? cut.slice(0, space) : cut;
  // Never end on half of a surrogate pair (an emoji cut in two renders as garbage).
  const safe = /[\uD800-\uDBFF]$/.test(body) ? body.slice(0, -1) : body;
  return safe.trimEnd() + '…';
}

/** "1 more source" / "3 more sources". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
