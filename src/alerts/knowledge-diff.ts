// Compares the knowledge base with the snapshot of what was last announced and turns each change
// into an alert: a new status event becomes a status-change alert, a new newsworthy fact a
// new-fact alert, and a change to something already announced (a date fixed, an event withdrawn,
// a fact reworded) a correction naming what changed. Pure: snapshots in, alerts out; the store
// persists both in one transaction. No chat libraries, no I/O, no process.env.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Entity, Fact, KnowledgeData, Source, StatusEvent } from '../../knowledge/schema.ts';
import type { Citation } from '../answer-types.ts';
import { formatDate, precisionOf } from '../dates.ts';
import { entrySentence, exitSentence, isConfirmed, nameOf, needsNote, noteSentence, reasonsSentence } from '../engage-timeline.ts';
import { numberCitations, type DraftSentence } from '../citations.ts';
import { ENGAGE_TOPIC, entityTopic, sentencesToText, type Alert, type AlertKind } from './alert-types.ts';

const citationSchema = z.object({
  n: z.number(),
  sourceId: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  locator: z.string().nullable(),
  quote: z.string().optional(),
});

/** What was announced about one status event: enough to describe it after it is gone. */
const eventSnapshotSchema = z.object({
  type: z.literal('event'),
  id: z.string(),
  entityId: z.string(),
  entityName: z.string(),
  event: z.enum(['entered_engage', 'left_engage']),
  date: z.string(),
  confidence: z.string(),
  citations: z.array(citationSchema),
});

/** What was announced about one newsworthy fact. */
const factSnapshotSchema = z.object({
  type: z.literal('fact'),
  id: z.string(),
  about: z.array(z.string()),
  text: z.string(),
  date: z.string().nullable(),
  citations: z.array(citationSchema),
});

const snapshotSchema = z.discriminatedUnion('type', [eventSnapshotSchema, factSnapshotSchema]);

export type EventSnapshot = z.infer<typeof eventSnapshotSchema>;
export type FactSnapshot = z.infer<typeof factSnapshotSchema>;
export type ItemSnapshot = z.infer<typeof snapshotSchema>;

export interface AnnouncementPlan {
  /** The snapshot to store as "announced" once the alerts are queued (key → JSON). */
  items: Map<string, string>;
  alerts: Alert[];
  /** Stored snapshot entries that could not be read (kept out of the diff, logged by the caller). */
  unreadable: string[];
}

/**
 * What announcing `knowledge` means, given the snapshot announced before. With no previous
 * snapshot (the first run), the plan is a baseline: the snapshot and no alerts.
 */
