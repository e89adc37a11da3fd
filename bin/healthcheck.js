#!/usr/bin/env node
// The container's HEALTHCHECK: in Slack HTTP mode, GET /healthz on the bot's own port must answer
// 200 within 3 s; in every other mode there is no HTTP endpoint, so a running process is healthy.
// Plain JavaScript with no imports from the bot, so it costs a few milliseconds every interval.

const env = process.env;
const httpMode = Boolean(env.SLACK_BOT_TOKEN?.trim() && env.SLACK_SIGNING_SECRET?.trim() && !env.SLACK_APP_TOKEN?.trim());
if (!httpMode) process.exit(0);

const port = env.SLACK_PORT?.trim() || '3000';
const bound = env.SLACK_HOST?.trim() || '127.0.0.1';
// Listening on every interface: ask over loopback. A specific address: ask that address.
const host = bound === '0.0.0.0' ? '127.0.0.1' : bound === '::' ? '[::1]' : bound.includes(':') ? `[${bound}]` : bound;

try {
  const response = await fetch(`http://${host}:${port}/healthz`, { signal: AbortSignal.timeout(3_000) });
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  console.error(`healthcheck: http://${host}:${port}/healthz did not answer (${error?.cause?.code ?? error?.message ?? error})`);
  process.exit(1);
}
