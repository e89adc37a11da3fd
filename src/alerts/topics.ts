// Resolves what a newsroom types after "subscribe" into a topic: "engage" (the default), "all",
// or one police force or fire and rescue service by name, alias or a near miss ("glos fire" →
// Gloucestershire Fire and Rescue Service), with "did you mean …" for names it cannot place.
// Also says, in words, what a channel subscribed to a topic will receive. Pure: fuse.js over the
// knowledge base's entities; no chat libraries, no process.env.

import Fuse from 'fuse.js';
import type { Entity, KnowledgeData } from '../../knowledge/schema.ts';
import { nameOf } from '../engage-timeline.ts';
import { editDistance, normalizeAlias } from '../text.ts';
import { ALL_TOPIC, ENGAGE_TOPIC, entityTopic } from './alert-types.ts';

export interface ResolvedTopic {
  /** What is stored: "engage", "all" or "entity:<id>". */
  key: string;
  /** Short label: "Engage moves", "everything", "Lincolnshire Police". */
  label: string;
  entityId?: string;
}

export type TopicResolution =
  | { ok: true; topic: ResolvedTopic }
  | { ok: false; message: string; suggestions: string[] };

export interface TopicResolver {
  /** Resolves user input; empty input means the default topic, "engage". */
  resolve(input: string | undefined | null): TopicResolution;
  /** The label of a stored topic key (for listing subscriptions). */
  labelOf(key: string): string;
  /** The forces and services alerts can be about, by id. */
  readonly entities: ReadonlyMap<string, Entity>;
}

type Kind = 'police_force' | 'fire_rescue_service';

const ENGAGE_WORDS = new Set(['', 'engage', 'engage moves', 'special measures', 'enhanced monitoring', 'default']);
const ALL_WORDS = new Set(['all', 'everything', 'any', 'all facts', 'all alerts']);

/**
 * Words shared by many names. They say which kind of body is meant ("glos fire" is a fire
 * service) but must not decide which one: "narnia police" is no force at all, however many
 * names contain "police".
 */
const KIND_WORDS: Record<string, Kind | null> = {
  police: 'police_force',
  constabulary: 'police_force',
  force: 'police_force',
  fire: 'fire_rescue_service',
  rescue: 'fire_rescue_service',
  frs: 'fire_rescue_service',
  brigade: 'fire_rescue_service',
  service: null,
  services: null,
  and: null,
  of: null,
};

interface Candidate {
  entity: Entity;
  /** The name or alias without its generic words: "glos" for "Glos FRS". */
  distinctive: string;
  weak: boolean;
}

