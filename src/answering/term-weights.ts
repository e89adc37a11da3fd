// How much each term of a question weighs: rare words more than common ones, names and domain
// concepts more than framing, unknown words most, related words less than exact ones. Pure.

import type { KnowledgeIndex, Term } from '../knowledge-index.ts';
import { wordProfile } from '../lexicon/word-profile.ts';

/** How much more a topic named first ("stop and search - what did …") weighs than the same words elsewhere. */
const TOPIC_FACTOR = 2;

/** What a verb the knowledge base never uses weighs: a rare known word's (measured on the working sets: 2 against 3.5 and the full weight). */
const UNKNOWN_VERB_WEIGHT = 2;

/** The most a word of a part that only gives context weighs: an everyday word's. */
const CONTEXT_WEIGHT = 0.6;

/** The weight of a time relation to a topic ("before Scan and Engage"): a topic word's. */
export const RELATION_WEIGHT = 2;

/**
 * Below this specificity a word the knowledge base contains is everyday English to it ("day",
 * "time", "new", "said"): it frames the question rather than names its topic.
 */
export const EVERYDAY_SPECIFICITY = 0.8;

/**
 * Whether a word the knowledge base has never seen is framing rather than topic: a common
 * adjective or adverb ("sorry", "dumb", "honestly"), a very common verb ("reckon", "think"),
 * or a common form WordNet does not list ("isnt"). A noun ("salary", "weather"), a rarer verb
 * ("sacked") or a rare word is taken as the topic, which the knowledge base does not hold.
 */
export function isFramingWord(word: string): boolean {
  const profile = wordProfile();
  const zipf = profile.zipf(word);
  const pos = profile.pos(word);
  if (pos === 'a' || pos === 'r') return zipf >= 3;
  // An inflected verb is rarer than its base: "existed" is as everyday as "exist".
  if (pos === 'v') return zipf >= 4.5 || (/(ing|ed)$/.test(word) && everydayVerbBase(word, profile));
  if (pos === undefined) return zipf >= 3.5;
  // "hanging", "looking": a form the tagged corpus mostly saw as a noun, of an everyday verb.
  return /(ing|ed)$/.test(word) && everydayVerbBase(word, profile);
}

/** Whether an -ing or -ed form comes from a common verb ("hanging" → hang, "dragged" → drag). */
function everydayVerbBase(word: string, profile: ReturnType<typeof wordProfile>): boolean {
  const base = word.replace(/(ing|ed)$/, '');
  const candidates = [base, `${base}e`, /([b-df-hj-np-tv-z])\1$/.test(base) ? base.slice(0, -1) : base];
  return candidates.some((c) => profile.pos(c) === 'v' && profile.zipf(c) >= 4.5);
}

/** How much a term tells us: rare terms more than common ones; unknown words most of all. */
const lightConceptCache = new WeakMap<KnowledgeIndex, Set<string>>();
/** The vocabulary's grammatical concepts (`light: true`), as term keys ("@obligation"). */
function lightConcepts(index: KnowledgeIndex): Set<string> {
  let set = lightConceptCache.get(index);
  if (!set) lightConceptCache.set(index, (set = new Set(index.data.concepts.filter((c) => c.light).map((c) => '@' + c.id))));
  return set;
}

export function termWeight(term: Term, index: KnowledgeIndex): number {
  if (term.topic) return TOPIC_FACTOR * termWeight({ ...term, topic: undefined }, index);
  if (term.relation) return RELATION_WEIGHT;
  // A word of a part that only sets the scene is not the topic, whatever it is.
  if (term.context) return Math.min(CONTEXT_WEIGHT, termWeight({ ...term, context: undefined }, index));
  // ("Her actual words", "the exact line": how the answer should come, not what it is about.)
  // ("The Scan and Engage bits", "the fire lot": a general noun stands for what the words round it name.)
  if (term.kind === 'word' && (index.wordClass('framing').has(term.key) || index.wordClass('words-asked').has(term.key) || index.wordClass('general-nouns').has(term.key))) return 0.3;
  if (term.light) return 0.6;
  if (term.kind === 'concept' && lightConcepts(index).has(term.key)) return 0.6;
  if (term.kind === 'word') {
    // An everyday word frames the question whether or not some fact happens to contain it.
    const specificity = index.specificity.get(term.key);
    if (specificity !== undefined && specificity < EVERYDAY_SPECIFICITY) return 0.6;
    if ((term.unknown || !index.postings.has(term.key)) && isFramingWord(term.surface) && !term.predicate) return 0.6;
  }
  // A verb the knowledge base never uses is how the asker put an action ("bolted on to Notts",
  // "drag in"), which its names and concepts already say: it weighs as a rare word, not as a
  // topic we do not hold. (An unknown noun, "salary", "weather", is such a topic.)
  if (term.unknown && term.kind === 'word' && wordProfile().pos(term.surface) === 'v') return UNKNOWN_VERB_WEIGHT;
  if (term.unknown) return index.unknownIdf;
  const idf = index.idf.get(term.key);
  // A word no fact contains: part of a known name ("station" of "Charing Cross police station")
  // says a little; any other is likely the real topic, which we do not hold.
  if (idf === undefined && term.kind === 'word') return index.aliasWords.has(term.surface) ? 1.5 : index.unknownIdf;
  if (term.kind === 'entity') return Math.max(idf ?? 0, term.weak ? 1.5 : 2.5);
  // A concept no fact carries ("how tall", "salary") is a topic we do not hold: it weighs fully.
  if (term.kind === 'concept') return idf === undefined ? index.unknownIdf : Math.max(Math.min(idf, 2.5), 0.8);
  return idf ?? index.unknownIdf;
}
