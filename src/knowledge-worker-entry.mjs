// The worker thread behind src/knowledge-worker.ts: loads the TypeScript loader (through tsx, a
// runtime dependency), validates the folder it is given and posts back the data or the error.
// Plain JavaScript so it starts the same from the sources and from the bundle.
import { parentPort, workerData } from 'node:worker_threads';

try {
  const { register } = await import('tsx/esm/api');
  register();
  const { loadKnowledge } = await import('./knowledge-loader.ts');
  parentPort.postMessage({ ok: true, data: loadKnowledge(workerData.dir, workerData.options) });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    error: { code: error?.code, message: error?.message ?? String(error), problems: Array.isArray(error?.problems) ? error.problems : [] },
  });
}
