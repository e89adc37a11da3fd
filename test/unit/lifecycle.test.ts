// Regression tests for issue 9's defect 1 and graceful shutdown: start-up is all or nothing (a
// service that fails stops everything already started, and the failure propagates, so the bot
// exits 1 instead of running half-started); SIGTERM stops the services in reverse order within a
// bounded time and finishes a delivery in flight; an uncaught exception or unhandled rejection is
// logged with its stack and exits 1. The last two run a child process.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAlertsRuntime } from '../../adapters/alerts-runtime.ts';
import { startServices, type Service } from '../../adapters/lifecycle.ts';
import { openSqlite } from '../../src/alerts/sqlite.ts';
import { createAlertStore, DATABASE_FILE } from '../../src/alerts/store.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { tempDir } from '../support/alerts.ts';
import { loadBundledKnowledge, PROJECT_ROOT } from '../support/knowledge.ts';

function fakeService(name: string, events: string[], fail?: 'start' | 'hang'): Service {
  return {
    name,
    start: async () => {
      events.push(`start ${name}`);
      if (fail === 'start') throw new Error(`${name}: database is locked`);
      if (fail === 'hang') await new Promise(() => undefined);
    },
    stop: async () => void events.push(`stop ${name}`),
  };
}

describe('start-up is all or nothing', () => {
  it('stops what already started when a later service fails, and rethrows', async () => {
    const events: string[] = [];
    const logger = createMemoryLogger();
    await expect(startServices([fakeService('alerts', events), fakeService('slack adapter', events, 'start'), fakeService('discord adapter', events)], logger)).rejects.toThrow(
      'slack adapter: database is locked',
    );
    expect(events).toEqual(['start alerts', 'start slack adapter', 'stop slack adapter', 'stop alerts']);
    expect(logger.lines.join('\n')).toMatch(/ERROR slack adapter failed to start; stopping everything already started/);
  });

  it('starts no adapter when the alerts service fails first (the store is checked before any adapter connects)', async () => {
    const events: string[] = [];
    await expect(startServices([fakeService('alerts', events, 'start'), fakeService('slack adapter', events)], createMemoryLogger())).rejects.toThrow(/database is locked/);
    expect(events).toEqual(['start alerts', 'stop alerts']);
  });

  it('a locked alerts database fails start-up as a whole, naming the file and DATA_DIR, before any adapter starts', async () => {
    const t = tempDir('oversight-lifecycle-locked-');
    const runtime = await createAlertsRuntime({ config: { dataDir: t.dir, alertFeeds: [], alertFeedIntervalSeconds: 3600 }, knowledge: loadBundledKnowledge(), logger: createMemoryLogger() });
    // Another process takes the write lock between opening and the first knowledge check.
    const other = openSqlite(join(t.dir, DATABASE_FILE));
    other.exec('BEGIN EXCLUSIVE');
    const events: string[] = [];
    try {
      const alerts: Service = { name: 'alerts', start: () => void runtime.start(), stop: () => runtime.stop() };
      await expect(startServices([alerts, fakeService('slack adapter', events)], createMemoryLogger())).rejects.toThrow(
        `The alerts could not start: ${join(t.dir, DATABASE_FILE)} (DATA_DIR ${t.dir}): database is locked — another process holds the database locked`,
      );
      expect(events).toEqual([]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      await runtime.stop();
      t.cleanup();
    }
  }, 30_000);

  it('fails a service that never finishes starting', async () => {
    const events: string[] = [];
    await expect(startServices([fakeService('alerts', events), fakeService('discord adapter', events, 'hang')], createMemoryLogger(), 50)).rejects.toThrow('discord adapter did not start within 0 s');
    expect(events).toEqual(['start alerts', 'start discord adapter', 'stop discord adapter', 'stop alerts']);
  });

  it('stops in reverse order, once, and reports a stop that overran its time', async () => {
    const events: string[] = [];
    const slow: Service = { name: 'slow', start: () => undefined, stop: () => new Promise((r) => setTimeout(r, 500)) };
    const running = await startServices([slow, fakeService('a', events)], createMemoryLogger());
    const first = running.stop(50);
    expect(running.stop(50)).toBe(first);
    expect(await first).toBe(false);
    expect(events).toEqual(['start a', 'stop a']);
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runChild(args: string[], onStdout?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'run-ts.js'), join(PROJECT_ROOT, 'test', 'support', 'lifecycle-child.ts'), ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    onStdout?.(stdout, child);
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => child.on('exit', (code) => {
    clearTimeout(killer);
    resolve({ code, stdout, stderr, ms: Date.now() - started });
  }));
}

describe('process lifecycle (child process)', () => {
  it('on SIGTERM stops the adapters, finishes the delivery in flight, records it and exits 0', async () => {
    const t = tempDir('oversight-lifecycle-');
    try {
      let signalledAt = 0;
      const run = await runChild(['serve', t.dir], (out, child) => {
        if (!signalledAt && out.includes('SENDING')) {
          signalledAt = Date.now();
          child.kill('SIGTERM');
        }
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/SENDING\nSTOPPING SIGTERM\nADAPTER STOPPED\nSTOPPED true\n/);
      // Bounded: the 1.5 s send finished, well inside the 5 s allowed.
      expect(Date.now() - signalledAt).toBeLessThan(15_000);
      const store = createAlertStore({ dataDir: t.dir });
      try {
        expect(store.deliveriesOf('a1')).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
      } finally {
        store.close();
      }
    } finally {
      t.cleanup();
    }
  }, 90_000);

  it.each([
    ['throw', 'uncaught exception', 'Error: boom from a timer'],
    ['reject', 'unhandled promise rejection', 'Error: boom from a promise'],
  ])('%s: logs the %s with its stack and exits 1', async (mode, what, first) => {
    const run = await runChild([mode]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`FATAL ${what}; exiting so the supervisor restarts a clean process`));
    expect(run.stderr).toContain(first);
    expect(run.stderr).toMatch(/\n {4}at /); // the stack
    expect(run.stdout).toBe('CLEANUP\n');
  }, 90_000);

  it('terminal chat: SIGTERM ends the chat after the answer in progress and exits 0, not killed by the signal', async () => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(SLACK_|DISCORD_|KNOWLEDGE_DIR|ALERT_)/.test(k)) env[k] = v;
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'oversight.js')], { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let signalled = false;
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (!signalled && /Lincolnshire Police/.test(stdout)) {
        signalled = true;
        child.kill('SIGTERM'); // stdin stays open: only the signal can end it
      }
    });
    child.stdin!.write('which forces are in Engage?\n');
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    clearTimeout(killer);
    expect(signalled).toBe(true);
    expect(signal).toBeNull();
    expect(code).toBe(0);
  }, 90_000);
});
