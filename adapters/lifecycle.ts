// The running bot's life: start the services (alerts, then each chat adapter) all or nothing,
// stop them in reverse on SIGTERM/SIGINT within a bounded time (the adapters stop taking work
// first, then in-flight alert deliveries are finished and recorded), and turn an uncaught
// exception or unhandled rejection into a logged stack and a non-zero exit, so a supervisor
// restarts a clean process. Used by the composition root; imports no chat library.

import type { Logger } from '../src/logger.ts';

/** Something the bot runs: an adapter, the alerts runtime. stop() must be safe after a failed start. */
export interface Service {
  name: string;
  start(): Promise<void> | void;
  stop(): Promise<void>;
}

export interface RunningServices {
  /** Stops every started service in reverse order; resolves false when `timeoutMs` ran out first. */
  stop(timeoutMs?: number): Promise<boolean>;
}

/** Docker waits 10 s between SIGTERM and SIGKILL: finish before that. */
export const SHUTDOWN_TIMEOUT_MS = 8_000;
/** A service that has not started in this long (no network, a hung handshake) fails start-up. */
export const START_TIMEOUT_MS = 90_000;

/**
 * Starts `services` in order. If one fails (or takes longer than `startTimeoutMs`), the ones
 * already started are stopped, and the failure is rethrown: the bot never runs half-started.
 */
export async function startServices(services: Service[], logger: Logger, startTimeoutMs = START_TIMEOUT_MS): Promise<RunningServices> {
  const started: Service[] = [];
  let stopping: Promise<boolean> | undefined;
  const running: RunningServices = {
    stop(timeoutMs = SHUTDOWN_TIMEOUT_MS) {
      stopping ??= stopInReverse(started, logger, timeoutMs);
      return stopping;
    },
  };
  for (const service of services) {
    try {
      await withTimeout(Promise.resolve().then(() => service.start()), startTimeoutMs, `${service.name} did not start within ${Math.round(startTimeoutMs / 1000)} s`);
      started.push(service);
      logger.info(`${service.name} started`);
    } catch (error) {
      logger.error(`${service.name} failed to start; stopping everything already started`, { error });
      // The failed one may hold resources too (an open database): stop it as well.
      started.push(service);
      await running.stop();
      throw error;
    }
  }
  return running;
}

async function stopInReverse(started: Service[], logger: Logger, timeoutMs: number): Promise<boolean> {
  const all = (async () => {
    for (const service of [...started].reverse()) {
      try {
        await service.stop();
        logger.debug(`${service.name} stopped`);
      } catch (error) {
        logger.error(`${service.name} stop failed`, { error });
      }
    }
  })();
  try {
    await withTimeout(all, timeoutMs, 'timeout');
    return true;
  } catch {
    logger.error(`shutdown did not finish within ${Math.round(timeoutMs / 1000)} s; exiting anyway (pending alert deliveries resume on the next start)`);
    return false;
  }
}

/** Resolves with the signal's name at the first SIGTERM or SIGINT. */
export function shutdownSignal(target: NodeJS.EventEmitter = process): Promise<'SIGTERM' | 'SIGINT'> {
  return new Promise((resolve) => {
    const on = (signal: 'SIGTERM' | 'SIGINT') => () => {
      target.off('SIGTERM', term);
      target.off('SIGINT', int);
      resolve(signal);
    };
    const term = on('SIGTERM');
    const int = on('SIGINT');
    target.once('SIGTERM', term);
    target.once('SIGINT', int);
  });
}

export interface CrashGuardOptions {
  /** Best-effort cleanup before exiting (bounded by `cleanupMs`). */
  cleanup?: () => Promise<unknown>;
  cleanupMs?: number;
  exit?: (code: number) => void;
  target?: NodeJS.EventEmitter;
}

/**
 * Node's guidance: after an uncaught exception the process is in an unknown state; log it with
 * its stack and exit, and let the supervisor start a clean one. An unhandled rejection is treated
 * the same (Node's own default since v15). The outbox makes this safe: deliveries resume.
 */
export function installCrashGuards(logger: Logger, options: CrashGuardOptions = {}): void {
  const target = options.target ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let crashing = false;
  const crash = (what: string) => (reason: unknown) => {
    logger.fatal(`${what}; exiting so the supervisor restarts a clean process`, { error: reason instanceof Error ? reason : new Error(String(reason)) });
    if (crashing) return;
    crashing = true;
    const cleanup = options.cleanup ? withTimeout(Promise.resolve().then(options.cleanup), options.cleanupMs ?? 3_000, 'cleanup timed out') : Promise.resolve();
    void cleanup.catch(() => undefined).then(() => exit(1));
  };
  target.on('uncaughtException', crash('uncaught exception'));
  target.on('unhandledRejection', crash('unhandled promise rejection'));
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
