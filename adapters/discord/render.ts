// Turns the core's platform-neutral Answer (and help, suggestions, notices) into Discord embeds
// and autocomplete choices. Pure: plain API JSON in, plain API JSON out, so every Discord limit
// is unit-tested here without a client. Citations are dropped whole, never cut in half.

import type { APIApplicationCommandOptionChoice, APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, Citation } from '../../src/answer-types.ts';
import type { BotHelp } from '../../src/bot-core.ts';
import { datelineOf } from '../../src/dateline.ts';
import { defuseMentions, escapeLinkText, escapeMarkdown, humanDate, plural, safeLinkUrl, truncate } from './format.ts';

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Across every embed in one message. */
  total: 6000,
  embeds: 10,
} as const;

/** Autocomplete limits: 25 choices; name and value 1–100 characters. */
export const CHOICE_LIMITS = { choices: 25, length: 100 } as const;

const COLOUR = {
  answer: 0x1d70b8,
  decline: 0x505a5f,
  notice: 0xf47738,
} as const;

/** How many related questions a decline offers: enough to help, few enough to scan. */
const MAX_RELATED = 5;
/** The longest a cited quote may run before it is shortened, so one quote cannot crowd out other sources. */
const MAX_QUOTE = 300;

export interface RenderAnswerOptions {
  /** The embed title: the user's question for /oversight ask, a heading for /oversight engage. */
  title: string;
  /** The knowledge base's newest record date (BotCore.newestRecordDate), to say when it is old. */
  newestRecord?: string;
  /** What "today" is, for that note (tests). */
  today?: Date;
}

/** An answer as one embed; a no_answer becomes a friendly decline instead. */
export function renderAnswer(answer: Answer, options: RenderAnswerOptions): APIEmbed[] {
  if (answer.status !== 'answered') return renderDecline(answer);

  const title = truncate(plain(oneLine(options.title)), EMBED_LIMITS.title);
  // One dateline, in the footer; none when the text already says "As of …" and is not old.
  const dateline = datelineOf(answer, { ...(options.today ? { today: options.today } : {}), ...(options.newestRecord ? { newestRecord: options.newestRecord } : {}) });
  const footerBase = dateline ? dateline.replace(/\.$/, '') : '';
  const fields = answer.citations.map(citationField);
  // Reserve room for the longest footer we might need ("+N more sources" with every source dropped).
  const footerWorst = footerText(footerBase, fields.length);
  const firstField = fields[0] ? fieldLength(fields[0]) : 0;

  // The answer text comes first, but leave room for at least the first citation: an answer with
  // no visible source breaks the bot's promise.
  const descriptionBudget = Math.min(EMBED_LIMITS.description, EMBED_LIMITS.total - title.length - footerWorst.length - firstField);
  const description = answerDescription(answer, descriptionBudget);

  let remaining = EMBED_LIMITS.total - title.length - description.length - footerWorst.length;
  const shown: APIEmbedField[] = [];
  for (const field of fields) {
    const length = fieldLength(field);
    if (shown.length === EMBED_LIMITS.fields || length > remaining) break;
    shown.push(field);
    remaining -= length;
  }

  const footer = footerText(footerBase, fields.length - shown.length);
  const embed: APIEmbed = { color: COLOUR.answer, title };
  if (description) embed.description = description;
  if (shown.length > 0) embed.fields = shown;
  if (footer) embed.footer = { text: footer };
  return [embed];
}

/** "No answer" is not an error: say so kindly and offer questions that do work. */
export function renderDecline(answer: Pick<Answer, 'text' | 'related'>): APIEmbed[] {
  const reason = answer.text.trim() || "I don't have that in my knowledge base.";
  const related = uniqueNonEmpty(answer.related).slice(0, MAX_RELATED);
  const parts = [truncate(plain(reason), 1500)];
  if (related.length > 0) {
    parts.push('**You could ask:**\n' + related.map((q) => `• ${truncate(plain(oneLine(q)), 200)}`).join('\n'));
  }
  parts.push('Or use `/oversight help` to see what I can answer.');
  return [{ color: COLOUR.decline, title: 'I can’t answer that one', description: parts.join('\n\n') }];
}

