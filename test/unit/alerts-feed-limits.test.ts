// Regression tests for issue 9's feed defects: a poll with 1,000 matching items queues a handful
// of heads-ups and one summary (4), old items and items whose guid format changed are not
// announced again (4), HTML entities in feed text are decoded, bodies are capped while streaming
// (8), and redirects go only to http(s) on public addresses unless private ones are allowed (9).
// Feeds are served on 127.0.0.1.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGAGE_TOPIC } from '../../src/alerts/alert-types.ts';
import { checkRedirectTarget, fetchFeed, isPublicAddress } from '../../src/alerts/feed-fetch.ts';
import { plainText } from '../../src/alerts/feed-heads-up.ts';
import { createFeedWatcher, type FeedWatcherOptions } from '../../src/alerts/feed-watcher.ts';
import { createAlertStore, type AlertStore } from '../../src/alerts/store.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { rss, startFeedServer, tempDir, type FeedItem, type FeedServer } from '../support/alerts.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

const NOW = new Date('2025-09-18T12:00:00Z');
const knowledge = loadBundledKnowledge();

function engageItem(n: number, over: Partial<FeedItem> = {}): FeedItem {
  return {
    guid: `item-${n}`,
    title: `Force ${n} moved into enhanced monitoring`,
    link: `https://hmicfrs.example/news/force-${n}`,
    description: 'Two causes of concern.',
    pubDate: new Date(NOW.getTime() - n * 60_000).toUTCString(),
    ...over,
  };
}

describe('feed flood limits (defect 4)', () => {
  let server: FeedServer;
  let store: AlertStore;
  let cleanup: () => void;
  const channels = Array.from({ length: 10 }, (_, i) => `C-${i}`);

  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(() => server.close());
  afterEach(() => {
    store.close();
    cleanup();
  });

  const watcherWith = (over: Partial<FeedWatcherOptions> = {}) => {
    const t = tempDir();
    cleanup = t.cleanup;
    store = createAlertStore({ dataDir: t.dir });
    for (const c of channels) store.subscribe({ platform: 'slack', channelId: c, topic: ENGAGE_TOPIC, label: 'Engage moves' });
    return createFeedWatcher({ feeds: [server.url], intervalMs: 60_000, store, logger: createMemoryLogger(), knowledge: () => knowledge, now: () => NOW, ...over });
  };

  it('queues at most the cap of heads-ups per poll, newest first, and one summary for the rest', async () => {
    const watcher = watcherWith({ maxItemsPerPoll: 5 });
    server.serve(rss([]));
    await watcher.pollOnce();
    server.serve(rss(Array.from({ length: 1000 }, (_, i) => engageItem(i + 1))));
    const [result] = await watcher.pollOnce();
    expect(result!.alerts).toHaveLength(6);
    expect(result!.alerts.slice(0, 5).map((a) => a.title)).toEqual([1, 2, 3, 4, 5].map((n) => `Heads-up — not yet in the knowledge base: Force ${n} moved into enhanced monitoring`));
    const summary = result!.alerts[5]!;
    expect(summary.title).toBe('Heads-up — 995 more news feed items mention Engage');
    expect(summary.text).toMatch(/HMICFRS news published 995 more items that mention Engage, not announced one by one: "Force 6 moved into enhanced monitoring", "Force 7 moved into enhanced monitoring", "Force 8 moved into enhanced monitoring" and 992 others\./);
    // 6 alerts × 10 channels, not 1,000 × 10.
    expect(store.status().deliveries.slack.pending).toBe(60);
    // Nothing from this poll comes back on the next one.
    server.serve(rss(Array.from({ length: 1000 }, (_, i) => engageItem(i + 1))));
    expect((await watcher.pollOnce())[0]!.alerts).toEqual([]);
  });

  it('ignores items older than the age limit', async () => {
    const watcher = watcherWith({ maxAgeDays: 14 });
    server.serve(rss([]));
    await watcher.pollOnce();
    server.serve(rss([engageItem(1), engageItem(2, { pubDate: 'Mon, 04 Mar 2019 09:00:00 GMT' }), engageItem(3, { pubDate: new Date(NOW.getTime() - 15 * 86_400_000).toUTCString() })]));
    const [result] = await watcher.pollOnce();
    expect(result!.alerts.map((a) => a.title)).toEqual(['Heads-up — not yet in the knowledge base: Force 1 moved into enhanced monitoring']);
  });

  it('does not announce an item again when the feed changes its guid format (same link or title)', async () => {
    const watcher = watcherWith({ maxAgeDays: 3650 });
    server.serve(rss([]));
    await watcher.pollOnce();
    server.serve(rss([engageItem(1)]));
    expect((await watcher.pollOnce())[0]!.alerts).toHaveLength(1);
    // New guid scheme, same link and title.
    server.serve(rss([engageItem(1, { guid: 'https://hmicfrs.example/?p=1' })]));
    expect((await watcher.pollOnce())[0]!.alerts).toEqual([]);
    // New guid and a new link; same title.
    server.serve(rss([engageItem(1, { guid: 'tag:hmicfrs,2025:1', link: 'https://hmicfrs.example/news/force-1-renamed' })]));
    expect((await watcher.pollOnce())[0]!.alerts).toEqual([]);
    // Same item under a new guid with the same link but a reworded title.
    server.serve(rss([engageItem(1, { guid: 'v3-1', title: 'Force 1 placed in enhanced monitoring' })]));
    expect((await watcher.pollOnce())[0]!.alerts).toEqual([]);
    expect(store.status().alerts).toBe(1);
  });

  it('decodes HTML entities in titles and excerpts', async () => {
    const watcher = watcherWith();
    server.serve(rss([]));
    await watcher.pollOnce();
    server.serve(rss([engageItem(1, { title: 'Force&rsquo;s move into Engage &ndash; update', description: '<p>It&#x27;s in enhanced monitoring&hellip; &amp; more&nbsp;here</p>' })]));
    const [alert] = (await watcher.pollOnce())[0]!.alerts;
    expect(alert!.title).toBe('Heads-up — not yet in the knowledge base: Force’s move into Engage – update');
    expect(alert!.sentences[1]!.text).toBe('It says: "It\'s in enhanced monitoring… & more here"');
  });

  it('plainText drops tags and decodes named and numeric entities', () => {
    expect(plainText('<b>A</b>&rsquo;B &hellip; &ndash; &#x27; &#8217; &amp;amp;')).toBe('A ’B … – \' ’ &amp;');
  });
});

