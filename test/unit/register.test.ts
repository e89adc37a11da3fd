// The register against the timeline: a force with no Engage record gets "no record in the period
// the records cover" (named, cited to the HMICFRS lists) and never "never"; the list of register
// bodies with no record; the place a question names resolves by the kind word.

import { describe, expect, it } from 'vitest';
import { bodyForPlace, neverInEngage, noEngageRecordSentence, recordPeriod } from '../../src/register.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

const kb = loadBundledKnowledge();
const text = (r: { sentences: { text: string }[] } | undefined) => r?.sentences.map((s) => s.text).join(' ') ?? '';

describe('the register', () => {
  it('holds the 43 territorial police forces (39 English, 4 Welsh) and the 44 fire and rescue services of England', () => {
    const territorial = kb.entities.filter((e) => e.register === 'territorial');
    expect(territorial).toHaveLength(43);
    expect(territorial.filter((e) => e.country === 'Wales').map((e) => e.id).sort()).toEqual(['dyfed-powys-police', 'gwent-police', 'north-wales-police', 'south-wales-police']);
    expect(kb.entities.filter((e) => e.register === 'fire-england')).toHaveLength(44);
    for (const e of kb.entities.filter((x) => x.register)) expect(e.citations?.length, e.id).toBeGreaterThan(0);
  });

  it('names the period its Engage records cover: 2019 to the newest record', () => {
    expect(recordPeriod(kb)).toEqual({ from: '2019', to: '2025-08-12', label: 'from 2019 to 12 August 2025' });
  });
});

describe('noEngageRecordSentence', () => {
  it('says the records hold no Engage record for Cumbria in the period they cover, citing the HMICFRS lists', () => {
    const r = noEngageRecordSentence(kb, 'cumbria-constabulary');
    expect(text(r)).toContain('I hold no Engage record for Cumbria Constabulary in the period my records cover, from 2019 to 12 August 2025');
    expect(text(r)).toContain('do not show that this force was never in Engage');
    expect(text(r)).toContain('No Engage move after 12 August 2025 was found in sources checked up to January 2026.');
    expect(r?.citations.map((c) => c.source)).toEqual(expect.arrayContaining(['hmicfrs-undated-police-forces-previously-engage']));
    for (const s of r!.sentences) expect(s.citations.length, s.text).toBeGreaterThan(0);
  });

  it('never states as fact that a force was never in Engage', () => {
    for (const e of kb.entities.filter((x) => x.register)) {
      const t = text(noEngageRecordSentence(kb, e.id));
      expect(t.replace(/do not show that this (force|fire and rescue service) was never in Engage/, '')).not.toMatch(/\bnever\b|\bhas not been\b|\bwas not in\b/i);
    }
  });

  it('answers a presumed stay ("why was Cumbria put in special measures?") by saying the records hold none', () => {
    const t = text(noEngageRecordSentence(kb, 'cumbria-constabulary', { presumption: true }));
    expect(t).toMatch(/^My records hold no stay in HMICFRS's Engage phase \("special measures"\) for Cumbria Constabulary/);
  });

  it('cites the fire lists for a fire and rescue service', () => {
    const r = noEngageRecordSentence(kb, 'kent-fire-and-rescue-service');
    expect(text(r)).toContain('Kent Fire and Rescue Service');
    expect(text(r)).toContain('this fire and rescue service was never in Engage');
    expect(r?.citations.map((c) => c.source)).toContain('hmicfrs-undated-fire-rescue-services-previously-engage');
  });

  it('stays out of the way for a body with an Engage record, or one that is not a force or service', () => {
    expect(noEngageRecordSentence(kb, 'metropolitan-police')).toBeUndefined();
    expect(noEngageRecordSentence(kb, 'avon-fire-and-rescue-service')).toBeUndefined();
    expect(noEngageRecordSentence(kb, 'hmicfrs')).toBeUndefined();
    expect(noEngageRecordSentence(kb, 'no-such-entity')).toBeUndefined();
  });
});

describe('neverInEngage', () => {
  it('lists the territorial forces with no Engage record: 33 of 43, Cumbria in, the Met out', () => {
    const r = neverInEngage(kb, 'police_force')!;
    const ids = r.bodies.map((b) => b.entity.id);
    expect(ids).toHaveLength(33);
    expect(ids).toContain('cumbria-constabulary');
    expect(ids).toContain('kent-police');
    expect(ids).not.toContain('metropolitan-police');
    expect(ids).not.toContain('british-transport-police');
    expect(text(r)).toContain('Of the 43 territorial police forces in the register, 33 have no Engage record in the records held here, which cover from 2019 to 12 August 2025.');
    expect(text(r)).toContain('does not show that any of them was never in Engage');
  });

  it('keeps the facts that mention a listed force, such as the Humberside claim', () => {
    const humberside = neverInEngage(kb, 'police_force')!.bodies.find((b) => b.entity.id === 'humberside-police');
    expect(humberside?.relatedFacts).toContain('humberside-special-measures-claim-2017-2018');
  });

  it('lists fire and rescue services: 40 of 44 without a record (Avon, though unconfirmed, has one)', () => {
    const r = neverInEngage(kb, 'fire_rescue_service')!;
    expect(r.bodies).toHaveLength(40);
    expect(r.bodies.map((b) => b.entity.id)).not.toContain('avon-fire-and-rescue-service');
    expect(neverInEngage(kb)!.bodies).toHaveLength(73);
  });
});

describe('bodyForPlace', () => {
  it('lets the kind word decide between a county\'s police force and its fire and rescue service', () => {
    expect(bodyForPlace(kb, 'Kent', 'police_force')?.id).toBe('kent-police');
    expect(bodyForPlace(kb, 'Kent', 'fire_rescue_service')?.id).toBe('kent-fire-and-rescue-service');
    expect(bodyForPlace(kb, 'Staffordshire', 'fire_rescue_service')?.id).toBe('staffordshire-fire-and-rescue-service');
    expect(bodyForPlace(kb, 'Surrey', 'fire_rescue_service')?.id).toBe('surrey-fire-and-rescue-service');
    expect(bodyForPlace(kb, 'Atlantis', 'police_force')).toBeUndefined();
  });
});
