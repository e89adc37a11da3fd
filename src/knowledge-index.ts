// Builds the in-memory index the answering core searches: entity aliases, concept phrases,
// a typo-correcting vocabulary, an inverted index from terms to facts, and each entity's Engage
// timeline. Built once per knowledge base (cached); pure computation over KnowledgeData.

import { wordClassStems, wordClassWords, type WordClassId } from './word-classes.ts';
import type { Entity, Fact, KnowledgeData, Source, StatusEvent } from '../knowledge/schema.ts';
import { compareDates, rangeOf } from './dates.ts';
import { entrySentence, exitSentence, noteSentence, periodsOf, reasonsSentence, type EngagePeriod } from './engage-timeline.ts';
import { knowledgeNameWords, knowledgeVocabulary } from './lexicon/knowledge-vocabulary.ts';
import { createRelatedWords, type RelatedWords } from './lexicon/related-words.ts';
import { wordProfile } from './lexicon/word-profile.ts';
import { allowedTypos, editDistance, EVERYDAY_WORDS, isStopWord, normalizeAlias, stem, STOP_WORDS, tokenize, type Token } from './text.ts';

/** A recognised piece of text: an entity, a concept, or a plain word stem. */
export interface Term {
  /** "#entity-id", "@concept-id" or the word's stem. */
  key: string;
  kind: 'entity' | 'concept' | 'word';
  /** The words it was read from. */
  surface: string;
  /** For entities named only by a weak alias ("Cleveland"). */
  weak?: boolean;
  /** For words not found anywhere in the knowledge base. */
  unknown?: boolean;
  /**
   * Knowledge-base terms that may stand for this one (from the lexicon: "sacked" → @resign,
   * "cops" → offic), each with a weight below 1: related words count for less than exact ones,
   * and never anchor an answer.
   */
  alternatives?: { key: string; weight: number }[];
  /**
   * A time relation to a topic, not to a date ("before Scan and Engage", "after the PPSG"): the
   * question's constraint, so it weighs as a topic word does.
   */
  relation?: true;
  /**
   * The property a yes-or-no question asks about ("is Priti Patel *married*?"): never a framing
   * word, whatever its part of speech.
   */
  predicate?: true;
  /**
   * A verb that only carries the next one ("managed to get out", "tried to leave"): it weighs as
   * an everyday word, since the verb after "to" says what happened.
   */
  light?: true;
  /** Named before a colon or dash that opens the question ("stop and search - what …"): its topic. */
  topic?: true;
  /** In a part of the message that only sets the scene ("doing a piece for tomorrow - …"): not the topic. */
  context?: true;
  /** Position of the first token, for phrase logic. */
  position: number;
}

export interface AliasTarget {
  entityId: string;
  weak: boolean;
}

export interface IndexedFact {
  fact: Fact;
  /** Term key → weight of its field (text terms count more than keyword-only terms). */
  terms: Map<string, number>;
  /** Term sets of the alternate question phrasings. */
  phrasings: Set<string>[];
  entityIds: string[];
}

export interface KnowledgeIndex {
  data: KnowledgeData;
  sources: Map<string, Source>;
  entities: Map<string, Entity>;
  facts: Map<string, Fact>;
  /** Non-withdrawn events per entity, oldest first. */
  eventsByEntity: Map<string, StatusEvent[]>;
  /** Entities that have at least one status event, in name order. */
  engageEntities: Entity[];
  /** The newest status event date: what "now" means. */
  newestRecordDate: string;
  aliases: Map<string, AliasTarget>;
  /** For each first word of an alias, the word counts of aliases starting with it, longest first. */
  aliasLengthsByFirstWord: Map<string, number[]>;
  /** Concept phrase (stems joined by spaces) → concept id. */
  conceptPhrases: Map<string, string>;
  maxConceptWords: number;
  /** For each first stem of a concept phrase, the phrase lengths that start with it, longest first. */
  conceptLengthsByFirstStem: Map<string, number[]>;
  /** Surface words by first letter, with how often they occur, for typo correction. */
  wordsByInitial: Map<string, Map<string, number>>;
  /** Every surface word the index knows (facts, aliases, concepts, stop words). */
  knownWords: Set<string>;
  /** Words that occur in entity names and aliases ("gloucestershire", "yard"). */
  aliasWords: Set<string>;
  docs: IndexedFact[];
  postings: Map<string, number[]>;
  idf: Map<string, number>;
  /** idf of a term that occurs nowhere. */
  unknownIdf: number;
  /**
   * How much more the knowledge base uses a word (by stem) than everyday English does, as a
   * log10 ratio: "inspectorate" ≈ 4, "police" ≈ 2, "day" or "time" below 0. Words the knowledge
   * base is *about* score high; everyday words it merely contains score low.
   */
  specificity: Map<string, number>;
  /** Questions the knowledge base can answer, for suggestions and related questions. */
  suggestions: string[];
  /** Non-withdrawn status events by id. */
  eventsById: Map<string, StatusEvent>;
  /** Every stay in Engage of every force and service (entry and exit), computed once. */
  engagePeriods: EngagePeriod[];
  /** Related words over this knowledge base's vocabulary (lexicon table), built on first use. */
  relatedWords: () => RelatedWords;
  /** The profile fact of each entity that has one ("who is …"). */
  profiles: Map<string, Fact>;
  /** A closed word class of knowledge/question-words.yaml, as stems (empty if the base has none). */
  wordClass: (id: WordClassId) => ReadonlySet<string>;
  /** A word class's words as written, for classes read word by word rather than by stem. */
  wordClassWords: (id: WordClassId) => ReadonlySet<string>;
}

