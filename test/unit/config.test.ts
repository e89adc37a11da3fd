// The config module turns environment variables into typed config, or one error naming every
// bad variable and how to fix it.

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { isOversightError } from '../../src/errors.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!isOversightError(error)) throw error;
    expect(error.code).toBe('CONFIG_INVALID');
    return error.problems;
  }
}

describe('loadConfig', () => {
  it('needs nothing: no tokens means the terminal chat', () => {
    const config = loadConfig({});
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
    expect(config.knowledgeDir).toBeUndefined();
    expect(config.dataDir).toBe('data');
  });

  it('chooses Socket Mode when an app token is set, HTTP mode with only a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.mode).toBe('socket');
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef123456', SLACK_PORT: '8080' }).slack;
    expect(http).toMatchObject({ mode: 'http', port: 8080, signingSecret: 'abcdef123456' });
  });

  it('names each bad variable and how to fix it, all at once', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: 'xoxp-user-token', DISCORD_APPLICATION_ID: 'abc', LOG_LEVEL: 'loud', SLACK_PORT: 'eighty' });
    expect(problems.find((p) => p.startsWith('SLACK_BOT_TOKEN'))).toMatch(/must start with "xoxb-".*OAuth & Permissions/);
    expect(problems.find((p) => p.startsWith('SLACK_APP_TOKEN'))).toMatch(/SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET/);
    expect(problems.find((p) => p.startsWith('DISCORD_APPLICATION_ID'))).toMatch(/17–20 digits/);
    expect(problems.find((p) => p.startsWith('DISCORD_TOKEN'))).toMatch(/is required/);
    expect(problems.find((p) => p.startsWith('LOG_LEVEL'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('SLACK_PORT'))).toMatch(/port number/);
  });

  it('treats empty variables as unset, as .env files often leave them', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '  ' }).slack).toBeUndefined();
  });

  it('rejects feed URLs that are not http(s)', () => {
    expect(problemsOf({ ALERT_FEEDS: 'https://ok.example/feed, ftp://nope' })).toEqual([expect.stringMatching(/^ALERT_FEEDS: "ftp:\/\/nope" is not an http\(s\) URL/)]);
  });
});

describe('loadConfig error messages show the offending value (issue 9, "also seen")', () => {
  it('quotes a bad plain value', () => {
    const [problem] = problemsOf({ LOG_LEVEL: 'loud' });
    expect(problem).toMatch(/^LOG_LEVEL: must be one of debug, info, warn, error, silent, got "loud" — /);
    expect(problemsOf({ SLACK_PORT: '70000' })[0]).toMatch(/SLACK_PORT: must be 65535 or less, got "70000"/);
    expect(problemsOf({ ALERT_FEED_INTERVAL_SECONDS: '5' })[0]).toMatch(/must be 60 or more, got "5"/);
  });

  it('masks secrets: only the non-secret prefix and the length are shown', () => {
    const userToken = 'xoxp-1234567890-abcdefSECRET';
    const problems = problemsOf({ SLACK_BOT_TOKEN: userToken, SLACK_APP_TOKEN: 'xapp-1', DISCORD_TOKEN: 'short-SECRET', DISCORD_APPLICATION_ID: '12345678901234567' });
    const all = problems.join('\n');
    expect(all).not.toMatch(/SECRET|1234567890/);
    expect(problems.find((p) => p.startsWith('SLACK_BOT_TOKEN'))).toMatch(/got "xoxp-…" \(28 characters, hidden\)/);
    expect(problems.find((p) => p.startsWith('DISCORD_TOKEN'))).toMatch(/got "short-…" \(12 characters, hidden\)|got "…" \(12 characters, hidden\)/);
  });

  it('shortens a long value', () => {
    const [problem] = problemsOf({ DISCORD_GUILD_ID: 'x'.repeat(500), DISCORD_TOKEN: 't'.repeat(30), DISCORD_APPLICATION_ID: '12345678901234567' });
    expect(problem!.length).toBeLessThan(300);
    expect(problem).toContain('…"');
  });
});

describe('SLACK_HOST (issue 9 #15: HTTP mode listened on every interface with no setting)', () => {
  const http = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef123456' };

  it('defaults to 127.0.0.1', () => {
    expect(loadConfig(http).slack?.host).toBe('127.0.0.1');
  });

  it('takes an IP address or host name, and rejects anything else', () => {
    expect(loadConfig({ ...http, SLACK_HOST: '0.0.0.0' }).slack?.host).toBe('0.0.0.0');
    expect(loadConfig({ ...http, SLACK_HOST: '::' }).slack?.host).toBe('::');
    expect(loadConfig({ ...http, SLACK_HOST: 'bot.internal' }).slack?.host).toBe('bot.internal');
    expect(problemsOf({ ...http, SLACK_HOST: 'http://0.0.0.0:3000' })[0]).toMatch(/^SLACK_HOST: must be an IP address or a host name, got "http:\/\/0\.0\.0\.0:3000"/);
  });
});

describe('config start-up cost', () => {
  it('does not import zod (it costs ~30 ms of every start; the knowledge cache exists to avoid it)', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from ['"]zod['"]/);
  });
});

describe('.env.example', () => {
  it('documents every variable the config reads', async () => {
    const { readFileSync } = await import('node:fs');
    const { ENV_HELP } = await import('../../src/config.ts');
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const listed = new Set([...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    expect(Object.keys(ENV_HELP).filter((name) => !listed.has(name))).toEqual([]);
  });
});
