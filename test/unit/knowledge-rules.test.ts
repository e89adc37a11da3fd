// The print-safety rules of `kb validate`: no quote from a reworded copy, a person's quoted words
// backed by a published source, no stale present tense, ambiguous aliases, former names, places
// shared by police and fire, register entries, dated roles that never overlap, one stated horizon.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateKnowledge } from '../../src/knowledge-loader.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oversight-rules-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const BASE = {
  'sources.yaml': `sources:
  - { id: letter, kind: official, title: A letter, publisher: HMICFRS, published: "2024-12-06" }
  - { id: copy, kind: news, title: A copy, publisher: null, published: "2024-12-07", textIs: reworded-copy }
  - { id: paper, kind: news, title: The paper, publisher: The Paper, published: "2024-12-07" }
`,
  'entities.yaml': `entities:
  - { id: north-police, kind: police_force, name: North Police, aliases: [Northshire Police] }
  - { id: hmicfrs, kind: oversight_body, name: HMICFRS, aliases: [the inspectorate] }
  - { id: jo-bloggs, kind: person, name: Jo Bloggs, aliases: [Jo Bloggs] }
`,
  'concepts.yaml': 'concepts:\n  - { id: engage, terms: [Engage, special measures] }\n',
  'events.yaml': `events:
  - { id: north-in, entity: north-police, event: entered_engage, date: "2024-12-06", confidence: verified, citations: [{ source: letter }] }
  - { id: north-out, entity: north-police, event: left_engage, date: "2025-05-22", confidence: verified, citations: [{ source: letter }] }
`,
};

const problemsOf = (files: Record<string, string>) => validateKnowledge(folder({ ...BASE, ...files })).problems;
const fact = (yaml: string) => ({ 'facts/f.yaml': `facts:\n${yaml}` });

describe('quotes from a reworded copy', () => {
  it('rejects a citation quote from a source marked textIs: reworded-copy', () => {
    const problems = problemsOf(fact(`  - { id: f1, about: [north-police], text: Concerns were raised., citations: [{ source: copy, quote: "prompt measures" }] }\n`));
    expect(problems).toEqual([
      'facts/f.yaml › f1 › citations.0.quote: "copy" is a reworded copy, so its wording is not what anyone said; cite a source that carries the published words, or drop the quote',
    ]);
  });

  it('accepts the reworded copy cited without a quote, and the quote from a published source', () => {
    expect(problemsOf(fact(`  - { id: f1, about: [north-police], text: Concerns were raised., citations: [{ source: copy }, { source: paper, quote: "immediate action" }] }\n`))).toEqual([]);
  });
});

describe("a person's quoted words", () => {
  it('rejects quoted words in a fact about a person that no published citation quote carries', () => {
    const problems = problemsOf(fact(`  - { id: f1, about: [jo-bloggs], text: 'Jo Bloggs called for "prompt measures".', citations: [{ source: copy }, { source: paper, quote: "immediate action" }] }\n`));
    expect(problems).toEqual([
      'facts/f.yaml › f1 › text: the quoted words "prompt measures" in a fact about a person are not in any citation quote from a source with the published wording; quote them from such a source or say it in our own words without quotation marks',
    ]);
  });

  it('accepts them when a published citation quote carries them, and never counts Engage terms as anyone\'s words', () => {
    const ok = `  - { id: f1, about: [jo-bloggs], text: 'Jo Bloggs called for "immediate action" after the "special measures" decision.', citations: [{ source: paper, quote: "take Immediate Action now" }] }\n`;
    expect(problemsOf(fact(ok))).toEqual([]);
  });

  it('leaves facts about no person alone (a report\'s own words)', () => {
    expect(problemsOf(fact(`  - { id: f1, about: [north-police], text: 'Crime recording was "barely adequate".', citations: [{ source: copy }] }\n`))).toEqual([]);
  });
});

