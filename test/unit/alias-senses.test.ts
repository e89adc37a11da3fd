// Names with more than one sense: an ambiguous phrase is found with all its candidates (never
// resolved to one), a longer real name wins over the phrase inside it, and a former name gets a
// cited "formerly" sentence.

import { describe, expect, it } from 'vitest';
import { ambiguousPhrasesIn, formerNamesIn } from '../../src/alias-senses.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

const kb = loadBundledKnowledge();

describe('ambiguousPhrasesIn', () => {
  it('finds "the watchdog" with both candidates and asks which is meant', () => {
    const [m] = ambiguousPhrasesIn(kb, 'What did the watchdog say about the Met?');
    expect(m?.candidates.map((c) => c.id)).toEqual(['hmicfrs', 'iopc']);
    expect(m?.question).toBe('“the watchdog” can mean His Majesty\'s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) or the Independent Office for Police Conduct (IOPC): which do you mean?');
  });

  it('covers an office and a sense outside the knowledge base', () => {
    expect(ambiguousPhrasesIn(kb, 'who is the police commissioner?')[0]?.candidates.map((c) => c.id)).toEqual(['police-and-crime-commissioners', 'met-commissioner']);
    expect(ambiguousPhrasesIn(kb, 'who is the chief inspector')[0]?.question).toBe('“chief inspector” can mean the HM Chief Inspector of Constabulary and of Fire & Rescue Services or a police rank (chief inspector) held by officers in every force: which do you mean?');
    expect(ambiguousPhrasesIn(kb, 'Is London police in special measures?')[0]?.candidates.map((c) => c.id)).toEqual(['metropolitan-police', 'city-of-london-police']);
  });

  it('lets a longer real name win over the phrase inside it', () => {
    expect(ambiguousPhrasesIn(kb, 'what does the police complaints watchdog do')).toEqual([]);
    expect(ambiguousPhrasesIn(kb, 'Who is HM Chief Inspector?')).toEqual([]);
    expect(ambiguousPhrasesIn(kb, 'Is Kent Police in Engage?')).toEqual([]);
  });
});

describe('formerNamesIn', () => {
  it('says "formerly" for the IPCC, with the sources of the change', () => {
    const [m] = formerNamesIn(kb, 'What did the IPCC find?');
    expect(m?.entity.id).toBe('iopc');
    expect(m?.sentence).toBe('The IPCC is the former name of the Independent Office for Police Conduct (IOPC), used until 7 January 2018.');
    expect(m?.citations.map((c) => c.source)).toContain('bbc-news-2018-01-08-police-complaints-overhaul-begins');
  });

  it('knows ACPO and HMIC, and not a current name', () => {
    expect(formerNamesIn(kb, 'what did acpo say')[0]?.entity.id).toBe('npcc');
    expect(formerNamesIn(kb, 'HMIC report on the Met')[0]?.formerName.until).toBe('2017-07');
    expect(formerNamesIn(kb, 'what did the IOPC find')).toEqual([]);
    expect(formerNamesIn(kb, 'what did HMICFRS find')).toEqual([]);
  });
});
