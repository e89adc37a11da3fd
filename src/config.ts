// The one place that interprets environment variables: one table of rules, checked once into
// typed config for the composition root and adapters. It takes the environment as an argument, so
// nothing here reads process.env itself; only the composition root passes it in. Deliberately not
// zod: importing zod costs ~30 ms of every start, and these are a dozen flat string checks.

import { isIP } from 'node:net';
import { OversightError } from './errors.ts';
import type { LogFormat, LogLevel } from './logger.ts';

export interface SlackConfig {
  botToken: string;
  /** "socket": outbound WebSocket, no public URL needed; "http": Slack posts to our port. */
  mode: 'socket' | 'http';
  appToken?: string;
  signingSecret?: string;
  port: number;
  /**
   * HTTP mode: the interface to listen on. loadConfig always sets it (SLACK_HOST, default
   * 127.0.0.1: only a reverse proxy or load balancer on this machine reaches it).
   */
  host?: string;
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** When set, commands are registered to this guild only (instant, for development). */
  guildId?: string;
}

export interface AppConfig {
  /** Folder of knowledge files; undefined means the knowledge bundled with the bot. */
  knowledgeDir?: string;
  dataDir: string;
  logLevel: LogLevel;
  slack?: SlackConfig;
  discord?: DiscordConfig;
  alertFeeds: string[];
  alertFeedIntervalSeconds: number;
  // Runtime hardening (issue 9): feed limits and the log format.
  /** Heads-ups one poll of one feed may queue; the rest are summarised in one. */
  alertFeedMaxItemsPerPoll: number;
  /** Feed items published longer ago than this many days are never announced. */
  alertFeedMaxAgeDays: number;
  /** Follow feed redirects to loopback/private addresses. */
  alertFeedAllowPrivateNetwork: boolean;
  logFormat: LogFormat;
}

/** Every variable we read, with how to fix it when it is wrong. */
export const ENV_HELP: Record<string, string> = {
  KNOWLEDGE_DIR: 'folder holding the knowledge YAML files (default: the knowledge/ folder bundled with the bot)',
  DATA_DIR: 'folder for the bot\'s database (default: ./data)',
  LOG_LEVEL: 'one of debug, info, warn, error, silent (default: info)',
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token from your Slack app\'s "OAuth & Permissions" page; it starts with "xoxb-"',
  SLACK_APP_TOKEN: 'an App-Level Token with the connections:write scope ("Basic Information" page); it starts with "xapp-". Set it for Socket Mode',
  SLACK_SIGNING_SECRET: 'the Signing Secret from your Slack app\'s "Basic Information" page. Set it for HTTP mode',
  SLACK_PORT: 'the port the HTTP receiver listens on (HTTP mode only; default 3000)',
  SLACK_HOST: 'the interface the HTTP receiver listens on (HTTP mode only): an IP address or host name; default 127.0.0.1 (this machine only), 0.0.0.0 for every interface, e.g. in a container',
  DISCORD_TOKEN: 'the bot token from the Discord Developer Portal ("Bot" page → Reset Token)',
  DISCORD_APPLICATION_ID: 'the Application ID from the Discord Developer Portal ("General Information"); a number of 17–20 digits',
  DISCORD_GUILD_ID: 'optional: a server (guild) id to register commands to instantly while developing; 17–20 digits',
  ALERT_FEEDS: 'comma-separated RSS/Atom feed URLs to watch for Engage news',
  ALERT_FEED_INTERVAL_SECONDS: 'how often to poll the feeds, in seconds (60 or more; default 900)',
  ALERT_FEED_MAX_ITEMS_PER_POLL: 'heads-ups one poll of one feed may send, the rest summarised in one message (1–50; default 5)',
  ALERT_FEED_MAX_AGE_DAYS: 'feed items published longer ago than this many days are never announced (1–3650; default 14)',
  ALERT_FEED_ALLOW_PRIVATE_NETWORK: 'true to follow feed redirects to loopback or private addresses (default false)',
  LOG_FORMAT: 'auto (human lines on a terminal, JSON otherwise), json or pretty (default: auto)',
};

