// Golden questions for issue 8: each correction of the December 2026 fact-check is what gets
// answered (never the reworded or wrong wording), the register (a force with no Engage record, a
// fire service that shares its county's name) and roles on dates (via the pure roles module the
// lead will route to). Runs on the bundled knowledge; does not need ../shared.

import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer.ts';
import { findDates } from '../../src/dates.ts';
import { indexKnowledge } from '../../src/knowledge-index.ts';
import { noEngageRecordSentence } from '../../src/register.ts';
import { officesMatching, roleHolderOn } from '../../src/roles.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

const knowledge = loadBundledKnowledge();
const index = indexKnowledge(knowledge);

interface Golden {
  q: string;
  /** Why this question, and which correction it guards. */
  why: string;
  contains?: string[];
  excludes?: string[];
  /** The answer must rest on one of these records. */
  records?: string[];
}

const CORRECTIONS: Golden[] = [
  { q: "What did Matt Parr's letter say about public confidence in the Met?", why: '#1 published wording', contains: ['chilling effect on public trust and confidence'], excludes: ['chilling impact', 'public faith'], records: ['parr-letter-systemic-concerns-chilling-impact'] },
  { q: 'Which report called the Met arrogant, secretive and lethargic?', why: '#2 lethargic, not lax; March 2022', contains: ['arrogant', 'lethargic', 'fundamentally'], excludes: ['lax'], records: ['parr-march-2022-report-arrogant-secretive-lax'] },
  { q: 'What did Matt Parr say about the Stephen Port investigation?', why: '#3 not "hampered by unfathomable failings"', contains: ['suspicious'], excludes: ['unfathomable', 'hampered'], records: ['parr-stephen-port-unfathomable-failings'] },
  { q: 'Did the Home Secretary say police should get the basics right?', why: '#4 basics, never fundamentals', contains: ['the basics right'], excludes: ['fundamentals'], records: ['patel-expects-police-basics-right'] },
  { q: 'Was Cleveland rated inadequate in every area?', why: '#5 the grading came in September 2019, after the entry', contains: ['27 September 2019'], records: ['cleveland-inadequate-in-every-area-2019'] },
  { q: 'When was the full HMICFRS report on the Met published?', why: '#6 leaked letter vs the September 2022 report', contains: ['September 2022'], records: ['met-peel-report-published-2022-09', 'met-engage-full-report-unpublished'] },
  { q: 'How accurate is Met Police crime recording?', why: 'published "barely adequate", not the rewrite\'s "barely sufficient"', contains: ['barely adequate'], excludes: ['barely sufficient'], records: ['met-crimes-recorded-within-24-hours'] },
  { q: 'What did Sadiq Khan say back to Priti Patel?', why: '#10 no "ejected"', excludes: ['ejected'], records: ['khan-camp-says-he-ousted-cressida-dick'] },
  { q: 'Is it true 69,000 crimes go unreported in London?', why: '#11 unrecorded, with the September 2022 figure', contains: ['unrecorded', '69,100'], records: ['met-69000-crimes-unrecorded'] },
  { q: 'who said sadiq khan was asleep at the wheel', why: '#12 Hansard, 29 June 2022', contains: ['29 June 2022', 'asleep at the wheel'], records: ['kit-malthouse-commons-remarks-2022-06'] },
  { q: 'Did the Met need an improvement plan?', why: '#7 past tense, no "now it is"', contains: ['had to draw up'], excludes: ['has to draw up'], records: ['engage-improvement-plan-and-support'] },
];

describe('golden questions for the corrections', () => {
  for (const g of CORRECTIONS) {
    it(`${g.q} (${g.why})`, () => {
      const a = answer(g.q, index);
      const seen = `[${a.status}/${a.explanation?.route} ${a.explanation?.recordIds.join(',')}] ${a.text}`;
      expect(a.status, seen).toBe('answered');
      expect(a.citations.length, seen).toBeGreaterThan(0);
      if (g.records) expect(a.explanation?.recordIds.some((id) => g.records!.includes(id)), seen).toBe(true);
      for (const p of g.contains ?? []) expect(a.text.toLowerCase(), seen).toContain(p.toLowerCase());
      for (const p of g.excludes ?? []) expect(a.text.toLowerCase(), seen).not.toContain(p.toLowerCase());
    });
  }

  it('never shows the reworded copy as anyone\'s words: no answer cites it with a quote', () => {
    const reworded = new Set(knowledge.sources.filter((s) => s.textIs === 'reworded-copy').map((s) => s.id));
    expect(reworded.has('dailymail-2022-06-29')).toBe(true);
    for (const f of [...knowledge.facts, ...knowledge.events]) {
      for (const c of f.citations) if (reworded.has(c.source)) expect(c.quote, f.id).toBeUndefined();
    }
  });
});

