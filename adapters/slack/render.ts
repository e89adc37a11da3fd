// Turns the core's platform-neutral Answer (and help, and input problems) into Slack Block Kit.
// Pure: no Bolt objects, no I/O, so the limits and the escaping are unit-tested in isolation.
// Every piece of text from a user or from the knowledge base goes through escapeMrkdwn.

import type { types } from '@slack/bolt';
import type { Answer, Citation } from '../../src/answer-types.ts';
import type { BotHelp } from '../../src/bot-core.ts';
import { datelineOf } from '../../src/dateline.ts';
import { escapeMrkdwn, humanDate, isSlackUserId, mrkdwnLink, truncateMrkdwn, truncatePlain, dropPartialEntity } from './format.ts';

type KnownBlock = types.KnownBlock;
type ContextBlock = types.ContextBlock;
type MrkdwnElement = types.MrkdwnElement;

/** Slack's documented limits that a rendered answer must respect. */
export const SLACK_LIMITS = {
  /** Characters in a section block's text. */
  sectionText: 3000,
  /** Blocks in one message. */
  blocks: 50,
  /** The top-level `text` we send as notification/accessibility fallback. */
  fallbackText: 3000,
  /** Elements in one context block. */
  contextElements: 10,
  /** Characters in one context element's text. */
  contextElementText: 3000,
  /** Characters in a button's value. */
  buttonValue: 2000,
  /** Characters in a button's label. */
  buttonText: 75,
} as const;

/** The action id of the "Post to channel" button; the adapter listens for it. */
export const SHARE_ACTION_ID = 'oversight_share';

/** Citation context blocks beyond this many are folded into "and N more sources". */
const MAX_CITATION_BLOCKS = 10;
const MAX_SUGGESTIONS = 5;
/** The longest a verbatim quote runs under its source before it is cut at a word with "…". */
export const MAX_QUOTE_CHARS = 300;

export interface SlackMessage {
  /** Notification and screen-reader fallback; mrkdwn, escaped, at most 3,000 characters. */
  text: string;
  blocks: KnownBlock[];
}

export interface AnswerRenderOptions {
  /** The question as asked, shown above the answer (slash commands, where Slack shows nothing). */
  question?: string;
  /** The Slack user who shared the answer to the channel: "<@U…> asked: …". */
  sharedBy?: string;
  /** When set, adds a "Post to channel" button carrying this value back to the adapter. */
  shareValue?: string;
  /** Suggestions for a no_answer whose `related` is empty (e.g. the help examples). */
  fallbackSuggestions?: string[];
  /** The knowledge base's newest record date (BotCore.newestRecordDate), to say when it is old. */
  newestRecord?: string;
  /** What "today" is, for that note (tests). */
  today?: Date;
}