export function planAnnouncement(previous: Map<string, string> | null, knowledge: KnowledgeData, now: Date = new Date()): AnnouncementPlan {
  const context = contextOf(knowledge);
  const current = snapshotKnowledge(knowledge, context);
  const items = new Map([...current].map(([key, snap]) => [key, JSON.stringify(snap)]));
  if (previous === null) return { items, alerts: [], unreadable: [] };

  const unreadable: string[] = [];
  const before = new Map<string, ItemSnapshot>();
  for (const [key, json] of previous) {
    try {
      before.set(key, snapshotSchema.parse(JSON.parse(json)));
    } catch {
      unreadable.push(key);
    }
  }

  const alerts: Alert[] = [];
  const createdAt = now.toISOString();
  const make = (kind: AlertKind, key: string, fingerprint: string, body: AlertBody): Alert => ({
    id: alertId(kind, key, knowledge.revision, fingerprint),
    kind,
    createdAt,
    ...body,
  });

  // Events first (in the knowledge files' order), then facts: newsrooms care most about moves.
  for (const event of knowledge.events) {
    const key = `event:${event.id}`;
    const old = before.get(key);
    const now = current.get(key) as EventSnapshot | undefined;
    if (old && old.type !== 'event') continue;
    if (!old && now) alerts.push(make('status-change', key, fingerprintOf(now), statusChangeBody(event, context)));
    else if (old && !now) alerts.push(make('correction', key, `${fingerprintOf(old)}>withdrawn`, eventWithdrawnBody(old, event, context)));
    else if (old && now && fingerprintOf(old) !== fingerprintOf(now)) {
      alerts.push(make('correction', key, `${fingerprintOf(old)}>${fingerprintOf(now)}`, eventCorrectedBody(old, event, context)));
    }
  }
  for (const fact of knowledge.facts) {
    const key = `fact:${fact.id}`;
    const old = before.get(key);
    const now = current.get(key) as FactSnapshot | undefined;
    if (old && old.type !== 'fact') continue;
    if (!old && now) alerts.push(make('new-fact', key, fingerprintOf(now), newFactBody(fact, context)));
    // A fact that is no longer marked newsworthy simply stops being watched: nothing to correct.
    else if (old && now && fingerprintOf(old) !== fingerprintOf(now)) {
      alerts.push(make('correction', key, `${fingerprintOf(old)}>${fingerprintOf(now)}`, factCorrectedBody(old, fact, context)));
    }
  }
  // Announced items whose record is gone from the knowledge base altogether.
  const eventIds = new Set(knowledge.events.map((e) => `event:${e.id}`));
  const factIds = new Set(knowledge.facts.map((f) => `fact:${f.id}`));
  for (const [key, old] of before) {
    if (old.type === 'event' && !eventIds.has(key)) alerts.push(make('correction', key, `${fingerprintOf(old)}>removed`, eventWithdrawnBody(old, undefined, context)));
    if (old.type === 'fact' && !factIds.has(key)) alerts.push(make('correction', key, `${fingerprintOf(old)}>removed`, factWithdrawnBody(old, context)));
  }
  return { items, alerts, unreadable };
}

// ── Snapshots ────────────────────────────────────────────────────────────────────────────────

interface Context {
  entities: Map<string, Entity>;
  sources: Map<string, Source>;
}

function contextOf(knowledge: KnowledgeData): Context {
  return {
    entities: new Map(knowledge.entities.map((e) => [e.id, e])),
    sources: new Map(knowledge.sources.map((s) => [s.id, s])),
  };
}

/** Everything worth announcing in the knowledge base: live status events and newsworthy facts. */
export function snapshotKnowledge(knowledge: KnowledgeData, context: Context = contextOf(knowledge)): Map<string, ItemSnapshot> {
  const out = new Map<string, ItemSnapshot>();
  for (const event of knowledge.events) {
    if (event.withdrawn) continue;
    const entity = context.entities.get(event.entity);
    out.set(`event:${event.id}`, {
      type: 'event',
      id: event.id,
      entityId: event.entity,
      entityName: entity ? nameOf(entity) : event.entity,
      event: event.event,
      date: event.date,
      confidence: event.confidence,
      citations: numberCitations([{ text: '', cites: event.citations }], context.sources).citations,
    });
  }
  for (const fact of knowledge.facts) {
    if (!fact.newsworthy) continue;
    out.set(`fact:${fact.id}`, {
      type: 'fact',
      id: fact.id,
      about: fact.about,
      text: fact.text.replace(/\s+/g, ' ').trim(),
      date: fact.date ?? null,
      citations: numberCitations([{ text: '', cites: fact.citations }], context.sources).citations,
    });
  }
  return out;
}

/** The parts of an item whose change is news (or a correction); wording of reasons and notes is not. */
function fingerprintOf(item: ItemSnapshot): string {
  return item.type === 'event'
    ? [item.entityId, item.event, item.date, item.confidence].join('|')
    : [item.about.join(','), item.date ?? '', item.text].join('|');
}

function alertId(kind: AlertKind, key: string, revision: string, fingerprint: string): string {
  const hash = createHash('sha256').update(`${kind}\0${key}\0${revision}\0${fingerprint}`).digest('hex').slice(0, 12);
  return `${kind}:${key.replace(/^[a-z]+:/, '')}:${hash}`;
}

// ── Alert bodies ─────────────────────────────────────────────────────────────────────────────

type AlertBody = Pick<Alert, 'topics' | 'title' | 'text' | 'sentences' | 'citations' | 'asOf' | 'link'>;