describe('stale present tense', () => {
  const stale = `  - id: f1
    about: [north-police]
    text: North Police is in Engage and has to draw up an improvement plan.
    date: "2024-12-06"
    citations: [{ source: letter }]
`;
  it('rejects a present-tense Engage-state fact with no end when the timeline records a later exit', () => {
    expect(problemsOf(fact(stale))).toEqual([
      'facts/f.yaml › f1 › validTo: speaks of north-police\'s Engage state in the present tense, but the timeline records its exit on 22 May 2025 (north-out); set validTo: "2025-05-22" or supersededBy',
    ]);
  });

  it('catches a yes/no question the fact answers, even when its text is in the past tense', () => {
    const q = `  - { id: f1, about: [north-police], text: North Police entered Engage., date: "2024-12-06", questions: [Is North Police in special measures?], citations: [{ source: letter }] }\n`;
    expect(problemsOf(fact(q))).toHaveLength(1);
  });

  it('accepts the fact once it says until when (validTo) or what overtook it (supersededBy)', () => {
    expect(problemsOf(fact(stale.replace('    date: "2024-12-06"', '    date: "2024-12-06"\n    validTo: "2025-05-22"')))).toEqual([]);
    const superseded = stale.replace('    date: "2024-12-06"', '    date: "2024-12-06"\n    supersededBy: f2') + `  - { id: f2, about: [north-police], text: North Police left Engage., date: "2025-05-22", citations: [{ source: letter }] }\n`;
    expect(problemsOf(fact(superseded))).toEqual([]);
  });

  it('does not flag a fact dated on the exit day, a past-tense fact, or a force still in Engage', () => {
    expect(problemsOf(fact(stale.replace('"2024-12-06"', '"2025-05-22"')))).toEqual([]);
    expect(problemsOf(fact(`  - { id: f1, about: [north-police], text: In 2025 HMICFRS added a concern while North Police was in Engage., date: "2025-01", citations: [{ source: letter }] }\n`))).toEqual([]);
    const stillIn = { 'events.yaml': BASE['events.yaml'].split('\n').slice(0, 2).join('\n') + '\n' };
    expect(problemsOf({ ...stillIn, ...fact(stale) })).toEqual([]);
  });
});

describe('ambiguous aliases and former names', () => {
  const entities = `entities:
  - { id: north-police, kind: police_force, name: North Police, aliases: [Northshire Police] }
  - { id: hmicfrs, kind: oversight_body, name: HMICFRS, aliases: [the inspectorate, HMIC], formerNames: [{ name: HMIC, until: "2017-07" }] }
  - { id: iopc, kind: oversight_body, name: IOPC, aliases: [IOPC] }
  - { id: jo-bloggs, kind: person, name: Jo Bloggs, aliases: [Jo Bloggs] }
ambiguousAliases:
  - { id: the-watchdog, alias: the watchdog, candidates: [hmicfrs, iopc], note: Both are called the watchdog. }
`;
  it('accepts an ambiguous phrase that names no entity, and a former name kept as an alias', () => {
    expect(problemsOf({ 'entities.yaml': entities })).toEqual([]);
    const data = validateKnowledge(folder({ ...BASE, 'entities.yaml': entities })).data!;
    expect(data.ambiguousAliases?.[0]?.candidates).toEqual(['hmicfrs', 'iopc']);
    expect(data.entities.find((e) => e.id === 'hmicfrs')?.formerNames).toEqual([{ name: 'HMIC', until: '2017-07' }]);
  });

  it('rejects an ambiguous phrase that is also the alias of one of its candidates', () => {
    const problems = problemsOf({ 'entities.yaml': entities.replace('aliases: [the inspectorate, HMIC]', 'aliases: [the inspectorate, HMIC, watchdog]') });
    expect(problems).toEqual([
      'entities.yaml › the-watchdog › alias: "the watchdog" is ambiguous but also a name of entity hmicfrs; remove it there (an ambiguous phrase is a name for none of its candidates)',
    ]);
  });

  it('rejects unknown candidates, a lone candidate without alsoMeans, and a phrase listed twice', () => {
    const more = `  - { id: chief, alias: chief inspector, candidates: [hmicfrs], note: One body. }
  - { id: ghost, alias: ghost body, candidates: [hmicfrs, nobody], note: Two. }
  - { id: watchdog-again, alias: watchdog, candidates: [hmicfrs, iopc], note: Again. }
`;
    const problems = problemsOf({ 'entities.yaml': entities + more });
    expect(problems).toContain('entities.yaml › chief › alsoMeans: with one candidate, say what else "chief inspector" commonly means');
    expect(problems).toContain('entities.yaml › ghost › candidates.1: unknown entity or office "nobody"');
    expect(problems).toContain('entities.yaml › watchdog-again › alias: "watchdog" is already listed as ambiguous in the-watchdog (entities.yaml)');
  });

  it('rejects a former name that is not also an alias (the old name would not resolve)', () => {
    const problems = problemsOf({ 'entities.yaml': entities.replace('aliases: [the inspectorate, HMIC]', 'aliases: [the inspectorate]') });
    expect(problems).toEqual(['entities.yaml › hmicfrs › formerNames.0.name: "HMIC" must also be an alias of hmicfrs, so questions using the old name still find it']);
  });
});