/** /oversight help: what the bot answers, example questions, and the commands. */
export function renderHelp(help: BotHelp): APIEmbed[] {
  const examples: string[] = [];
  let used = 0;
  for (const example of uniqueNonEmpty(help.examples)) {
    const line = `• ${truncate(plain(oneLine(example)), 200)}`;
    if (used + line.length + 1 > EMBED_LIMITS.fieldValue || examples.length === 10) break;
    examples.push(line);
    used += line.length + 1;
  }
  const fields: APIEmbedField[] = [];
  if (examples.length > 0) fields.push({ name: 'Try asking', value: examples.join('\n') });
  fields.push({
    name: 'Commands',
    value: [
      '`/oversight ask question:…` — ask a question; every sentence comes with its source',
      '`/oversight engage` — the forces and services in Engage now; add `date:` for a past date, e.g. `date:December 2022`',
      '`/oversight help` — this message',
      '`/oversight timeline` — a chart of every Engage stay; add `bodies:`, `from:` or `to:` to narrow it',
      'Add `private:True` to `ask` or `engage` to see the answer yourself only, with a button to post it to the channel.',
      '`/oversight alerts subscribe [topic]` — alerts in this channel when a force or service moves into or out of Engage (for members who can manage the channel)',
    ].join('\n'),
  });
  return [
    {
      color: COLOUR.answer,
      title: 'What I can answer',
      description: truncate(plain(help.summary.trim()), 2000),
      fields,
    },
  ];
}

/** A short message for the user (bad input, something went wrong on our side): no stack, no codes. */
export function renderNotice(message: string, title = 'Just a moment'): APIEmbed[] {
  return [
    {
      color: COLOUR.notice,
      title: truncate(oneLine(title), EMBED_LIMITS.title),
      description: truncate(defuseMentions(message.trim()), EMBED_LIMITS.description),
    },
  ];
}

/**
 * Autocomplete choices from the core's suggestions: at most 25, unique, 1–100 characters.
 * A suggestion longer than 100 characters is left out rather than cut: the value is what gets
 * asked, and half a question may get a different answer.
 */
export function suggestionChoices(suggestions: readonly string[]): APIApplicationCommandOptionChoice<string>[] {
  const choices: APIApplicationCommandOptionChoice<string>[] = [];
  for (const suggestion of uniqueNonEmpty(suggestions.map(oneLine))) {
    if (suggestion.length > CHOICE_LIMITS.length) continue;
    choices.push({ name: suggestion, value: suggestion });
    if (choices.length === CHOICE_LIMITS.choices) break;
  }
  return choices;
}

/** The characters Discord counts towards the 6,000 total for one embed. */
export function embedTextLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/**
 * Last line of defence before anything is sent: clamps every part to Discord's limits so a
 * renderer bug becomes a shorter message rather than a 400 from Discord and no reply at all.
 * The renderers above already stay within the limits; this should change nothing.
 */
export function clampEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  let budget: number = EMBED_LIMITS.total;
  const out: APIEmbed[] = [];
  for (const original of embeds.slice(0, EMBED_LIMITS.embeds)) {
    const embed: APIEmbed = { ...original };
    if (embed.title !== undefined) embed.title = truncate(embed.title, EMBED_LIMITS.title);
    if (embed.description !== undefined) embed.description = truncate(embed.description, EMBED_LIMITS.description);
    if (embed.footer) embed.footer = { ...embed.footer, text: truncate(embed.footer.text, EMBED_LIMITS.footer) };
    if (embed.author) embed.author = { ...embed.author, name: truncate(embed.author.name, EMBED_LIMITS.authorName) };
    if (embed.fields) {
      embed.fields = embed.fields.slice(0, EMBED_LIMITS.fields).map((f) => ({
        ...f,
        name: truncate(f.name, EMBED_LIMITS.fieldName) || '\u200b',
        value: truncate(f.value, EMBED_LIMITS.fieldValue) || '\u200b',
      }));
    }
    // Over the shared total: drop trailing fields first, then shorten the description.
    while (embedTextLength(embed) > budget && embed.fields && embed.fields.length > 0) embed.fields = embed.fields.slice(0, -1);
    if (embed.fields?.length === 0) delete embed.fields;
    const excess = embedTextLength(embed) - budget;
    if (excess > 0 && embed.description) embed.description = truncate(embed.description, Math.max(0, embed.description.length - excess));
    if (embedTextLength(embed) > budget) break;
    budget -= embedTextLength(embed);
    out.push(embed);
  }
  return out;
}

