// Related words from the lexicon table that `npm run build` distils from WordNet, wink-nlp and
// the word vectors: reporters' words reach the knowledge base's, everyday words reach nothing.
// Skips, with a note, where the table has not been built (the build step failed or never ran).

import { describe, expect, it } from 'vitest';
import { defaultLexiconDir, loadLexicon } from '../../src/lexicon/lexicon-data.ts';
import { knowledgeNameWords, knowledgeVocabulary } from '../../src/lexicon/knowledge-vocabulary.ts';
import { createRelatedWords } from '../../src/lexicon/related-words.ts';
import { STOP_WORDS } from '../../src/text.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

const { lexicon, problem } = loadLexicon(defaultLexiconDir());
if (!lexicon) console.warn(`related-words-table tests skipped: ${problem}`);

describe.skipIf(!lexicon)('related words from the built lexicon table', () => {
  const tiny = ['dismissed', 'resigned', 'officers', 'police', 'plan', 'inspection', 'engage', 'chief', 'investigation', 'finding', 'left', 'children', 'monitoring'];
  const related = createRelatedWords(tiny, { lexicon: lexicon!, stopWords: STOP_WORDS });
  const words = (w: string) => related.related(w).map((r) => r.word);

  it.each([
    ['sacked', 'dismissed'], // WordNet's second verb sense of "sack", which the vectors confirm
    ['cops', 'officers'], // WordNet: cop → policeman, police officer (hypernym)
    ['blueprint', 'plan'], // WordNet: blueprint → plan (hypernym)
    ['boss', 'chief'], // WordNet synonym
    ['probe', 'investigation'], // WordNet synonym (noun sense), confirmed by the vectors
    ['exited', 'left'], // exit → leave, lemma "left" → "leave"
    ['kids', 'children'],
    ['stepped down', 'resigned'], // a WordNet collocation, its verb lemmatised
  ])('relates "%s" to "%s", weighing it below an exact match', (question, expected) => {
    const found = related.related(question);
    expect(found.map((r) => r.word)).toContain(expected);
    for (const r of found) {
      expect(r.weight).toBeLessThan(1);
      expect(r.weight).toBeGreaterThanOrEqual(0.5);
      expect(tiny).toContain(r.word);
    }
  });

  it('finds a collocation inside a question', () => {
    const [phrase] = related.phrases(['has', 'the', 'chief', 'stepped', 'down']);
    expect(phrase).toMatchObject({ start: 3, end: 5, phrase: 'step down' });
    expect(phrase!.related.map((r) => r.word)).toContain('resigned');
  });

  it('relates no everyday word to anything in the real knowledge base but its own forms', () => {
    const data = loadBundledKnowledge();
    const real = createRelatedWords(knowledgeVocabulary(data), { lexicon: lexicon!, stopWords: STOP_WORDS, names: knowledgeNameWords(data) });
    for (const everyday of ['weather', 'lunch', 'tomorrow', 'football', 'business', 'best', 'scotland', 'derbyshire', 'wolverhampton']) {
      expect(real.related(everyday).filter((r) => r.via !== 'lemma'), everyday).toEqual([]);
    }
  });

  it('never leads to a person through the words of a name', () => {
    const data = loadBundledKnowledge();
    expect(knowledgeNameWords(data)).toContain('mark'); // Sir Mark Rowley
    expect(knowledgeNameWords(data)).not.toContain('commissioner'); // a role title too
    const withNames = createRelatedWords(['mark', 'grade'], { lexicon: lexicon! });
    const withoutNames = createRelatedWords(['mark', 'grade'], { lexicon: lexicon!, names: ['mark'] });
    expect(withNames.related('score').map((r) => r.word)).toContain('mark');
    expect(withoutNames.related('score').map((r) => r.word)).not.toContain('mark');
  });

  it('does not take a rare sense for the common one', () => {
    // WordNet's first senses of "sack" are a bag and plundering; news text means dismissal.
    expect(createRelatedWords(['bag', 'plunder'], { lexicon: lexicon! }).related('sacked')).toEqual([]);
    expect(words('weather')).toEqual([]);
  });
});

describe.skipIf(!lexicon)('related terms of a question', () => {
  it('relates unknown words and collocations, never known words, numbers or stop words', async () => {
    const { relatedTermsFor } = await import('../../src/lexicon/question-terms.ts');
    const vocabulary = ['chief', 'constable', 'resigned', 'officers', 'when', 'the', 'taken', 'removed', 'left'];
    const related = createRelatedWords(vocabulary, { lexicon: lexicon!, stopWords: STOP_WORDS });
    const known = new Set(vocabulary);
    const terms = relatedTermsFor(['when', 'was', 'the', 'chief', 'constable', 'stepped', 'down', 'by', 'cops', 'in', '2022'], (w) => known.has(w) || STOP_WORDS.has(w), related);
    expect(terms).toContainEqual(expect.objectContaining({ from: 'step down', start: 5, end: 7, word: 'resigned', via: 'wordnet' }));
    expect(terms).toContainEqual(expect.objectContaining({ from: 'cops', start: 8, end: 9, word: 'officers' }));
    expect(terms.map((t) => t.from)).not.toContain('chief');
    expect(terms.map((t) => t.from)).not.toContain('2022');
    for (const t of terms) expect(t.weight).toBeLessThan(1);
  });
});
