// Dated roles: who held an office on a day, "now" as of the newest role record, hand-overs within
// a month, and which offices a question names (ambiguous phrases never resolve to one office).

import { describe, expect, it } from 'vitest';
import type { KnowledgeData } from '../../knowledge/schema.ts';
import { newestRoleDate, officesMatching, roleHolderOn, roleHoldersDuring } from '../../src/roles.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

const kb = loadBundledKnowledge();

/** A tiny knowledge base with one office and two holders, for the edge cases. */
function tiny(roles: Partial<NonNullable<KnowledgeData['roles']>[number]>[]): KnowledgeData {
  return {
    sources: [{ id: 's', kind: 'news', title: 'S', publisher: null, published: null }],
    entities: [
      { id: 'a', kind: 'person', name: 'A', aliases: [], weakAliases: [], roles: [] },
      { id: 'b', kind: 'person', name: 'B', aliases: [], weakAliases: [], roles: [] },
    ],
    facts: [],
    events: [],
    concepts: [],
    offices: [{ id: 'chair', name: 'Chair', aliases: ['the chair'], shared: false, heads: false }],
    roles: roles.map((r, i) => ({ id: `r${i}`, office: 'chair', holder: 'a', acting: false, citations: [{ source: 's' }], ...r })),
    ambiguousAliases: [],
    origins: new Map(),
    revision: 'test',
  };
}

describe('roleHolderOn with the bundled knowledge', () => {
  it('answers "who is the Home Secretary?" with the holder as of the newest role record, and that date', () => {
    const now = roleHolderOn(kb, 'home-secretary');
    expect(now?.holder.id).toBe('shabana-mahmood');
    expect(now?.asOf).toBe('2025-09-05');
    expect(now?.checkedTo).toBe('2026-01');
    expect(now?.citations.length).toBeGreaterThan(0);
  });

  it('answers for a past day: Patel in June 2022, Shapps for his six days, Braverman twice', () => {
    expect(roleHolderOn(kb, 'home-secretary', '2022-06')?.holder.id).toBe('priti-patel');
    expect(roleHolderOn(kb, 'home-secretary', '2022-06-28')?.holder.id).toBe('priti-patel');
    expect(roleHolderOn(kb, 'home-secretary', '2022-10-20')?.holder.id).toBe('grant-shapps');
    expect(roleHolderOn(kb, 'home-secretary', '2022-09-20')?.holder.id).toBe('suella-braverman');
    expect(roleHolderOn(kb, 'home-secretary', '2023-06-01')?.holder.id).toBe('suella-braverman');
    expect(roleHolderOn(kb, 'home-secretary', '2024-12-01')?.holder.id).toBe('yvette-cooper');
  });

  it('gives the successor the hand-over day', () => {
    expect(roleHolderOn(kb, 'home-secretary', '2022-09-06')?.holder.id).toBe('suella-braverman');
    expect(roleHolderOn(kb, 'met-commissioner', '2022-09-12')?.holder.id).toBe('mark-rowley');
    expect(roleHolderOn(kb, 'hm-chief-inspector', '2022-04-01')?.holder.id).toBe('andy-cooke');
  });

  it('knows acting holders: Sir Stephen House ran the Met in June 2022, as acting Commissioner', () => {
    const june = roleHolderOn(kb, 'met-commissioner', '2022-06-28');
    expect(june?.holder.id).toBe('stephen-house');
    expect(june?.acting).toBe(true);
    expect(roleHolderOn(kb, 'met-commissioner', '2020-01-01')?.holder.id).toBe('cressida-dick');
  });

  it('lists every holder of a month with a hand-over instead of picking one', () => {
    expect(roleHolderOn(kb, 'home-secretary', '2022-10')).toBeUndefined();
    expect(roleHoldersDuring(kb, 'home-secretary', '2022-10').map((h) => h.holder.id)).toEqual(['suella-braverman', 'grant-shapps', 'suella-braverman']);
    expect(roleHoldersDuring(kb, 'home-secretary', '2022').map((h) => h.holder.id)).toEqual(['priti-patel', 'suella-braverman', 'grant-shapps', 'suella-braverman']);
  });

  it('holds HM Chief Inspectors in turn: Winsor to March 2022, Cooke since 1 April 2022', () => {
    expect(roleHolderOn(kb, 'hm-chief-inspector', '2022-03-15')?.holder.id).toBe('tom-winsor');
    expect(roleHolderOn(kb, 'hm-chief-inspector')?.holder.id).toBe('andy-cooke');
  });

  it('says nothing before the first record or for an unknown office', () => {
    expect(roleHolderOn(kb, 'home-secretary', '2018-01-01')).toBeUndefined();
    expect(roleHolderOn(kb, 'no-such-office')).toBeUndefined();
    expect(roleHolderOn(kb, 'no-such-office', '2022-06')).toBeUndefined();
  });
});

describe('roleHolderOn edge cases', () => {
  it('has no "now" holder when the last holding has ended', () => {
    const k = tiny([{ from: '2020-01-01', until: '2021-01-01' }]);
    expect(roleHolderOn(k, 'chair')).toBeUndefined();
    expect(newestRoleDate(k, 'chair')).toBe('2021-01-01');
    expect(roleHolderOn(k, 'chair', '2020-06')?.holder.id).toBe('a');
  });

  it('reads a coarse end in the holder\'s favour and an asOf-only record as that date', () => {
    const k = tiny([{ from: '2019', until: '2020-03' }, { holder: 'b', asOf: '2020-06-29' }]);
    expect(roleHolderOn(k, 'chair', '2020-03-20')?.holder.id).toBe('a');
    expect(roleHolderOn(k, 'chair', '2020-06-29')?.holder.id).toBe('b');
    expect(roleHolderOn(k, 'chair', '2020-07-01')).toBeUndefined();
  });
});

describe('officesMatching', () => {
  const ids = (text: string) => officesMatching(kb, text).map((m) => m.office?.id ?? `ambiguous:${m.ambiguous?.id}`);

  it('finds the office in the words people use', () => {
    expect(ids('Who is the Home Secretary?')).toEqual(['home-secretary']);
    expect(ids('who was home sec in june 2022')).toEqual(['home-secretary']);
    expect(ids('who is the chief inspector of constabulary')).toEqual(['hm-chief-inspector']);
    expect(ids('who was Met commissioner in 2020?')).toEqual(['met-commissioner']);
    expect(ids('who is the mayor of london')).toEqual(['mayor-of-london']);
  });

  it('prefers the longest phrase and returns ambiguous phrases as ambiguous', () => {
    expect(ids('who was the deputy commissioner')).toEqual(['met-deputy-commissioner']);
    expect(ids('who is the police commissioner for London?')).toEqual(['ambiguous:police-commissioner']);
    expect(ids('who is the chief inspector?')).toEqual(['ambiguous:chief-inspector']);
    expect(ids('what happened to the weather')).toEqual([]);
  });
});