function citationField(citation: Citation): APIEmbedField {
  const publisher = citation.publisher?.trim() || 'Publisher not verified';
  const date = citation.published ? humanDate(citation.published) : 'undated';
  const name = truncate(plain(oneLine(`[${citation.n}] ${publisher} · ${date}`)), EMBED_LIMITS.fieldName);

  const locator = citation.locator?.trim() ? ` · ${truncate(plain(oneLine(citation.locator)), 100)}` : '';
  const url = safeLinkUrl(citation.url);
  const titleText = truncate(defuseMentions(oneLine(citation.title)) || 'Untitled source', 400);
  // The title is the link text; a URL so long that the link would not fit is shown unlinked
  // rather than cut, because half a markdown link renders as noise.
  const linked = url ? `[${escapeLinkText(titleText)}](${url})${locator}` : '';
  let value = linked && linked.length <= EMBED_LIMITS.fieldValue - 80 ? linked : `*${escapeMarkdown(titleText)}*${locator}`;

  const quote = citation.quote ? plain(oneLine(citation.quote)) : '';
  const quoteRoom = Math.min(MAX_QUOTE, EMBED_LIMITS.fieldValue - value.length - 5);
  if (quote && quoteRoom >= 20) value += `\n> “${truncate(quote, quoteRoom)}”`;
  return { name, value: truncate(value, EMBED_LIMITS.fieldValue) };
}

/**
 * The answer text when it fits; otherwise whole sentences (each with its own markers) until the
 * budget is used, then a note, so no sentence loses its citation markers.
 */
function answerDescription(answer: Answer, budget: number): string {
  const pieces = descriptionPieces(answer);
  const join = (list: typeof pieces) => list.map((p, i) => (i === 0 ? p.text : p.separator + p.text)).join('');
  // The core's text already reads right for prose; a list is laid out from its items.
  const hasList = answer.sentences.some((s) => s.items && s.items.length > 0);
  const text = hasList ? join(pieces) : plain(answer.text.trim());
  if (text.length <= budget) return text;
  const note = '\n… (shortened to fit Discord: ask a narrower question for the rest)';
  let kept = 0;
  while (kept < pieces.length && join(pieces.slice(0, kept + 1)).length + note.length <= budget) kept += 1;
  const out = kept > 0 ? join(pieces.slice(0, kept)) : truncate(text, Math.max(0, budget - note.length));
  return out + note;
}

/**
 * The answer as description lines: sentences run on with their markers; a list's lead and each
 * of its items ("• Lincolnshire Police — since … [1]") on lines of their own, each item with
 * its own citation numbers.
 */
function descriptionPieces(answer: Answer): { text: string; separator: string }[] {
  const pieces: { text: string; separator: string }[] = [];
  const markers = (ns: number[]) => (ns.length ? ' ' + ns.map((n) => `[${n}]`).join('') : '');
  const prose = answer.text.includes('\n') ? '\n' : ' ';
  let afterList = false;
  for (const sentence of answer.sentences) {
    if (sentence.items && sentence.items.length > 0) {
      const byItems = new Set(sentence.items.flatMap((i) => i.citations));
      const own = sentence.citations.filter((n) => !byItems.has(n));
      pieces.push({ text: plain(`${sentence.text.trim()}${markers(own)}`), separator: '\n' });
      for (const item of sentence.items) pieces.push({ text: plain(`• ${item.text.trim()}${markers(item.citations)}`), separator: '\n' });
      afterList = true;
      continue;
    }
    pieces.push({ text: plain(`${sentence.text.trim()}${markers(sentence.citations)}`), separator: afterList ? '\n' : prose });
    afterList = false;
  }
  return pieces;
}

function footerText(base: string, dropped: number): string {
  const more = dropped > 0 ? `+${plural(dropped, 'more source')}` : '';
  return [base, more].filter(Boolean).join(' · ');
}

function fieldLength(field: APIEmbedField): number {
  return field.name.length + field.value.length;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text that must show exactly as written: no pings, no accidental markdown. */
function plain(text: string): string {
  return escapeMarkdown(defuseMentions(text));
}

function uniqueNonEmpty(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const v = value.trim();
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}
