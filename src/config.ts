// The one place that interprets environment variables: a zod schema parsed once into typed
// config for the composition root and adapters. It takes the environment as an argument, so
// nothing here reads process.env itself; only the composition root passes it in.

import { z } from 'zod';
import { OversightError } from './errors.ts';
import type { LogFormat, LogLevel } from './logger.ts';

export interface SlackConfig {
  botToken: string;
  /** "socket": outbound WebSocket, no public URL needed; "http": Slack posts to our port. */
  mode: 'socket' | 'http';
  appToken?: string;
  signingSecret?: string;
  port: number;
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

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z
  .object({
    KNOWLEDGE_DIR: optionalString,
    DATA_DIR: optionalString,
    LOG_LEVEL: optionalString.pipe(z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional()),
    SLACK_BOT_TOKEN: optionalString.pipe(z.string().startsWith('xoxb-', 'must start with "xoxb-"').optional()),
    SLACK_APP_TOKEN: optionalString.pipe(z.string().startsWith('xapp-', 'must start with "xapp-"').optional()),
    SLACK_SIGNING_SECRET: optionalString.pipe(z.string().min(8, 'looks too short to be a signing secret').optional()),
    SLACK_PORT: optionalString.pipe(z.string().regex(/^\d+$/, 'must be a port number').transform(Number).pipe(z.number().int().min(0).max(65535)).optional()),
    DISCORD_TOKEN: optionalString.pipe(z.string().min(20, 'looks too short to be a bot token').optional()),
    DISCORD_APPLICATION_ID: optionalString.pipe(z.string().regex(/^\d{17,20}$/, 'must be 17–20 digits').optional()),
    DISCORD_GUILD_ID: optionalString.pipe(z.string().regex(/^\d{17,20}$/, 'must be 17–20 digits').optional()),
    ALERT_FEEDS: optionalString,
    ALERT_FEED_INTERVAL_SECONDS: optionalString.pipe(z.string().regex(/^\d+$/, 'must be a whole number of seconds').transform(Number).pipe(z.number().int().min(60, 'must be 60 or more')).optional()),
    // Runtime hardening (issue 9).
    ALERT_FEED_MAX_ITEMS_PER_POLL: optionalString.pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(1, 'must be 1 or more').max(50, 'must be 50 or less')).optional()),
    ALERT_FEED_MAX_AGE_DAYS: optionalString.pipe(z.string().regex(/^\d+$/, 'must be a whole number of days').transform(Number).pipe(z.number().int().min(1, 'must be 1 or more').max(3650, 'must be 3650 or less')).optional()),
    ALERT_FEED_ALLOW_PRIVATE_NETWORK: optionalString.pipe(z.enum(['true', 'false'], 'must be true or false').optional()),
    LOG_FORMAT: optionalString.pipe(z.enum(['auto', 'json', 'pretty']).optional()),
  })
  ;

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
  const parsed = envSchema.safeParse(env);
  const found = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => ({ name: String(issue.path[0] ?? 'environment'), message: issue.message }))),
    ...crossVariableProblems(env),
  ];
  if (!parsed.success || found.length > 0) {
    const problems = found.map(({ name, message }) => {
      const help = ENV_HELP[name];
      return `${name}: ${message}${help ? ` — ${help}` : ''}`;
    });
    throw new OversightError('CONFIG_INVALID', 'The configuration is not valid. Fix these variables (see .env.example):', problems);
  }
  const e = parsed.data;
  const config: AppConfig = {
    ...(e.KNOWLEDGE_DIR ? { knowledgeDir: e.KNOWLEDGE_DIR } : {}),
    dataDir: e.DATA_DIR ?? 'data',
    logLevel: e.LOG_LEVEL ?? 'info',
    alertFeeds: e.ALERT_FEEDS ? e.ALERT_FEEDS.split(',').map((s) => s.trim()).filter(Boolean) : DEFAULT_ALERT_FEEDS,
    alertFeedIntervalSeconds: e.ALERT_FEED_INTERVAL_SECONDS ?? 900,
    alertFeedMaxItemsPerPoll: e.ALERT_FEED_MAX_ITEMS_PER_POLL ?? 5,
    alertFeedMaxAgeDays: e.ALERT_FEED_MAX_AGE_DAYS ?? 14,
    alertFeedAllowPrivateNetwork: e.ALERT_FEED_ALLOW_PRIVATE_NETWORK === 'true',
    logFormat: e.LOG_FORMAT ?? 'auto',
  };
  if (e.SLACK_BOT_TOKEN) {
    config.slack = {
      botToken: e.SLACK_BOT_TOKEN,
      mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
      port: e.SLACK_PORT ?? 3000,
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    };
  }
  if (e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID) {
    config.discord = {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    };
  }
  return config;
}
