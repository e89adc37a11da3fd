// Generates realistic synthetic knowledge bases for the bench: invented forces with aliases,
// Engage timelines, and facts worded like the real ones (findings, statements, dates), plus a
// question mix with typos, dates, paraphrases and out-of-scope questions. Seeded: reproducible.

import type { Entity, Fact, KnowledgeData, Source, StatusEvent } from '../knowledge/schema.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['North', 'South', 'East', 'West', 'Upper', 'Lower', 'Greater', 'Mid', 'Old', 'New'];
const ROOTS = ['ham', 'ford', 'shire', 'wick', 'bury', 'ton', 'field', 'worth', 'mouth', 'dale', 'moor', 'vale', 'brook', 'stead', 'combe'];
const STEMS = ['Ash', 'Brack', 'Cald', 'Dun', 'Elm', 'Fen', 'Glen', 'Harl', 'Ivel', 'Kest', 'Lang', 'Marl', 'Nor', 'Oak', 'Pen', 'Rad', 'Stow', 'Thorn', 'Wen', 'Yar'];
const FINDINGS = [
  'answered too few 999 calls within the national target',
  'left a backlog of online child abuse referrals',
  'did not record about {n} crimes a year',
  'closed investigations without speaking to victims',
  'did not supervise investigations properly',
  'could not show it understood demand for its services',
  'failed to manage registered sex offenders safely',
  'kept poor records of stop and search grounds in {p} per cent of cases',
  'did not identify repeat and vulnerable victims at first contact',
  'had no workable plan for its workforce and finances',
];
const SPEAKERS = ['the chief constable', 'the police and crime commissioner', 'an HM Inspector', 'the Home Secretary', 'a local MP', 'the force spokesperson'];
const REACTIONS = ['accepted the findings in full', 'said an improvement plan was already under way', 'called the report disappointing', 'promised to publish progress every quarter', 'disputed the inspectorate\'s figures'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A knowledge base with `factCount` facts about invented forces, plus the real concepts. */
export function generateKnowledge(factCount: number, real: KnowledgeData): KnowledgeData {
  const random = rng(factCount);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const forceCount = Math.max(20, Math.round(factCount / 25));
  const entities: Entity[] = [];
  const names = new Set<string>();
  while (entities.length < forceCount) {
    let place = `${random() < 0.4 ? pick(PLACES) + ' ' : ''}${pick(STEMS)}${pick(ROOTS)}`;
    // The name space is finite: past it, number the places ("Ashford 2") rather than loop forever.
    if (names.has(place)) place = `${place} ${entities.length}`;
    if (names.has(place)) continue;
    names.add(place);
    const id = place.toLowerCase().replace(/\s+/g, '-') + '-police';
    entities.push({ id, kind: 'police_force', name: `${place} Police`, aliases: [`${place} Police`, `${place} Constabulary`, place], weakAliases: [], roles: [] });
  }
  const sources: Source[] = [];
  for (let i = 0; i < Math.max(50, factCount / 10); i++) {
    sources.push({ id: `source-${i}`, kind: random() < 0.5 ? 'official' : 'news', title: `Report ${i}`, publisher: random() < 0.5 ? 'HMICFRS' : 'Local News', published: `${2019 + (i % 7)}-0${1 + (i % 9)}-1${i % 9}` });
  }
  const events: StatusEvent[] = [];
  entities.forEach((e, i) => {
    if (i % 4 !== 0) return;
    const year = 2019 + (i % 6);
    const month = 1 + (i % 12);
    events.push({ id: `${e.id}-in`, entity: e.id, event: 'entered_engage', date: `${year}-${String(month).padStart(2, '0')}`, reasons: [pick(FINDINGS).replace('{n}', '12,000').replace('{p}', '20')], citations: [{ source: pick(sources).id }], confidence: 'verified', withdrawn: false });
    if (i % 8 === 0) events.push({ id: `${e.id}-out`, entity: e.id, event: 'left_engage', date: `${year + 1}-${String(month).padStart(2, '0')}-15`, reasons: ['improved call handling'], citations: [{ source: pick(sources).id }], confidence: 'verified', withdrawn: false });
  });
  const facts: Fact[] = [];
  for (let i = 0; i < factCount; i++) {
    const force = pick(entities);
    const month = pick(MONTHS);
    const year = 2019 + Math.floor(random() * 7);
    const finding = pick(FINDINGS).replace('{n}', String(1000 + Math.floor(random() * 90000))).replace('{p}', String(5 + Math.floor(random() * 40)));
    const text =
      random() < 0.6
        ? `An HMICFRS inspection of ${force.name} published in ${month} ${year} found that the force ${finding}.`
        : `After the ${month} ${year} inspection, ${pick(SPEAKERS)} of ${force.name} ${pick(REACTIONS)}.`;
    facts.push({
      id: `fact-${i}`,
      about: [force.id],
      text,
      date: String(year),
      questions: [`What did the inspectorate find about ${force.name} in ${year}?`],
      keywords: [],
      citations: [{ source: pick(sources).id }],
      newsworthy: false,
    });
  }
  return { sources, entities, facts, events, concepts: real.concepts, origins: new Map(), revision: `synthetic-${factCount}` };
}

/** Realistic questions for a base: Engage lists, force status, findings, typos, declines. */
export function questionMix(data: KnowledgeData, count: number, seed: number): string[] {
  const random = rng(seed + 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const forces = data.entities.filter((e) => e.kind === 'police_force');
  const typo = (s: string) => {
    const i = 1 + Math.floor(random() * (s.length - 2));
    return s.slice(0, i) + s.slice(i + 1);
  };
  const templates: (() => string)[] = [
    () => 'which forces are in Engage?',
    () => 'wich forcs are in engaje',
    () => `Which forces were in special measures in ${pick(MONTHS)} ${2019 + Math.floor(random() * 6)}?`,
    () => `Is ${pick(forces).name} in special measures?`,
    () => `When did ${pick(forces).name} leave Engage?`,
    () => `why was ${typo(pick(forces).name)} put in enhanced monitoring`,
    () => `What did the inspectorate find about ${pick(forces).name}?`,
    () => `how many crimes went unrecorded at ${pick(forces).name}`,
    () => 'How many offences go unrecorded by the Met each year?',
    () => 'What did the Home Secretary say?',
    () => 'What is the best football team in Manchester?',
    () => 'Give me a cake recipe',
    () => `Is ${pick(['Cumbria', 'Derbyshire', 'Dyfed-Powys'])} in special measures?`,
  ];
  return Array.from({ length: count }, () => pick(templates)());
}
