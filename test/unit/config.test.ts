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
