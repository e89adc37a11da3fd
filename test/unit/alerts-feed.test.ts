// The news-feed watcher against a feed served on 127.0.0.1: the first fetch is a baseline, later
// Engage items become one heads-up each (a duplicated item too), conditional requests get 304s,
// malformed XML and a dead server are logged and skipped, never a crash.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGAGE_TOPIC, entityTopic } from '../../src/alerts/alert-types.ts';
import { createFeedWatcher, isAboutEngage, type FeedWatcher } from '../../src/alerts/feed-watcher.ts';
import { createAlertStore, type AlertStore } from '../../src/alerts/store.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { rss, startFeedServer, tempDir, type FeedServer } from '../support/alerts.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

const OLD_ITEM = { guid: 'old-1', title: 'Cleveland Police moved into Engage', link: 'https://hmicfrs.example/news/cleveland', description: 'An old item' };
const ENGAGE_ITEM = {
  guid: 'news-2025-09-16-humberside',
  title: 'Humberside Police moved into enhanced monitoring',
  link: 'https://hmicfrs.example/news/humberside-police-enhanced-monitoring',
  description: '<p>HMICFRS has moved <b>Humberside Police</b> into the Engage phase after finding two causes of concern &amp; more.</p>',
  pubDate: 'Tue, 16 Sep 2025 09:00:00 GMT',
};
const OTHER_ITEM = { guid: 'news-2025-09-16-pay', title: 'Annual report on police pay published', link: 'https://hmicfrs.example/news/pay', description: 'Forces should engage with staff.' };