/** Renders an Answer: the answer text, an "as of" line, the citations, and optional extras. */
export function renderAnswer(answer: Answer, options: AnswerRenderOptions = {}): SlackMessage {
  if (answer.status === 'no_answer') return renderNoAnswer(answer, options);

  const head = questionBlocks(options);
  // One dateline: none when the answer already says "As of …" and its record is not old.
  const dateline = datelineOf(answer, { ...(options.today ? { today: options.today } : {}), ...(options.newestRecord ? { newestRecord: options.newestRecord } : {}) });
  const asOf = dateline ? [context([`:calendar: ${escapeMrkdwn(dateline)}`])] : [];
  const share = shareBlocks(options.shareValue);
  const related = answer.related.length > 0 ? [context([`_You could also ask:_ ${answer.related.slice(0, 3).map(escapeMrkdwn).join('  ·  ')}`])] : [];

  // Each unit is one sentence with its citation markers; a unit is never split between two
  // sections unless it alone exceeds the section limit, and its markers stay with its end.
  const units = answerUnits(answer);
  let kept = units;
  let sections = packSections(kept);
  let citations = answer.citations;
  let citationBlocks = renderCitations(citations);
  let extras = related;
  const fixed = () => head.length + asOf.length + citationBlocks.length + extras.length + share.length;

  if (fixed() + sections.length > SLACK_LIMITS.blocks) {
    // Too long for one message: drop the "also ask" line first, then trailing sentences, and keep
    // exactly the citations the remaining sentences refer to.
    extras = [];
    while (kept.length > 1 && fixed() + sections.length + 1 > SLACK_LIMITS.blocks) {
      kept = kept.slice(0, -1);
      const referenced = new Set(kept.flatMap((u) => u.citations));
      citations = answer.citations.filter((c) => referenced.has(c.n));
      citationBlocks = renderCitations(citations);
      sections = packSections(kept);
    }
    sections = sections.slice(0, Math.max(1, SLACK_LIMITS.blocks - fixed() - 1));
    sections.push(section('_(Answer shortened to fit in Slack. Ask a narrower question for the rest.)_'));
  }

  const blocks: KnownBlock[] = [...head, ...sections, ...asOf, ...citationBlocks, ...extras, ...share];
  // The "as of" note joins the fallback unless the answer already names that date.
  const asOfText = answer.asOf ? escapeMrkdwn(humanDate(answer.asOf)) : '';
  const sentences = kept.map((u) => (u.newline ? '\n' : '') + u.pieces.join(' '));
  const fallback = fallbackText(sentences, asOfText && !sentences.join(' ').includes(asOfText) ? ` (as of ${asOfText})` : '');
  return { text: fallback, blocks };
}

/** "I don't know that" as a friendly message with questions the bot can answer instead. */
function renderNoAnswer(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  const suggestions = answer.related.length > 0 ? answer.related : (options.fallbackSuggestions ?? []);
  const message = answer.text.trim() || "I don't have an answer to that in my knowledge base.";
  return renderNotice(message, suggestions, questionBlocks(options));
}

/** What the bot answers and how to ask: for `/oversight`, `/oversight help` and a bare mention. */
export function renderHelp(help: BotHelp, commandName = '/oversight'): SlackMessage {
  const examples = help.examples.slice(0, 8).map((e) => `• ${escapeMrkdwn(commandName)} ${escapeMrkdwn(truncatePlain(e, 300))}`);
  const blocks: KnownBlock[] = [
    section(truncateMrkdwn(`*What I can answer*\n${escapeMrkdwn(help.summary)}`, SLACK_LIMITS.sectionText)),
  ];
  if (examples.length > 0) blocks.push(section(truncateMrkdwn(`*Try asking*\n${examples.join('\n')}`, SLACK_LIMITS.sectionText)));
  blocks.push(
    context([
      `\`${escapeMrkdwn(commandName)} <question>\` answers privately, with a button to post the answer to the channel. ` +
        'Mention me in a channel to get the answer in a thread, or send me a direct message. Every sentence comes with its sources. ' +
        `\`${escapeMrkdwn(commandName)} timeline [police|fire] [2019-2025]\` posts a chart of every Engage stay. ` +
        `\`${escapeMrkdwn(commandName)} subscribe [topic]\` posts alerts in the channel when a force or service moves into or out of Engage.`,
    ]),
  );
  return { text: truncateMrkdwn(`${escapeMrkdwn(help.summary)}`, SLACK_LIMITS.fallbackText), blocks };
}

/**
 * A short, kind message with suggestions: for questions that are empty or too long (the
 * message comes from checkQuestion) and for declines.
 */