describe('places shared by a police force and a fire and rescue service', () => {
  const withPlaces = (policeAliases: string, weak = '[]') => ({
    'entities.yaml': `entities:
  - { id: north-police, kind: police_force, name: North Police, aliases: ${policeAliases}, weakAliases: ${weak}, place: Northshire }
  - { id: north-fire, kind: fire_rescue_service, name: Northshire Fire and Rescue Service, aliases: [Northshire Fire], place: Northshire }
  - { id: hmicfrs, kind: oversight_body, name: HMICFRS, aliases: [the inspectorate] }
  - { id: jo-bloggs, kind: person, name: Jo Bloggs, aliases: [Jo Bloggs] }
`,
  });
  it('rejects the bare place as a full alias of either body', () => {
    expect(problemsOf(withPlaces('[Northshire Police, Northshire]'))).toEqual([
      'entities.yaml › north-police › aliases: "Northshire" is served by a police force and a fire and rescue service; make it a weak alias at most, so the kind word in the question decides',
    ]);
  });

  it('accepts it as a weak alias of the police force', () => {
    expect(problemsOf(withPlaces('[Northshire Police]', '[Northshire]'))).toEqual([]);
  });

  it('rejects two bodies of one kind for one place', () => {
    const files = withPlaces('[Northshire Police]');
    files['entities.yaml'] += '  - { id: north-police-2, kind: police_force, name: Northshire Constabulary, aliases: [], place: Northshire }\n';
    expect(problemsOf(files)).toContain('entities.yaml › north-police-2 › place: "northshire" is also the place of north-police; one police force per place');
  });

  it('asks every register entry for its country and a citation', () => {
    const files = withPlaces('[Northshire Police]');
    files['entities.yaml'] = files['entities.yaml'].replace('place: Northshire }\n  - { id: north-fire', 'place: Northshire, register: territorial }\n  - { id: north-fire').replace('aliases: [Northshire Fire], place: Northshire', 'aliases: [Northshire Fire], place: Northshire, register: territorial, country: England, citations: [{ source: letter }]');
    expect(problemsOf(files)).toEqual([
      'entities.yaml › north-police › country: a register entry says which country it serves',
      'entities.yaml › north-police › citations: a register entry cites the source of its name',
      'entities.yaml › north-fire › register: "territorial" is for police forces, not a fire_rescue_service',
    ]);
  });
});

