// End-to-end over Socket Mode: the real Bolt App and Socket Mode client, with apps.connections.open
// answered by the fake Slack and the WebSocket served by a local `ws` server on 127.0.0.1 that
// plays Slack's side (hello, envelopes, waiting for acks). Nothing leaves the machine.

import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.ts';
import { flattenMessage } from '../../adapters/slack/render.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { createFakeCore, type FakeCore } from '../support/fake-core.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

let fake: FakeSlack;
let wss: WebSocketServer;
let core: FakeCore;
let adapter: SlackAdapter;
const sockets: WebSocket[] = [];
const acks: { envelope_id: string; payload?: unknown }[] = [];

function adapterWith(appToken: string): SlackAdapter {
  return createSlackAdapter({
    config: { botToken: 'xoxb-test-token', mode: 'socket', appToken, port: 0 },
    core,
    logger: createMemoryLogger(),
    clientOptions: { slackApiUrl: fake.apiUrl },
    botId: 'BFAKEBOT',
    botUserId: 'UFAKEBOT',
    retry: { retries: 1, minTimeoutMs: 10, maxTimeoutMs: 20 },
    stopGraceMs: 1_000,
  });
}

function sendEnvelope(envelope: Record<string, unknown>): void {
  const socket = sockets.at(-1);
  if (!socket) throw new Error('no Socket Mode connection');
  socket.send(JSON.stringify(envelope));
}

async function waitForAck(envelopeId: string): Promise<void> {
  await expect.poll(() => acks.some((a) => a.envelope_id === envelopeId), { timeout: 3_000 }).toBe(true);
}

beforeAll(async () => {
  fake = await startFakeSlack();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => acks.push(JSON.parse(String(data)) as { envelope_id: string }));
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0OVERSIGHT' }, debug_info: { host: 'fake' } }));
  });
  const { port } = wss.address() as AddressInfo;
  fake.answer('apps.connections.open', { ok: true, url: `ws://127.0.0.1:${port}/link` });
  core = createFakeCore();
  adapter = adapterWith('xapp-1-test');
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  for (const s of sockets) s.terminate();
  await new Promise<void>((resolve) => wss?.close(() => resolve()));
  await fake?.close();
});

describe('Slack adapter over Socket Mode (real Bolt, fake Slack)', () => {
  it('connects with the app token and answers a slash command after acking its envelope', async () => {
    expect(fake.calls('/api/apps.connections.open')[0]!.headers.authorization).toBe('Bearer xapp-1-test');
    sendEnvelope({
      envelope_id: 'env-cmd-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'x',
        team_id: 'T0001',
        channel_id: 'C0NEWSDESK',
        user_id: 'U0REPORTER',
        command: '/oversight',
        text: 'which forces are in Engage?',
        api_app_id: 'A0OVERSIGHT',
        response_url: fake.responseUrl('socket-cmd-1'),
        trigger_id: '1.2.3',
      },
    });
    await waitForAck('env-cmd-1');
    const [response] = await fake.waitFor((r) => r.path === '/response/socket-cmd-1');
    expect(response!.body.response_type).toBe('ephemeral');
    expect(flattenMessage(response!.body as { blocks?: unknown[] })).toContain('As of 12 August 2025');
  });

  it('answers a mention once even when Slack redelivers it (retry_attempt)', async () => {
    const ts = '1700000500.000100';
    const payload = {
      type: 'event_callback',
      team_id: 'T0001',
      api_app_id: 'A0OVERSIGHT',
      event_id: 'EvSOCKET1',
      event_time: 1700000500,
      event: { type: 'app_mention', user: 'U0REPORTER', text: '<@UFAKEBOT> which forces are in Engage?', ts, channel: 'C0SOCKET', event_ts: ts },
      authorizations: [{ team_id: 'T0001', user_id: 'UFAKEBOT', is_bot: true, is_enterprise_install: false }],
    };
    sendEnvelope({ envelope_id: 'env-ev-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload });
    sendEnvelope({ envelope_id: 'env-ev-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload });
    await waitForAck('env-ev-2');
    const [post] = await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0SOCKET');
    expect(post!.body.thread_ts).toBe(ts);
    // Barrier: a later event is answered after any duplicate would have been.
    sendEnvelope({
      envelope_id: 'env-ev-3',
      type: 'events_api',
      payload: { ...payload, event_id: 'EvSOCKET2', event: { ...payload.event, channel: 'C0SOCKET2', ts: '1700000501.000100', event_ts: '1700000501.000100' } },
    });
    await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0SOCKET2');
    expect(fake.calls('/api/chat.postMessage').filter((r) => r.body.channel === 'C0SOCKET')).toHaveLength(1);
  });

  it('refuses to start with an app token Slack rejects, naming SLACK_APP_TOKEN', async () => {
    const rejected = await startFakeSlack();
    rejected.answer('apps.connections.open', { ok: false, error: 'invalid_auth' });
    const bad = createSlackAdapter({
      config: { botToken: 'xoxb-test-token', mode: 'socket', appToken: 'xapp-1-revoked', port: 0 },
      core,
      logger: createMemoryLogger(),
      clientOptions: { slackApiUrl: rejected.apiUrl },
      botId: 'BFAKEBOT',
      botUserId: 'UFAKEBOT',
    });
    try {
      await expect(bad.start()).rejects.toMatchObject({ code: 'CONFIG_INVALID', problems: [expect.stringMatching(/^SLACK_APP_TOKEN: Slack answered "invalid_auth"/)] });
      await bad.stop();
    } finally {
      await rejected.close();
    }
  });
});