/** The inspectorate's news feed, watched by default. */
export const DEFAULT_ALERT_FEEDS = ['https://hmicfrs.justiceinspectorates.gov.uk/feed/'];

/** HTTP mode listens here unless SLACK_HOST says otherwise: never every interface by surprise. */
export const DEFAULT_SLACK_HOST = '127.0.0.1';

/**
 * How one variable is checked: `problem` returns what is wrong with a (trimmed, non-empty) value,
 * or undefined when it is fine. `secret` values are masked in error messages.
 */
interface Rule {
  problem: (value: string) => string | undefined;
  secret?: boolean;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
const wholeNumber = (value: string, min: number, max: number, what: string): string | undefined =>
  !/^\d+$/.test(value) ? `must be ${what}` : Number(value) < min ? `must be ${min} or more` : Number(value) > max ? `must be ${max} or less` : undefined;
const snowflake = (value: string) => (/^\d{17,20}$/.test(value) ? undefined : 'must be 17–20 digits');

/** Every variable with a format. Variables not listed (KNOWLEDGE_DIR, DATA_DIR, ALERT_FEEDS) take any text. */
const RULES: Record<string, Rule> = {
  LOG_LEVEL: { problem: (v) => ((LOG_LEVELS as readonly string[]).includes(v) ? undefined : `must be one of ${LOG_LEVELS.join(', ')}`) },
  SLACK_BOT_TOKEN: { secret: true, problem: (v) => (v.startsWith('xoxb-') ? undefined : 'must start with "xoxb-"') },
  SLACK_APP_TOKEN: { secret: true, problem: (v) => (v.startsWith('xapp-') ? undefined : 'must start with "xapp-"') },
  SLACK_SIGNING_SECRET: { secret: true, problem: (v) => (v.length >= 8 ? undefined : 'looks too short to be a signing secret') },
  SLACK_PORT: { problem: (v) => wholeNumber(v, 0, 65535, 'a port number') },
  SLACK_HOST: { problem: (v) => (isIP(v) !== 0 || /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(v) ? undefined : 'must be an IP address or a host name') },
  DISCORD_TOKEN: { secret: true, problem: (v) => (v.length >= 20 ? undefined : 'looks too short to be a bot token') },
  DISCORD_APPLICATION_ID: { problem: snowflake },
  DISCORD_GUILD_ID: { problem: snowflake },
  ALERT_FEED_INTERVAL_SECONDS: { problem: (v) => wholeNumber(v, 60, Number.MAX_SAFE_INTEGER, 'a whole number of seconds') },
  // Runtime hardening (issue 9): feed flood limits, private-network redirects, log format.
  ALERT_FEED_MAX_ITEMS_PER_POLL: { problem: (v) => wholeNumber(v, 1, 50, 'a whole number') },
  ALERT_FEED_MAX_AGE_DAYS: { problem: (v) => wholeNumber(v, 1, 3650, 'a whole number of days') },
  ALERT_FEED_ALLOW_PRIVATE_NETWORK: { problem: (v) => (v === 'true' || v === 'false' ? undefined : 'must be true or false') },
  LOG_FORMAT: { problem: (v) => (['auto', 'json', 'pretty'].includes(v) ? undefined : 'must be one of auto, json, pretty') },
};

/**
 * How a bad value is shown in an error: quoted and shortened, or for a secret only its
 * non-secret prefix ("xoxp-…") and its length, so a log never holds a working token.
 */
export function showValue(name: string, value: string): string {
  if (RULES[name]?.secret) {
    const prefix = /^[a-z]{3,5}-/i.exec(value)?.[0] ?? '';
    return `"${prefix}…" (${value.length} characters, hidden)`;
  }
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(shown);
}

type RawEnv = Record<string, string | undefined>;

/**
 * Rules across variables, checked on the raw values so that they are reported together with
 * any malformed variable rather than only after it is fixed.
 */
function crossVariableProblems(raw: RawEnv): { name: string; message: string }[] {
  const set = (name: string) => (raw[name] ?? '').trim() !== '';
  const problems: { name: string; message: string }[] = [];
  if (set('SLACK_BOT_TOKEN') || set('SLACK_APP_TOKEN') || set('SLACK_SIGNING_SECRET')) {
    if (!set('SLACK_BOT_TOKEN')) problems.push({ name: 'SLACK_BOT_TOKEN', message: 'is required when any SLACK_ variable is set' });
    if (!set('SLACK_APP_TOKEN') && !set('SLACK_SIGNING_SECRET')) {
      problems.push({ name: 'SLACK_APP_TOKEN', message: 'set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)' });
    }
  }
  if (set('DISCORD_TOKEN') || set('DISCORD_APPLICATION_ID') || set('DISCORD_GUILD_ID')) {
    if (!set('DISCORD_TOKEN')) problems.push({ name: 'DISCORD_TOKEN', message: 'is required when any DISCORD_ variable is set' });
    if (!set('DISCORD_APPLICATION_ID')) problems.push({ name: 'DISCORD_APPLICATION_ID', message: 'is required when any DISCORD_ variable is set' });
  }
  for (const url of (raw.ALERT_FEEDS ?? '').split(',').map((u) => u.trim()).filter(Boolean)) {
    if (!/^https?:\/\/\S+$/.test(url)) problems.push({ name: 'ALERT_FEEDS', message: `"${url}" is not an http(s) URL` });
  }
  return problems;
}

/**
 * Parses the environment into typed config. Throws one CONFIG_INVALID error listing every bad
 * variable, what is wrong with it and how to fix it.
 */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty variables count as unset: .env files often leave them so.
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const found: { name: string; message: string }[] = [];
  for (const [name, rule] of Object.entries(RULES)) {
    const v = value(name);
    const problem = v === undefined ? undefined : rule.problem(v);
    if (problem && v !== undefined) found.push({ name, message: `${problem}, got ${showValue(name, v)}` });
  }
  found.push(...crossVariableProblems(env));
  if (found.length > 0) {
    const problems = found.map(({ name, message }) => {
      const help = ENV_HELP[name];
      return `${name}: ${message}${help ? ` — ${help}` : ''}`;
    });
    throw new OversightError('CONFIG_INVALID', 'The configuration is not valid. Fix these variables (see .env.example):', problems);
  }
  const feeds = value('ALERT_FEEDS');
  const knowledgeDir = value('KNOWLEDGE_DIR');
  const config: AppConfig = {
    ...(knowledgeDir ? { knowledgeDir } : {}),
    dataDir: value('DATA_DIR') ?? 'data',
    logLevel: (value('LOG_LEVEL') as LogLevel | undefined) ?? 'info',
    alertFeeds: feeds ? feeds.split(',').map((s) => s.trim()).filter(Boolean) : DEFAULT_ALERT_FEEDS,
    alertFeedIntervalSeconds: Number(value('ALERT_FEED_INTERVAL_SECONDS') ?? 900),
    alertFeedMaxItemsPerPoll: Number(value('ALERT_FEED_MAX_ITEMS_PER_POLL') ?? 5),
    alertFeedMaxAgeDays: Number(value('ALERT_FEED_MAX_AGE_DAYS') ?? 14),
    alertFeedAllowPrivateNetwork: value('ALERT_FEED_ALLOW_PRIVATE_NETWORK') === 'true',
    logFormat: (value('LOG_FORMAT') as LogFormat | undefined) ?? 'auto',
  };
  const botToken = value('SLACK_BOT_TOKEN');
  if (botToken) {
    const appToken = value('SLACK_APP_TOKEN');
    const signingSecret = value('SLACK_SIGNING_SECRET');
    config.slack = {
      botToken,
      mode: appToken ? 'socket' : 'http',
      port: Number(value('SLACK_PORT') ?? 3000),
      host: value('SLACK_HOST') ?? DEFAULT_SLACK_HOST,
      ...(appToken ? { appToken } : {}),
      ...(signingSecret ? { signingSecret } : {}),
    };
  }
  const token = value('DISCORD_TOKEN');
  const applicationId = value('DISCORD_APPLICATION_ID');
  if (token && applicationId) {
    const guildId = value('DISCORD_GUILD_ID');
    config.discord = { token, applicationId, ...(guildId ? { guildId } : {}) };
  }
  return config;
}
