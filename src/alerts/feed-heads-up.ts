// Turns news-feed items into heads-up alerts: which items are about Engage, their identity keys
// across polls (guid, link, title), the forces they name, and the alert text — one alert per item,
// or one summary for the items past a poll's cap. Feed text is HTML: tags are dropped and entities
// decoded with html-entities. Pure; no I/O, no chat libraries, no process.env.

import { createHash } from 'node:crypto';
import { decode } from 'html-entities';
import type { Entity, KnowledgeData } from '../../knowledge/schema.ts';
import type { AnswerSentence, Citation } from '../answer-types.ts';
import { formatDate } from '../dates.ts';
import { normalizeAlias } from '../text.ts';
import { ENGAGE_TOPIC, entityTopic, sentencesToText, type Alert } from './alert-types.ts';

/** Words that make a feed item worth a heads-up. "Engage" alone is too common a verb to count. */
const NEWSWORTHY_PATTERNS: RegExp[] = [
  /\benhanced (?:monitoring|phase)\b/i,
  /\bspecial measures\b/i,
  /\b(?:accelerated )?causes? (?:of|for) concern\b/i,
  /\b(?:into|out of|from|in|leaves?|left|leaving|exits?|exited|removed from|placed in|moved to|moves to|returns? from)\s+(?:the\s+)?engage\b/i,
  /\bengage (?:phase|process|monitoring|status)\b/i,
  /\bpolicing performance oversight group\b|\bPPOG\b/i,
];

export function isAboutEngage(text: string): boolean {
  return NEWSWORTHY_PATTERNS.some((re) => re.test(text));
}

export interface FeedItemView {
  id: string | null;
  title: string | null;
  url: string | null;
  description: string | null;
  content: string | null;
  published: Date | null;
}

/**
 * The keys that identify an item across polls: its guid/id (else link, else title and date) first,
 * then its link and its title on their own. An item is new only when none of them was seen: a feed
 * that changes its guid format does not announce its old items again.
 */
export function itemKeys(item: FeedItemView): string[] {
  // An unparseable date is an Invalid Date, whose toISOString() throws: found by the fuzz test.
  const basis = item.id?.trim() || item.url?.trim() || (item.title ? `${item.title.trim()}|${validDate(item.published)?.toISOString() ?? ''}` : '');
  if (!basis) return [];
  const keys = [short(basis)];
  if (item.url?.trim()) keys.push(short(`link:${normaliseUrl(item.url)}`));
  const title = normalizeAlias(plainText(item.title ?? ''));
  if (title) keys.push(short(`title:${title}`));
  return [...new Set(keys)];
}

