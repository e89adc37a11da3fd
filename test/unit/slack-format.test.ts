// Unit tests for the Slack adapter's small pure helpers: mrkdwn escaping and link building,
// reading Slack's markup back into a plain question, human dates, retry-safe dedupe, bounded
// retries for respond(), and the Bolt logger bridge.

import { LogLevel, RespondError } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { toBoltLogger } from '../../adapters/slack/bolt-logger.ts';
import { deliveryKeys, SeenSet } from '../../adapters/slack/dedupe.ts';
import { escapeMrkdwn, humanDate, mrkdwnLink, slackTextToPlain, truncateMrkdwn } from '../../adapters/slack/format.ts';
import { isRetryable, withRetry } from '../../adapters/slack/retry.ts';
import { createMemoryLogger } from '../../src/logger.ts';

describe('escapeMrkdwn', () => {
  it('escapes the three control characters and defuses broadcast words', () => {
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(escapeMrkdwn('<!channel> <@U123> <https://x|y>')).toBe('&lt;!channel&gt; &lt;@U123&gt; &lt;https://x|y&gt;');
    expect(escapeMrkdwn('@here @Channel @everyone @hereford')).toBe('@\u200Bhere @\u200BChannel @\u200Beveryone @hereford');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;'); // text is text: an entity typed by a user stays visible
  });
});

describe('mrkdwnLink', () => {
  it('links http(s) URLs only, with the label escaped', () => {
    expect(mrkdwnLink('https://example.org/a', 'R&D <report>')).toBe('<https://example.org/a|R&amp;D &lt;report&gt;>');
    expect(mrkdwnLink(null, 'Plain')).toBe('Plain');
    expect(mrkdwnLink('ftp://example.org', 'F')).toBe('F');
    expect(mrkdwnLink('https://exa mple.org', 'S')).toBe('S');
  });
});

describe('slackTextToPlain', () => {
  it('drops the bot mention and reads other markup as the user saw it', () => {
    expect(slackTextToPlain('<@UBOT> is the Met in Engage?', 'UBOT').trim()).toBe('is the Met in Engage?');
    expect(slackTextToPlain('ask <@U2|alice> in <#C1|newsdesk> about <https://x.org|this link> and <https://y.org>')).toBe(
      'ask @alice in #newsdesk about this link and https://y.org',
    );
    expect(slackTextToPlain('<!here> <!channel> <!everyone> <!subteam^S1|@editors>')).toBe('@here @channel @everyone @editors');
    expect(slackTextToPlain('R&amp;D &lt;b&gt;')).toBe('R&D <b>');
    expect(slackTextToPlain('<@U9>')).toBe('@someone');
  });
});

describe('humanDate', () => {
  it('writes dates as a newsroom would, by precision', () => {
    expect(humanDate('2022-06-28')).toBe('28 June 2022');
    expect(humanDate('2022-06')).toBe('June 2022');
    expect(humanDate('2019')).toBe('2019');
    expect(humanDate('sometime')).toBe('sometime');
  });
});

describe('truncateMrkdwn', () => {
  it('cuts at a word boundary, never inside an entity, and marks the cut', () => {
    expect(truncateMrkdwn('short', 10)).toBe('short');
    expect(truncateMrkdwn('alpha beta gamma delta', 15)).toBe('alpha beta…');
    expect(truncateMrkdwn('abc&amp;def', 6)).toBe('abc…');
  });
});

describe('SeenSet and deliveryKeys', () => {
  it('recognises a redelivered event, by event id or by channel + ts', () => {
    const seen = new SeenSet();
    const first = { type: 'event_callback', event_id: 'Ev1', event: { type: 'app_mention', channel: 'C1', ts: '1.1' } };
    expect(seen.firstSighting(deliveryKeys(first))).toBe(true);
    expect(seen.firstSighting(deliveryKeys(first))).toBe(false);
    // The same message delivered under another event id (e.g. as app_mention and as message.im).
    expect(seen.firstSighting(deliveryKeys({ ...first, event_id: 'Ev2', event: { type: 'message', channel: 'C1', ts: '1.1' } }))).toBe(false);
    expect(seen.firstSighting(deliveryKeys({ ...first, event_id: 'Ev3', event: { type: 'app_mention', channel: 'C1', ts: '1.2' } }))).toBe(true);
    expect(deliveryKeys({ type: 'block_actions' })).toEqual([]);
    expect(deliveryKeys(undefined)).toEqual([]);
  });

  it('is bounded in size and in time', () => {
    let now = 0;
    const seen = new SeenSet({ maxEntries: 3, ttlMs: 1_000, now: () => now });
    for (const k of ['a', 'b', 'c', 'd']) expect(seen.firstSighting([k])).toBe(true);
    expect(seen.size).toBe(3);
    expect(seen.firstSighting(['a'])).toBe(true); // the oldest was forgotten
    now = 999;
    expect(seen.firstSighting(['d'])).toBe(false);
    now = 3_000;
    expect(seen.firstSighting(['d'])).toBe(true); // expired
    expect(seen.size).toBe(1);
  });
});

describe('withRetry', () => {
  const fast = { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 2 };

  it('retries 429 and 5xx responses and network errors, then succeeds', async () => {
    const failures: unknown[] = [new RespondError('rate limited', 429), new TypeError('fetch failed')];
    let calls = 0;
    const result = await withRetry(async () => {
      calls += 1;
      const next = failures.shift();
      if (next) throw next;
      return 'ok';
    }, fast);
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up after the bounded number of retries', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        throw new RespondError('bad gateway', 502);
      }, fast),
    ).rejects.toThrow('bad gateway');
    expect(calls).toBe(3);
  });

  it('does not retry what cannot succeed (expired response_url, bad payload)', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        throw new RespondError('not found', 404);
      }, fast),
    ).rejects.toThrow('not found');
    expect(calls).toBe(1);
    expect(isRetryable(new RespondError('x', 400))).toBe(false);
    expect(isRetryable(new Error('other'))).toBe(false);
  });
});

describe('toBoltLogger', () => {
  it('filters by Bolt\'s level and logs errors without stack traces', () => {
    const logger = createMemoryLogger();
    const bolt = toBoltLogger(logger);
    bolt.debug('hidden at info');
    bolt.info('shown', { a: 1 });
    bolt.error(Object.assign(new Error('boom'), { code: 'slack_bolt_x' }));
    bolt.setLevel(LogLevel.DEBUG);
    bolt.setName('web-api');
    bolt.debug('now shown');
    expect(bolt.getLevel()).toBe(LogLevel.DEBUG);
    expect(logger.lines).toHaveLength(3);
    expect(logger.lines[0]).toMatch(/INFO slack\/bolt: shown \{"a":1\}$/);
    expect(logger.lines[1]).toMatch(/ERROR slack\/bolt: Error: boom \(slack_bolt_x\)$/);
    expect(logger.lines[2]).toMatch(/DEBUG slack\/web-api: now shown$/);
  });
});
