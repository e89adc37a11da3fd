// Topic resolution ("glos fire" → Gloucestershire Fire and Rescue Service, "did you mean …" for
// unknown names) and the subscribe/unsubscribe/list replies that say exactly what a channel gets.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAlertStore, type AlertStore } from '../../src/alerts/store.ts';
import { createSubscriptionCommands, type SubscriptionCommands } from '../../src/alerts/subscriptions.ts';
import { createTopicResolver, type TopicResolver } from '../../src/alerts/topics.ts';
import { tempDir } from '../support/alerts.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

describe('alert topics', () => {
  let topics: TopicResolver;
  beforeAll(() => {
    topics = createTopicResolver(loadBundledKnowledge());
  });

  const resolved = (input: string) => {
    const r = topics.resolve(input);
    return r.ok ? r.topic.key : `✗ ${r.message}`;
  };

  it('defaults to engage and knows "all"', () => {
    expect(resolved('')).toBe('engage');
    expect(topics.resolve(undefined)).toMatchObject({ ok: true, topic: { key: 'engage' } });
    expect(resolved('Engage')).toBe('engage');
    expect(resolved('special measures')).toBe('engage');
    expect(resolved('all')).toBe('all');
    expect(resolved('everything')).toBe('all');
  });

  it.each([
    ['glos fire', 'entity:gloucestershire-fire-and-rescue-service'],
    ['Glos Fire & Rescue', 'entity:gloucestershire-fire-and-rescue-service'],
    ['gloucestershire fire', 'entity:gloucestershire-fire-and-rescue-service'],
    ['gloucestershire', 'entity:gloucestershire-constabulary'],
    ['Lincolnshire Police', 'entity:lincolnshire-police'],
    ['lincs', 'entity:lincolnshire-police'],
    ['Lincolnshire plice', 'entity:lincolnshire-police'],
    ['lincolnshre police', 'entity:lincolnshire-police'],
    ['the Met', 'entity:metropolitan-police'],
    ['bucks fire service', 'entity:buckinghamshire-fire-and-rescue-service'],
    ['avon fir', 'entity:avon-fire-and-rescue-service'],
    ['Greater Manchster Police', 'entity:greater-manchester-police'],
    ['entity:west-midlands-police', 'entity:west-midlands-police'],
  ])('resolves %j to a force or service', (input, key) => {
    expect(resolved(input)).toBe(key);
  });

  it('offers "did you mean" for an unknown or ambiguous name instead of guessing', () => {
    const narnia = topics.resolve('Narnia Police');
    expect(narnia.ok).toBe(false);
    if (!narnia.ok) expect(narnia.message).toMatch(/^I don't know a police force or fire and rescue service called "Narnia Police": .*Subscribe to "engage" to hear whenever any force/);
    const close = topics.resolve('Humbrside Narnia');
    // The register holds Humberside's police force and its fire and rescue service: both are offered.
    expect(close).toMatchObject({ ok: false, suggestions: ['Humberside Police', 'Humberside Fire and Rescue Service'] });
    if (!close.ok) expect(close.message).toMatch(/Did you mean Humberside Police or Humberside Fire and Rescue Service\?$/);
    // A bare county shared by police and fire asks which is meant: the kind word decides.
    expect(topics.resolve('lincolnshre')).toMatchObject({ ok: false, suggestions: ['Lincolnshire Police', 'Lincolnshire Fire and Rescue Service'] });
    // A bare place is a weak alias of its police force (as "gloucestershire" above); "London police"
    // is ambiguous (Met or City of London Police) and the fire brigade needs its kind word.
    expect(resolved('London')).toBe('entity:metropolitan-police');
    expect(resolved('London fire')).toBe('entity:london-fire-brigade');
    expect(resolved('police')).toMatch(/^✗ Which one\?/);
  });

  it('only resolves to police forces and fire and rescue services', () => {
    expect(resolved('IOPC')).toMatch(/^✗/);
    expect(resolved('Home Office')).toMatch(/^✗/);
  });
});

describe('subscription commands', () => {
  let store: AlertStore;
  let commands: SubscriptionCommands;
  let cleanup: () => void;
  beforeAll(() => {
    const t = tempDir();
    cleanup = t.cleanup;
    store = createAlertStore({ dataDir: t.dir });
    const resolver = createTopicResolver(loadBundledKnowledge());
    commands = createSubscriptionCommands({
      store,
      topics: () => resolver,
      syntax: { subscribe: '/oversight subscribe', unsubscribe: '/oversight unsubscribe', list: '/oversight subscriptions' },
    });
  });
  afterEach(() => undefined);

  it('confirms exactly what the channel will receive, for each kind of topic', () => {
    const engage = commands.subscribe('slack', 'C1', '', 'U1');
    expect(engage).toMatchObject({ ok: true, title: 'Subscribed' });
    expect(engage.lines.join(' ')).toMatch(/Subscribed this channel to Engage moves\. This channel will receive an alert whenever a police force or fire and rescue service moves into or out of Engage/);
    expect(engage.lines.join(' ')).toMatch(/earlier ones are not sent again/);

    const glos = commands.subscribe('slack', 'C1', 'glos fire');
    expect(glos.lines.join(' ')).toMatch(/Subscribed this channel to Gloucestershire Fire and Rescue Service\. This channel will receive alerts about Gloucestershire Fire and Rescue Service only/);
    expect(glos.lines.join(' ')).toMatch(/also subscribed to Engage moves/);
    expect(glos.lines.at(-1)).toBe('To stop: /oversight unsubscribe Gloucestershire Fire and Rescue Service');

    const all = commands.subscribe('slack', 'C1', 'all');
    expect(all.lines.join(' ')).toMatch(/every alert: each move into or out of Engage, each new or corrected newsworthy fact/);
    expect(all.lines.join(' ')).toMatch(/an alert that matches more than one subscription arrives once/);

    expect(commands.subscribe('slack', 'C1', 'engage')).toMatchObject({ ok: true, title: 'Already subscribed' });
  });

  it('refuses an unknown topic with "did you mean" and subscribes nothing', () => {
    const before = store.subscriptionsFor('slack', 'C2').length;
    const reply = commands.subscribe('slack', 'C2', 'Lincolnshire Constablery Narnia');
    expect(reply.ok).toBe(false);
    expect(reply.lines[0]).toMatch(/called "Lincolnshire Constablery Narnia"/);
    expect(store.subscriptionsFor('slack', 'C2')).toHaveLength(before);
  });

  it('lists and unsubscribes, saying what remains', () => {
    const list = commands.list('slack', 'C1');
    expect(list.lines[0]).toBe('This channel is subscribed to:');
    expect(list.lines.slice(1).map((l) => l.split(' — ')[0])).toEqual(['• Engage moves', '• Gloucestershire Fire and Rescue Service', '• everything']);

    const off = commands.unsubscribe('slack', 'C1', 'Glos FRS');
    expect(off).toMatchObject({ ok: true, title: 'Unsubscribed' });
    expect(off.lines[0]).toMatch(/^Unsubscribed this channel from Gloucestershire Fire and Rescue Service: it will no longer receive alerts about/);
    expect(commands.unsubscribe('slack', 'C1', 'lincs')).toMatchObject({ ok: false, title: 'Not subscribed' });

    expect(commands.list('slack', 'C-empty').lines[0]).toBe('This channel has no alert subscriptions.');
    store.disableChannel('slack', 'C1', 'Slack answered channel_not_found');
    expect(commands.list('slack', 'C1').lines.join('\n')).toMatch(/Disabled .*\n• Engage moves — Slack answered channel_not_found/);
    cleanup();
  });
});
