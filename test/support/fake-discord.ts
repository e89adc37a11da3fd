// A fake Discord on 127.0.0.1 for end-to-end tests of the real discord.js Client: an HTTP server
// for REST (gateway discovery, interaction callbacks, webhook edits, command registration) and a
// `ws` gateway on the same port (HELLO, IDENTIFY → READY, heartbeat ACKs, RESUME → RESUMED,
// INTERACTION_CREATE dispatches). It records every request so tests assert on what Discord got.

import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { parseMultipart } from './multipart.ts';

export const FAKE_APPLICATION_ID = '111111111111111111';
export const FAKE_BOT_USER_ID = '222222222222222222';
export const FAKE_GUILD_ID = '333333333333333333';
export const FAKE_CHANNEL_ID = '444444444444444444';
export const FAKE_USER_ID = '555555555555555555';
/** Long enough to pass the config schema; never a real token. */
export const FAKE_TOKEN = 'fake-discord-token-for-tests-only.abcdefghijklmnop';

const DISCORD_EPOCH = 1_420_070_400_000n;

export interface RecordedRequest {
  method: string;
  /** The raw path, e.g. "/api/v10/webhooks/1/tok/messages/%40original". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it is not JSON; undefined when empty. */
  body: any;
  at: number;
}

export interface CannedResponse {
  status: number;
  body?: unknown;
  /** Answer after this many ms (to simulate a slow Discord). */
  delayMs?: number;
  /** Extra response headers, e.g. Retry-After on a 429. */
  headers?: Record<string, string>;
}

interface Override extends CannedResponse {
  match: (request: RecordedRequest) => boolean;
  remaining: number;
}

interface Session {
  id: string;
  seq: number;
  socket: WebSocket | null;
}

export interface FakeDiscordOptions {
  /** HELLO's heartbeat interval. Short by default so heartbeats and their ACKs are exercised. */
  heartbeatIntervalMs?: number;
  /** false: accept IDENTIFY but never send READY (a gateway that hangs). Default true. */
  sendReady?: boolean;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** IDENTIFY payloads (op 2) received, in order. */
  readonly identifies: any[] = [];
  /** RESUME payloads (op 6) received, in order. */
  readonly resumes: any[] = [];
  /** The request URLs of gateway connections, e.g. "/?v=10&encoding=json". */
  readonly gatewayUrls: string[] = [];
  heartbeats = 0;

  /**
   * Messages created in channels (POST /channels/{id}/messages), per channel id. A repeated
   * nonce with enforce_nonce returns the message already created, as Discord does, and is not
   * added again: this is what a channel "received".
   */
  readonly channelMessages = new Map<string, any[]>();
  private readonly nonces = new Map<string, any>();
  /** Delay (ms) before answering a channel message POST: the message exists before the bot hears back. */
  channelMessageDelayMs = 0;

