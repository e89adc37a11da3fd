// Watches RSS/Atom feeds (the inspectorate's news feed by default) for items about Engage,
// enhanced monitoring, special measures or causes of concern, and queues each new one once as a
// "heads-up — not yet in the knowledge base" alert. Polls with conditional requests (ETag /
// Last-Modified), parses with @rowanmanning/feed-parser, and logs and skips anything it cannot
// fetch or parse: a bad feed never stops the bot. The first successful fetch of a feed records
// what is already there and sends nothing. fetch is injectable; no chat libraries, no process.env.

import { createHash } from 'node:crypto';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Entity, KnowledgeData } from '../../knowledge/schema.ts';
import type { Citation } from '../answer-types.ts';
import { formatDate } from '../dates.ts';
import type { Logger } from '../logger.ts';
import { normalizeAlias } from '../text.ts';
import { ENGAGE_TOPIC, entityTopic, sentencesToText, type Alert } from './alert-types.ts';
import type { AlertStore } from './store.ts';

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

export interface FeedPollResult {
  url: string;
  outcome: 'baseline' | 'new-items' | 'no-new-items' | 'not-modified' | 'fetch-failed' | 'invalid-feed';
  /** Heads-up alerts queued by this poll. */
  alerts: Alert[];
  error?: string;
}

export interface FeedWatcherOptions {
  feeds: string[];
  /** Time between polls (ms). */
  intervalMs: number;
  store: AlertStore;
  logger: Logger;
  /** The knowledge base: its forces and services tag items, its source URLs mark items already known. */
  knowledge: () => Pick<KnowledgeData, 'entities' | 'sources'>;
  /** Called with the alerts a poll queued, e.g. to wake the delivery worker. */
  onQueued?: (alerts: Alert[]) => void;
  fetch?: typeof fetch;
  /** Per-request timeout (ms); default 20 s. */
  timeoutMs?: number;
  now?: () => Date;
}

export interface FeedWatcher {
  /** Polls every feed once, in order. Never rejects. */
  pollOnce(): Promise<FeedPollResult[]>;
  /** Polls now and then every interval until stop(). */
  start(): void;
  stop(): Promise<void>;
}

const MAX_FEED_BYTES = 5_000_000;
/** A complete RSS, Atom or RSS 1.0 document ends with its root element's closing tag. */
const CLOSED_FEED = /<\/(?:[\w-]+:)?(?:rss|feed|RDF)\s*>\s*(?:<!--[\s\S]*?-->\s*)*$/i;

export function createFeedWatcher(options: FeedWatcherOptions): FeedWatcher {
  const { store, logger } = options;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let current: Promise<FeedPollResult[]> | undefined;

  const pollFeed = async (url: string): Promise<FeedPollResult> => {
    const state = store.feedState(url);
    const headers: Record<string, string> = {
      'User-Agent': 'oversight-bot/0.1 (newsroom alerts)',
      Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1',
    };
    if (state?.baselineAt && state.etag) headers['If-None-Match'] = state.etag;
    if (state?.baselineAt && state.lastModified) headers['If-Modified-Since'] = state.lastModified;

    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs ?? 20_000) });
      if (response.status === 304) {
        store.noteFeedCheck(url, null);
        logger.debug('alerts: feed not modified', { url });
        return { url, outcome: 'not-modified', alerts: [] };
      }
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      const length = Number(response.headers.get('content-length') ?? 0);
      if (length > MAX_FEED_BYTES) throw new Error(`feed too large (${length} bytes)`);
      text = await response.text();
      if (text.length > MAX_FEED_BYTES) throw new Error(`feed too large (${text.length} characters)`);
    } catch (error) {
      const message = errorMessage(error);
      store.noteFeedCheck(url, message);
      logger.warn('alerts: could not fetch a news feed; will try again next interval', { url, error: message });
      return { url, outcome: 'fetch-failed', alerts: [], error: message };
    }

    let items: FeedItemView[];
    let publisher: string;
    try {
      // The parser is lenient by design and reads what it can from a cut-off document; a cut-off
      // feed must not be recorded as seen (its ETag would hide the full feed behind 304s).
      if (!CLOSED_FEED.test(text)) throw new Error('the document is truncated or malformed: it does not end with </rss>, </feed> or </rdf:RDF>');
      const feed = parseFeed(text);
      publisher = feed.title?.trim() || new URL(url).hostname;
      items = feed.items.map((item) => ({
        id: item.id,
        title: item.title,
        url: item.url,
        description: item.description,
        content: item.content,
        published: item.published ?? item.updated,
      }));
    } catch (error) {
      // Validators are not saved, so the next poll fetches the feed afresh once it is fixed.
      const message = `not a readable RSS or Atom feed: ${errorMessage(error)}`;
      store.noteFeedCheck(url, message);
      logger.warn('alerts: skipped a news feed that could not be parsed', { url, error: message });
      return { url, outcome: 'invalid-feed', alerts: [], error: message };
    }

    const baseline = !state?.baselineAt;
    const knowledge = options.knowledge();
    const known = knownUrls(knowledge.sources);
    const tagger = entityTagger(knowledge.entities);
    const byKey = new Map<string, FeedItemView>();
    for (const item of items) {
      const key = itemKey(item);
      if (key && !byKey.has(key)) byKey.set(key, item); // a duplicated item counts once
    }
    const alerts = store.commitFeedPoll(
      url,
      { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'), baseline },
      [...byKey.keys()],
      (key) => {
        if (baseline) return undefined;
        const item = byKey.get(key)!;
        const haystack = [item.title, item.description, item.content].filter(Boolean).join('\n');
        if (!isAboutEngage(haystack)) return undefined;
        if (item.url && known.has(normaliseUrl(item.url))) return undefined; // already in the knowledge base
        return headsUpAlert(url, key, item, publisher, tagger(haystack), now());
      },
    );
    if (baseline) {
      logger.info('alerts: news feed baseline recorded; only items published from now on will be announced', { url, items: byKey.size });
      return { url, outcome: 'baseline', alerts: [] };
    }
    if (alerts.length > 0) {
      logger.info('alerts: news feed items queued as heads-ups', { url, items: alerts.map((a) => a.title) });
      options.onQueued?.(alerts);
    }
    return { url, outcome: alerts.length > 0 ? 'new-items' : 'no-new-items', alerts };
  };

  const pollOnce = async (): Promise<FeedPollResult[]> => {
    // One poll at a time: a slow feed must not let polls pile up.
    if (current) return current;
    current = (async () => {
      const results: FeedPollResult[] = [];
      for (const url of options.feeds) {
        try {
          results.push(await pollFeed(url));
        } catch (error) {
          // Only a bug (or a locked database) gets here; log it and carry on with the next feed.
          logger.error('alerts: polling a news feed failed unexpectedly', { url, error: errorMessage(error) });
          results.push({ url, outcome: 'fetch-failed', alerts: [], error: errorMessage(error) });
        }
      }
      return results;
    })();
    try {
      return await current;
    } finally {
      current = undefined;
    }
  };

  const schedule = () => {
    if (!running) return;
    timer = setTimeout(() => {
      void pollOnce().finally(schedule);
    }, options.intervalMs);
    timer.unref?.();
  };

  return {
    pollOnce,
    start() {
      if (running || options.feeds.length === 0) return;
      running = true;
      void pollOnce().finally(schedule);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await current?.catch(() => undefined);
    },
  };
}

