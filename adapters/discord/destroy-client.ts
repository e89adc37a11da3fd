// Shuts a discord.js Client down so that it stays down, whatever state its gateway connection is in.
//
// Why this exists: in @discordjs/ws 1.x, destroying a shard while it is still waiting for the
// gateway's HELLO or READY (during start-up, or mid-reconnect after a disconnect) aborts that
// wait, and the shard reads the abort as a timeout: it schedules a reconnect and detaches the
// close handler the destroy is waiting on. The result is a client.destroy() that never resolves
// and a "zombie" connection that logs in again on its own, which would answer interactions
// twice after a restart and keep the process from exiting. Reproduced in
// test/e2e/discord.e2e.test.ts ("gateway never becomes ready").

import type { Client } from 'discord.js';
import type { Logger } from '../../src/logger.ts';

/** The parts of @discordjs/ws's (private) shard we touch; every access is feature-checked. */
interface InternalShard {
  timeoutAbortControllers?: { clear(): void };
  connection?: InternalSocket | null;
}

interface InternalSocket {
  readyState: number;
  onerror: ((event: unknown) => void) | null;
  terminate?: () => void;
  close?: () => void;
}

const CONNECTING = 0;
const OPEN = 1;

/**
 * Destroys the client. Never rejects and never waits longer than `timeoutMs`: a shutdown must
 * finish even if Discord (or the library) does not cooperate.
 */
export async function destroyClient(client: Client, logger: Logger, timeoutMs = 5_000): Promise<void> {
  const shards = internalShards(client);
  // Drop the pending waits' abort handles so destroy() cannot trip the reconnect; the waits then
  // end through the shard's own "closed" event, or their (unref'd) timers find the shard idle.
  for (const shard of shards) shard.timeoutAbortControllers?.clear();
  const sockets = shards.map((s) => s.connection).filter((s): s is InternalSocket => Boolean(s));

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref();
  });
  try {
    const result = await Promise.race([client.destroy().then(() => 'done' as const), timedOut]);
    if (result === 'timeout') logger.warn('discord: disconnecting took too long; closing the connection forcibly', { timeoutMs });
  } catch (error) {
    logger.warn('discord: error while disconnecting', { error: error instanceof Error ? error.message : String(error) });
  } finally {
    clearTimeout(timer);
  }

  // A socket still connecting when destroy() ran is not closed by it: close it here.
  for (const socket of sockets) {
    if (socket.readyState !== CONNECTING && socket.readyState !== OPEN) continue;
    socket.onerror = () => undefined; // aborting a handshake emits 'error'; unhandled, that would crash
    try {
      if (socket.terminate) socket.terminate();
      else socket.close?.();
    } catch {
      // Already closing: nothing left to do.
    }
  }
}

function internalShards(client: Client): InternalShard[] {
  const manager = (client.ws as unknown as { _ws?: { strategy?: { shards?: Map<number, InternalShard> } } | null })._ws;
  const shards = manager?.strategy?.shards;
  return shards && typeof shards.values === 'function' ? [...shards.values()] : [];
}
