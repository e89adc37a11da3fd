// Delivery that loses nothing and repeats nothing, proven with a real crash: a child process (the
// bot's alerts runtime with the real Slack and Discord senders) fans two alerts out to 60 channels
// against the fake servers, is SIGKILLed mid-fan-out — while messages the fakes have already
// received are still unrecorded — and is started again. Every channel must end with every alert:
// on Discord exactly once (nonce + enforce_nonce), on Slack with at most one repeat per channel.

import { spawn } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TOPIC } from '../../src/alerts/alert-types.ts';
import { planAnnouncement } from '../../src/alerts/knowledge-diff.ts';
import { createAlertStore } from '../../src/alerts/store.ts';
import { LINCS_EXIT_EVENT_YAML, tempDir } from '../support/alerts.ts';
import { FakeDiscord } from '../support/fake-discord.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { KNOWLEDGE_DIR, loadBundledKnowledge, PROJECT_ROOT } from '../support/knowledge.ts';

const CHANNELS_PER_PLATFORM = 30;
const ALERTS = 2;
const EXPECTED = CHANNELS_PER_PLATFORM * 2 * ALERTS;
/** Kill once this many messages have reached the fakes: well inside the fan-out. */
const KILL_AFTER = 40;

const slackChannels = Array.from({ length: CHANNELS_PER_PLATFORM }, (_, i) => `C0CRASH${String(i).padStart(3, '0')}`);
const discordChannels = Array.from({ length: CHANNELS_PER_PLATFORM }, (_, i) => `9000000000000${String(i).padStart(5, '0')}`);

/** Two news items for the child to announce: Lincolnshire leaves Engage, and a new newsworthy fact. */
const CHANGE_YAML = `${LINCS_EXIT_EVENT_YAML}facts:
  - id: lincolnshire-ppog-2025-09
    about: [lincolnshire-police]
    text: Lincolnshire Police was told it no longer needed to attend the Policing Performance Oversight Group.
    date: "2025-09-18"
    newsworthy: true
    citations:
      - source: hmicfrs-2024-12-06-lincolnshire-police-move-enhanced-phase
`;

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

