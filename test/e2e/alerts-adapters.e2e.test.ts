// Alerts end to end through the real adapters: Bolt (HTTP mode) and discord.js against the fake
// Slack and Discord, with the alerts runtime the composition root uses (SQLite in a temporary
// DATA_DIR, both senders, the knowledge-folder watch, a news feed on 127.0.0.1). Newsrooms
// subscribe with the slash commands; a change to the knowledge files and a new feed item then
// reach exactly the channels that asked for them.

import { cpSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertsRuntime, type AlertsRuntime } from '../../adapters/alerts-runtime.ts';
import { createDiscordAdapter } from '../../adapters/discord/index.ts';
import { flattenMessage as flattenSlack } from '../../adapters/slack/render.ts';
import type { SubscriptionCommands } from '../../src/alerts/subscriptions.ts';
import type { ChatAdapter } from '../../src/chat-adapter.ts';
import { openSqlite } from '../../src/alerts/sqlite.ts';
import { loadKnowledge } from '../../src/knowledge-loader.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { LINCS_EXIT_EVENT_YAML, rss, startFeedServer, tempDir, type FeedServer } from '../support/alerts.ts';
import { createFakeCore } from '../support/fake-core.ts';
import { FAKE_APPLICATION_ID, FAKE_CHANNEL_ID, FAKE_TOKEN, FakeDiscord, flattenMessage as flattenDiscord } from '../support/fake-discord.ts';
import { slashCommandBody, type RecordedRequest } from '../support/fake-slack.ts';
import { KNOWLEDGE_DIR } from '../support/knowledge.ts';
import { SIGNING_SECRET, startSlackUnderTest, type SlackUnderTest } from '../support/slack-harness.ts';

const EPHEMERAL = 1 << 6;
const topic = (value: string) => ({ name: 'topic', type: 3, value });
/** The fake's member plus Manage Channels: someone who may change the channel's alerts. */
const asChannelManager = (interaction: any) => {
  interaction.member.permissions = String(BigInt(interaction.member.permissions) | PermissionFlagsBits.ManageChannels);
  return interaction;
};

/** A new status event in a new knowledge file: Lincolnshire Police leaves Engage. */
const LINCS_EXIT_YAML = LINCS_EXIT_EVENT_YAML;