describe('golden questions for the register', () => {
  it('a force with no Engage record is named and declined, not mistaken for another body', () => {
    const a = answer('Is Kent Police in Engage?', index);
    expect(a.status).toBe('no_answer');
    expect(a.text).toContain('Kent Police');
    // It says what the records hold, for the period they cover, and never states a negative as fact.
    expect(a.sentences[0]!.text).toMatch(/no Engage record for Kent Police in the period my records cover/);
    expect(a.sentences[0]!.text).not.toMatch(/\bnever\b/i);
    expect(a.text).toMatch(/do not show that this force was never in Engage/);
    expect(a.citations.some((c) => /previously in Engage/.test(c.title))).toBe(true);
  });

  it('a fire service that shares its county\'s name is the fire service, not the county\'s police force', () => {
    for (const q of ['Is Kent Fire and Rescue Service in special measures?', 'Is Staffordshire Fire and Rescue Service in Engage?', 'Has Surrey Fire ever been in special measures?']) {
      const a = answer(q, index);
      expect(a.text, q).toMatch(/Fire and Rescue Service/);
      expect(a.text, q).not.toMatch(/\b(Kent|Staffordshire|Surrey) Police\b/);
    }
  });

  it('the county name alone still finds the police force, which has the Engage record', () => {
    const a = answer('When did Staffordshire leave special measures?', index);
    expect(a.status).toBe('answered');
    expect(a.text).toContain('Staffordshire Police');
    expect(a.text).toContain('21 May 2024');
  });

  it('the no-record sentence the lead will route to names the period and cites the HMICFRS lists', () => {
    const r = noEngageRecordSentence(knowledge, 'cumbria-constabulary', { presumption: true })!;
    expect(r.sentences[0]!.text).toContain('no stay in HMICFRS');
    expect(r.sentences.map((s) => s.text).join(' ')).toContain('from 2019 to 12 August 2025');
    expect(r.citations.map((c) => c.source)).toContain('hmicfrs-undated-police-forces-previously-engage');
  });
});

describe('golden questions for roles on dates (officesMatching + findDates + roleHolderOn)', () => {
  const ROLES: { q: string; holder: string; asOf: string; why: string }[] = [
    { q: 'Who is the Home Secretary?', holder: 'shabana-mahmood', asOf: '2025-09-05', why: 'now = as of the newest role record' },
    { q: 'Who was Home Secretary in June 2022?', holder: 'priti-patel', asOf: '2022-06', why: 'Patel, not whoever holds it now' },
    { q: 'who was home secretary on 20 October 2022', holder: 'grant-shapps', asOf: '2022-10-20', why: "Shapps's six days" },
    { q: 'Who was the chief inspector of constabulary in 2020?', holder: 'tom-winsor', asOf: '2020', why: 'Winsor before Cooke' },
    { q: 'Who is HM Chief Inspector?', holder: 'andy-cooke', asOf: '2022-04-01', why: 'Cooke since 1 April 2022' },
    { q: 'Who was Met commissioner in June 2022?', holder: 'stephen-house', asOf: '2022-06', why: 'acting Commissioner between Dick and Rowley' },
    { q: 'who is the mayor of london', holder: 'sadiq-khan', asOf: '2016-05', why: 'Khan since May 2016, no end recorded' },
  ];
  for (const g of ROLES) {
    it(`${g.q} → ${g.holder} (${g.why})`, () => {
      const [mention] = officesMatching(knowledge, g.q);
      expect(mention?.office, g.q).toBeDefined();
      const day = findDates(g.q)[0]?.date;
      const r = roleHolderOn(knowledge, mention!.office!.id, day);
      expect(r?.holder.id).toBe(g.holder);
      expect(r?.asOf).toBe(g.asOf);
      expect(r?.citations.length).toBeGreaterThan(0);
    });
  }

  it('"police commissioner" is ambiguous, never one office', () => {
    const [mention] = officesMatching(knowledge, 'Who is the police commissioner?');
    expect(mention?.office).toBeUndefined();
    expect(mention?.ambiguous?.candidates).toEqual(['police-and-crime-commissioners', 'met-commissioner']);
  });
});