  private readonly overrides: Override[] = [];
  private readonly waiters = new Set<{ match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  private readonly sessions = new Map<string, Session>();
  private sessionCounter = 0;
  private snowflakeCounter = 0n;

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
    private readonly heartbeatIntervalMs: number,
    private readonly sendReady: boolean,
  ) {}

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    const port = (http.address() as AddressInfo).port;
    const fake = new FakeDiscord(http, wss, port, options.heartbeatIntervalMs ?? 250, options.sendReady ?? true);
    http.on('request', (req, res) => void fake.onRequest(req, res));
    wss.on('connection', (socket, req) => fake.onGatewayConnection(socket, req));
    return fake;
  }

  /** What to pass as the Client's `rest.api` option. */
  get restApi(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Sessions with an open, identified gateway connection. */
  get readyConnections(): number {
    return [...this.sessions.values()].filter((s) => s.socket && s.socket.readyState === s.socket.OPEN).length;
  }

  /** A snowflake created at `timestamp` (ms), unique within this fake. */
  snowflake(timestamp = Date.now()): string {
    this.snowflakeCounter += 1n;
    return (((BigInt(timestamp) - DISCORD_EPOCH) << 22n) | (this.snowflakeCounter & 0xfffn)).toString();
  }

  /** Answers the next `times` requests matching `match` with `response` instead of the default. */
  respondWith(match: (request: RecordedRequest) => boolean, response: CannedResponse, times = 1): void {
    this.overrides.push({ match, remaining: times, ...response });
  }

  /** Resolves with the first request (already received or still to come) that matches. */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (request: RecordedRequest) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(request);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms; got:\n${this.describeRequests()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Resolves once at least `count` gateway connections are identified (or resumed) and open. */
  async waitForConnections(count = 1, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.readyConnections < count) {
      if (Date.now() > deadline) throw new Error(`fake Discord: ${this.readyConnections} ready gateway connections, wanted ${count}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Open gateway sockets, identified or not. */
  gatewaySockets(): WebSocket[] {
    return [...this.wss.clients].filter((c) => c.readyState === c.OPEN);
  }

  /** Sends INTERACTION_CREATE to every ready gateway connection. */
  dispatchInteraction(interaction: object): void {
    let sent = 0;
    for (const session of this.sessions.values()) {
      const socket = session.socket;
      if (!socket || socket.readyState !== socket.OPEN) continue;
      session.seq += 1;
      socket.send(JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: session.seq, d: interaction }));
      sent += 1;
    }
    if (sent === 0) throw new Error('fake Discord: no gateway connection to dispatch to');
  }

  /** Drops every gateway connection abruptly, as a network blip or a Discord restart would. */
  dropGatewayConnections(code = 4000): void {
    for (const client of this.wss.clients) client.close(code, 'fake Discord: connection dropped');
  }

  /** A chat-input (slash command) interaction for /oversight <subcommand>. */
  chatInput(subcommand: string, options: { name: string; type: number; value: unknown }[] = [], extra: InteractionExtra = {}): any {
    return this.interaction(2, { subcommand, options }, extra);
  }

  /** A chat-input interaction for /oversight <group> <subcommand> (e.g. "alerts subscribe"). */
  chatInputGroup(group: string, subcommand: string, options: { name: string; type: number; value: unknown }[] = [], extra: InteractionExtra = {}): any {
    const interaction = this.interaction(2, { subcommand, options }, extra);
    interaction.data.options = [{ name: group, type: 2, options: interaction.data.options }];
    return interaction;
  }

  /** An autocomplete interaction inside a subcommand group. */
  autocompleteGroup(group: string, subcommand: string, focused: { name: string; value: string }, extra: InteractionExtra = {}): any {
    const interaction = this.autocomplete(subcommand, focused, extra);
    interaction.data.options = [{ name: group, type: 2, options: interaction.data.options }];
    return interaction;
  }

  /** An autocomplete interaction with the `focused` option being typed. */
  autocomplete(subcommand: string, focused: { name: string; value: string }, extra: InteractionExtra = {}): any {
    return this.interaction(4, { subcommand, options: [{ name: focused.name, type: 3, value: focused.value, focused: true }] }, extra);
  }

  /** A button click (message component interaction) on a message the bot sent, e.g. an ephemeral answer. */
  button(customId: string, message: { embeds?: unknown[]; components?: unknown[]; flags?: number } = {}, extra: InteractionExtra = {}): any {
    const interaction = this.interaction(3, { subcommand: '', options: [] }, extra);
    interaction.data = { custom_id: customId, component_type: 2 };
    interaction.message = { ...this.messageFrom({ embeds: message.embeds ?? [], flags: message.flags ?? 64 }), components: message.components ?? [] };
    return interaction;
  }

  /**
   * Waits for the bot's response to `interaction`: the callback, and when that is a deferral
   * (type 5), the edit of @original. Returns the message data the user ends up seeing.
   */
  async responseTo(interaction: { id: string; token: string }, timeoutMs = 5_000): Promise<{ callback: RecordedRequest; edit?: RecordedRequest; message: any }> {
    const callback = await this.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`,
      timeoutMs,
    );
    if (callback.body?.type !== 5) return { callback, message: callback.body?.data };
    const edit = await this.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${FAKE_APPLICATION_ID}/${interaction.token}/messages/%40original`,
      timeoutMs,
    );
    return { callback, edit, message: edit.body };
  }

  /** Requests whose path contains `fragment`. */
  requestsTo(fragment: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(fragment));
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private interaction(type: 2 | 3 | 4, command: { subcommand: string; options: object[] }, extra: InteractionExtra): any {
    const id = this.snowflake(extra.createdAt ?? Date.now());
    const user = { id: FAKE_USER_ID, username: 'reporter', discriminator: '0', global_name: 'A Reporter', avatar: null };
    return {
      id,
      application_id: FAKE_APPLICATION_ID,
      type,
      token: `token-${id}`,
      version: 1,
      data: {
        id: '666666666666666666',
        name: extra.commandName ?? 'oversight',
        type: 1,
        options: [{ name: command.subcommand, type: 1, options: command.options }],
      },
      guild_id: FAKE_GUILD_ID,
      channel_id: FAKE_CHANNEL_ID,
      channel: { id: FAKE_CHANNEL_ID, type: 0, name: 'newsdesk', guild_id: FAKE_GUILD_ID },
      member: {
        user,
        roles: [],
        permissions: '2248473465835073',
        joined_at: '2024-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        premium_since: null,
        pending: false,
      },
      app_permissions: '2248473465835073',
      locale: 'en-GB',
      guild_locale: 'en-GB',
      entitlements: [],
      authorizing_integration_owners: { '0': FAKE_GUILD_ID },
      context: 0,
      attachment_size_limit: 10_485_760,
    };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const text = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: unknown;
    // A message with attachments arrives as multipart: payload_json plus one part per file.
    const parts = parseMultipart(bytes, req.headers['content-type']);
    if (parts) {
      const payload = parts.find((p) => p.name === 'payload_json');
      body = { ...(payload ? JSON.parse(payload.data.toString('utf8')) : {}), files: parts.filter((p) => p !== payload) };
    } else if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const request: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, at: Date.now() };
    this.requests.push(request);

    const override = this.overrides.find((o) => o.remaining > 0 && o.match(request));
    let response: CannedResponse;
    if (override) {
      override.remaining -= 1;
      response = override;
    } else {
      response = this.defaultResponse(request);
    }
    if (response.delayMs) await new Promise((r) => setTimeout(r, response.delayMs));
    if (response.body === undefined) {
      res.writeHead(response.status, { ...response.headers }).end();
    } else {
      res.writeHead(response.status, { 'content-type': 'application/json', ...response.headers }).end(JSON.stringify(response.body));
    }
    // Resolve waiters after responding, so the bot's call has completed when a test looks.
    for (const waiter of [...this.waiters]) if (waiter.match(request)) waiter.resolve(request);
  }

  private defaultResponse(request: RecordedRequest): CannedResponse {
    const { method, path } = request;
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
        },
      };
    }
    if (method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    const channelPost = method === 'POST' ? /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path) : null;
    if (channelPost) return { status: 200, body: this.createChannelMessage(channelPost[1]!, request.body), delayMs: this.channelMessageDelayMs };
    if ((method === 'PATCH' && /^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/[^/]+$/.test(path)) || (method === 'POST' && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(path))) {
      return { status: 200, body: this.messageFrom(request.body) };
    }
    if (method === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path) && Array.isArray(request.body)) {
      return {
        status: 200,
        body: request.body.map((command: object) => ({ id: this.snowflake(), application_id: FAKE_APPLICATION_ID, version: '1', ...command })),
      };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  /** Creates a channel message, or returns the existing one for a nonce repeated with enforce_nonce. */
  private createChannelMessage(channelId: string, body: any): object {
    const nonceKey = body?.nonce !== undefined ? `${channelId}:${String(body.nonce)}` : undefined;
    if (body?.enforce_nonce === true && nonceKey && this.nonces.has(nonceKey)) return this.nonces.get(nonceKey);
    const message = { ...this.messageFrom(body), channel_id: channelId, type: 0, webhook_id: undefined, nonce: body?.nonce };
    if (nonceKey) this.nonces.set(nonceKey, message);
    const list = this.channelMessages.get(channelId) ?? [];
    list.push(message);
    this.channelMessages.set(channelId, list);
    return message;
  }

  private messageFrom(body: any): object {
    return {
      id: this.snowflake(),
      channel_id: FAKE_CHANNEL_ID,
      type: 20,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      author: { id: FAKE_BOT_USER_ID, username: 'oversight-bot', discriminator: '0', global_name: null, avatar: null, bot: true },
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      components: [],
      pinned: false,
      flags: body?.flags ?? 0,
      application_id: FAKE_APPLICATION_ID,
      webhook_id: FAKE_APPLICATION_ID,
    };
  }

  private onGatewayConnection(socket: WebSocket, req: IncomingMessage): void {
    this.gatewayUrls.push(req.url ?? '');
    socket.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
    socket.on('message', (raw) => {
      let payload: any;
      try {
        payload = JSON.parse(String(raw));
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      switch (payload.op) {
        case 1: // Heartbeat
          this.heartbeats += 1;
          socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
          break;
        case 2: {
          // Identify
          this.identifies.push(payload.d);
          if (!this.sendReady) break;
          this.sessionCounter += 1;
          const session: Session = { id: `fake-session-${this.sessionCounter}`, seq: 1, socket };
          this.sessions.set(session.id, session);
          socket.send(
            JSON.stringify({
              op: 0,
              t: 'READY',
              s: session.seq,
              d: {
                v: 10,
                user: { id: FAKE_BOT_USER_ID, username: 'oversight-bot', discriminator: '0', global_name: null, avatar: null, bot: true, verified: true, mfa_enabled: false, flags: 0 },
                guilds: [],
                session_id: session.id,
                resume_gateway_url: this.gatewayUrl,
                shard: [0, 1],
                application: { id: FAKE_APPLICATION_ID, flags: 0 },
              },
            }),
          );
          break;
        }
        case 6: {
          // Resume
          this.resumes.push(payload.d);
          const session = this.sessions.get(payload.d?.session_id);
          if (!session) {
            socket.send(JSON.stringify({ op: 9, s: null, t: null, d: false }));
            break;
          }
          session.socket = socket;
          session.seq += 1;
          socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: session.seq, d: {} }));
          break;
        }
        default:
          break;
      }
    });
  }

  private describeRequests(): string {
    return this.requests.map((r) => `  ${r.method} ${r.path}`).join('\n') || '  (none)';
  }
}

export interface InteractionExtra {
  /** When Discord created the interaction (ms); an old one forces the deferred path. */
  createdAt?: number;
  commandName?: string;
}

/** Everything a user would read in a message: content, embed titles, text, fields, footers. */
export function flattenMessage(message: any): string {
  if (!message) return '';
  const parts: string[] = [];
  if (message.content) parts.push(message.content);
  for (const embed of message.embeds ?? []) {
    if (embed.author?.name) parts.push(embed.author.name);
    if (embed.title) parts.push(embed.title);
    if (embed.description) parts.push(embed.description);
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
    if (embed.footer?.text) parts.push(embed.footer.text);
  }
  return parts.join('\n');
}
