// Fetches one news feed safely: redirects followed by hand (at most five, http and https only, and
// by default never to a loopback, private or link-local address, so a feed cannot point the bot
// at services on its own network), and the body read as a stream that stops at a byte cap instead
// of buffering whatever a server sends. fetch and DNS are injectable; no chat libraries, no env.

import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface FeedFetchOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Follow redirects to loopback/private addresses too (tests on 127.0.0.1, feeds on an intranet). */
  allowPrivateNetwork: boolean;
  fetch: typeof fetch;
  /** Addresses a host name resolves to; default: the system resolver. */
  lookup?: (host: string) => Promise<string[]>;
}

export type FeedFetchResult = { status: 304; headers: Headers } | { status: 200; headers: Headers; text: string };

export const MAX_REDIRECTS = 5;

/** Fetches `url`; throws an Error whose message says what went wrong (HTTP status, refused redirect, too large). */
export async function fetchFeed(url: string, options: FeedFetchOptions): Promise<FeedFetchResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    const response = await options.fetch(current, { headers: options.headers, redirect: 'manual', signal });
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location) throw new Error(`HTTP ${response.status} redirect without a Location header`);
      if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, current);
      await checkRedirectTarget(next, options);
      current = next.href;
      continue;
    }
    if (response.status === 304) return { status: 304, headers: response.headers };
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new Error(`feed too large (${length} bytes; the limit is ${options.maxBytes})`);
    }
    return { status: 200, headers: response.headers, text: await readCapped(response, options.maxBytes) };
  }
}

/** Refuses a redirect to anything but http(s) on a public address (unless private ones are allowed). */
export async function checkRedirectTarget(target: URL, options: Pick<FeedFetchOptions, 'allowPrivateNetwork' | 'lookup'>): Promise<void> {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`refused a redirect to ${target.protocol} (only http and https are followed)`);
  if (options.allowPrivateNetwork) return;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await (options.lookup ?? systemLookup)(host);
  const blocked = addresses.find((address) => !isPublicAddress(address));
  if (blocked !== undefined) {
    throw new Error(`refused a redirect to ${target.host} (${blocked} is a loopback, private or reserved address; ALERT_FEED_ALLOW_PRIVATE_NETWORK=true allows it)`);
  }
}

/** Whether an IP address is ordinary public unicast (not loopback, private, link-local, multicast, reserved…). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns "::ffff:127.0.0.1" into 127.0.0.1, so a mapped address is judged as IPv4.
  return ipaddr.process(address).range() === 'unicast';
}

async function systemLookup(host: string): Promise<string[]> {
  return (await dnsLookup(host, { all: true })).map((a) => a.address);
}

/** The body as UTF-8 text, read chunk by chunk and abandoned as soon as it passes `maxBytes`. */
export async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`feed too large (more than ${maxBytes} bytes)`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
