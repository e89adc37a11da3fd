// Helpers for the alerts tests: temporary data folders, variants of the bundled knowledge (an
// event added, a date fixed, an event withdrawn), a scriptable in-memory AlertSender, and a
// local RSS/Atom server on 127.0.0.1 with ETag/Last-Modified support. No network beyond loopback.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnowledgeData, StatusEvent } from '../../knowledge/schema.ts';
import type { Alert, Platform } from '../../src/alerts/alert-types.ts';
import type { AlertSender, SendResult } from '../../src/alerts/delivery-worker.ts';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'oversight-alerts-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let revisionCounter = 0;

/** A copy of `knowledge` with changed events/facts and a new revision. */
export function variant(knowledge: KnowledgeData, change: { events?: (events: StatusEvent[]) => StatusEvent[]; facts?: (facts: KnowledgeData['facts']) => KnowledgeData['facts'] }): KnowledgeData {
  revisionCounter += 1;
  return {
    ...knowledge,
    events: change.events ? change.events(knowledge.events.map((e) => ({ ...e }))) : knowledge.events,
    facts: change.facts ? change.facts(knowledge.facts.map((f) => ({ ...f }))) : knowledge.facts,
    revision: `${knowledge.revision}-v${revisionCounter}`,
  };
}

/** The bundled knowledge without Lincolnshire's entry: adding it back is "news". */
export const LINCOLNSHIRE_ENTRY = 'lincolnshire-entered-engage-2024-12';

/** A new exit for Lincolnshire Police (after its 2024 entry), citing a source the bundle has. */
export function lincolnshireExit(knowledge: KnowledgeData): StatusEvent {
  const entry = knowledge.events.find((e) => e.id === LINCOLNSHIRE_ENTRY)!;
  return {
    id: 'lincolnshire-left-engage-2025-09',
    entity: 'lincolnshire-police',
    event: 'left_engage',
    date: '2025-09-18',
    reasons: ['the force now answered calls within its published attendance times'],
    citations: [entry.citations[0]!],
    confidence: 'verified',
    withdrawn: false,
  };
}

export interface RecordingSender extends AlertSender {
  /** Every attempt, in order. */
  attempts: { alertId: string; channelId: string; key: string; attempt: number; at: number }[];
  /** Successful deliveries per channel, in order. */
  delivered: Map<string, string[]>;
  /** Scripts the next results for a channel (or '*' for any channel); later attempts succeed. */
  script(channelId: string, ...results: SendResult[]): void;
  /** Makes sends take this long (ms). */
  latencyMs: number;
}

export function createRecordingSender(platform: Platform): RecordingSender {
  const scripted = new Map<string, SendResult[]>();
  const sender: RecordingSender = {
    platform,
    attempts: [],
    delivered: new Map(),
    latencyMs: 0,
    script(channelId, ...results) {
      scripted.set(channelId, [...(scripted.get(channelId) ?? []), ...results]);
    },
    async send(alert: Alert, channelId, delivery) {
      sender.attempts.push({ alertId: alert.id, channelId, key: delivery.key, attempt: delivery.attempt, at: Date.now() });
      if (sender.latencyMs > 0) await new Promise((r) => setTimeout(r, sender.latencyMs));
      const queue = scripted.get(channelId) ?? scripted.get('*');
      const next = queue?.shift();
      if (next && next.kind !== 'ok') return next;
      const list = sender.delivered.get(channelId) ?? [];
      list.push(alert.id);
      sender.delivered.set(channelId, list);
      return { kind: 'ok', messageRef: `${channelId}-${list.length}` };
    },
  };
  return sender;
}

export interface FeedItem {
  guid?: string;
  title: string;
  link?: string;
  description?: string;
  pubDate?: string;
}

/** An RSS 2.0 document. */
export function rss(items: FeedItem[], title = 'HMICFRS news'): string {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = items
    .map(
      (i) => `<item>
  <title>${escape(i.title)}</title>
  ${i.link ? `<link>${escape(i.link)}</link>` : ''}
  ${i.guid ? `<guid isPermaLink="false">${escape(i.guid)}</guid>` : ''}
  ${i.description ? `<description>${escape(i.description)}</description>` : ''}
  <pubDate>${i.pubDate ?? 'Tue, 16 Sep 2025 09:00:00 GMT'}</pubDate>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escape(title)}</title><link>https://hmicfrs.example/</link><description>News</description>
${body}
</channel></rss>`;
}

export interface FeedServer {
  url: string;
  /** Replaces what the feed serves; a new ETag and Last-Modified go with it. */
  serve(body: string, options?: { status?: number; contentType?: string }): void;
  /** Requests received, with their conditional headers and our status. */
  requests: { ifNoneMatch: string | undefined; ifModifiedSince: string | undefined; status: number }[];
  close(): Promise<void>;
}

/** A feed on 127.0.0.1 that answers conditional GETs with 304 when nothing changed. */
export async function startFeedServer(): Promise<FeedServer> {
  let body = rss([]);
  let status = 200;
  let contentType = 'application/rss+xml; charset=utf-8';
  let version = 1;
  let modified = new Date('2025-09-16T09:00:00Z');
  const requests: FeedServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const etag = `"v${version}"`;
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    const unchanged = status === 200 && (ifNoneMatch === etag || (!ifNoneMatch && ifModifiedSince === modified.toUTCString()));
    const code = unchanged ? 304 : status;
    requests.push({ ifNoneMatch, ifModifiedSince, status: code });
    if (code === 304) {
      res.writeHead(304, { ETag: etag, 'Last-Modified': modified.toUTCString() }).end();
      return;
    }
    res.writeHead(code, { 'Content-Type': contentType, ETag: etag, 'Last-Modified': modified.toUTCString() }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed/`,
    requests,
    serve(next, options = {}) {
      body = next;
      status = options.status ?? 200;
      contentType = options.contentType ?? contentType;
      version += 1;
      modified = new Date(modified.getTime() + 60_000);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An invented status event for tests: Lincolnshire Police leaves Engage (a knowledge change to announce). */
export const LINCS_EXIT_EVENT_YAML = `events:
  - id: lincolnshire-left-engage-2025-09
    entity: lincolnshire-police
    event: left_engage
    date: "2025-09-18"
    reasons:
      - the force now reached calls within the attendance times it had published
    citations:
      - source: hmicfrs-2024-12-06-lincolnshire-police-move-enhanced-phase
    confidence: verified
`;
