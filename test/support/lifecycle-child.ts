// The lifecycle test's child process. Mode "serve": runs the bot's service lifecycle
// (adapters/lifecycle.ts, as the composition root does) over a real alerts service and store in
// DATA_DIR with a slow in-memory sender, prints SENDING when a delivery is in flight, and on
// SIGTERM stops gracefully and exits 0. Modes "throw" and "reject": crash with the guards installed.
//
// Usage: node bin/run-ts.js test/support/lifecycle-child.ts serve|throw|reject [dataDir]

import { installCrashGuards, shutdownSignal, startServices } from '../../adapters/lifecycle.ts';
import { ALL_TOPIC, type Alert } from '../../src/alerts/alert-types.ts';
import { createAlertsService } from '../../src/alerts/alerts-service.ts';
import { createAlertStore } from '../../src/alerts/store.ts';
import { createLogger } from '../../src/logger.ts';
import { createRecordingSender } from './alerts.ts';
import { loadBundledKnowledge } from './knowledge.ts';

const [mode, dataDir] = process.argv.slice(3);
const logger = createLogger('debug', (line) => process.stderr.write(line + '\n'));

if (mode === 'throw' || mode === 'reject') {
  installCrashGuards(logger, { cleanup: async () => void process.stdout.write('CLEANUP\n') });
  setTimeout(() => {
    if (mode === 'throw') throw new Error('boom from a timer');
    void Promise.reject(new Error('boom from a promise'));
  }, 10);
  setInterval(() => undefined, 1_000); // would keep a process that ignored the crash alive
} else {
  const store = createAlertStore({ dataDir: dataDir! });
  store.subscribe({ platform: 'slack', channelId: 'C1', topic: ALL_TOPIC, label: 'everything' });
  const alert: Alert = { id: 'a1', kind: 'status-change', topics: ['engage'], title: 'a1', text: 'a1', sentences: [{ text: 'a1', citations: [] }], citations: [], asOf: null, link: null, createdAt: new Date().toISOString() };
  store.enqueue([alert]);
  const sender = createRecordingSender('slack');
  sender.latencyMs = 1_500;
  const originalSend = sender.send.bind(sender);
  sender.send = async (...args) => {
    process.stdout.write('SENDING\n');
    return originalSend(...args);
  };
  const service = createAlertsService({ store, logger, knowledge: loadBundledKnowledge(), senders: { slack: sender }, worker: { pacingMs: { slack: 0 } } });
  // Listened for before anything starts: a SIGTERM during start-up still stops gracefully.
  const stopRequested = shutdownSignal();
  const running = await startServices(
    [
      { name: 'alerts', start: () => void service.start(), stop: async () => { await service.stop(); store.close(); } },
      { name: 'fake adapter', start: () => undefined, stop: async () => void process.stdout.write('ADAPTER STOPPED\n') },
    ],
    logger,
  );
  installCrashGuards(logger, { cleanup: () => running.stop(2_000) });
  const signal = await stopRequested;
  process.stdout.write(`STOPPING ${signal}\n`);
  const clean = await running.stop(5_000);
  process.stdout.write(`STOPPED ${clean}\n`);
  process.exitCode = clean ? 0 : 1;
}