const cache = new WeakMap<KnowledgeData, KnowledgeIndex>();

/** Returns the index for this knowledge base, building it on first use. */
export function indexKnowledge(data: KnowledgeData): KnowledgeIndex {
  let index = cache.get(data);
  if (!index) {
    index = buildIndex(data);
    cache.set(data, index);
  }
  return index;
}

function buildIndex(data: KnowledgeData): KnowledgeIndex {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const facts = new Map(data.facts.map((f) => [f.id, f]));

  const eventsByEntity = new Map<string, StatusEvent[]>();
  let newestRecordDate = '1900';
  for (const event of data.events) {
    if (event.withdrawn) continue;
    const list = eventsByEntity.get(event.entity) ?? [];
    list.push(event);
    eventsByEntity.set(event.entity, list);
    if (rangeOf(event.date).end > rangeOf(newestRecordDate).end) newestRecordDate = event.date;
  }
  for (const list of eventsByEntity.values()) {
    list.sort((a, b) => compareDates(a.date, b.date) || (a.event === 'entered_engage' ? -1 : 1));
  }
  const engageEntities = [...eventsByEntity.keys()]
    .map((id) => entities.get(id))
    .filter((e): e is Entity => e !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));

  const { aliases, aliasLengthsByFirstWord } = buildAliases(data.entities);
  const conceptPhrases = new Map<string, string>();
  const conceptLengthsByFirstStem = new Map<string, number[]>();
  let maxConceptWords = 1;
  for (const concept of data.concepts) {
    for (const term of concept.terms) {
      const stems = tokenize(term).map((t) => t.stem);
      if (stems.length === 0) continue;
      conceptPhrases.set(stems.join(' '), concept.id);
      maxConceptWords = Math.max(maxConceptWords, stems.length);
      const lengths = conceptLengthsByFirstStem.get(stems[0]!) ?? [];
      if (!lengths.includes(stems.length)) lengths.push(stems.length);
      conceptLengthsByFirstStem.set(stems[0]!, lengths.sort((a, b) => b - a));
    }
  }

  const partial: Omit<KnowledgeIndex, 'docs' | 'postings' | 'idf' | 'unknownIdf' | 'wordsByInitial' | 'knownWords' | 'aliasWords' | 'specificity' | 'suggestions' | 'profiles' | 'relatedWords' | 'eventsById' | 'engagePeriods' | 'wordClass' | 'wordClassWords'> = {
    data,
    sources,
    entities,
    facts,
    eventsByEntity,
    engageEntities,
    newestRecordDate,
    aliases,
    aliasLengthsByFirstWord,
    conceptPhrases,
    maxConceptWords,
    conceptLengthsByFirstStem,
  };

  const wordCounts = new Map<string, number>();
  const countTokens = (tokens: Token[]) => {
    for (const t of tokens) if (!/^\d+$/.test(t.word)) wordCounts.set(t.word, (wordCounts.get(t.word) ?? 0) + 1);
  };
  const countWords = (text: string) => countTokens(tokenize(text));

  // Status events are searchable as text too: their reasons and notes answer questions the
  // timeline routes do not ("was Nottinghamshire's move linked to the Calocane case?").
  const eventFacts = data.events.filter((e) => !e.withdrawn && entities.has(e.entity)).map((e) => eventAsFact(e, entities.get(e.entity)!));
  for (const f of eventFacts) facts.set(f.id, f);

  const docs: IndexedFact[] = [];
  const postings = new Map<string, number[]>();
  for (const fact of [...data.facts, ...eventFacts]) {
    const terms = new Map<string, number>();
    const add = (key: string, weight: number) => terms.set(key, Math.max(terms.get(key) ?? 0, weight));
    for (const id of fact.about) add('#' + id, 1);
    const textTokens = tokenize(fact.text);
    for (const term of analyzeText(fact.text, partial, { strongAliasesOnly: true, tokens: textTokens })) {
      add(term.key, 1);
      // "police forces" is the force concept; a question that says only "the police" still
      // shares its word: a concept phrase's own words count a little.
      // (The phrase's tokens are the text's own: no need to read its words again.)
      if (term.kind === 'concept' && term.surface.includes(' ')) {
        const length = term.surface.split(' ').length;
        for (let k = term.position; k < term.position + length; k++) if (!isStopWord(textTokens[k]!.word)) add(textTokens[k]!.stem, 0.8);
      }
    }
    const phrasings: Set<string>[] = [];
    for (const q of fact.questions) {
      const qTerms = analyzeText(q, partial, { strongAliasesOnly: false });
      for (const term of qTerms) add(term.key, 0.9);
      phrasings.push(new Set(qTerms.map((t) => t.key)));
    }
    for (const k of fact.keywords) for (const term of analyzeText(k, partial, { strongAliasesOnly: true })) add(term.key, 0.8);
    countTokens(textTokens);
    fact.questions.forEach(countWords);
    fact.keywords.forEach(countWords);
    const docIndex = docs.length;
    docs.push({ fact, terms, phrasings, entityIds: fact.about });
    for (const key of terms.keys()) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(docIndex);
    }
  }
  // Status events count as documents for term statistics only (their words are known words).
  for (const event of data.events) event.reasons.forEach(countWords);
  for (const entity of data.entities) [entity.name, ...entity.aliases, ...entity.weakAliases].forEach(countWords);
  for (const concept of data.concepts) concept.terms.forEach(countWords);

  const n = Math.max(docs.length, 1);
  const idf = new Map<string, number>();
  for (const [key, list] of postings) idf.set(key, Math.log(1 + n / list.length));
  const unknownIdf = Math.log(1 + n) + 1;

  // Everyday words are known too, so a misspelt one ("acutally") is corrected, not taken for a topic.
  // So are the words of the word classes ("longest", "latest"), so "longets" finds its ranking word.
  const classWords = (data.wordClasses ?? []).flatMap((c) => c.words.flatMap((w) => tokenize(w).map((t) => t.word)));
  const knownWords = new Set<string>([...wordCounts.keys(), ...STOP_WORDS, ...EVERYDAY_WORDS, ...classWords]);
  const aliasWords = new Set<string>();
  for (const entity of data.entities) for (const name of [entity.name, ...entity.aliases, ...entity.weakAliases]) for (const t of tokenize(name)) aliasWords.add(t.word);
  const wordsByInitial = new Map<string, Map<string, number>>();
  for (const word of knownWords) {
    if (word.length < 3) continue;
    const bucket = wordsByInitial.get(word[0]!) ?? new Map<string, number>();
    bucket.set(word, (wordCounts.get(word) ?? 0) + (STOP_WORDS.has(word) ? 1000 : 0));
    wordsByInitial.set(word[0]!, bucket);
  }

  const specificity = specificityOf(wordCounts);
  const suggestions = buildSuggestions(data, engageEntities);
  const profiles = new Map<string, Fact>();
  for (const fact of data.facts) if (fact.describes && !profiles.has(fact.describes)) profiles.set(fact.describes, fact);
  // Built on first use: a question with no unknown word never pays for it.
  let related: RelatedWords | undefined;
  const relatedWords = () => (related ??= createRelatedWords(knowledgeVocabulary(data), { stopWords: STOP_WORDS, names: knowledgeNameWords(data) }));
  const eventsById = new Map(data.events.filter((e) => !e.withdrawn).map((e) => [e.id, e]));
  const engagePeriods = engageEntities.flatMap((entity) => periodsOf(entity, eventsByEntity.get(entity.id) ?? []));
  const wordClass = wordClassStems(data);
  return { ...partial, docs, postings, idf, unknownIdf, wordsByInitial, knownWords, aliasWords, specificity, suggestions, profiles, relatedWords, eventsById, engagePeriods, wordClass, wordClassWords: wordClassWords(data) };
}

