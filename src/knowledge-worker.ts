// Validates a knowledge folder on a worker thread, so a large edit reloaded while the bot runs
// never blocks answering: the main thread keeps serving and swaps the index in when the worker
// hands back validated data. The worker has its own heap limit, so a hostile edit cannot exhaust
// the bot's memory. Depends only on the loader (in the worker); no chat libraries, no process.env.

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KnowledgeData } from '../knowledge/schema.ts';
import { OversightError, type ErrorCode } from './errors.ts';
import type { LoadOptions } from './knowledge-loader.ts';

/** Resolved from the project root, the parent of both src/ and the bundle's dist/. */
const WORKER_ENTRY = join(dirname(dirname(fileURLToPath(import.meta.url))), 'src', 'knowledge-worker-entry.mjs');

export interface OffThreadOptions extends LoadOptions {
  /** Give up after this long (ms). Default 120 s. */
  timeoutMs?: number;
  /** Heap limit of the worker (MB). Default 1,024. */
  maxMemoryMb?: number;
}

/** What the worker posts back. */
export type WorkerReply = { ok: true; data: KnowledgeData } | { ok: false; error: { code?: ErrorCode; message: string; problems?: string[] } };

/** Loads and validates `dir` like loadKnowledge, on a worker thread; rejects with the same OversightError. */
export function loadKnowledgeOffThread(dir: string, options: OffThreadOptions = {}): Promise<KnowledgeData> {
  const { timeoutMs = 120_000, maxMemoryMb = 1_024, ...load } = options;
  return new Promise<KnowledgeData>((resolve, reject) => {
    const worker = new Worker(pathToFileURL(WORKER_ENTRY), {
      workerData: { dir, options: load },
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new OversightError('KNOWLEDGE_UNREADABLE', `Validating the knowledge in "${dir}" took longer than ${Math.round(timeoutMs / 1000)} s; it was abandoned.`))),
      timeoutMs,
    );
    timer.unref?.();
    worker.once('message', (reply: WorkerReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.data);
        else reject(new OversightError(reply.error.code ?? 'KNOWLEDGE_UNREADABLE', reply.error.message, reply.error.problems ?? []));
      }),
    );
    worker.once('error', (error) =>
      settle(() => {
        const outOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        reject(
          new OversightError(
            'KNOWLEDGE_UNREADABLE',
            outOfMemory
              ? `Validating the knowledge in "${dir}" needed more than ${maxMemoryMb} MB and was stopped; make the knowledge files smaller.`
              : `Validating the knowledge in "${dir}" failed: ${error.message}`,
          ),
        );
      }),
    );
    worker.once('exit', (code) => settle(() => reject(new OversightError('KNOWLEDGE_UNREADABLE', `Validating the knowledge in "${dir}" stopped unexpectedly (exit code ${code}).`))));
  });
}