describe('feed fetching (defects 8 and 9)', () => {
  let server: Server;
  let base: string;
  let sentBytes = 0;
  const routes = new Map<string, (res: import('node:http').ServerResponse) => void>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const route = routes.get(req.url ?? '');
      if (route) route(res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    routes.set('/feed', (res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([])));
    routes.set('/to-feed', (res) => res.writeHead(302, { location: '/feed' }).end());
    routes.set('/to-file', (res) => res.writeHead(301, { location: 'file:///etc/passwd' }).end());
    routes.set('/loop', (res) => res.writeHead(302, { location: '/loop' }).end());
    routes.set('/huge', (res) => {
      // Chunked, no Content-Length: only a streaming cap stops this.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          sentBytes = sent;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => undefined);
      pump();
    });
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  const options = (over: Partial<Parameters<typeof fetchFeed>[1]> = {}) => ({ headers: {}, timeoutMs: 10_000, maxBytes: 1_000_000, allowPrivateNetwork: false, fetch, ...over });

  it('stops reading a body without Content-Length as soon as it passes the cap', async () => {
    await expect(fetchFeed(`${base}/huge`, options())).rejects.toThrow('feed too large (more than 1000000 bytes)');
    // The server was cut off long before its 64 MB.
    expect(sentBytes).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a redirect to 127.0.0.1 by default and follows it when private addresses are allowed', async () => {
    await expect(fetchFeed(`${base}/to-feed`, options())).rejects.toThrow(/refused a redirect to 127\.0\.0\.1:\d+ \(127\.0\.0\.1 is a loopback, private or reserved address; ALERT_FEED_ALLOW_PRIVATE_NETWORK=true allows it\)/);
    const ok = await fetchFeed(`${base}/to-feed`, options({ allowPrivateNetwork: true }));
    expect(ok.status === 200 && ok.text).toMatch(/<\/rss>/);
  });

  it('refuses redirects to other schemes and stops after five hops', async () => {
    await expect(fetchFeed(`${base}/to-file`, options({ allowPrivateNetwork: true }))).rejects.toThrow('refused a redirect to file: (only http and https are followed)');
    await expect(fetchFeed(`${base}/loop`, options({ allowPrivateNetwork: true }))).rejects.toThrow('more than 5 redirects');
  });

  it('checks what a redirect host name resolves to', async () => {
    await expect(checkRedirectTarget(new URL('https://intranet.example/feed'), { allowPrivateNetwork: false, lookup: async () => ['10.1.2.3'] })).rejects.toThrow(/10\.1\.2\.3/);
    await expect(checkRedirectTarget(new URL('https://news.example/feed'), { allowPrivateNetwork: false, lookup: async () => ['93.184.216.34'] })).resolves.toBeUndefined();
  });

  it('tells public addresses from loopback, private, link-local and mapped ones', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fc00::1', 'fe80::1', '::ffff:127.0.0.1', '100.64.0.1', 'nonsense']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '2a00:1450:4009:80b::200e']) expect(isPublicAddress(a), a).toBe(true);
  });
});