/** Most specificity a word can have: one the knowledge base uses and everyday speech never does. */
const MAX_SPECIFICITY = 4;

function specificityOf(wordCounts: Map<string, number>): Map<string, number> {
  const profile = wordProfile();
  let total = 0;
  for (const c of wordCounts.values()) total += c;
  const byStem = new Map<string, { count: number; english: number }>();
  for (const [word, count] of wordCounts) {
    const key = stem(word);
    const row = byStem.get(key) ?? { count: 0, english: 0 };
    row.count += count;
    const zipf = profile.zipf(word);
    if (zipf > 0) row.english += 10 ** (zipf - 9);
    byStem.set(key, row);
  }
  const out = new Map<string, number>();
  if (!profile.available || total === 0) return out;
  for (const [key, { count, english }] of byStem) {
    out.set(key, english === 0 ? MAX_SPECIFICITY : Math.min(MAX_SPECIFICITY, Math.log10(count / total / english)));
  }
  return out;
}

/** A status event as a searchable fact: its entry or exit sentence, reasons and note. */
function eventAsFact(event: StatusEvent, entity: Entity): Fact {
  const sentences = [
    event.event === 'entered_engage' ? entrySentence(entity, event) : exitSentence(entity, event),
    reasonsSentence(entity, event),
    noteSentence(event),
  ].filter((x): x is string => x !== undefined);
  return {
    id: event.id,
    about: [event.entity, ...(event.decidedBy ? [event.decidedBy] : []), ...(event.inspector ? [event.inspector] : [])],
    text: sentences.join(' '),
    date: event.date,
    questions: [],
    keywords: [],
    citations: event.citations.slice(0, 4),
    newsworthy: false,
  };
}

