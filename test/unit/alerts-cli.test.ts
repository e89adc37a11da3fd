// The operator's `oversight alerts …` commands on a temporary DATA_DIR: subscribe/unsubscribe by
// channel id, status (subscriptions and delivery counts), preview (what a knowledge change would
// announce, sending nothing), usage errors; and once through bin/oversight.js for the dispatch.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAlertsCli } from '../../adapters/cli/alerts-commands.ts';
import type { KnowledgeData } from '../../knowledge/schema.ts';
import { planAnnouncement } from '../../src/alerts/knowledge-diff.ts';
import { createAlertStore } from '../../src/alerts/store.ts';
import { OversightError } from '../../src/errors.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { LINCOLNSHIRE_ENTRY, tempDir, variant } from '../support/alerts.ts';
import { loadBundledKnowledge, PROJECT_ROOT } from '../support/knowledge.ts';

describe('oversight alerts (operator CLI)', () => {
  const t = tempDir('oversight-alerts-cli-');
  afterAll(() => t.cleanup());
  let knowledge: KnowledgeData = loadBundledKnowledge();
  const out: string[] = [];
  const err: string[] = [];
  const cli = async (...args: string[]) => {
    out.length = 0;
    err.length = 0;
    const code = await runAlertsCli(args, {
      config: { dataDir: t.dir },
      loadKnowledge: () => knowledge,
      io: { out: (s) => out.push(s), err: (s) => err.push(s) },
      logger: createMemoryLogger(),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('subscribes and unsubscribes a channel by id, resolving the topic', async () => {
    const r = await cli('subscribe', '--platform', 'slack', '--channel', 'C0NEWSDESK1', '--topic', 'glos fire');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Subscribed: slack channel C0NEWSDESK1\n {2}Subscribed this channel to Gloucestershire Fire and Rescue Service\./);
    expect(r.out).toContain('To stop: npx oversight alerts unsubscribe --platform slack --channel C0NEWSDESK1 --topic "Gloucestershire Fire and Rescue Service"');
    expect((await cli('subscribe', '--platform=discord', '--channel=123456789012345678')).code).toBe(0);

    const unknown = await cli('subscribe', '--platform', 'slack', '--channel', 'C0NEWSDESK1', '--topic', 'Humbrside Narnia');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Did you mean Humberside Police or Humberside Fire and Rescue Service\?/);

    const off = await cli('unsubscribe', '--platform', 'slack', '--channel', 'C0NEWSDESK1', '--topic', 'Gloucestershire Fire and Rescue Service');
    expect(off.code).toBe(0);
    expect(off.out).toMatch(/^Unsubscribed: slack channel C0NEWSDESK1/);
  });

  it('rejects bad options with usage, and channel ids that cannot be right', async () => {
    await expect(cli('subscribe', '--platform', 'teams', '--channel', 'C1')).rejects.toThrow(/--platform must be slack or discord/);
    await expect(cli('subscribe', '--platform', 'discord', '--channel', 'general')).rejects.toThrow(/does not look like a Discord channel id/);
    await expect(cli('subscribe', '--platform', 'slack')).rejects.toThrow(/--channel is required/);
    await expect(cli('frobnicate')).rejects.toMatchObject({ code: 'USAGE' });
    await expect(cli('status', '--verbose')).rejects.toBeInstanceOf(OversightError);
  });

  it('previews a knowledge change without sending or recording anything', async () => {
    expect((await cli('preview')).out).toMatch(/^No knowledge revision has been announced yet\. The next start records the current knowledge/);
    const before = variant(knowledge, { events: (events) => events.filter((e) => e.id !== LINCOLNSHIRE_ENTRY) });
    const store = createAlertStore({ dataDir: t.dir });
    store.commitAnnouncement(before.revision, planAnnouncement(null, before).items, []);
    store.close();

    const r = await cli('preview');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/would announce 1 alert\(s\):\n\n\[status-change\] Lincolnshire Police moved into Engage on 6 December 2024\n {2}Lincolnshire Police was moved into Engage/);
    expect(r.out).toMatch(/\n {2}\[1\] Lincolnshire Police: move to enhanced phase of monitoring.* — HMICFRS, 6 December 2024 <https:\/\/hmicfrs/);
    expect(r.out).toMatch(/→ 1 subscribed channel$/);
    const json = JSON.parse((await cli('preview', '--json')).out) as { alerts: { alert: { kind: string }; channels: number }[] };
    expect(json.alerts.map((a) => [a.alert.kind, a.channels])).toEqual([['status-change', 1]]);

    const again = createAlertStore({ dataDir: t.dir });
    expect(again.announcedRevision()).toBe(before.revision);
    expect(again.status().alerts).toBe(0);
    again.close();
    knowledge = before;
    expect((await cli('preview')).out).toMatch(/^Nothing to announce/);
  });

  it('reports subscriptions, delivery counts and failures', async () => {
    const store = createAlertStore({ dataDir: t.dir });
    store.subscribe({ platform: 'slack', channelId: 'C0GONE00001', topic: 'engage', label: 'Engage moves' });
    store.disableChannel('slack', 'C0GONE00001', 'Slack answered channel_not_found');
    store.close();
    const r = await cli('status');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Subscriptions \(1 active, 1 disabled\):/);
    expect(r.out).toMatch(/discord +123456789012345678 +Engage moves +active/);
    expect(r.out).toMatch(/slack +C0GONE00001 +Engage moves +DISABLED — Slack answered channel_not_found/);
    expect(r.out).toMatch(/slack +pending 0 +sent 0 +failed 0/);
    const json = JSON.parse((await cli('status', '--json')).out);
    expect(json.subscriptions).toHaveLength(2);
  });

  it('is reachable as `oversight alerts` through bin/oversight.js, with DATA_DIR from the environment', () => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(SLACK_|DISCORD_|KNOWLEDGE_DIR|ALERT_|DATA_DIR)/.test(k)) env[k] = v;
    const r = spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'bin', 'oversight.js'), 'alerts', 'status'], { cwd: t.dir, env: { ...env, DATA_DIR: t.dir }, encoding: 'utf8', timeout: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Alerts database: ${resolve(t.dir, 'oversight.db')}`);
    const usage = spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'bin', 'oversight.js'), 'alerts'], { cwd: t.dir, env: { ...env, DATA_DIR: t.dir }, encoding: 'utf8', timeout: 20_000 });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/oversight alerts preview/);
  });
});