describe('feed watcher', () => {
  let server: FeedServer;
  let store: AlertStore;
  let watcher: FeedWatcher;
  let cleanup: () => void;
  const logger = createMemoryLogger();
  const queued: string[] = [];

  beforeAll(async () => {
    server = await startFeedServer();
    const t = tempDir();
    cleanup = t.cleanup;
    store = createAlertStore({ dataDir: t.dir });
    store.subscribe({ platform: 'slack', channelId: 'C-engage', topic: ENGAGE_TOPIC, label: 'Engage moves' });
    store.subscribe({ platform: 'discord', channelId: 'D-humberside', topic: entityTopic('humberside-police'), label: 'Humberside Police' });
    store.subscribe({ platform: 'discord', channelId: 'D-met', topic: entityTopic('metropolitan-police'), label: 'Met' });
    const knowledge = loadBundledKnowledge();
    watcher = createFeedWatcher({
      feeds: [server.url],
      intervalMs: 60_000,
      store,
      logger,
      knowledge: () => knowledge,
      onQueued: (alerts) => queued.push(...alerts.map((a) => a.id)),
      // The items are from September 2025: the clock must be then, or the age limit skips them.
      now: () => new Date('2025-09-18T12:00:00Z'),
    });
  });
  afterAll(async () => {
    await watcher.stop();
    await server.close();
    store.close();
    cleanup();
  });

  it('records a baseline on the first fetch and announces nothing already in the feed', async () => {
    server.serve(rss([OLD_ITEM]));
    const [result] = await watcher.pollOnce();
    expect(result).toMatchObject({ outcome: 'baseline', alerts: [] });
    expect(store.status().alerts).toBe(0);
    expect(store.feedState(server.url)).toMatchObject({ etag: expect.stringMatching(/^"v\d+"$/), lastModified: expect.any(String), baselineAt: expect.any(String) });
  });

  it('sends If-None-Match / If-Modified-Since and treats 304 as nothing new', async () => {
    const [result] = await watcher.pollOnce();
    expect(result!.outcome).toBe('not-modified');
    const last = server.requests.at(-1)!;
    expect(last).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"v\d+"$/), ifModifiedSince: expect.any(String) });
  });

  it('turns a new Engage item into one heads-up with its link, even when the feed lists it twice', async () => {
    server.serve(rss([ENGAGE_ITEM, OTHER_ITEM, ENGAGE_ITEM, OLD_ITEM]));
    const [result] = await watcher.pollOnce();
    expect(result!.outcome).toBe('new-items');
    expect(result!.alerts).toHaveLength(1);
    const alert = result!.alerts[0]!;
    expect(alert).toMatchObject({
      kind: 'feed-heads-up',
      title: 'Heads-up — not yet in the knowledge base: Humberside Police moved into enhanced monitoring',
      link: ENGAGE_ITEM.link,
      asOf: '2025-09-16',
      topics: [ENGAGE_TOPIC, entityTopic('humberside-police')],
    });
    expect(alert.sentences[0]).toEqual({ text: 'HMICFRS news published "Humberside Police moved into enhanced monitoring" on 16 September 2025.', citations: [1] });
    expect(alert.sentences[1]!.text).toBe('It says: "HMICFRS has moved Humberside Police into the Engage phase after finding two causes of concern & more."');
    expect(alert.text).toMatch(/not yet in the knowledge base and has not been checked/);
    expect(alert.citations).toEqual([expect.objectContaining({ n: 1, title: ENGAGE_ITEM.title, publisher: 'HMICFRS news', url: ENGAGE_ITEM.link, published: '2025-09-16' })]);
    expect(queued).toEqual([alert.id]);
    expect(store.deliveriesOf(alert.id).map((d) => d.channelId).sort()).toEqual(['C-engage', 'D-humberside']);
  });

  it('announces each item once across polls, even when the feed changes around it', async () => {
    server.serve(rss([{ ...OTHER_ITEM, guid: 'another' }, ENGAGE_ITEM]));
    const [result] = await watcher.pollOnce();
    expect(result).toMatchObject({ outcome: 'no-new-items', alerts: [] });
    expect(store.status().alerts).toBe(1);
  });

  it('logs and skips malformed XML without a crash, then recovers when the feed is fixed', async () => {
    server.serve('<rss><channel><title>Broken</title><item><title>Unclosed', { contentType: 'application/rss+xml' });
    const [bad] = await watcher.pollOnce();
    expect(bad!.outcome).toBe('invalid-feed');
    expect(logger.lines.some((l) => /WARN alerts: skipped a news feed that could not be parsed/.test(l))).toBe(true);
    expect(store.feedState(server.url)!.lastError).toMatch(/not a readable RSS or Atom feed/);

    server.serve('this is not xml at all');
    expect((await watcher.pollOnce())[0]!.outcome).toBe('invalid-feed');

    const fixed = { ...ENGAGE_ITEM, guid: 'news-2025-09-17-wilts', title: 'Wiltshire Police placed in special measures', link: 'https://hmicfrs.example/news/wilts' };
    server.serve(rss([fixed, ENGAGE_ITEM]));
    const [good] = await watcher.pollOnce();
    expect(good!.alerts.map((a) => a.title)).toEqual(['Heads-up — not yet in the knowledge base: Wiltshire Police placed in special measures']);
    expect(store.feedState(server.url)!.lastError).toBeNull();
  });

  it('logs an HTTP error or an unreachable feed and keeps going', async () => {
    server.serve('oops', { status: 503 });
    expect((await watcher.pollOnce())[0]).toMatchObject({ outcome: 'fetch-failed', error: 'HTTP 503 Service Unavailable' });
    const dead = createFeedWatcher({ feeds: ['http://127.0.0.1:9/feed'], intervalMs: 60_000, store, logger, knowledge: loadBundledKnowledge, timeoutMs: 2_000 });
    expect((await dead.pollOnce())[0]!.outcome).toBe('fetch-failed');
    expect(logger.lines.filter((l) => /could not fetch a news feed/.test(l)).length).toBeGreaterThanOrEqual(2);
  });

  it('skips items already in the knowledge base (same URL as a source) and items not about Engage', async () => {
    const knowledge = loadBundledKnowledge();
    const known = knowledge.sources.find((s) => s.url && s.kind === 'official')!;
    server.serve(rss([{ guid: 'known', title: 'Force moved into Engage', link: known.url!, description: 'enhanced monitoring' }, { ...OTHER_ITEM, guid: 'x2' }]));
    const [result] = await watcher.pollOnce();
    expect(result!.alerts).toEqual([]);
  });

  it('recognises Engage news and not the everyday verb', () => {
    expect(isAboutEngage('Lincolnshire Police moved into enhanced monitoring')).toBe(true);
    expect(isAboutEngage('Force placed in special measures')).toBe(true);
    expect(isAboutEngage('Two accelerated causes of concern issued')).toBe(true);
    expect(isAboutEngage('Cleveland Police leaves Engage')).toBe(true);
    expect(isAboutEngage('Forces must engage with communities')).toBe(false);
    expect(isAboutEngage('PEEL inspection report published')).toBe(false);
  });
});