function buildAliases(list: Entity[]): { aliases: Map<string, AliasTarget>; aliasLengthsByFirstWord: Map<string, number[]> } {
  const aliases = new Map<string, AliasTarget>();
  const put = (alias: string, target: AliasTarget) => {
    const key = normalizeAlias(alias);
    if (!key || aliases.has(key)) return;
    aliases.set(key, target);
  };
  for (const e of list) {
    put(e.name, { entityId: e.id, weak: false });
    for (const a of e.aliases) put(a, { entityId: e.id, weak: false });
  }
  // A role title names a person only when one person holds it in the knowledge base.
  const roleHolders = new Map<string, Set<string>>();
  for (const e of list) {
    for (const role of e.roles) {
      for (const title of [role.title, ...role.aliases]) {
        const key = normalizeAlias(title);
        const holders = roleHolders.get(key) ?? new Set<string>();
        holders.add(e.id);
        roleHolders.set(key, holders);
      }
    }
  }
  for (const [key, holders] of roleHolders) {
    if (holders.size === 1 && key.includes(' ')) put(key, { entityId: [...holders][0]!, weak: false });
  }
  for (const e of list) for (const a of e.weakAliases) put(a, { entityId: e.id, weak: true });
  const aliasLengthsByFirstWord = new Map<string, number[]>();
  for (const key of aliases.keys()) {
    const words = key.split(' ');
    const lengths = aliasLengthsByFirstWord.get(words[0]!) ?? [];
    if (!lengths.includes(words.length)) lengths.push(words.length);
    aliasLengthsByFirstWord.set(words[0]!, lengths.sort((a, b) => b - a));
  }
  return { aliases, aliasLengthsByFirstWord };
}

type AnalyzeContext = Pick<KnowledgeIndex, 'aliases' | 'aliasLengthsByFirstWord' | 'conceptPhrases' | 'maxConceptWords' | 'conceptLengthsByFirstStem'>;

/**
 * Reads a text into terms: entity aliases first (longest match), then concept phrases, then
 * the remaining non-stop words as stems. Used for facts and questions alike.
 */
