// The register of forces and services against the Engage timeline: what to say about a force with
// no Engage record ("no record in the period the records cover", never "never"), and which
// register bodies have none. Pure functions over the loaded knowledge; no answering logic.

import type { CitationRef, Entity, KnowledgeData } from '../knowledge/schema.ts';
import { compareDates, formatDate } from './dates.ts';
import { nameOf } from './engage-timeline.ts';

/** A sentence with the sources behind it, ready for an Answer. */
export interface CitedSentence {
  text: string;
  citations: CitationRef[];
}

/** The span the Engage records cover: the first and the newest status event. */
export interface RecordPeriod {
  from: string;
  to: string;
  /** "from 2019 to 12 August 2025". */
  label: string;
}

/** The HMICFRS lists the timeline rests on, by kind. */
const LIST_SOURCES: Record<'police_force' | 'fire_rescue_service', string[]> = {
  police_force: ['hmicfrs-undated-police-forces-previously-engage', 'hmicfrs-undated-police-forces-engage-older-snapshot'],
  fire_rescue_service: ['hmicfrs-undated-fire-rescue-services-previously-engage'],
};

type BodyKind = 'police_force' | 'fire_rescue_service';

const periodCache = new WeakMap<KnowledgeData, RecordPeriod | undefined>();
const withRecordCache = new WeakMap<KnowledgeData, Set<string>>();

export function recordPeriod(knowledge: KnowledgeData): RecordPeriod | undefined {
  if (periodCache.has(knowledge)) return periodCache.get(knowledge);
  const period = computeRecordPeriod(knowledge);
  periodCache.set(knowledge, period);
  return period;
}

function computeRecordPeriod(knowledge: KnowledgeData): RecordPeriod | undefined {
  const dates = knowledge.events.filter((e) => !e.withdrawn).map((e) => e.date).sort(compareDates);
  const from = dates[0];
  const to = dates.at(-1);
  if (!from || !to) return undefined;
  return { from, to, label: `from ${from.slice(0, 4)} to ${formatDate(to)}` };
}

function hasEngageRecord(knowledge: KnowledgeData, entityId: string): boolean {
  let ids = withRecordCache.get(knowledge);
  if (!ids) withRecordCache.set(knowledge, (ids = new Set(knowledge.events.filter((e) => !e.withdrawn).map((e) => e.entity))));
  return ids.has(entityId);
}

const sourceIdCache = new WeakMap<KnowledgeData, Set<string>>();

function listCitations(knowledge: KnowledgeData, kind: BodyKind): CitationRef[] {
  let known = sourceIdCache.get(knowledge);
  if (!known) sourceIdCache.set(knowledge, (known = new Set(knowledge.sources.map((s) => s.id))));
  return LIST_SOURCES[kind].filter((id) => known.has(id)).map((source) => ({ source }));
}

function horizonSentence(knowledge: KnowledgeData, period: RecordPeriod): CitedSentence | undefined {
  const meta = knowledge.meta;
  if (!meta || meta.citations.length === 0) return undefined;
  return { text: `No Engage move after ${formatDate(period.to)} was found in sources checked up to ${formatDate(meta.checkedTo)}.`, citations: meta.citations };
}

const kindWord = (kind: BodyKind) => (kind === 'police_force' ? 'force' : 'fire and rescue service');

/**
 * What to say about a force or service that has no Engage record: that the records hold none for
 * the period they cover (named), citing the HMICFRS lists they rest on — never that it was never
 * in Engage. With `presumption` (the question assumed a stay, e.g. "why was Cumbria put in special
 * measures?") it first says the records hold no such stay. Undefined when the body has an Engage
 * record (answer from the timeline) or is not a police force or fire and rescue service.
 */
