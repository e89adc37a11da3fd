// The alerts fan-out figure for `npm run bench`: one real alert (Lincolnshire Police's move into
// Engage, built by the knowledge diff) to 1,000 subscribed Slack channels, through the real Slack
// sender (Bolt's WebClient and the adapter's renderer), the delivery worker and the SQLite outbox
// in a temporary DATA_DIR, against a minimal fake Slack Web API on 127.0.0.1. Reports deliveries
// per second and the heap growth at the peak. Run alone: node bin/run-ts.js bench/alerts-bench.ts

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSlackAlertSender } from '../adapters/slack/alert-sender.ts';
import { ALL_TOPIC } from '../src/alerts/alert-types.ts';
import { createDeliveryWorker } from '../src/alerts/delivery-worker.ts';
import { planAnnouncement } from '../src/alerts/knowledge-diff.ts';
import { createAlertStore } from '../src/alerts/store.ts';
import { loadKnowledge } from '../src/knowledge-loader.ts';
import { createLogger } from '../src/logger.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHANNELS = 1_000;

function heapMB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export async function benchFanOut(): Promise<{ channels: number; seconds: number; perSecond: number; heapMB: number }> {
  // A fake Slack that answers chat.postMessage like Slack does, and counts.
  let posted = 0;
  let ts = 1_700_000_000;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      posted += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, ts: `${(ts += 1)}.000100` }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  const dataDir = mkdtempSync(join(tmpdir(), 'oversight-alerts-bench-'));
  const store = createAlertStore({ dataDir });
  const logger = createLogger('silent');
  try {
    // The alert a real knowledge change produces.
    const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
    const before = { ...knowledge, events: knowledge.events.filter((e) => e.id !== 'lincolnshire-entered-engage-2024-12'), revision: 'bench-before' };
    const [alert] = planAnnouncement(planAnnouncement(null, before).items, knowledge).alerts;
    if (!alert) throw new Error('bench: the knowledge diff produced no alert');
    for (let i = 0; i < CHANNELS; i++) store.subscribe({ platform: 'slack', channelId: `C${String(i).padStart(9, '0')}`, topic: ALL_TOPIC, label: 'everything' });

    const sender = createSlackAlertSender({ token: 'xoxb-bench', logger, clientOptions: { slackApiUrl: `http://127.0.0.1:${port}/api/` } });
    const worker = createDeliveryWorker({ store, senders: { slack: sender }, logger });

    const baseline = heapMB();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed / 1024 / 1024);
    }, 50);
    const started = performance.now();
    store.enqueue([alert]);
    worker.start();
    await worker.drain(300_000);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    await worker.stop();
    const delivered = store.status().deliveries.slack.sent;
    if (delivered !== CHANNELS || posted !== CHANNELS) throw new Error(`bench: ${delivered} recorded, ${posted} received; expected ${CHANNELS}`);
    return { channels: CHANNELS, seconds: round(seconds, 2), perSecond: Math.round(CHANNELS / seconds), heapMB: round(peak - baseline, 1) };
  } finally {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

// Run directly (bin/run-ts.js passes this file as argv[2]): print the figure.
if (process.argv[2] && resolve(process.argv[2]) === fileURLToPath(import.meta.url)) {
  const r = await benchFanOut();
  console.log(`alerts fan-out: 1 alert → ${r.channels} Slack channels in ${r.seconds} s (${r.perSecond} deliveries/s), heap +${r.heapMB} MB at peak`);
}