export function analyzeText(
  text: string,
  index: AnalyzeContext,
  options: { strongAliasesOnly: boolean; tokens?: Token[] },
): Term[] {
  const tokens = options.tokens ?? tokenize(text);
  const terms: Term[] = [];
  let i = 0;
  while (i < tokens.length) {
    const matched = matchAlias(tokens, i, index, options.strongAliasesOnly) ?? matchConcept(tokens, i, index);
    if (matched) {
      terms.push(matched.term);
      i += matched.length;
      continue;
    }
    const token = tokens[i]!;
    if (!isStopWord(token.word)) terms.push({ key: token.stem, kind: 'word', surface: token.word, position: i });
    i++;
  }
  return terms;
}

function matchAlias(tokens: Token[], start: number, index: AnalyzeContext, strongOnly: boolean) {
  const first = tokens[start]!;
  // "the" is dropped from aliases ("the Met" → "met"); skip it at the start of a span.
  if (first.word === 'the') return undefined;
  // Only the lengths of aliases that start with this word are worth building a key for.
  for (const len of index.aliasLengthsByFirstWord.get(first.word) ?? []) {
    if (start + len > tokens.length) continue;
    const key = tokens
      .slice(start, start + len)
      .map((t) => t.word)
      .join(' ');
    const target = index.aliases.get(key);
    if (!target) continue;
    if (target.weak && strongOnly) continue;
    return {
      term: { key: '#' + target.entityId, kind: 'entity' as const, surface: key, weak: target.weak, position: start },
      length: len,
    };
  }
  return undefined;
}

function matchConcept(tokens: Token[], start: number, index: AnalyzeContext) {
  // Only the lengths of phrases that start with this stem are worth building a key for: most
  // tokens start none, and trying every length at every token was most of the index build.
  for (const len of index.conceptLengthsByFirstStem.get(tokens[start]!.stem) ?? []) {
    if (start + len > tokens.length) continue;
    const slice = tokens.slice(start, start + len);
    const concept = index.conceptPhrases.get(slice.map((t) => t.stem).join(' '));
    if (!concept) continue;
    return {
      term: { key: '@' + concept, kind: 'concept' as const, surface: slice.map((t) => t.word).join(' '), position: start },
      length: len,
    };
  }
  return undefined;
}

/**
 * Corrects a word the knowledge base does not know to the closest known word ("engaje" →
 * "engage"), within allowedTypos(length). Prefers the most frequent word on ties.
 */
export function correctWord(word: string, index: Pick<KnowledgeIndex, 'knownWords' | 'wordsByInitial'>, options: { notAWord?: boolean } = {}): string | undefined {
  if (index.knownWords.has(word) || /^\d+$/.test(word)) return undefined;
  // Short words get no substitutions ("tall" is not "call"), but two swapped letters are a
  // slip of the fingers whatever the length ("yrad" → "yard"). A short string that is no
  // English word at all ("stil", "mett", "meny") is a slip too: one edit is allowed.
  const swapOnly = allowedTypos(word.length) === 0 && !(options.notAWord && word.length >= 3);
  const budget = swapOnly ? 1 : Math.max(1, allowedTypos(word.length));
  if (word.length < 3) return undefined;
  let best: string | undefined;
  let bestDistance = budget + 1;
  let bestCount = -1;
  // Typos rarely hit the first letter; searching its bucket keeps correction fast on big bases.
  const bucket = index.wordsByInitial.get(word[0]!);
  if (!bucket) return undefined;
  for (const [candidate, count] of bucket) {
    if (Math.abs(candidate.length - word.length) > budget) continue;
    if (swapOnly && (candidate.length !== word.length || [...candidate].sort().join('') !== [...word].sort().join(''))) continue;
    const d = editDistance(word, candidate, budget);
    if (d < bestDistance || (d === bestDistance && count > bestCount)) {
      best = candidate;
      bestDistance = d;
      bestCount = count;
    }
  }
  return bestDistance <= budget ? best : undefined;
}

function buildSuggestions(data: KnowledgeData, engageEntities: Entity[]): string[] {
  const out: string[] = ['Which forces are in Engage?', 'Which fire and rescue services are in Engage?', 'Which forces were in Engage in December 2022?'];
  for (const e of engageEntities) {
    { const n = e.article ? `the ${e.name}` : e.name; out.push(`Is ${n} in Engage?`, `When did ${n} enter Engage?`, `Why was ${n} moved into Engage?`); }
  }
  for (const f of data.facts) if (f.questions[0]) out.push(f.questions[0]);
  return [...new Set(out)];
}