function validDate(date: Date | null): Date | null {
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

function short(key: string): string {
  return key.length <= 200 ? key : createHash('sha256').update(key).digest('hex');
}

/** The heads-up for one feed item. */
export function headsUpAlert(feedUrl: string, key: string, item: FeedItemView, publisher: string, entityIds: string[], now: Date): Alert {
  const title = itemTitle(item);
  const published = publishedDay(item);
  const citation = feedCitation(feedUrl, { title, publisher, published, url: item.url });
  const excerpt = summarise(item.description ?? item.content ?? '');
  const sentences: AnswerSentence[] = [
    { text: `${publisher} published "${title}"${published ? ` on ${formatDate(published)}` : ''}.`, citations: [1] },
    ...(excerpt ? [{ text: `It says: "${excerpt}"`, citations: [1] }] : []),
    { text: 'This is not yet in the knowledge base and has not been checked; a full alert follows once it is added.', citations: [] },
  ];
  return {
    id: `feed-heads-up:${hash(`${feedUrl}\0${key}`)}`,
    kind: 'feed-heads-up',
    topics: [ENGAGE_TOPIC, ...entityIds.map(entityTopic)],
    title: `Heads-up — not yet in the knowledge base: ${title}`,
    text: sentencesToText(sentences),
    sentences,
    citations: [citation],
    asOf: published,
    link: citation.url,
    createdAt: now.toISOString(),
  };
}

/**
 * One heads-up for the items past a poll's cap: how many, the first few titles, and the topics of
 * all of them, so every channel that would have had one of them hears of it once.
 */
export function overflowAlert(feedUrl: string, items: { key: string; item: FeedItemView; entityIds: string[] }[], publisher: string, feedLink: string | null, now: Date): Alert {
  const titles = items.slice(0, 3).map(({ item }) => `"${itemTitle(item)}"`);
  const others = items.length - titles.length;
  const listed = others > 0 ? `${titles.join(', ')} and ${others} other${others === 1 ? '' : 's'}` : joinAnd(titles);
  const link = feedLink && /^https?:\/\//i.test(feedLink) ? feedLink : /^https?:\/\//i.test(feedUrl) ? feedUrl : null;
  const citation = feedCitation(feedUrl, { title: publisher, publisher, published: null, url: link });
  const sentences: AnswerSentence[] = [
    { text: `${publisher} published ${items.length} more item${items.length === 1 ? '' : 's'} that mention Engage, not announced one by one: ${listed}.`, citations: [1] },
    { text: 'None of them is in the knowledge base yet or has been checked; read them in the feed.', citations: [] },
  ];
  const topics = [ENGAGE_TOPIC, ...new Set(items.flatMap((i) => i.entityIds).map(entityTopic))];
  return {
    id: `feed-heads-up:${hash(`${feedUrl}\0overflow\0${items.map((i) => i.key).sort().join('\0')}`)}`,
    kind: 'feed-heads-up',
    topics,
    title: `Heads-up — ${items.length} more news feed item${items.length === 1 ? '' : 's'} mention Engage`,
    text: sentencesToText(sentences),
    sentences,
    citations: [citation],
    asOf: null,
    link,
    createdAt: now.toISOString(),
  };
}

function feedCitation(feedUrl: string, c: { title: string; publisher: string; published: string | null; url: string | null }): Citation {
  return {
    n: 1,
    sourceId: `feed:${hash(feedUrl).slice(0, 8)}`,
    title: c.title,
    publisher: c.publisher,
    published: c.published,
    url: c.url && /^https?:\/\//i.test(c.url) ? c.url : null,
    locator: null,
  };
}

export function itemTitle(item: FeedItemView): string {
  return plainText(item.title ?? '') || 'an untitled item';
}

/** YYYY-MM-DD of the item's date, or null when it has none (or an invalid one). */
export function publishedDay(item: FeedItemView): string | null {
  return item.published && !Number.isNaN(item.published.getTime()) ? item.published.toISOString().slice(0, 10) : null;
}

/** The item's text to match against: title, description and content, without markup. */
export function haystackOf(item: FeedItemView): string {
  return [item.title, item.description, item.content].filter(Boolean).map((t) => plainText(t!)).join('\n');
}

/** Finds the forces and services an item names (strong names only: weak ones are ordinary words). */
export function entityTagger(entities: Entity[]): (text: string) => string[] {
  const names: { id: string; name: string }[] = [];
  for (const e of entities) {
    if (e.kind !== 'police_force' && e.kind !== 'fire_rescue_service') continue;
    for (const alias of [e.name, ...e.aliases]) {
      const name = normalizeAlias(alias);
      if (name.length >= 3) names.push({ id: e.id, name });
    }
  }
  return (text) => {
    const haystack = ` ${normalizeAlias(text)} `;
    return [...new Set(names.filter((n) => haystack.includes(` ${n.name} `)).map((n) => n.id))];
  };
}

export function knownUrls(sources: KnowledgeData['sources']): Set<string> {
  return new Set(sources.map((s) => s.url).filter((u): u is string => Boolean(u)).map(normaliseUrl));
}

export function normaliseUrl(url: string): string {
  return url.trim().replace(/^http:/i, 'https:').replace(/[#?].*$/, '').replace(/\/+$/, '').toLowerCase();
}

function summarise(html: string): string {
  const text = plainText(html);
  if (!text) return '';
  if (text.length <= 280) return text;
  const cut = text.slice(0, 279);
  const space = cut.lastIndexOf(' ');
  return `${(space > 200 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** HTML as one line of plain text: tags dropped, every named and numeric entity decoded. */
export function plainText(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ' '), { level: 'html5' })
    .replace(/\s+/g, ' ')
    .trim();
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
