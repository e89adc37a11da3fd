// Regression tests for issue 9's store and subscription defects: a locked or closed database still
// gets every subscribe/unsubscribe/list a reply, with a log line naming the file and DATA_DIR (6);
// opening a damaged, locked or misplaced database names the path and DATA_DIR (13); a topic of only
// punctuation is refused rather than read as "engage" (19); `alerts subscribe --platform irc`
// creates no database before refusing (21).

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAlertsCli } from '../../adapters/cli/alerts-commands.ts';
import { renderReply } from '../../adapters/discord/alert-commands.ts';
import { runAlertsCommand as runSlackAlertsCommand } from '../../adapters/slack/alert-commands.ts';
import { openSqlite } from '../../src/alerts/sqlite.ts';
import { createAlertStore, DATABASE_FILE, type AlertStore } from '../../src/alerts/store.ts';
import { createSubscriptionCommands } from '../../src/alerts/subscriptions.ts';
import { createTopicResolver } from '../../src/alerts/topics.ts';
import { isOversightError, OversightError } from '../../src/errors.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { tempDir } from '../support/alerts.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

const knowledge = loadBundledKnowledge();
const topics = createTopicResolver(knowledge);
const syntax = { subscribe: '/oversight subscribe', unsubscribe: '/oversight unsubscribe', list: '/oversight subscriptions' };

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function dataDir(): string {
  const t = tempDir('oversight-store-faults-');
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('store failures still get a reply (defect 6)', () => {
  it('answers subscribe and unsubscribe on a locked database with "try again later" and logs the file and DATA_DIR', () => {
    const dir = dataDir();
    const store = createAlertStore({ dataDir: dir, busyTimeoutMs: 20 });
    cleanups.unshift(() => store.close());
    // Another process holds the write lock.
    const other = openSqlite(join(dir, DATABASE_FILE));
    other.exec('BEGIN EXCLUSIVE');
    cleanups.unshift(() => {
      other.exec('ROLLBACK');
      other.close();
    });
    const logger = createMemoryLogger();
    const commands = createSubscriptionCommands({ store, topics: () => topics, syntax, logger });

    const sub = commands.subscribe('slack', 'C0NEWS', 'engage', 'U1');
    expect(sub).toEqual({ ok: false, title: 'Could not save the subscription', lines: ['Could not save the subscription, try again later. Nothing was changed.'] });
    const unsub = commands.unsubscribe('discord', '123456789012345678', 'engage');
    expect(unsub.ok).toBe(false);
    expect(unsub.lines[0]).toMatch(/try again later/);

    const logged = logger.lines.filter((l) => /ERROR alerts: could not save a subscription/.test(l));
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain(`${join(dir, DATABASE_FILE)} (DATA_DIR ${dir}): database is locked — another process holds the database locked`);
  });

  it('answers a list on a database that cannot be read, and the platform renderers show it', () => {
    const store: AlertStore = createAlertStore({ dataDir: dataDir() });
    store.close(); // every query now throws
    const logger = createMemoryLogger();
    const commands = createSubscriptionCommands({ store, topics: () => topics, syntax, logger });
    expect(commands.list('slack', 'C0NEWS')).toMatchObject({ ok: false, title: 'Could not read the subscriptions' });
    expect(logger.lines.some((l) => /ERROR alerts: could not read a subscription: .*oversight\.db \(DATA_DIR /.test(l))).toBe(true);

    // Slack: a reply only the person sees.
    const slack = runSlackAlertsCommand(commands, { action: 'subscribe', topic: 'engage' }, { channelId: 'C0NEWS', channelName: 'newsdesk', userId: 'U1' });
    expect(slack.inChannel).toBe(false);
    expect(slack.text).toMatch(/Could not save the subscription: Could not save the subscription, try again later/);
    // Discord: an embed with the same words.
    const [embed] = renderReply(commands.subscribe('discord', '123456789012345678', 'engage'));
    expect(embed!.description).toMatch(/try again later/);
  });
});

describe('opening the database (defect 13)', () => {
  const openError = (options: Parameters<typeof createAlertStore>[0]): OversightError => {
    try {
      createAlertStore(options).close();
    } catch (error) {
      if (isOversightError(error)) return error;
      throw error;
    }
    throw new Error('expected the store not to open');
  };

  it('names the file, DATA_DIR and the fix for a file that is not a database', () => {
    const dir = dataDir();
    writeFileSync(join(dir, DATABASE_FILE), 'this is not an sqlite file, just text '.repeat(200));
    const error = openError({ dataDir: dir });
    expect(error.code).toBe('DATA_UNAVAILABLE');
    expect(error.message).toBe(
      `The alerts database cannot be opened: ${join(dir, DATABASE_FILE)} (DATA_DIR ${dir}): file is not a database — the file is not an SQLite database or is damaged: restore it from a backup, or move it aside to start afresh (subscriptions are then lost and the next start records a new baseline)`,
    );
    expect(error.describe()).toMatch(/DATA_DIR: folder for the bot's database/);
  });

  it('names the file and DATA_DIR when another process holds the lock', () => {
    const dir = dataDir();
    createAlertStore({ dataDir: dir }).close();
    const other = openSqlite(join(dir, DATABASE_FILE));
    other.pragma('journal_mode = DELETE');
    other.exec('BEGIN EXCLUSIVE');
    try {
      const error = openError({ dataDir: dir, busyTimeoutMs: 20 });
      expect(error.message).toMatch(new RegExp(`${DATABASE_FILE.replace('.', '\\.')} \\(DATA_DIR .*\\): database is locked — another process holds the database locked`));
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('names the file and DATA_DIR when DATA_DIR is a file', () => {
    const dir = dataDir();
    const notAFolder = join(dir, 'plain-file');
    writeFileSync(notAFolder, 'x');
    const error = openError({ dataDir: notAFolder });
    expect(error.message).toContain(`${join(notAFolder, DATABASE_FILE)} (DATA_DIR ${notAFolder}): `);
    expect(error.message).toMatch(/cannot create or write the file there/);
  });
});

describe('punctuation-only topics (defect 19)', () => {
  it.each(['%', '???', '!!!', '—', '"?"', '🚓'])('refuses %j instead of subscribing to engage', (input) => {
    const r = topics.resolve(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/is not a topic\. Give a force or service name/);
  });

  it('still reads nothing at all as the default topic', () => {
    expect(topics.resolve('')).toMatchObject({ ok: true, topic: { key: 'engage' } });
    expect(topics.resolve('  ')).toMatchObject({ ok: true, topic: { key: 'engage' } });
  });

  it('subscribes nothing for "%"', () => {
    const store = createAlertStore({ dataDir: dataDir() });
    cleanups.unshift(() => store.close());
    const reply = createSubscriptionCommands({ store, topics: () => topics, syntax }).subscribe('slack', 'C0NEWS', '%');
    expect(reply.ok).toBe(false);
    expect(store.listSubscriptions()).toEqual([]);
  });
});

describe('operator CLI validates before opening the store (defect 21)', () => {
  it('`alerts subscribe --platform irc` refuses without creating DATA_DIR or the database', async () => {
    const dir = join(dataDir(), 'not-yet');
    const deps = { config: { dataDir: dir }, loadKnowledge: () => knowledge, io: { out: () => undefined, err: () => undefined }, logger: createMemoryLogger() };
    await expect(runAlertsCli(['subscribe', '--platform', 'irc', '--channel', 'C0NEWS'], deps)).rejects.toThrow(/--platform must be slack or discord/);
    await expect(runAlertsCli(['unsubscribe', '--platform', 'slack', '--channel', 'general'], deps)).rejects.toThrow(/does not look like a Slack channel id/);
    expect(existsSync(dir)).toBe(false);
    mkdirSync(dir);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(false);
  });
});
