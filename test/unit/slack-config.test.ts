// Configuration tests for the Slack adapter: which Bolt receiver (Socket Mode or HTTP) is built
// from which environment variables, helpful errors for impossible combinations, and that the
// app manifest asks for exactly what the adapter listens to. Nothing here opens a connection.

import { readFileSync } from 'node:fs';
import { HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { createReceiver } from '../../adapters/slack/receiver.ts';
import { toBoltLogger } from '../../adapters/slack/bolt-logger.ts';
import { loadConfig, type SlackConfig } from '../../src/config.ts';
import { isOversightError } from '../../src/errors.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { createFakeCore } from '../support/fake-core.ts';

const BOT = 'xoxb-1111-2222-abcdef';
const APP = 'xapp-1-A111-222-abcdef';
const SECRET = 'signing-secret-0123456789';

function adapterFor(env: Record<string, string>) {
  const config = loadConfig(env).slack;
  if (!config) throw new Error('expected a Slack config');
  // botUserId given so construction never calls auth.test.
  return { config, adapter: createSlackAdapter({ config, core: createFakeCore(), logger: createMemoryLogger(), botId: 'B1', botUserId: 'U1' }) };
}

describe('Slack receiver selection', () => {
  it('uses Socket Mode when SLACK_APP_TOKEN is set', () => {
    const { config, adapter } = adapterFor({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(config.mode).toBe('socket');
    expect(adapter.platform).toBe('slack');
    expect(adapter.mode).toBe('socket');
    expect(adapter.receiver).toBeInstanceOf(SocketModeReceiver);
  });

  it('prefers Socket Mode when both an app token and a signing secret are set', () => {
    const { adapter } = adapterFor({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET });
    expect(adapter.receiver).toBeInstanceOf(SocketModeReceiver);
  });

  it('uses HTTP mode with SLACK_SIGNING_SECRET, on port 3000 unless SLACK_PORT says otherwise', () => {
    const plain = adapterFor({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET });
    expect(plain.adapter.mode).toBe('http');
    expect(plain.adapter.receiver).toBeInstanceOf(HTTPReceiver);
    expect(plain.config.port).toBe(3000);
    const custom = adapterFor({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: '8081' });
    expect(custom.config.port).toBe(8081);
    expect(custom.adapter.address()).toBeUndefined(); // not listening until start()
  });

  it('builds no Slack config without SLACK_ variables, and names what is missing otherwise', () => {
    expect(loadConfig({}).slack).toBeUndefined();
    expect(() => loadConfig({ SLACK_BOT_TOKEN: BOT })).toThrow(/configuration is not valid/);
    try {
      loadConfig({ SLACK_BOT_TOKEN: BOT });
    } catch (error) {
      expect(isOversightError(error) && error.problems.join('\n')).toMatch(/SLACK_APP_TOKEN: set SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET/);
    }
  });

  it('refuses a hand-built config that cannot work, naming the variable to set', () => {
    const logger = toBoltLogger(createMemoryLogger());
    const socketWithoutToken: SlackConfig = { botToken: BOT, mode: 'socket', port: 3000 };
    const httpWithoutSecret: SlackConfig = { botToken: BOT, mode: 'http', port: 3000 };
    expect(() => createReceiver(socketWithoutToken, logger)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', problems: [expect.stringMatching(/^SLACK_APP_TOKEN/)] }));
    expect(() => createReceiver(httpWithoutSecret, logger)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', problems: [expect.stringMatching(/^SLACK_SIGNING_SECRET/)] }));
  });

  it('can be stopped before it was ever started, twice', async () => {
    const { adapter } = adapterFor({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    await adapter.stop();
    await adapter.stop();
  });
});

describe('Slack app manifest', () => {
  const manifest = parse(readFileSync(new URL('../../adapters/slack/manifest.yaml', import.meta.url), 'utf8')) as {
    features: { slash_commands: { command: string; should_escape: boolean }[]; app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean } };
    oauth_config: { scopes: { bot: string[] } };
    settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
  };

  it('declares the slash command, events, interactivity and scopes the adapter relies on', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/oversight']);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'chat:write', 'chat:write.public', 'commands', 'files:write', 'im:history']);
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

describe('Socket Mode when Slack is unreachable (issue 9, "also seen")', () => {
  it('backs off exponentially with jitter, capped at a minute, for apps.connections.open', () => {
    const receiver = createReceiver({ botToken: BOT, mode: 'socket', appToken: APP, port: 0 }, toBoltLogger(createMemoryLogger()));
    // The Socket Mode client's own Web API client: private in the types, so read it as data.
    const retryConfig = (receiver as unknown as { client: { webClient: { retryConfig: unknown } } }).client.webClient.retryConfig;
    expect(retryConfig).toMatchObject({ factor: 2, minTimeout: 1_000, maxTimeout: 60_000, randomize: true });
  });

  it('names the host it cannot reach, once, then summarises repeats at most once a minute', () => {
    const logger = createMemoryLogger();
    let now = 0;
    const bolt = toBoltLogger(logger, LogLevel.INFO, { apiUrl: 'https://slack.example/api/', now: () => now });
    bolt.setName('web-api:WebClient:1');
    for (let i = 0; i < 20; i++) {
      bolt.warn('http request failed', 'fetch failed');
      now += 1_000;
    }
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/WARN slack\/web-api:WebClient:1: cannot reach slack\.example \(fetch failed\); retrying with backoff$/);
    now = 61_000;
    bolt.warn('http request failed', 'fetch failed');
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[1]).toMatch(/repeated 19 more times in the last 60 s/);
    // Other messages are not held back by it.
    bolt.warn('something else');
    expect(logger.lines).toHaveLength(3);
  });
});