describe('alerts survive a SIGKILL in the middle of a fan-out', () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let dataDir: string;
  let knowledgeDir: string;
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    slack = await startFakeSlack();
    discord = await FakeDiscord.start();
    // Answers come back a little after the fakes have recorded (and Discord created) each
    // message, so a kill lands while some sent messages are not yet recorded by the bot.
    slack.delay('/api/chat.postMessage', 80);
    discord.channelMessageDelayMs = 80;

    const data = tempDir('oversight-crash-data-');
    const kb = tempDir('oversight-crash-kb-');
    cleanups.push(data.cleanup, kb.cleanup);
    dataDir = data.dir;
    knowledgeDir = join(kb.dir, 'knowledge');
    cpSync(KNOWLEDGE_DIR, knowledgeDir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
    writeFileSync(join(knowledgeDir, 'crash-test-change.yaml'), CHANGE_YAML);

    // The bot already runs on the bundled knowledge (baseline announced) and 60 channels, Slack
    // and Discord interleaved, subscribed to everything.
    const store = createAlertStore({ dataDir });
    const base = loadBundledKnowledge();
    store.commitAnnouncement(base.revision, planAnnouncement(null, base).items, []);
    for (let i = 0; i < CHANNELS_PER_PLATFORM; i++) {
      store.subscribe({ platform: 'slack', channelId: slackChannels[i]!, topic: ALL_TOPIC, label: 'everything' });
      store.subscribe({ platform: 'discord', channelId: discordChannels[i]!, topic: ALL_TOPIC, label: 'everything' });
    }
    store.close();
  });

  afterAll(async () => {
    await slack?.close();
    await discord?.close();
    for (const c of cleanups) c();
  });

  const received = () => slack.calls('/api/chat.postMessage').length + [...discord.channelMessages.values()].reduce((n, list) => n + list.length, 0);

  /** Starts the child; with `killAfter`, SIGKILLs it as soon as the fakes have received that many messages. */
  function runChild(killAfter?: number): Promise<ChildRun> {
    const args = JSON.stringify({ dataDir, knowledgeDir, slackApiUrl: slack.apiUrl, discordRestApi: discord.restApi });
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'run-ts.js'), join(PROJECT_ROOT, 'test', 'support', 'alerts-child.ts'), args], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let watcher: NodeJS.Timeout | undefined;
    if (killAfter !== undefined) {
      watcher = setInterval(() => {
        // Kill when both platforms have a message the fake has taken but not yet answered
        // (answers come 80 ms later), so both kinds of "sent but not recorded" are exercised.
        const now = Date.now();
        const slackOpen = slack.calls('/api/chat.postMessage').some((r) => now - r.at < 50);
        const discordOpen = discord.requests.some((r) => r.path.includes('/channels/') && now - r.at < 50);
        if (received() >= killAfter && slackOpen && discordOpen) {
          clearInterval(watcher);
          child.kill('SIGKILL');
        }
      }, 2);
    }
    return new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        clearInterval(watcher);
        resolve({ code, signal, stdout, stderr });
      });
    });
  }

  it('delivers every alert to every channel: Discord exactly once, Slack at most one repeat per channel', async () => {
    const first = await runChild(KILL_AFTER);
    expect(first.signal, first.stderr).toBe('SIGKILL');
    expect(first.stdout).toMatch(/^CHECK announced 2 120\n/);
    expect(first.stdout).not.toMatch(/DONE/);
    const atKill = received();
    expect(atKill).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(atKill).toBeLessThan(EXPECTED);

    // Some of what the fakes received was never recorded as sent: the case that cannot be known.
    const store = createAlertStore({ dataDir });
    const status = store.status();
    store.close();
    const recorded = status.deliveries.slack.sent + status.deliveries.discord.sent;
    const inFlightAtKill = atKill - recorded;
    expect(inFlightAtKill).toBeGreaterThanOrEqual(1);
    expect(status.deliveries.slack.failed + status.deliveries.discord.failed).toBe(0);

    const second = await runChild();
    expect(second.code, second.stderr).toBe(0);
    // The restart finds the knowledge already announced and only resumes the outbox.
    expect(second.stdout).toMatch(/^CHECK unchanged 0 0\nDONE\n$/);
    expect(second.stderr).toMatch(/resuming deliveries interrupted by a restart/);

    const titles = ['Lincolnshire Police left Engage on 18 September 2025', 'New in the record: Lincolnshire Police'];
    let slackRepeats = 0;
    for (const channel of slackChannels) {
      const posts = slack.calls('/api/chat.postMessage').filter((r) => r.body.channel === channel);
      const got = posts.map((r) => titles.find((t) => String(r.body.text).startsWith(t)));
      expect(new Set(got), channel).toEqual(new Set(titles));
      expect(posts.length, `${channel} got ${posts.length} messages`).toBeLessThanOrEqual(ALERTS + 1);
      slackRepeats += posts.length - ALERTS;
      // And in order: the move first, then the fact.
      expect(got.indexOf(titles[0]), channel).toBe(0);
    }
    let discordRequests = 0;
    for (const channel of discordChannels) {
      const messages = discord.channelMessages.get(channel) ?? [];
      expect(messages.map((m: any) => m.embeds[0].title), channel).toEqual(titles);
      discordRequests += discord.requestsTo(`/channels/${channel}/messages`).length;
    }
    const end = createAlertStore({ dataDir });
    const final = end.status();
    end.close();
    expect(final.deliveries).toEqual({ slack: { pending: 0, sent: CHANNELS_PER_PLATFORM * ALERTS, failed: 0 }, discord: { pending: 0, sent: CHANNELS_PER_PLATFORM * ALERTS, failed: 0 } });
    // What repeated after the crash: Slack shows it (≤ 1 per channel), Discord absorbed it by nonce.
    const discordRepeats = discordRequests - CHANNELS_PER_PLATFORM * ALERTS;
    expect(slackRepeats + discordRepeats).toBe(inFlightAtKill);
    expect(slackRepeats).toBeGreaterThanOrEqual(1);
    expect(discordRepeats).toBeGreaterThanOrEqual(1);
    console.info(`crash test: killed after ${atKill} of ${EXPECTED} messages; ${inFlightAtKill} were in flight; Slack repeats ${slackRepeats}, Discord nonce repeats absorbed ${discordRepeats}`);
  }, 40_000);
});