function statusChangeBody(event: StatusEvent, context: Context): AlertBody {
  const entity = entityOf(event.entity, context);
  const drafts: DraftSentence[] = [
    { text: event.event === 'entered_engage' ? entrySentence(entity, event) : exitSentence(entity, event), cites: event.citations },
  ];
  const reasons = reasonsSentence(entity, event);
  if (reasons) drafts.push({ text: reasons, cites: event.citations });
  const note = needsNote(event) ? noteSentence(event) : undefined;
  if (note) drafts.push({ text: note, cites: event.citations });
  return body(drafts, context, {
    topics: [ENGAGE_TOPIC, entityTopic(event.entity)],
    title: moveTitle(nameOf(entity, true), event),
    asOf: event.date,
  });
}

function eventCorrectedBody(old: EventSnapshot, event: StatusEvent, context: Context): AlertBody {
  const entity = entityOf(event.entity, context);
  const changes: string[] = [];
  if (old.entityId !== event.entity) changes.push(`it concerns ${nameOf(entity)}, not ${old.entityName}`);
  if (old.event !== event.event) changes.push(`it records ${event.event === 'entered_engage' ? 'a move into' : 'a move out of'} Engage, not ${old.event === 'entered_engage' ? 'a move into' : 'a move out of'} it`);
  if (old.date !== event.date) changes.push(`the date is ${formatDate(event.date)}, not ${formatDate(old.date)} as first announced`);
  if (old.confidence !== event.confidence) {
    changes.push(
      isConfirmed(event) && old.confidence === 'unconfirmed'
        ? 'it is now confirmed by the records held'
        : !isConfirmed(event)
          ? 'it is now treated as unconfirmed: the inspectorate has not confirmed it in the records held'
          : `its sourcing is now "${event.confidence}" (was "${old.confidence}")`,
    );
  }
  const what = `${old.entityName}'s ${old.event === 'entered_engage' ? 'move into' : 'move out of'} Engage`;
  const drafts: DraftSentence[] = [
    { text: `Correction to an earlier alert about ${what}: ${changes.join('; ')}.`, cites: event.citations },
    { text: event.event === 'entered_engage' ? entrySentence(entity, event) : exitSentence(entity, event), cites: event.citations },
  ];
  const note = noteSentence(event);
  if (note) drafts.push({ text: note, cites: event.citations });
  const shortChange = old.date !== event.date ? `date corrected to ${formatDate(event.date)}` : old.confidence !== event.confidence ? 'sourcing updated' : 'record corrected';
  return body(drafts, context, {
    topics: uniq([ENGAGE_TOPIC, entityTopic(event.entity), entityTopic(old.entityId)]),
    title: `Correction: ${capitalise(what)} — ${shortChange}`,
    asOf: event.date,
  });
}

function eventWithdrawnBody(old: EventSnapshot, event: StatusEvent | undefined, context: Context): AlertBody {
  const move = old.event === 'entered_engage' ? 'moved into' : 'left';
  const drafts: DraftSentence[] = [
    {
      text: `Correction: an earlier alert said ${old.entityName} ${move} Engage ${onDate(old.date)}. That record has been withdrawn and should not be relied on.`,
      cites: event?.citations ?? [],
    },
  ];
  const note = event ? noteSentence(event) : undefined;
  if (note) drafts.push({ text: note, cites: event!.citations });
  const built = body(drafts, context, {
    topics: [ENGAGE_TOPIC, entityTopic(old.entityId)],
    title: `Correction: ${capitalise(old.entityName)}'s ${old.event === 'entered_engage' ? 'move into' : 'move out of'} Engage (${formatDate(old.date)}) withdrawn`,
    asOf: old.date,
  });
  // The record (and its sources) may be gone: cite what the original alert cited.
  return event ? built : withStoredCitations(built, old.citations);
}

function newFactBody(fact: Fact, context: Context): AlertBody {
  const names = aboutNames(fact.about, context);
  return body([{ text: fact.text.replace(/\s+/g, ' ').trim(), cites: fact.citations }], context, {
    topics: fact.about.map(entityTopic),
    title: `New in the record: ${names}`,
    asOf: fact.date ?? null,
  });
}