export function renderNotice(message: string, suggestions: string[] = [], head: KnownBlock[] = []): SlackMessage {
  const text = truncateMrkdwn(escapeMrkdwn(message), SLACK_LIMITS.sectionText);
  const blocks: KnownBlock[] = [...head, section(text)];
  const shown = suggestions.slice(0, MAX_SUGGESTIONS).map((s) => escapeMrkdwn(truncatePlain(s, 300)));
  if (shown.length > 0) blocks.push(section(`*You could ask:*\n${shown.map((s) => `• ${s}`).join('\n')}`));
  const fallback = shown.length > 0 ? `${text} You could ask: ${shown.join(' · ')}` : text;
  return { text: truncateMrkdwn(fallback, SLACK_LIMITS.fallbackText), blocks };
}

/** What a user sees when something failed on our side: an apology, never an error or a trace. */
export function renderFailure(): SlackMessage {
  return renderNotice("Sorry, I couldn't answer that just now. Please try again in a minute.");
}

// ---------------------------------------------------------------------------------------------

interface AnswerUnit {
  /** The escaped sentence (or list item) with its "[n]" markers, cut into pieces only if it is too long alone. */
  pieces: string[];
  citations: number[];
  /** Starts a new line: a list's lead, each of its items ("• …") and the sentence after a list. */
  newline?: boolean;
}

const markersOf = (citations: number[]) => (citations.length ? ` ${citations.map((n) => `[${n}]`).join('')}` : '');

/**
 * Sentences become units; a list sentence becomes its lead (with only the numbers no item
 * carries) and one bullet unit per item with that item's own numbers.
 */
function answerUnits(answer: Answer): AnswerUnit[] {
  if (answer.sentences.length === 0) {
    return answer.text.trim() ? [{ pieces: splitLong(escapeMrkdwn(answer.text.trim()), ''), citations: answer.citations.map((c) => c.n) }] : [];
  }
  const units: AnswerUnit[] = [];
  let afterList = false;
  for (const s of answer.sentences) {
    if (s.items && s.items.length > 0) {
      const byItems = new Set(s.items.flatMap((i) => i.citations));
      const own = s.citations.filter((n) => !byItems.has(n));
      units.push({ pieces: splitLong(escapeMrkdwn(s.text.trim()), markersOf(own)), citations: own, newline: units.length > 0 });
      for (const item of s.items) {
        units.push({ pieces: splitLong(`• ${escapeMrkdwn(item.text.trim())}`, markersOf(item.citations)), citations: item.citations, newline: true });
      }
      afterList = true;
      continue;
    }
    units.push({ pieces: splitLong(escapeMrkdwn(s.text.trim()), markersOf(s.citations)), citations: s.citations, ...(afterList ? { newline: true } : {}) });
    afterList = false;
  }
  return units;
}

/** Splits one over-long sentence at spaces; the citation markers always end the last piece. */
function splitLong(body: string, markers: string): string[] {
  const max = SLACK_LIMITS.sectionText;
  if (body.length + markers.length <= max) return [body + markers];
  const pieces: string[] = [];
  let rest = body;
  while (rest.length + markers.length > max) {
    let cut = rest.lastIndexOf(' ', max - 1);
    if (cut < max * 0.5) cut = max - 1;
    const piece = dropPartialEntity(rest.slice(0, cut));
    pieces.push(piece.trimEnd());
    rest = rest.slice(piece.length).trimStart();
  }
  pieces.push(rest + markers);
  return pieces;
}

/** Packs sentence pieces greedily into section blocks of at most 3,000 characters; list items keep their own lines. */
function packSections(units: AnswerUnit[]): KnownBlock[] {
  const texts: string[] = [];
  let current = '';
  for (const unit of units) {
    unit.pieces.forEach((piece, i) => {
      if (current && current.length + 1 + piece.length > SLACK_LIMITS.sectionText) {
        texts.push(current);
        current = '';
      }
      const separator = i === 0 && unit.newline ? '\n' : ' ';
      current = current ? `${current}${separator}${piece}` : piece;
    });
  }
  if (current) texts.push(current);
  return texts.map(section);
}

