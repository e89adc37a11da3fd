// Chooses how Slack reaches us, from SlackConfig: Socket Mode (an outbound WebSocket, no public
// URL; the default for trying the bot out) or HTTP (Slack POSTs signed requests to our port).

import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.ts';
import { OversightError } from '../../src/errors.ts';
import { guardRequestListener, MAX_BODY_BYTES } from './request-guard.ts';

/** The one path Slack posts slash commands, interactivity and events to in HTTP mode. */
export const EVENTS_PATH = '/slack/events';
/** A GET endpoint for load balancers and uptime checks in HTTP mode. */
export const HEALTH_PATH = '/healthz';

export type SlackReceiver = HTTPReceiver | SocketModeReceiver;

/**
 * Socket Mode's calls to apps.connections.open while Slack is unreachable: exponential backoff
 * with jitter from 1 s up to a minute (the library's default, factor 1.3 from 1 s, hammers the
 * first minutes), about half an hour in all; then start-up fails loudly rather than wait forever.
 */
export const SOCKET_MODE_RETRY = { retries: 30, factor: 2, minTimeout: 1_000, maxTimeout: 60_000, randomize: true };

/**
 * Builds the receiver. `socketClientOptions` reach the Socket Mode client's own Web API client
 * (apps.connections.open); tests use them to point it at a fake Slack.
 */
export function createReceiver(config: SlackConfig, logger: BoltLogger, socketClientOptions?: webApi.WebClientOptions): SlackReceiver {
  if (config.mode === 'socket') {
    if (!config.appToken) {
      throw new OversightError('CONFIG_INVALID', 'Slack Socket Mode needs an app-level token.', [
        'SLACK_APP_TOKEN: set it to an App-Level Token with the connections:write scope (it starts with "xapp-"), or set SLACK_SIGNING_SECRET for HTTP mode',
      ]);
    }
    return new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      // Bolt hands installerOptions.clientOptions to the Socket Mode client; no OAuth installer is
      // created without a client id and secret. Tests point it at a fake Slack with fast retries.
      installerOptions: { clientOptions: { retryConfig: SOCKET_MODE_RETRY, ...socketClientOptions } },
    });
  }
  if (!config.signingSecret) {
    throw new OversightError('CONFIG_INVALID', 'Slack HTTP mode needs the signing secret.', [
      'SLACK_SIGNING_SECRET: copy the Signing Secret from your Slack app\'s "Basic Information" page, or set SLACK_APP_TOKEN for Socket Mode',
    ]);
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: EVENTS_PATH,
    port: config.port,
    logger,
    // Also enforced by the guard below; set here so Bolt never buffers more either.
    bodyLimit: MAX_BODY_BYTES,
    // We ack before doing any work and answer afterwards, which is what a long-running server
    // wants; processBeforeResponse is only for platforms that freeze after the response (FaaS).
    processBeforeResponse: false,
    signatureVerification: true,
    customRoutes: [
      {
        path: HEALTH_PATH,
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end('ok');
        },
      },
    ],
  });
  // Bolt calls receiver.requestListener for every request; put the stricter checks in front.
  receiver.requestListener = guardRequestListener(receiver.requestListener, {
    signingSecret: config.signingSecret,
    paths: [EVENTS_PATH],
    onRefused: (reason, status) => logger.warn(`refused a request to ${EVENTS_PATH} (${status}): ${reason}`),
  });
  return receiver;
}
