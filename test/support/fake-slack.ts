// A fake Slack for end-to-end tests, on loopback only: an HTTP server standing in for the Web API
// (https://slack.com/api/…) and for response_url endpoints, recording every request the adapter
// makes and failing on demand (429 + Retry-After, 5xx); plus helpers that play Slack's part
// towards the adapter: correctly signed slash commands, events and button clicks.

import { createHmac } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from './multipart.ts';

export interface RecordedRequest {
  method: string;
  /** e.g. "/api/chat.postMessage" or "/response/cmd-1". */
  path: string;
  headers: IncomingHttpHeaders;
  /** JSON bodies as parsed; form bodies as fields, with JSON-looking values (blocks) parsed. */
  body: Record<string, unknown>;
  /** The body's bytes as received (file uploads are binary). */
  raw: Buffer;
  /** For a file upload: the file's bytes (the one part of a multipart body, or the raw body). */
  file?: Buffer;
  at: number;
}

export interface ScriptedFailure {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** How many requests in a row get this failure (default 1). */
  times?: number;
}

export interface FakeSlack {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** The Web API base for WebClient's `slackApiUrl` (ends with "/"). */
  readonly apiUrl: string;
  readonly requests: RecordedRequest[];
  /** A response_url on this server; respond() posts land here. */
  responseUrl(id: string): string;
  /** Requests whose path equals `path`. */
  calls(path: string): RecordedRequest[];
  /** The next request(s) to `path` fail as scripted; later ones succeed. */
  failNext(path: string, failure: ScriptedFailure): void;
  /** Forgets scripted failures still queued (for `path`, or all). */
  clearFailures(path?: string): void;
  /** Delays the responses to `path` by `ms` (e.g. a slow response_url). */
  delay(path: string, ms: number): void;
  /** Replaces the JSON answer to a Web API method, e.g. auth.test → { ok: false, error: 'invalid_auth' }. */
  answer(method: string, body: Record<string, unknown>): void;
  /** Resolves once `count` requests match, or rejects after `timeoutMs` listing what did arrive. */
  waitFor(match: (r: RecordedRequest) => boolean, options?: { count?: number; timeoutMs?: number }): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const requests: RecordedRequest[] = [];
  const failures = new Map<string, ScriptedFailure[]>();
  const delays = new Map<string, number>();
  const answers = new Map<string, Record<string, unknown>>();
  const arrivals = new EventEmitter();
  arrivals.setMaxListeners(100);
  let ts = 1_700_000_000;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const record: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body: path.startsWith('/upload/') ? {} : parseBody(raw, req.headers['content-type']), raw: bytes, at: Date.now() };
      if (path.startsWith('/upload/')) record.file = parseMultipart(bytes, req.headers['content-type'])?.find((p) => p.data.length > 0)?.data ?? bytes;
      requests.push(record);
      arrivals.emit('request', record);

      const send = () => {
        const queue = failures.get(path);
        const failure = queue?.[0];
        if (failure && queue) {
          failure.times = (failure.times ?? 1) - 1;
          if (failure.times <= 0) queue.shift();
          res.writeHead(failure.status, { 'Content-Type': 'application/json', ...failure.headers });
          res.end(failure.body ?? JSON.stringify({ ok: false, error: 'fake_failure' }));
          return;
        }
        if (path.startsWith('/api/')) {
          const method = path.slice('/api/'.length);
          const canned = answers.get(method);
          let reply: Record<string, unknown>;
          if (canned) reply = canned;
          else if (method === 'chat.postMessage') reply = { ok: true, channel: record.body.channel, ts: `${(ts += 1)}.000100` };
          // files.uploadV2: an upload URL on this server, then the completion Slack answers with.
          else if (method === 'files.getUploadURLExternal') {
            const id = `F${(ts += 1)}`;
            reply = { ok: true, upload_url: `${url}/upload/${id}`, file_id: id };
          } else if (method === 'files.completeUploadExternal') {
            const files = typeof record.body.files === 'string' ? safeJson(record.body.files) : record.body.files;
            reply = { ok: true, files: Array.isArray(files) ? files : [] };
          } else if (method === 'auth.test') reply = { ok: true, user_id: 'UFAKEBOT', bot_id: 'BFAKEBOT', team_id: 'T0001', user: 'oversight' };
          else reply = { ok: true };
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(reply));
          return;
        }
        if (path.startsWith('/upload/')) {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end(`OK - ${record.raw.length}`);
          return;
        }
        if (path.startsWith('/response/')) {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok: true }));
          return;
        }
        res.writeHead(404);
        res.end();
      };
      const wait = delays.get(path);
      if (wait) setTimeout(send, wait);
      else send();
    });
  });
  let url = '';
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    apiUrl: `${url}/api/`,
    requests,
    responseUrl: (id) => `${url}/response/${encodeURIComponent(id)}`,
    calls: (path) => requests.filter((r) => r.path === path),
    failNext: (path, failure) => {
      const queue = failures.get(path) ?? [];
      queue.push({ ...failure });
      failures.set(path, queue);
    },
    clearFailures: (path) => {
      if (path === undefined) failures.clear();
      else failures.delete(path);
    },
    delay: (path, ms) => {
      delays.set(path, ms);
    },
    answer: (method, body) => {
      answers.set(method, body);
    },
    waitFor: (match, { count = 1, timeoutMs = 5_000 } = {}) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = requests.filter(match);
          if (found.length >= count) {
            cleanup();
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = requests.map((r) => r.path).join(', ') || 'nothing';
          reject(new Error(`fake Slack: expected ${count} matching request(s) within ${timeoutMs} ms; received: ${seen}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          arrivals.off('request', check);
        };
        arrivals.on('request', check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : { value: parsed };
    } catch {
      return { raw };
    }
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    fields[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return fields;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

// --- Playing Slack towards the adapter ---------------------------------------------------------

export interface SignedRequestOptions {
  signingSecret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (to test rejection). */
  signature?: string;
  /** Sets X-Slack-Retry-Num / X-Slack-Retry-Reason, as Slack does on redelivery. */
  retryNum?: number;
  retryReason?: string;
}

/** Slack's request signature: "v0=" + hex HMAC-SHA256 of "v0:<timestamp>:<body>". */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs `body` to the adapter the way Slack does, signed; resolves with the HTTP response. */
export async function sendSigned(
  url: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: SignedRequestOptions,
): Promise<{ status: number; text: string; elapsedMs: number }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Slack-Request-Timestamp': String(timestamp),
    'X-Slack-Signature': options.signature ?? slackSignature(options.signingSecret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['X-Slack-Retry-Num'] = String(options.retryNum);
    headers['X-Slack-Retry-Reason'] = options.retryReason ?? 'http_timeout';
  }
  const started = Date.now();
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, text, elapsedMs: Date.now() - started };
}

export interface SlashCommandFields {
  text: string;
  responseUrl: string;
  command?: string;
  userId?: string;
  channelId?: string;
  teamId?: string;
}

/** A slash command as Slack form-encodes it. */
export function slashCommandBody(f: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: f.teamId ?? 'T0001',
    team_domain: 'newsroom',
    channel_id: f.channelId ?? 'C0NEWSDESK',
    channel_name: 'newsdesk',
    user_id: f.userId ?? 'U0REPORTER',
    user_name: 'reporter',
    command: f.command ?? '/oversight',
    text: f.text,
    api_app_id: 'A0OVERSIGHT',
    response_url: f.responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

/** An Events API delivery (event_callback) as Slack JSON-encodes it. */
export function eventBody(event: Record<string, unknown>, eventId: string, teamId = 'T0001'): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'A0OVERSIGHT',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'UFAKEBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

export interface BlockActionFields {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  teamId?: string;
}

/** A button click (block_actions) on an ephemeral message, as Slack form-encodes it. */
export function blockActionBody(f: BlockActionFields): string {
  const payload = {
    type: 'block_actions',
    team: { id: f.teamId ?? 'T0001', domain: 'newsroom' },
    user: { id: f.userId ?? 'U0REPORTER', username: 'reporter', team_id: f.teamId ?? 'T0001' },
    api_app_id: 'A0OVERSIGHT',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000200', channel_id: f.channelId ?? 'C0NEWSDESK', is_ephemeral: true },
    trigger_id: '1.2.4',
    channel: { id: f.channelId ?? 'C0NEWSDESK', name: 'newsdesk' },
    response_url: f.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: f.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Post to channel', emoji: true },
        value: f.value,
        action_ts: '1700000000.000300',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
