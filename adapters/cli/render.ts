// Renders a core Answer for the terminal: the answer (lead in bold, a list one item a line), one
// dateline, numbered sources (dimmed) with their quotes, and suggested follow-ups. Wrapped to the
// terminal width at word boundaries; URLs stand on their own line and are never broken. Pure:
// returns a string; colour, width and the wrapper (wrap-ansi, loaded by the caller) come in.

import { createColors } from 'picocolors';
import type { Answer, AnswerSentence, Citation } from '../../src/answer-types.ts';
import { datelineOf } from '../../src/dateline.ts';
import { formatDate } from '../../src/dates.ts';

/** wrap-ansi's signature: wraps styled text at word boundaries to `columns`. */
export type WrapFn = (text: string, columns: number, options: { hard: boolean; trim: boolean; wordWrap: boolean }) => string;

export interface TerminalRenderOptions {
  /** Columns to wrap to; Infinity (the default) does not wrap, for pipes and files. */
  width?: number;
  /**
   * The wrapper, wrap-ansi's default export (see loadWrapper in terminal.ts). Passed in rather
   * than imported because loading it costs tens of milliseconds (Unicode tables) that a piped
   * `oversight ask`, which never wraps, should not pay. Without it nothing is wrapped.
   */
  wrap?: WrapFn;
  /** Bold and dim via ANSI escapes; false (the default) prints plain text. */
  colour?: boolean;
  /** What "today" is, for the dateline's "newest record is old" note. */
  today?: Date;
  /** The knowledge base's newest record date (BotCore.newestRecordDate), for that note. */
  newestRecord?: string;
}

/** The longest a quote runs before it is cut at a word with "…". */
export const MAX_QUOTE_CHARS = 300;
/** Narrower than this and hanging indents stop helping; we still never break a word. */
const MIN_WIDTH = 20;

export function renderAnswer(answer: Answer, options: TerminalRenderOptions = {}): string {
  const wrap = options.wrap;
  const width = wrap ? Math.max(MIN_WIDTH, Math.floor(options.width ?? Number.POSITIVE_INFINITY) || MIN_WIDTH) : Number.POSITIVE_INFINITY;
  const wrapIndented = (text: string, columns: number, first: string, hanging: string) => wrapLines(wrap, text, columns, first, hanging);
  const c = createColors(options.colour ?? false);
  const out: string[] = [];
  const para = (text: string, indent = '', hanging = indent) => out.push(...wrapIndented(text, width, indent, hanging));

  if (answer.status === 'no_answer') {
    para(answer.text.trim() || "I don't have an answer to that in my knowledge base.");
    if (answer.related.length) {
      out.push('', 'You could ask:');
      for (const q of answer.related) para(`• ${q}`, '  ', '    ');
    }
    return out.join('\n');
  }

  const sentences: AnswerSentence[] = answer.sentences.length > 0 ? answer.sentences : [{ text: answer.text, citations: [] }];
  // Prose sentences run together into paragraphs; a list breaks the paragraph.
  let prose: string[] = [];
  const flush = () => {
    if (prose.length) para(prose.join(' '));
    prose = [];
  };
  sentences.forEach((s, i) => {
    const text = withMarkers(s.text.trim(), s.items?.length ? leadOwnCitations(s) : s.citations);
    const styled = i === 0 ? c.bold(text) : text;
    if (s.items && s.items.length > 0) {
      flush();
      para(styled);
      for (const item of s.items) para(`• ${withMarkers(item.text.trim(), item.citations)}`, '  ', '    ');
    } else prose.push(styled);
  });
  flush();

  const dateline = datelineOf(answer, { ...(options.today ? { today: options.today } : {}), ...(options.newestRecord ? { newestRecord: options.newestRecord } : {}) });
  if (dateline) out.push('', ...wrapIndented(dateline, width, '', ''));

  if (answer.citations.length) {
    out.push('', c.dim('Sources:'));
    for (const citation of answer.citations) out.push(...citationLines(citation, width, wrapIndented).map((l) => c.dim(l)));
  }
  if (answer.related.length) {
    out.push('', 'Related:');
    for (const q of answer.related) para(`• ${q}`, '  ', '    ');
  }
  return out.join('\n');
}

/** "Title — Publisher, 28 June 2022, para. 3. URL" on one line, as older callers expect. */
export function describeCitation(c: Citation): string {
  let line = citationHead(c);
  if (c.url) line += ` <${c.url}>`;
  if (c.quote) line += `\n      “${shortenQuote(c.quote)}”`;
  return line;
}

/** A long quote cut at a word with "…" so one source cannot fill the screen. */
export function shortenQuote(quote: string, max = MAX_QUOTE_CHARS): string {
  const text = quote.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '') + '…';
}

function citationHead(c: Citation): string {
  const parts = [c.publisher ?? 'publisher not verified', c.published ? formatDate(c.published) : 'undated'];
  if (c.locator) parts.push(c.locator);
  return `${c.title} — ${parts.join(', ')}`;
}

/** "[1] Title — …" wrapped under its number, the URL alone on the next line, then the quote. */
function citationLines(c: Citation, width: number, wrapIndented: (text: string, columns: number, first: string, hanging: string) => string[]): string[] {
  const label = `  [${c.n}] `;
  const hang = ' '.repeat(label.length);
  const lines = wrapIndented(citationHead(c), width, label, hang);
  if (c.url) lines.push(hang + c.url);
  if (c.quote) lines.push(...wrapIndented(`“${shortenQuote(c.quote)}”`, width, hang, hang + ' '));
  return lines;
}

function withMarkers(text: string, citations: number[]): string {
  return citations.length ? `${text} ${citations.map((n) => `[${n}]`).join('')}` : text;
}

/** A list's lead carries only the numbers no item carries (the union is for plain-text readers). */
function leadOwnCitations(s: AnswerSentence): number[] {
  const byItems = new Set((s.items ?? []).flatMap((i) => i.citations));
  return s.citations.filter((n) => !byItems.has(n));
}

/**
 * Wraps at word boundaries to `width` columns with a first-line indent and a hanging indent.
 * A word longer than the line (a URL) is left whole on a line of its own: wrap-ansi's
 * `hard: false` never splits a word, and it keeps ANSI styles intact across lines.
 */
function wrapLines(wrap: WrapFn | undefined, text: string, width: number, first: string, hanging: string): string[] {
  if (!wrap || !Number.isFinite(width)) return (first + text).split('\n').map((l, i) => (i === 0 ? l : hanging + l));
  const room = Math.max(10, width - Math.max(first.length, hanging.length));
  return text
    .split('\n')
    .flatMap((paragraph) => wrap(paragraph, room, { hard: false, trim: true, wordWrap: true }).split('\n'))
    .map((line, i) => (i === 0 ? first : hanging) + line);
}