describe('alerts through the Slack and Discord adapters', () => {
  let slack: SlackUnderTest;
  let discordFake: FakeDiscord;
  let discord: ChatAdapter;
  let runtime: AlertsRuntime;
  let feed: FeedServer;
  let knowledgeDir: string;
  const cleanups: (() => void)[] = [];
  const logger = createMemoryLogger();

  /** Posts /oversight <text> from `channelId` and returns what Slack got on the response_url. */
  let counter = 0;
  const slash = async (text: string, channelId = 'C0NEWSDESK'): Promise<RecordedRequest> => {
    const id = `alerts-${(counter += 1)}`;
    const ack = await slack.sendForm(slashCommandBody({ text, responseUrl: slack.fake.responseUrl(id), channelId }));
    expect(ack.status).toBe(200);
    const [response] = await slack.fake.waitFor((r) => r.path === `/response/${id}`);
    return response!;
  };
  const run = async (interaction: any) => {
    discordFake.dispatchInteraction(interaction);
    return (await discordFake.responseTo(interaction)).message;
  };

  beforeAll(async () => {
    const data = tempDir();
    const kb = tempDir('oversight-kb-');
    cleanups.push(data.cleanup, kb.cleanup);
    knowledgeDir = join(kb.dir, 'knowledge');
    cpSync(KNOWLEDGE_DIR, knowledgeDir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
    feed = await startFeedServer();
    feed.serve(rss([{ guid: 'old', title: 'An older item about special measures', link: 'https://hmicfrs.example/old' }]));
    discordFake = await FakeDiscord.start();

    // The Slack harness starts the fake Slack; the runtime needs its URL, the adapter the
    // runtime's commands. A forwarding object breaks the cycle.
    const slackCommands: SubscriptionCommands = {
      subscribe: (...args) => runtime.slackCommands.subscribe(...args),
      unsubscribe: (...args) => runtime.slackCommands.unsubscribe(...args),
      list: (...args) => runtime.slackCommands.list(...args),
    };
    slack = await startSlackUnderTest(createFakeCore(), { alerts: slackCommands });
    runtime = await createAlertsRuntime({
      config: {
        dataDir: data.dir,
        slack: { botToken: 'xoxb-test-token', mode: 'http', signingSecret: SIGNING_SECRET, port: 0 },
        discord: { token: FAKE_TOKEN, applicationId: FAKE_APPLICATION_ID },
        alertFeeds: [feed.url],
        alertFeedIntervalSeconds: 3600,
      },
      knowledge: loadKnowledge(knowledgeDir),
      knowledgeDir,
      reloadKnowledge: () => loadKnowledge(knowledgeDir),
      logger,
      slackApiUrl: slack.fake.apiUrl,
      discordRestApi: discordFake.restApi,
      knowledgePollMs: 0,
    });
    await slack.adapter.start();
    discord = createDiscordAdapter({
      config: { token: FAKE_TOKEN, applicationId: FAKE_APPLICATION_ID },
      core: createFakeCore(),
      logger,
      restApi: discordFake.restApi,
      alerts: runtime.discordAlerts,
    });
    await discord.start();
    // First run on an existing knowledge base and feed: baselines, nothing sent.
    expect(runtime.start().outcome).toBe('baseline');
    await new Promise((r) => setTimeout(r, 300));
  });

  afterAll(async () => {
    await runtime?.stop();
    await discord?.stop();
    await slack?.dispose();
    await discordFake?.close();
    await feed?.close();
    for (const c of cleanups) c();
  });

  it('Slack: /oversight subscribe confirms in the channel exactly what it will receive', async () => {
    const engage = await slash('subscribe');
    expect(engage.body.response_type).toBe('in_channel');
    const text = flattenSlack(engage.body as { blocks: unknown[] });
    expect(text).toMatch(/\*Subscribed\*\nSubscribed this channel to Engage moves\.\nThis channel will receive an alert whenever a police force or fire and rescue service moves into or out of Engage/);
    expect(text).toMatch(/Changed by <@U0REPORTER>/);

    const glos = await slash('subscribe glos fire', 'C0GLOSDESK');
    expect(flattenSlack(glos.body as { blocks: unknown[] })).toMatch(/Subscribed this channel to Gloucestershire Fire and Rescue Service\.\nThis channel will receive alerts about Gloucestershire Fire and Rescue Service only/);

    const lincs = await slash('subscribe Lincs Police', 'C0LINCSDESK');
    expect(lincs.body.response_type).toBe('in_channel');
  });

  it('Slack: unknown topics get "did you mean" privately; subscriptions lists; DMs are refused', async () => {
    const unknown = await slash('subscribe Humbrside Narnia');
    expect(unknown.body.response_type).toBe('ephemeral');
    expect(flattenSlack(unknown.body as { blocks: unknown[] })).toMatch(/Did you mean Humberside Police or Humberside Fire and Rescue Service\?/);

    const list = await slash('subscriptions');
    expect(list.body.response_type).toBe('ephemeral');
    expect(flattenSlack(list.body as { blocks: unknown[] })).toMatch(/This channel is subscribed to:\n• Engage moves — an alert whenever/);

    const dm = await slash('subscribe', 'D0DIRECT');
    expect(flattenSlack(dm.body as { blocks: unknown[] })).toMatch(/Run this in the channel that should receive the alerts/);
    expect(runtime.service.store.subscriptionsFor('slack', 'D0DIRECT')).toEqual([]);
  });

  it('Discord: /oversight alerts subscribe works for channel managers, with topic autocomplete', async () => {
    discordFake.dispatchInteraction(discordFake.autocompleteGroup('alerts', 'subscribe', { name: 'topic', value: 'glos' }));
    const choices = await discordFake.waitForRequest((r) => r.body?.type === 8);
    expect(choices.body.data.choices.map((c: any) => c.value)).toEqual(expect.arrayContaining(['Gloucestershire Constabulary', 'Gloucestershire Fire and Rescue Service']));

    const message = await run(asChannelManager(discordFake.chatInputGroup('alerts', 'subscribe', [topic('Lincolnshire Police')])));
    expect(message.flags ?? 0).toBe(0);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(flattenDiscord(message)).toMatch(/^Subscribed\nSubscribed this channel to Lincolnshire Police\.\n\nThis channel will receive alerts about Lincolnshire Police only/);
    expect(runtime.service.store.subscriptionsFor('discord', FAKE_CHANNEL_ID)).toMatchObject([{ topic: 'entity:lincolnshire-police', createdBy: expect.any(String) }]);
  });

  it('Discord: members without Manage Channels are refused, privately', async () => {
    const message = await run(discordFake.chatInputGroup('alerts', 'subscribe', [topic('all')]));
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(flattenDiscord(message)).toMatch(/Only members who can manage this channel \(the Manage Channels permission\)/);
    expect(runtime.service.store.subscriptionsFor('discord', FAKE_CHANNEL_ID).map((s) => s.topic)).toEqual(['entity:lincolnshire-police']);
    const list = await run(asChannelManager(discordFake.chatInputGroup('alerts', 'list')));
    expect(list.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(flattenDiscord(list)).toMatch(/• Lincolnshire Police — alerts about Lincolnshire Police only/);
  });

  it('a change to the knowledge files reaches the subscribed channels only, rendered by each adapter', async () => {
    writeFileSync(join(knowledgeDir, 'alerts-e2e-lincs-exit.yaml'), LINCS_EXIT_YAML);
    // The folder watch notices the new file (debounced), the alert is queued and delivered.
    const [posted] = await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0NEWSDESK', { timeoutMs: 8_000 });
    const slackText = flattenSlack(posted!.body as { blocks: unknown[] });
    expect(slackText).toMatch(/^:rotating_light: Engage alert {2}\*Lincolnshire Police left Engage on 18 September 2025\*/);
    expect(slackText).toMatch(/Lincolnshire Police left Engage and returned to routine monitoring \(Scan\) on 18 September 2025\. \[1\]/);
    expect(slackText).toMatch(/\*\[1\]\* <https:\/\/hmicfrs\.justiceinspectorates\.gov\.uk\/[^|]+\|Lincolnshire Police: move to enhanced phase of monitoring[^>]*> — HMICFRS, 6 December 2024/);
    expect(slackText).toMatch(/:calendar: As of 18 September 2025/);

    const lincsDesk = await slack.fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0LINCSDESK', { timeoutMs: 5_000 });
    expect(lincsDesk).toHaveLength(1);
    const discordMessage = await discordFake.waitForRequest((r) => r.method === 'POST' && r.path === `/api/v10/channels/${FAKE_CHANNEL_ID}/messages`, 5_000);
    expect(discordMessage.body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] }, nonce: expect.stringMatching(/^[0-9a-f]{25}$/) });
    expect(flattenDiscord(discordMessage.body)).toMatch(/^Engage alert\nLincolnshire Police left Engage on 18 September 2025\n/);

    await runtime.service.worker.drain(5_000);
    // Gloucestershire's desk asked for Gloucestershire only.
    expect(slack.fake.calls('/api/chat.postMessage').filter((r) => r.body.channel === 'C0GLOSDESK')).toEqual([]);
    expect(logger.lines.join('\n')).toMatch(/alerts: knowledge files changed/);
  });

  it('a new Engage item in the news feed becomes one heads-up with its link', async () => {
    const item = { guid: 'lincs-2025-09-18', title: 'Lincolnshire Police leaves enhanced monitoring', link: 'https://hmicfrs.example/news/lincs-leaves', description: 'The force has returned to routine monitoring.', pubDate: new Date().toUTCString() }; // fresh: older items are skipped
    feed.serve(rss([item, item]));
    const before = slack.fake.calls('/api/chat.postMessage').length;
    await runtime.service.pollFeeds();
    await runtime.service.worker.drain(8_000);
    const heads = slack.fake.calls('/api/chat.postMessage').slice(before);
    expect(heads.map((r) => r.body.channel).sort()).toEqual(['C0LINCSDESK', 'C0NEWSDESK']);
    expect(flattenSlack(heads[0]!.body as { blocks: unknown[] })).toMatch(/:eyes: Heads-up {2}\*Heads-up — not yet in the knowledge base: Lincolnshire Police leaves enhanced monitoring\*/);
    expect(JSON.stringify(heads[0]!.body)).toContain('https://hmicfrs.example/news/lincs-leaves');
    expect(discordFake.channelMessages.get(FAKE_CHANNEL_ID)!.map((m: any) => m.embeds[0].author.name)).toEqual([
      'Engage alert',
      'Heads-up from the news feed — not yet in the knowledge base',
    ]);
  });

  it('Slack: unsubscribe stops a channel\'s alerts and says what remains', async () => {
    const off = await slash('unsubscribe Lincolnshire Police', 'C0LINCSDESK');
    expect(off.body.response_type).toBe('in_channel');
    expect(flattenSlack(off.body as { blocks: unknown[] })).toMatch(/Unsubscribed this channel from Lincolnshire Police[\s\S]*no alerts will be posted here/);
    expect(runtime.service.store.subscriptionsFor('slack', 'C0LINCSDESK')).toEqual([]);
  });

  it('a locked database still gets a reply in Slack and Discord, and the log names the file and DATA_DIR (issue 9, defect 6)', async () => {
    const other = openSqlite(runtime.service.store.path);
    other.exec('BEGIN EXCLUSIVE'); // another process holds the write lock
    try {
      const reply = await slash('subscribe all', 'C0LOCKED1');
      expect(reply.body.response_type).toBe('ephemeral');
      expect(flattenSlack(reply.body as { blocks: unknown[] })).toMatch(/Could not save the subscription, try again later/);

      const message = await run(asChannelManager(discordFake.chatInputGroup('alerts', 'subscribe', [topic('all')])));
      expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(flattenDiscord(message)).toMatch(/Could not save the subscription, try again later/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const logged = logger.lines.filter((l) => /ERROR alerts: could not save a subscription: /.test(l));
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain(`${runtime.service.store.path} (DATA_DIR ${dirname(runtime.service.store.path)}): database is locked`);
    expect(runtime.service.store.subscriptionsFor('slack', 'C0LOCKED1')).toEqual([]);
  });
});