function factCorrectedBody(old: FactSnapshot, fact: Fact, context: Context): AlertBody {
  const names = aboutNames(fact.about, context);
  const changes: string[] = [];
  if ((old.date ?? '') !== (fact.date ?? '')) {
    changes.push(fact.date ? `the date is ${formatDate(fact.date)}${old.date ? `, not ${formatDate(old.date)}` : ''}` : 'it no longer gives a date');
  }
  const text = fact.text.replace(/\s+/g, ' ').trim();
  if (old.text !== text) changes.push('its wording has been corrected');
  if (old.about.join(',') !== fact.about.join(',')) changes.push(`it now concerns ${names}`);
  return body(
    [
      { text: `Correction to an earlier alert about ${names}: ${changes.join('; ')}. The corrected record reads:`, cites: [] },
      { text, cites: fact.citations },
    ],
    context,
    {
      topics: uniq([...fact.about, ...old.about].map(entityTopic)),
      title: `Correction: ${names}`,
      asOf: fact.date ?? null,
    },
  );
}

function factWithdrawnBody(old: FactSnapshot, context: Context): AlertBody {
  const names = aboutNames(old.about, context);
  const built = body(
    [
      { text: `Correction: an earlier alert about ${names} has been withdrawn and should not be relied on. It said:`, cites: [] },
      { text: old.text, cites: [] },
    ],
    context,
    { topics: old.about.map(entityTopic), title: `Correction: earlier alert about ${names} withdrawn`, asOf: old.date },
  );
  return withStoredCitations(built, old.citations, 1);
}

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────

function body(drafts: DraftSentence[], context: Context, head: Pick<Alert, 'topics' | 'title' | 'asOf'>): AlertBody {
  const { sentences, citations } = numberCitations(drafts, context.sources);
  return { ...head, text: sentencesToText(sentences), sentences, citations, link: linkOf(citations, context) };
}

/** Cites the stored citations from sentence `at` (the first by default) when the record is gone. */
function withStoredCitations(alert: AlertBody, citations: Citation[], at = 0): AlertBody {
  if (citations.length === 0 || alert.citations.length > 0) return alert;
  const sentences = alert.sentences.map((s, i) => (i === at ? { ...s, citations: citations.map((c) => c.n) } : s));
  return { ...alert, sentences, citations, text: sentencesToText(sentences), link: citations.find((c) => c.url)?.url ?? null };
}

/** The page to read more: an official source first, else the first linked one. */
function linkOf(citations: Citation[], context: Context): string | null {
  const official = citations.find((c) => c.url && context.sources.get(c.sourceId)?.kind === 'official');
  return official?.url ?? citations.find((c) => c.url)?.url ?? null;
}

function moveTitle(name: string, event: StatusEvent): string {
  if (!isConfirmed(event)) return `Reported: ${name} placed in enhanced monitoring ${onDate(event.date)} (not confirmed by the inspectorate)`;
  return event.event === 'entered_engage' ? `${name} moved into Engage ${onDate(event.date)}` : `${name} left Engage ${onDate(event.date)}`;
}

function onDate(date: string): string {
  return precisionOf(date) === 'day' ? `on ${formatDate(date)}` : `in ${formatDate(date)}`;
}

function entityOf(id: string, context: Context): Entity {
  return context.entities.get(id) ?? { id, kind: 'police_force', name: id, aliases: [], weakAliases: [], roles: [] };
}

function aboutNames(ids: string[], context: Context): string {
  const entities = ids.map((id) => context.entities.get(id)).filter((e): e is Entity => e !== undefined);
  const preferred = entities.filter((e) => e.kind === 'police_force' || e.kind === 'fire_rescue_service');
  const shown = (preferred.length > 0 ? preferred : entities).slice(0, 2).map((e) => nameOf(e, true));
  return shown.length > 0 ? shown.join(' and ') : ids.join(', ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function uniq<T>(values: T[]): T[] {
  return [...new Set(values)];
}