export function createTopicResolver(knowledge: Pick<KnowledgeData, 'entities'>): TopicResolver {
  const entities = new Map(
    knowledge.entities.filter((e): e is Entity & { kind: Kind } => e.kind === 'police_force' || e.kind === 'fire_rescue_service').map((e) => [e.id, e] as const),
  );
  const candidates: Candidate[] = [];
  const exact = new Map<string, Entity>();
  for (const entity of entities.values()) {
    for (const [names, weak] of [[[entity.name, ...entity.aliases], false], [entity.weakAliases, true]] as const) {
      for (const raw of names) {
        const name = normalizeAlias(raw);
        if (!name) continue;
        // Strong names win over weak ones ("Glos" names the constabulary; "Glos Fire" the service).
        if (!weak || !exact.has(name)) exact.set(name, entity);
        const distinctive = splitWords(name).distinctive;
        // (One candidate per distinct name: "Lincolnshire Police" and "Lincolnshire Constabulary"
        // are both "lincolnshire", and fuse's cost grows with every candidate.)
        if (distinctive && !candidates.some((c) => c.entity === entity && c.distinctive === distinctive && c.weak === weak)) candidates.push({ entity, distinctive, weak });
      }
    }
  }
  const longestName = Math.max(0, ...candidates.map((c) => c.distinctive.length));
  // Fuzzy matching of short names (typos, missing letters) is what fuse.js does well.
  const options = { keys: ['distinctive'], includeScore: true, ignoreLocation: true, minMatchCharLength: 2 };
  const strictFor = (list: Candidate[]) => new Fuse(list, { ...options, threshold: 0.3 });
  // Suggestions only for genuinely close names: above ~0.35 fuse pairs "Surrey" with "Gloucestershire".
  const looseAll = new Fuse(candidates, { ...options, threshold: 0.35 });
  const strictByKind: Record<Kind | 'any', Fuse<Candidate>> = {
    any: strictFor(candidates),
    police_force: strictFor(candidates.filter((c) => c.entity.kind === 'police_force')),
    fire_rescue_service: strictFor(candidates.filter((c) => c.entity.kind === 'fire_rescue_service')),
  };

  const topicOf = (entity: Entity): ResolvedTopic => ({ key: entityTopic(entity.id), label: nameOf(entity, true), entityId: entity.id });

  const didYouMean = (raw: string, names: string[], ambiguous: boolean): TopicResolution => ({
    ok: false,
    message: ambiguous
      ? `"${raw}" could be more than one force or service. Did you mean ${orList(names)}?`
      : names.length > 0
        ? `I don't know a police force or fire and rescue service called "${raw}". Did you mean ${orList(names)}?`
        : `I don't know a police force or fire and rescue service called "${raw}": it is not in my register of the police forces of England and Wales and the fire and rescue services of England. Subscribe to "engage" to hear whenever any force or service moves into or out of Engage, or give a name I know, e.g. "Lincolnshire Police".`,
    suggestions: names,
  });

  return {
    entities,
    resolve(input) {
      const raw = (input ?? '').trim().replace(/^["'“‘]|["'”’]$/g, '').trim();
      const text = normalizeAlias(raw);
      // "%" or "???" is not "nothing typed": it must not quietly become the default topic.
      if (raw !== '' && text === '') {
        return { ok: false, message: `"${raw.slice(0, 40)}" is not a topic. Give a force or service name (e.g. "Lincolnshire Police"), "engage" or "all".`, suggestions: [] };
      }
      if (ENGAGE_WORDS.has(text)) return { ok: true, topic: { key: ENGAGE_TOPIC, label: 'Engage moves' } };
      if (ALL_WORDS.has(text)) return { ok: true, topic: { key: ALL_TOPIC, label: 'everything' } };
      if (raw.length > 100) return { ok: false, message: 'That topic is too long. Give a force or service name, "engage" or "all".', suggestions: [] };
      // A stored key typed back ("entity:lincolnshire-police") or an entity id also works.
      const byId = entities.get(raw.replace(/^entity:/, ''));
      if (byId) return { ok: true, topic: topicOf(byId) };
      const direct = exact.get(text);
      if (direct) return { ok: true, topic: topicOf(direct) };

      const { distinctive, kind } = splitWords(text);
      if (!distinctive) {
        const examples = [...entities.values()].filter((e) => !kind || e.kind === kind).slice(0, 3).map((e) => e.name);
        return { ok: false, message: `Which one? Name the force or service, e.g. ${orList(examples)}.`, suggestions: examples };
      }
      const pool = (kind ? candidates.filter((c) => c.entity.kind === kind) : candidates).filter((c) => c.distinctive === distinctive);
      const same = [...new Map(pool.map((c) => [c.entity.id, c.entity])).values()];
      if (same.length === 1) return { ok: true, topic: topicOf(same[0]!) };
      if (same.length > 1) return didYouMean(raw, same.map((e) => e.name).slice(0, 3), true);

      // A text much longer than any name is no typo of one: fuzzy-matching it whole is slow (fuse's
      // bitap works in 32-character chunks, ~80 ms for a 60-character text) and finds nothing.
      const strict = distinctive.length <= Math.max(32, longestName + 8) ? strictByKind[kind ?? 'any'].search(distinctive, { limit: 10 }) : [];
      if (strict.length > 0) {
        const best = strict[0]!;
        // Two different entities almost equally close: ask rather than guess.
        const rival = strict.find((h) => h.item.entity.id !== best.item.entity.id);
        const tooClose = rival !== undefined && (rival.score ?? 1) - (best.score ?? 0) < 0.05;
        if (!tooClose) return { ok: true, topic: topicOf(best.item.entity) };
        return didYouMean(raw, [...new Set(strict.map((h) => h.item.entity.name))].slice(0, 3), true);
      }
      // Suggest from the whole name and from each longer word on its own ("Humbrside Narnia").
      const words = distinctive.split(' ').filter((w) => w.length >= 4 && w.length <= longestName).slice(0, 8);
      const hits = [...(distinctive.length <= longestName + 8 ? [distinctive] : []), ...(words.length > 1 || distinctive.length > longestName + 8 ? words : [])]
        .flatMap((q) => looseAll.search(q, { limit: 10 }))
        .sort((a, b) => (a.score ?? 1) - (b.score ?? 1));
      // Only names about as close as the closest: "Humbrside Narnia" is Humberside, not Northumbria.
      const best = hits[0]?.score ?? 0;
      const names = [...new Set(hits.filter((h) => (h.score ?? 1) <= best + 0.1).map((h) => h.item.entity.name))].slice(0, 3);
      return didYouMean(raw, names, false);
    },
    labelOf(key) {
      if (key === ENGAGE_TOPIC) return 'Engage moves';
      if (key === ALL_TOPIC) return 'everything';
      const entity = entities.get(key.replace(/^entity:/, ''));
      return entity ? nameOf(entity, true) : key;
    },
  };
}

/** Splits normalised words into the distinctive part and the kind the generic words point to. */
function splitWords(normalized: string): { distinctive: string; kind: Kind | undefined } {
  const kinds = new Set<Kind>();
  const kept: string[] = [];
  for (const word of normalized.split(' ').filter(Boolean)) {
    const generic = genericWord(word);
    if (generic === undefined) kept.push(word);
    else if (generic !== null) kinds.add(generic);
  }
  return { distinctive: kept.join(' '), kind: kinds.size === 1 ? [...kinds][0] : undefined };
}

/** The kind a generic word points to (null: generic but no kind), or undefined for a distinctive word. Forgives one typo. */
function genericWord(word: string): Kind | null | undefined {
  if (word in KIND_WORDS) return KIND_WORDS[word];
  if (word.length < 3) return undefined;
  for (const [generic, kind] of Object.entries(KIND_WORDS)) {
    if (generic.length >= 4 && word[0] === generic[0] && editDistance(word, generic, 1) <= 1) return kind;
  }
  return undefined;
}

/** What a channel subscribed to `topic` receives, as a confirmation would say it. */
export function describeTopic(topic: ResolvedTopic | string, labelOf?: (key: string) => string): string {
  const key = typeof topic === 'string' ? topic : topic.key;
  const label = typeof topic === 'string' ? (labelOf?.(key) ?? key) : topic.label;
  if (key === ENGAGE_TOPIC) {
    return 'an alert whenever a police force or fire and rescue service moves into or out of Engage (HMICFRS\'s enhanced monitoring, "special measures"), a correction if such an alert turns out wrong, and a heads-up when the inspectorate\'s news feed mentions Engage before the knowledge base has it';
  }
  if (key === ALL_TOPIC) {
    return 'every alert: each move into or out of Engage, each new or corrected newsworthy fact, and each heads-up from the inspectorate\'s news feed';
  }
  return `alerts about ${label} only: its moves into or out of Engage, new or corrected newsworthy facts about it, and heads-ups from the inspectorate's news feed that mention it`;
}

function orList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
