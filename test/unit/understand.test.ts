// Question understanding on the bundled knowledge: typo correction against the knowledge base's
// own vocabulary, aliases (strong and weak), concepts, dates and names it has never seen.

import { describe, expect, it } from 'vitest';
import { indexKnowledge } from '../../src/knowledge-index.ts';
import { understandQuestion } from '../../src/answering/understand.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

const index = indexKnowledge(loadBundledKnowledge());
const read = (q: string) => understandQuestion(q, index);

describe('understandQuestion', () => {
  it('corrects typos to words the knowledge base uses', () => {
    const a = read('wich forcs are in engaje');
    expect(a.corrections).toEqual(expect.arrayContaining([{ from: 'engaje', to: 'engage' }]));
    expect(a.concepts.has('engage')).toBe(true);
    expect(a.concepts.has('force')).toBe(true);
  });

  it('reads aliases people type as the entity', () => {
    expect(read('is scotland yard in special measures').entities.map((e) => e.id)).toEqual(['metropolitan-police']);
    expect(read('GMP exit date').entities.map((e) => e.id)).toEqual(['greater-manchester-police']);
    // "the watchdog" names HMICFRS or the IOPC (knowledge ambiguousAliases): it is an alias of neither.
    expect(read('what did the watchdog say').entities.map((e) => e.id)).toEqual([]);
    expect(read('when did glos fire leave engage').entities.map((e) => e.id)).toEqual(['gloucestershire-fire-and-rescue-service']);
  });

  it('resolves a role held by one person to that person', () => {
    expect(read('what did the policing minister say').entities.map((e) => e.id)).toEqual(['kit-malthouse']);
    // Seven Home Secretaries since 2019 (knowledge/roles.yaml): the title names none of them on its own.
    expect(read('what did the home secretary say').entities.map((e) => e.id)).toEqual([]);
  });

  it('counts a weak alias only in a question about oversight', () => {
    expect(read('is cleveland in special measures').entities.map((e) => e.id)).toEqual(['cleveland-police']);
    const ohio = read('how many people live in cleveland ohio');
    expect(ohio.entities).toEqual([]);
    expect(ohio.unknownWords).toContain('cleveland');
  });

  it('reads synonyms as one concept', () => {
    for (const q of ['forces under enhanced monitoring', 'forces in special measures', 'forces in the engage phase']) {
      expect(read(q).concepts.has('engage'), q).toBe(true);
    }
    expect(read('when did the met come out of special measures').concepts.has('leave')).toBe(true);
    expect(read('when was the met put into special measures').concepts.has('enter')).toBe(true);
  });

  it('takes dates out of the words', () => {
    const a = read('which forces were in engage at the end of june 2022');
    expect(a.dates.map((d) => d.date)).toEqual(['2022-06-30']);
    expect(a.terms.map((t) => t.surface)).not.toContain('june');
  });

  it('notices names it has never seen, but not capitals that open a sentence', () => {
    // Derbyshire and Essex are in the register now (knowledge/register.yaml): invented names stay unknown.
    expect(read('Is Narnia Constabulary in special measures?').unknownNames).toEqual(['Narnia Constabulary']);
    expect(read('Is Gotham Police in special measures?').unknownNames).toEqual(['Gotham Police']);
    expect(read('Is Derbyshire Constabulary in special measures?').unknownNames).toEqual([]);
    expect(read('Which forces are in Engage?').unknownNames).toEqual([]);
  });
});

describe('understandQuestion: preambles, carrier verbs and yearless days', () => {
  it('drops a preamble before a dash that names nothing the knowledge base is about', () => {
    const a = read('On deadline - when did Notts police go into special measures?');
    expect(a.terms.map((t) => t.surface)).not.toContain('deadline');
    expect(a.lead).toBe('when');
  });

  it('keeps a preamble that names the subject, in capitals or not', () => {
    expect(read('devon and cornwall police - when did it leave?').entities.map((e) => e.id)).toEqual(['devon-and-cornwall-police']);
    // "Yorks" is the county shortened: the register's North Yorkshire Police.
    expect(read('north yorks police - were they ever in engage?').entities.map((e) => e.id)).toEqual(['north-yorkshire-police']);
    expect(read('gloucs constabulary - when did they leave?').entities.map((e) => e.id)).toEqual(['gloucestershire-constabulary']);
    // A superlative before "police" describes the police: no force is named.
    expect(read('shortest police stay in engage?').unknownNames).toEqual([]);
    // A topic the facts are about, though it names no entity.
    expect(read('the two teenage girls who were strip searched - what were the circumstances').terms.map((t) => t.surface)).toContain('teenage');
  });

  it('finds the question word after a named topic and a colon or dash', () => {
    expect(read('Cleveland: when exactly did it come out?').lead).toBe('when');
    expect(read('devon and cornwall police - when in, when out?').lead).toBe('when');
    expect(read('Cleveland police left in 2023').lead).toBeUndefined();
  });

  it('weighs a carrier verb before "to" lightly, but not one that changes the meaning', () => {
    const managed = read('Which police forces managed to get out of special measures in 2025?').terms.find((t) => t.surface === 'managed');
    expect(managed?.light).toBe(true);
    expect(read('did the Met refuse to accept the findings?').terms.find((t) => t.surface === 'refuse')?.light).toBeUndefined();
    // Not before "to": an ordinary word.
    expect(read('who managed the Met in 2022?').terms.find((t) => t.surface === 'managed')?.light).toBeUndefined();
  });

  it('gives a day without a year the year of the subject’s move on that day', () => {
    expect(read('did the Met go into special measures on 28 June?').dates.map((d) => d.date)).toEqual(['2022-06-28']);
    expect(read('did Notts get out on 22nd May?').dates.map((d) => d.date)).toEqual(['2025-05-22']);
  });
});

describe('understandQuestion: constructions', () => {
  it('"can X force/make Y …" asks about X\'s powers, and "force" there is no police force', () => {
    const a = read('Can HMICFRS actually force a failing police force to change anything?');
    expect(a.concepts.has('powers') || a.terms.some((t) => t.key === '@powers')).toBe(true);
    expect(a.terms.filter((t) => t.key === '@force')).toHaveLength(1);
    expect(read('which police force left first?').terms.some((t) => t.key === '@powers')).toBe(false);
  });
  it('an everyday adjective with a capital is no unknown name', () => {
    expect(read('In plain English, what is Engage meant to give a force?').unknownNames).toEqual([]);
  });
  it('office titles are matched on the corrected question', () => {
    expect(read("Who's the Home Secetary now?").corrected).toMatch(/home secretary/i);
  });
});

describe('deicticTail', () => {
  it('reads "X mentions \'Y\' - what\'s that?" as a question about Y, and nothing else', async () => {
    const { deicticTail } = await import('../../src/answering/two-part.ts');
    expect(deicticTail("the Lincs letter mentions an 'HMG' - what's that?")).toBe('what is HMG?');
    expect(deicticTail('the release says "accelerated" - what does that mean?')).toBe('what is accelerated?');
    // No quoted phrase: which name "that" points at is a guess, so it is left alone.
    expect(deicticTail('the Lincs letter mentions the HMG - what is it?')).toBeUndefined();
    expect(deicticTail('what is the PPOG?')).toBeUndefined();
  });
});
