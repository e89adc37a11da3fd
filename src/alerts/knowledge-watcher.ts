// Notices when the knowledge files change while the bot runs: a filesystem watch (debounced, as
// editors write files in several steps) plus a slow poll for filesystems where watching is
// unreliable (network mounts, some containers). Reloads through the loader it is given (the bot
// gives one that validates on a worker thread, so answering never waits) and hands over only
// knowledge that validates; a half-saved or invalid edit is logged and ignored until it is fixed.
// One reload at a time. Reads files only; no chat libraries, no process.env.

import { watch, type FSWatcher } from 'node:fs';
import type { KnowledgeData } from '../../knowledge/schema.ts';
import { isOversightError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export interface KnowledgeWatcherOptions {
  dir: string;
  /** Loads and validates the folder (throws or rejects on invalid knowledge). */
  load: () => KnowledgeData | Promise<KnowledgeData>;
  /** The revision currently in use. */
  revision: string;
  onChange: (knowledge: KnowledgeData) => void;
  logger: Logger;
  /** Quiet time after the last file event before reloading. Default 1 s. */
  debounceMs?: number;
  /** Safety-net poll interval; 0 turns it off. Default 5 minutes. */
  pollMs?: number;
}

export interface KnowledgeWatcher {
  start(): void;
  /** Stops watching and waits for a reload in progress (whose result is then dropped). */
  stop(): Promise<void>;
  /** Reloads now; resolves with whether the revision changed. For tests and the poll. */
  check(): Promise<boolean>;
}

export function createKnowledgeWatcher(options: KnowledgeWatcherOptions): KnowledgeWatcher {
  const { logger } = options;
  let revision = options.revision;
  let watcher: FSWatcher | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  let lastProblem: string | undefined;

  let stopped = false;
  let running: Promise<boolean> | undefined;
  let again = false;

  const checkOnce = async (): Promise<boolean> => {
    let knowledge: KnowledgeData;
    try {
      knowledge = await options.load();
    } catch (error) {
      const problem = isOversightError(error) ? error.describe() : String(error);
      // Said once per distinct problem, not on every file event while someone is editing.
      if (problem !== lastProblem) logger.warn('alerts: the changed knowledge files do not load; keeping the previous knowledge until they are fixed', { problem });
      lastProblem = problem;
      return false;
    }
    lastProblem = undefined;
    if (stopped || knowledge.revision === revision) return false;
    revision = knowledge.revision;
    logger.info('alerts: knowledge files changed', { revision });
    try {
      options.onChange(knowledge);
    } catch (error) {
      logger.error('alerts: handling a knowledge change failed', { error: String(error) });
    }
    return true;
  };

  /** One reload at a time; a change noticed meanwhile gets one more reload after it. */
  const check = (): Promise<boolean> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let changed = await checkOnce();
        while (again && !stopped) {
          again = false;
          changed = (await checkOnce()) || changed;
        }
        return changed;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const schedule = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void check(), options.debounceMs ?? 1_000);
    debounce.unref?.();
  };

  return {
    check,
    start() {
      if (watcher || poll) return;
      stopped = false;
      try {
        watcher = watch(options.dir, { recursive: true, persistent: false }, schedule);
        watcher.on('error', (error) => {
          logger.warn('alerts: watching the knowledge folder failed; relying on the periodic check', { error: String(error) });
          watcher?.close();
          watcher = undefined;
        });
      } catch (error) {
        logger.warn('alerts: cannot watch the knowledge folder; relying on the periodic check', { dir: options.dir, error: String(error) });
      }
      const every = options.pollMs ?? 5 * 60_000;
      if (every > 0) {
        poll = setInterval(() => void check(), every);
        poll.unref?.();
      }
    },
    async stop() {
      stopped = true;
      watcher?.close();
      watcher = undefined;
      clearTimeout(debounce);
      clearInterval(poll);
      poll = undefined;
      await running?.catch(() => undefined);
    },
  };
}