/** The top-level fallback text: whole sentences up to 3,000 characters, then the as-of note. */
function fallbackText(sentences: string[], suffix: string): string {
  const max = SLACK_LIMITS.fallbackText - suffix.length;
  let text = '';
  for (const sentence of sentences) {
    const next = text ? (sentence.startsWith('\n') ? `${text}${sentence}` : `${text} ${sentence}`) : sentence.trimStart();
    if (next.length > max) {
      text = text ? `${text} …` : truncateMrkdwn(sentence, max);
      break;
    }
    text = next;
  }
  return text + suffix;
}

/** One context element per citation, ten to a block: "[1] <url|Title> — Publisher, 6 December 2024". */
function renderCitations(citations: Citation[]): ContextBlock[] {
  if (citations.length === 0) return [];
  const perBlock = SLACK_LIMITS.contextElements;
  const capacity = MAX_CITATION_BLOCKS * perBlock;
  const elements = citations.slice(0, citations.length > capacity ? capacity - 1 : capacity).map(citationText);
  if (citations.length > capacity) elements.push(`_…and ${citations.length - (capacity - 1)} more sources_`);
  const blocks: ContextBlock[] = [];
  for (let i = 0; i < elements.length; i += perBlock) blocks.push(context(elements.slice(i, i + perBlock)));
  return blocks;
}

function citationText(c: Citation): string {
  const details = [
    c.publisher ? escapeMrkdwn(c.publisher) : 'publisher not verified',
    c.published ? escapeMrkdwn(humanDate(c.published)) : null,
    c.locator ? escapeMrkdwn(c.locator) : null,
  ].filter((d): d is string => d !== null);
  const tail = ` — ${details.join(', ')}`;
  // Shorten a very long title rather than the link or the provenance after it.
  const titleRoom = SLACK_LIMITS.contextElementText - tail.length - 400;
  const title = c.title.length > titleRoom ? truncatePlain(c.title, Math.max(20, titleRoom)) : c.title;
  // The verbatim quote as a quoted line under its source, cut at a word when long.
  const quote = c.quote ? `\n>“${escapeMrkdwn(truncateAtWord(c.quote.replace(/\s+/g, ' ').trim(), MAX_QUOTE_CHARS))}”` : '';
  return `*[${c.n}]* ${mrkdwnLink(c.url, title)}${tail}${quote}`;
}

/** Plain text cut to `max` characters at a word, ending "…" (escaped afterwards, so no entity is cut). */
function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '') + '…';
}

function questionBlocks(options: AnswerRenderOptions): KnownBlock[] {
  if (!options.question) return [];
  const who = isSlackUserId(options.sharedBy) ? `<@${options.sharedBy}> asked` : 'You asked';
  return [context([truncateMrkdwn(`${who}: ${escapeMrkdwn(options.question)}`, SLACK_LIMITS.contextElementText)])];
}

function shareBlocks(value: string | undefined): KnownBlock[] {
  if (value === undefined || value.length > SLACK_LIMITS.buttonValue) return [];
  return [
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: SHARE_ACTION_ID,
          text: { type: 'plain_text', text: 'Post to channel', emoji: true },
          style: 'primary',
          value,
        },
      ],
    },
  ];
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(texts: string[]): ContextBlock {
  const elements: MrkdwnElement[] = texts.map((text) => ({ type: 'mrkdwn', text: truncateMrkdwn(text, SLACK_LIMITS.contextElementText) }));
  return { type: 'context', elements };
}

/** Every piece of text a person would see in a rendered message, flattened: for tests and logs. */
export function flattenMessage(message: { text?: string; blocks?: unknown[] }): string {
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if ((record.type === 'mrkdwn' || record.type === 'plain_text') && typeof record.text === 'string') parts.push(record.text);
      for (const [key, value] of Object.entries(record)) if (key !== 'text' || typeof value !== 'string') visit(value);
    }
  };
  visit(message.blocks ?? []);
  return parts.length > 0 ? parts.join('\n') : (message.text ?? '');
}