export function noEngageRecordSentence(
  knowledge: KnowledgeData,
  entityId: string,
  options: { presumption?: boolean; presumed?: 'reason' | 'date' | 'length' | 'person' } = {},
): { sentences: CitedSentence[]; citations: CitationRef[]; period: RecordPeriod } | undefined {
  const entity = knowledge.entities.find((e) => e.id === entityId);
  const period = recordPeriod(knowledge);
  if (!entity || !period || (entity.kind !== 'police_force' && entity.kind !== 'fire_rescue_service')) return undefined;
  if (hasEngageRecord(knowledge, entityId)) return undefined;
  const lists = listCitations(knowledge, entity.kind);
  const own = entity.citations ?? [];
  const cited = [...lists, ...own.slice(0, 1)];
  const sentences: CitedSentence[] = [];
  if (options.presumption) {
    sentences.push({
      text: `My records hold no stay in HMICFRS's Engage phase ("special measures") for ${nameOf(entity)}, so there is no ${options.presumed === 'date' ? 'date' : options.presumed === 'length' ? 'length of stay' : options.presumed === 'person' ? 'one on record to name for it' : 'reason'}${options.presumed === 'person' ? '' : ' on record to give'}.`,
      citations: cited,
    });
  }
  sentences.push({
    text: `I hold no Engage record for ${nameOf(entity)} in the period my records cover, ${period.label} (the newest record).`,
    citations: cited,
  });
  sentences.push({
    text: `Those records rest on HMICFRS's lists of ${entity.kind === 'police_force' ? 'forces' : 'services'} in and previously in Engage and on news reports, so they do not show that this ${kindWord(entity.kind)} was never in Engage.`,
    citations: lists,
  });
  const horizon = horizonSentence(knowledge, period);
  if (horizon) sentences.push(horizon);
  return { sentences, citations: dedupe(sentences.flatMap((s) => s.citations)), period };
}

/** One register body with no Engage record, and the facts that mention it (e.g. a claim). */
export interface NoRecordBody {
  entity: Entity;
  relatedFacts: string[];
}

/**
 * The register's forces and services (territorial police forces, fire and rescue services of
 * England) with no Engage record in the period the records cover, with the caveat sentence and
 * its citations. `kind` narrows to police or fire.
 */
export function neverInEngage(
  knowledge: KnowledgeData,
  kind?: BodyKind,
): { bodies: NoRecordBody[]; sentences: CitedSentence[]; citations: CitationRef[]; period: RecordPeriod } | undefined {
  const period = recordPeriod(knowledge);
  if (!period) return undefined;
  const kinds: BodyKind[] = kind ? [kind] : ['police_force', 'fire_rescue_service'];
  const inRegister = (e: Entity) =>
    kinds.includes(e.kind as BodyKind) && (e.register === 'territorial' || e.register === 'fire-england');
  const bodies = knowledge.entities
    .filter((e) => inRegister(e) && !hasEngageRecord(knowledge, e.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((entity) => ({ entity, relatedFacts: knowledge.facts.filter((f) => f.about.includes(entity.id)).map((f) => f.id) }));
  const lists = dedupe(kinds.flatMap((k) => listCitations(knowledge, k)));
  const what = kinds.length === 2 ? 'police forces and fire and rescue services' : kinds[0] === 'police_force' ? 'territorial police forces' : 'fire and rescue services';
  const total = knowledge.entities.filter(inRegister).length;
  const sentences: CitedSentence[] = [
    {
      text: `Of the ${total} ${what} in the register, ${bodies.length} have no Engage record in the records held here, which cover ${period.label}.`,
      citations: lists,
    },
    {
      text: `The records rest on HMICFRS's lists of those in and previously in Engage and on news reports, so this does not show that any of them was never in Engage.`,
      citations: lists,
    },
  ];
  const horizon = horizonSentence(knowledge, period);
  if (horizon) sentences.push(horizon);
  return { bodies, sentences, citations: dedupe(sentences.flatMap((s) => s.citations)), period };
}

/**
 * The register's police force or fire and rescue service for a place people type ("Kent",
 * "Staffordshire"): the kind word in the question decides which one is meant.
 */
export function bodyForPlace(knowledge: KnowledgeData, place: string, kind: BodyKind): Entity | undefined {
  const key = place.trim().toLowerCase();
  return knowledge.entities.find((e) => e.kind === kind && e.place?.toLowerCase() === key);
}

function dedupe(list: CitationRef[]): CitationRef[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.source}|${c.locator ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
