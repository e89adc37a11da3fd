// Knowledge changes → alerts, through the alerts service and a real store: the first run on an
// existing knowledge base records a baseline and sends nothing; a new status event, a fixed date,
// a withdrawn event and a new newsworthy fact each become one alert with citations; the same
// knowledge checked again (or after a crash before the commit) queues nothing twice.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeData } from '../../knowledge/schema.ts';
import { ENGAGE_TOPIC, entityTopic } from '../../src/alerts/alert-types.ts';
import { createAlertsService } from '../../src/alerts/alerts-service.ts';
import { planAnnouncement } from '../../src/alerts/knowledge-diff.ts';
import { createAlertStore } from '../../src/alerts/store.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { lincolnshireExit, LINCOLNSHIRE_ENTRY, tempDir, variant } from '../support/alerts.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

describe('knowledge changes become alerts', () => {
  let knowledge: KnowledgeData;
  let withoutLincs: KnowledgeData;
  const cleanups: (() => void)[] = [];
  beforeAll(() => {
    knowledge = loadBundledKnowledge();
    withoutLincs = variant(knowledge, { events: (events) => events.filter((e) => e.id !== LINCOLNSHIRE_ENTRY) });
  });
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  const setup = (start: KnowledgeData) => {
    const t = tempDir();
    const store = createAlertStore({ dataDir: t.dir });
    cleanups.push(() => store.close(), t.cleanup);
    const logger = createMemoryLogger();
    const service = createAlertsService({ store, logger, knowledge: start, senders: {} });
    store.subscribe({ platform: 'slack', channelId: 'C-engage', topic: ENGAGE_TOPIC, label: 'Engage moves' });
    return { store, service, logger };
  };

  it('records a baseline on the first run and sends nothing: no flood of history', () => {
    const { store, service, logger } = setup(knowledge);
    expect(service.preview().baseline).toBe(true);
    const check = service.checkKnowledge();
    expect(check).toMatchObject({ outcome: 'baseline', alerts: [], deliveries: 0 });
    expect(store.announcedRevision()).toBe(knowledge.revision);
    expect(store.status().alerts).toBe(0);
    expect(logger.lines.join('\n')).toMatch(/baseline/);
    expect(service.checkKnowledge().outcome).toBe('unchanged');
  });

  it('announces a new move into Engage with the date, the causes of concern and its sources', () => {
    const { store, service } = setup(withoutLincs);
    service.checkKnowledge();
    const check = service.setKnowledge(knowledge);
    expect(check.outcome).toBe('announced');
    expect(check.alerts).toHaveLength(1);
    const [alert] = check.alerts;
    expect(alert).toMatchObject({ kind: 'status-change', title: 'Lincolnshire Police moved into Engage on 6 December 2024', asOf: '2024-12-06' });
    expect(alert!.topics).toEqual([ENGAGE_TOPIC, entityTopic('lincolnshire-police')]);
    expect(alert!.text).toMatch(/^Lincolnshire Police was moved into Engage, .* on 6 December 2024\. \[1\]/);
    expect(alert!.text).toMatch(/concerns about Lincolnshire Police included: the force was failing to get to calls/);
    // A citation behind every sentence, in the Answer's citation shape, and an official link.
    for (const s of alert!.sentences) expect(s.citations.length).toBeGreaterThan(0);
    expect(alert!.citations[0]).toMatchObject({ n: 1, publisher: 'HMICFRS', published: '2024-12-06' });
    expect(alert!.link).toMatch(/^https:\/\/hmicfrs\.justiceinspectorates\.gov\.uk\//);
    expect(check.deliveries).toBe(1);
    expect(store.deliveriesOf(alert!.id)).toMatchObject([{ platform: 'slack', channelId: 'C-engage', status: 'pending' }]);
    // Checking the same knowledge again queues nothing.
    expect(service.checkKnowledge(knowledge)).toMatchObject({ outcome: 'unchanged', deliveries: 0 });
  });

  it('announces an exit, and a correction naming what changed when a date is fixed', () => {
    const { service } = setup(knowledge);
    service.checkKnowledge();
    const exit = lincolnshireExit(knowledge);
    const withExit = variant(knowledge, { events: (events) => [...events, exit] });
    const [left] = service.setKnowledge(withExit).alerts;
    expect(left).toMatchObject({ kind: 'status-change', title: 'Lincolnshire Police left Engage on 18 September 2025' });
    expect(left!.text).toMatch(/returned to routine monitoring \(Scan\) on 18 September 2025\. \[1\]/);

    const fixed = variant(withExit, { events: (events) => events.map((e) => (e.id === exit.id ? { ...e, date: '2025-09-19' } : e)) });
    const [correction] = service.setKnowledge(fixed).alerts;
    expect(correction).toMatchObject({ kind: 'correction', title: "Correction: Lincolnshire Police's move out of Engage — date corrected to 19 September 2025" });
    expect(correction!.text).toMatch(/the date is 19 September 2025, not 18 September 2025 as first announced\. \[1\]/);
    expect(correction!.topics).toContain(ENGAGE_TOPIC);
  });

  it('announces a withdrawn event as a correction, and a removed one too', () => {
    const { service } = setup(knowledge);
    service.checkKnowledge();
    const withdrawn = variant(knowledge, { events: (events) => events.map((e) => (e.id === LINCOLNSHIRE_ENTRY ? { ...e, withdrawn: true } : e)) });
    const [correction] = service.setKnowledge(withdrawn).alerts;
    expect(correction).toMatchObject({ kind: 'correction', title: "Correction: Lincolnshire Police's move into Engage (6 December 2024) withdrawn" });
    expect(correction!.text).toMatch(/^Correction: an earlier alert said Lincolnshire Police moved into Engage on 6 December 2024\. That record has been withdrawn/);
    expect(correction!.citations.length).toBeGreaterThan(0);

    // Announced again, then deleted from the files altogether: still a correction, citing what the alert cited.
    service.setKnowledge(knowledge);
    const removed = variant(knowledge, { events: (events) => events.filter((e) => e.id !== LINCOLNSHIRE_ENTRY) });
    const [gone] = service.setKnowledge(removed).alerts;
    expect(gone).toMatchObject({ kind: 'correction' });
    expect(gone!.sentences[0]!.citations).not.toEqual([]);
    expect(gone!.citations[0]!.sourceId).toBe(knowledge.events.find((e) => e.id === LINCOLNSHIRE_ENTRY)!.citations[0]!.source);
  });

  it('announces a new newsworthy fact to its entity\'s and "all" subscribers only, and a reworded one as a correction', () => {
    const { store, service } = setup(knowledge);
    store.subscribe({ platform: 'discord', channelId: 'D-all', topic: 'all', label: 'everything' });
    store.subscribe({ platform: 'discord', channelId: 'D-avon', topic: entityTopic('avon-fire-and-rescue-service'), label: 'Avon' });
    service.checkKnowledge();
    const fact = knowledge.facts.find((f) => f.newsworthy && f.about.includes('avon-fire-and-rescue-service'))!;
    const without = variant(knowledge, { facts: (facts) => facts.filter((f) => f.id !== fact.id) });
    const fresh = createAlertsService({ store, logger: createMemoryLogger(), knowledge: without, senders: {} });
    // Re-baseline on the knowledge without the fact, then add it back.
    store.commitAnnouncement(without.revision, planAnnouncement(null, without).items, []);
    const check = fresh.setKnowledge(knowledge);
    expect(check.alerts).toHaveLength(1);
    expect(check.alerts[0]).toMatchObject({ kind: 'new-fact', title: 'New in the record: Avon Fire and Rescue Service' });
    expect(store.deliveriesOf(check.alerts[0]!.id).map((d) => d.channelId).sort()).toEqual(['D-all', 'D-avon']);

    const reworded = variant(knowledge, { facts: (facts) => facts.map((f) => (f.id === fact.id ? { ...f, text: `${f.text} It has since been confirmed.` } : f)) });
    const [correction] = fresh.setKnowledge(reworded).alerts;
    expect(correction).toMatchObject({ kind: 'correction', title: 'Correction: Avon Fire and Rescue Service' });
    expect(correction!.text).toMatch(/its wording has been corrected/);
  });

  it('gives the same change the same alert id, so a check repeated after a crash queues nothing twice', () => {
    const a = planAnnouncement(planAnnouncement(null, withoutLincs).items, knowledge);
    const b = planAnnouncement(planAnnouncement(null, withoutLincs).items, knowledge);
    expect(a.alerts.map((x) => x.id)).toEqual(b.alerts.map((x) => x.id));
    expect(a.alerts[0]!.id).toMatch(/^status-change:lincolnshire-entered-engage-2024-12:[0-9a-f]{12}$/);
    const { store } = setup(knowledge);
    store.commitAnnouncement('r', new Map(), a.alerts);
    expect(store.enqueue(b.alerts)).toBe(0);
  });

  it('previews what a change would announce, and to how many channels, without changing anything', () => {
    const { store, service } = setup(withoutLincs);
    service.checkKnowledge();
    const preview = service.preview(knowledge);
    expect(preview).toMatchObject({ baseline: false, announcedRevision: withoutLincs.revision, revision: knowledge.revision });
    expect(preview.alerts.map((p) => [p.alert.title, p.channels])).toEqual([['Lincolnshire Police moved into Engage on 6 December 2024', 1]]);
    expect(store.announcedRevision()).toBe(withoutLincs.revision);
    expect(store.status().alerts).toBe(0);
  });
});
