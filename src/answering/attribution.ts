// "Was it Matt Parr who announced LFB's move?", "I think it was Parr who … - yes?": a question
// that puts a person forward as the one who did something. When the record chosen to answer it
// tells of that very thing (it accounts for the whole question) and names that person, the answer
// leads with "Yes". Anything less sure is left to the record alone: a wrong "No" in print is
// worse than no verdict, so none is given here. Pure.

import type { Entity } from '../../knowledge/schema.ts';
import type { KnowledgeIndex } from '../knowledge-index.ts';
import { escapeRegExp, stem, tokenize } from '../text.ts';
import { withVerdict, type Draft } from './draft.ts';
import type { QuestionFrame } from './frame.ts';
import { namingPattern } from './routes/fact-sentences.ts';
import type { QuestionAnalysis } from './understand.ts';

/** The share of the question the record must account for before its naming counts as a yes. */
const WHOLE_QUESTION = 0.95;

/** A record sentence that denies or doubts what it tells. */
const DENIAL = /\b(not|never|no one|nobody|denied|denies|rejected|disputed|wrongly)\b/i;

export function withAttributionVerdict(draft: Draft, analysis: QuestionAnalysis, frame: QuestionFrame, index: KnowledgeIndex): Draft {
  if (draft.route !== 'fact' || frame.asks !== 'yes-no' || draft.coverage < WHOLE_QUESTION) return draft;
  const people = analysis.entities.map((e) => index.entities.get(e.id)).filter((e): e is Entity => e?.kind === 'person');
  if (people.length !== 1) return draft;
  const person = people[0]!;
  const surfaces = analysis.entities.filter((e) => e.id === person.id).map((e) => escapeRegExp(e.surface));
  // The cleft puts the person forward as the doer: "(was) it (was) <person> who/that <did> …";
  // so does "did <person> <do> …".
  const named = `(?:${surfaces.join('|')})`;
  const cleft = new RegExp(`\\b(?:was it|it was|wasn't it|it's)\\s+${named}\\s+(?:who|that)\\s+(\\w+)|^\\W*(?:did|has|had)\\s+${named}\\s+(\\w+)`, 'i');
  const found = cleft.exec(analysis.question);
  const doing = found?.[1] ?? found?.[2];
  if (!doing) return draft;
  const [first, ...rest] = draft.sentences;
  if (!first || first.items) return draft;
  // The record's first sentence must name the person (by name, not by a title others share) and
  // tell of the same doing ("announced" … "announced"): a roster of inspectors does neither.
  const byName = namingPattern([{ ...person, aliases: [] }]);
  const did = stem(doing.toLowerCase());
  // (A record's first sentence: a record may hold several.)
  const opening = first.text.split(/(?<=[.!?])\s+(?=[A-Z])/)[0]!;
  if (DENIAL.test(opening) || !byName.test(opening) || !tokenize(opening).some((t) => t.stem === did)) return draft;
  return { ...draft, sentences: [{ ...first, text: withVerdict('Yes: ', first.text) }, ...rest] };
}