interface FeedItemView {
  id: string | null;
  title: string | null;
  url: string | null;
  description: string | null;
  content: string | null;
  published: Date | null;
}

/** The item's identity across polls: its guid/id, else its link, else its title and date. */
function itemKey(item: FeedItemView): string | undefined {
  const basis = item.id?.trim() || item.url?.trim() || (item.title ? `${item.title.trim()}|${item.published?.toISOString() ?? ''}` : '');
  if (!basis) return undefined;
  return basis.length <= 200 ? basis : createHash('sha256').update(basis).digest('hex');
}

function headsUpAlert(feedUrl: string, key: string, item: FeedItemView, publisher: string, entityIds: string[], now: Date): Alert {
  const title = oneLine(item.title ?? '') || 'an untitled item';
  const published = item.published && !Number.isNaN(item.published.getTime()) ? item.published.toISOString().slice(0, 10) : null;
  const citation: Citation = {
    n: 1,
    sourceId: `feed:${createHash('sha256').update(feedUrl).digest('hex').slice(0, 8)}`,
    title,
    publisher,
    published,
    url: item.url && /^https?:\/\//i.test(item.url) ? item.url : null,
    locator: null,
  };
  const excerpt = summarise(item.description ?? item.content ?? '');
  const sentences = [
    { text: `${publisher} published "${title}"${published ? ` on ${formatDate(published)}` : ''}.`, citations: [1] },
    ...(excerpt ? [{ text: `It says: "${excerpt}"`, citations: [1] }] : []),
    { text: 'This is not yet in the knowledge base and has not been checked; a full alert follows once it is added.', citations: [] },
  ];
  return {
    id: `feed-heads-up:${createHash('sha256').update(`${feedUrl}\0${key}`).digest('hex').slice(0, 16)}`,
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

/** Finds the forces and services an item names (strong names only: weak ones are ordinary words). */
function entityTagger(entities: Entity[]): (text: string) => string[] {
  const names: { id: string; name: string }[] = [];
  for (const e of entities) {
    if (e.kind !== 'police_force' && e.kind !== 'fire_rescue_service') continue;
    for (const alias of [e.name, ...e.aliases]) {
      const name = normalizeAlias(alias);
      if (name.length >= 3) names.push({ id: e.id, name });
    }
  }
  return (text) => {
    const haystack = ` ${normalizeAlias(stripTags(text))} `;
    return [...new Set(names.filter((n) => haystack.includes(` ${n.name} `)).map((n) => n.id))];
  };
}

function knownUrls(sources: KnowledgeData['sources']): Set<string> {
  return new Set(sources.map((s) => s.url).filter((u): u is string => Boolean(u)).map(normaliseUrl));
}

function normaliseUrl(url: string): string {
  return url.trim().replace(/^http:/i, 'https:').replace(/[#?].*$/, '').replace(/\/+$/, '').toLowerCase();
}

function summarise(html: string): string {
  const text = oneLine(decodeBasicEntities(stripTags(html)));
  if (!text) return '';
  if (text.length <= 280) return text;
  const cut = text.slice(0, 279);
  const space = cut.lastIndexOf(' ');
  return `${(space > 200 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, ' ');
}

function decodeBasicEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
