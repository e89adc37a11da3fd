// Watches RSS/Atom feeds (the inspectorate's news feed by default) for items about Engage,
// enhanced monitoring, special measures or causes of concern, and queues each new one once as a
// "heads-up — not yet in the knowledge base" alert, at most a few per poll (the rest in one
// summary) and never for old items. Polls with conditional requests (ETag / Last-Modified) through
// feed-fetch.ts, parses with @rowanmanning/feed-parser, and logs and skips anything it cannot
// fetch or parse: a bad feed never stops the bot. The first successful fetch of a feed records
// what is already there and sends nothing. fetch is injectable; no chat libraries, no process.env.

import { parseFeed } from '@rowanmanning/feed-parser';
import type { KnowledgeData } from '../../knowledge/schema.ts';
import type { Logger } from '../logger.ts';
import type { Alert } from './alert-types.ts';
import { fetchFeed } from './feed-fetch.ts';
import { entityTagger, haystackOf, headsUpAlert, isAboutEngage, itemKeys, knownUrls, normaliseUrl, overflowAlert, plainText, type FeedItemView } from './feed-heads-up.ts';
import type { AlertStore } from './store.ts';

export { isAboutEngage } from './feed-heads-up.ts';

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
  /** Heads-ups one poll of one feed may queue; the rest become one summary. Default 5. */
  maxItemsPerPoll?: number;
  /** Items published longer ago than this (days) are never announced. Default 14. */
  maxAgeDays?: number;
  /** Follow redirects to loopback/private addresses. Default false. */
  allowPrivateNetwork?: boolean;
  /** DNS for the redirect check (test seam). */
  lookup?: (host: string) => Promise<string[]>;
  now?: () => Date;
}

export interface FeedWatcher {
  /** Polls every feed once, in order. Never rejects. */
  pollOnce(): Promise<FeedPollResult[]>;
  /** Polls now and then every interval until stop(). */
  start(): void;
  stop(): Promise<void>;
}

/** The largest feed body read, in bytes: the inspectorate's feed is well under 1 MB. */
export const MAX_FEED_BYTES = 5_000_000;
export const DEFAULT_MAX_ITEMS_PER_POLL = 5;
export const DEFAULT_MAX_AGE_DAYS = 14;
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

    let fetched: Awaited<ReturnType<typeof fetchFeed>>;
    try {
      fetched = await fetchFeed(url, {
        headers,
        timeoutMs: options.timeoutMs ?? 20_000,
        maxBytes: MAX_FEED_BYTES,
        allowPrivateNetwork: options.allowPrivateNetwork ?? false,
        fetch: doFetch,
        ...(options.lookup ? { lookup: options.lookup } : {}),
      });
      if (fetched.status === 304) {
        store.noteFeedCheck(url, null);
        logger.debug('alerts: feed not modified', { url });
        return { url, outcome: 'not-modified', alerts: [] };
      }
    } catch (error) {
      const message = errorMessage(error);
      store.noteFeedCheck(url, message);
      logger.warn('alerts: could not fetch a news feed; will try again next interval', { url, error: message });
      return { url, outcome: 'fetch-failed', alerts: [], error: message };
    }
    const text = fetched.text;
    const response = fetched;

    let items: FeedItemView[];
    let publisher: string;
    let feedLink: string | null;
    try {
      // The parser is lenient by design and reads what it can from a cut-off document; a cut-off
      // feed must not be recorded as seen (its ETag would hide the full feed behind 304s).
      if (!CLOSED_FEED.test(text)) throw new Error('the document is truncated or malformed: it does not end with </rss>, </feed> or </rdf:RDF>');
      const feed = parseFeed(text);
      publisher = plainText(feed.title ?? '') || new URL(url).hostname;
      feedLink = feed.url ?? null;
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
    const byKey = new Map<string, { item: FeedItemView; keys: string[] }>();
    for (const item of items) {
      const keys = itemKeys(item);
      if (keys.length > 0 && !byKey.has(keys[0]!)) byKey.set(keys[0]!, { item, keys }); // a duplicated item counts once
    }
    const at = now();
    const oldest = at.getTime() - (options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS) * 86_400_000;
    const cap = Math.max(1, options.maxItemsPerPoll ?? DEFAULT_MAX_ITEMS_PER_POLL);
    let tooOld = 0;
    const plan = (fresh: string[]): Alert[] => {
      if (baseline) return [];
      const wanted: { key: string; item: FeedItemView; entityIds: string[] }[] = [];
      for (const key of fresh) {
        const { item } = byKey.get(key)!;
        const haystack = haystackOf(item);
        if (!isAboutEngage(haystack)) continue;
        if (item.url && known.has(normaliseUrl(item.url))) continue; // already in the knowledge base
        // An old item that reappears (a feed rebuilt, its guids changed) is history, not news.
        if (item.published && !Number.isNaN(item.published.getTime()) && item.published.getTime() < oldest) {
          tooOld += 1;
          continue;
        }
        wanted.push({ key, item, entityIds: tagger(haystack) });
      }
      // Newest first, so the cap keeps the freshest; undated items count as new.
      const time = (i: FeedItemView) => (i.published && !Number.isNaN(i.published.getTime()) ? i.published.getTime() : Number.MAX_SAFE_INTEGER);
      wanted.sort((a, b) => time(b.item) - time(a.item));
      const announced = wanted.slice(0, cap).map((w) => headsUpAlert(url, w.key, w.item, publisher, w.entityIds, at));
      const rest = wanted.slice(cap);
      return rest.length > 0 ? [...announced, overflowAlert(url, rest, publisher, feedLink, at)] : announced;
    };
    const alerts = store.commitFeedPoll(
      url,
      { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'), baseline },
      [...byKey.values()].map((v) => v.keys),
      plan,
    );
    if (tooOld > 0) logger.info('alerts: skipped news feed items older than the age limit', { url, items: tooOld, maxAgeDays: options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS });
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

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