describe('dated roles', () => {
  const people = `entities:
  - { id: north-police, kind: police_force, name: North Police, aliases: [Northshire Police] }
  - { id: hmicfrs, kind: oversight_body, name: HMICFRS, aliases: [the inspectorate] }
  - { id: jo-bloggs, kind: person, name: Jo Bloggs, aliases: [Jo Bloggs] }
  - { id: sam-smith, kind: person, name: Sam Smith, aliases: [Sam Smith] }
`;
  const roles = (records: string) => ({
    'entities.yaml': people,
    'roles.yaml': `offices:
  - { id: chief, name: Chief Inspector of Northshire, aliases: [Northshire chief inspector] }
  - { id: inspector, name: Inspector of Northshire, shared: true }
roles:
${records}`,
  });
  const handOver = `  - { id: r1, office: chief, holder: jo-bloggs, from: "2019-07-24", until: "2022-09-06", citations: [{ source: letter }] }
  - { id: r2, office: chief, holder: sam-smith, from: "2022-09-06", citations: [{ source: paper }] }
`;

  it('accepts holders in turn, a hand-over on one day, and derives the people\'s role titles', () => {
    const report = validateKnowledge(folder({ ...BASE, ...roles(handOver) }));
    expect(report.problems).toEqual([]);
    const jo = report.data!.entities.find((e) => e.id === 'jo-bloggs')!;
    expect(jo.roles).toEqual([{ title: 'Chief Inspector of Northshire', aliases: ['Northshire chief inspector'], from: '2019-07-24', to: '2022-09-06' }]);
    expect(report.data!.roles).toHaveLength(2);
  });

  it('rejects two holders of one office at the same time', () => {
    const overlap = handOver.replace('from: "2022-09-06", citations: [{ source: paper }]', 'from: "2021-01", citations: [{ source: paper }]');
    expect(problemsOf(roles(overlap))).toEqual([
      "roles.yaml › r2 › from: sam-smith's holding of chief (January 2021–no end) overlaps jo-bloggs's (r1, 24 July 2019–6 September 2022); one holder at a time",
    ]);
  });

  it('allows overlaps in a shared office (several HM Inspectors serve at once)', () => {
    expect(problemsOf(roles(handOver.replace(/office: chief/g, 'office: inspector').replace('"2022-09-06", citations: [{ source: paper }]', '"2021-01", citations: [{ source: paper }]')))).toEqual([]);
  });

  it('rejects an unknown office, a holder that is not a person, an end before the start and a record with no date', () => {
    const bad = `  - { id: r1, office: nowhere, holder: jo-bloggs, from: "2019", citations: [{ source: letter }] }
  - { id: r2, office: chief, holder: north-police, from: "2020", citations: [{ source: letter }] }
  - { id: r3, office: inspector, holder: sam-smith, from: "2022", until: "2021", citations: [{ source: letter }] }
  - { id: r4, office: inspector, holder: sam-smith, citations: [{ source: letter }] }
`;
    const problems = problemsOf(roles(bad));
    expect(problems).toContain('roles.yaml › r1 › office: unknown office "nowhere"; define it in an offices section');
    expect(problems).toContain('roles.yaml › r2 › holder: "north-police" is a police_force; an office is held by a person');
    expect(problems).toContain('roles.yaml › r3 › until: 2021 is before from 2022');
    expect(problems).toContain('roles.yaml › r4 › from: give from (and until when it ended), or asOf when the sources only show one date');
  });

  it('rejects roles written on an entity: the dated records are the one source', () => {
    const files = roles(handOver);
    files['entities.yaml'] = files['entities.yaml'].replace('aliases: [Sam Smith] }', 'aliases: [Sam Smith], roles: [{ title: Chief, asOf: "2022" }] }');
    expect(problemsOf(files)).toContain('entities.yaml › sam-smith › roles: roles are derived from the dated roles section; add role records (office, holder, from, until, citations) instead');
  });
});

describe('the stated horizon (meta)', () => {
  const meta = (checkedTo: string) => `meta:\n  checkedTo: "${checkedTo}"\n  newestRecordNote: Checked to then.\n  citations: [{ source: letter }]\n`;

  it('exposes meta.checkedTo on the loaded knowledge', () => {
    const report = validateKnowledge(folder({ ...BASE, 'meta.yaml': meta('2026-01') }));
    expect(report.problems).toEqual([]);
    expect(report.data?.meta).toEqual({ checkedTo: '2026-01', newestRecordNote: 'Checked to then.', citations: [{ source: 'letter' }] });
  });

  it('notes a missing horizon without failing', () => {
    const report = validateKnowledge(folder(BASE));
    expect(report.problems).toEqual([]);
    expect(report.notices).toContain('(knowledge) › meta: no meta.checkedTo: answers cannot say how far sources were checked');
  });

  it('rejects a horizon before the newest record, and meta in two files', () => {
    expect(problemsOf({ 'meta.yaml': meta('2025-01') })).toEqual(['meta.yaml › meta › checkedTo: 2025-01 is before the newest status event (2025-05-22); sources were checked at least that far']);
    expect(problemsOf({ 'meta.yaml': meta('2026-01'), 'more/meta.yaml': meta('2026-01') })).toEqual(['more/meta.yaml › meta: only one file may hold meta; also in meta.yaml']);
  });
});
