// Question understanding: reads a cleaned question into dates, entities, concepts and words
// (correcting typos against the knowledge base's own vocabulary), and weighs each term so the
// answering routes can tell how much of the question they account for. Pure. Its parts have
// their own modules: question-framing (what is set aside first), word-slips (typos),
// question-names (names not held), question-years (yearless dates), term-readings (terms read
// in context) and term-weights.

import { SET_ASIDE_PHRASE, setAsideSpans } from './exclusions.ts';
import { formatDate, isoFromDay, maskRecognised, NUMBER_WORDS, rangeOf, recogniseDates, unitOf, type DateExpression, type DateProblem, type EventAnchor } from '../dates.ts';
import { analyzeText, correctWord, type KnowledgeIndex, type Term } from '../knowledge-index.ts';
import { insideSpans, quotedSpans } from './quoted-words.ts';
import { askingText, contextSpans } from './context-sentences.ts';
import { wordProfile } from '../lexicon/word-profile.ts';
import { relatedTermsFor } from '../lexicon/question-terms.ts';
import { claimIn } from './claim.ts';
import { officesMatching } from '../roles.ts';
import { editDistance, normalizeAlias, normalizeText, isStopWord, stem, tokenize, type Token } from '../text.ts';
import { stripFraming } from './question-framing.ts';
import { englishStanding, personNameWords, countyShortening, surnamesAfter, splitCompound, misspeltGrammarWord, misspeltCommonWord, misspeltSetAsideWord, conceptStems } from './word-slips.ts';
import { unknownForces, describesNotNames, distinctNames, longerNames, coOccurs, capitalisedWords, unknownNamesIn } from './question-names.ts';
import { coversToday, joinAdjacentDates, sameYearAsSiblings, yearFromRecords } from './question-years.ts';
import { positionsOf, readWordChoice, markPredicate, markLightVerbs, readCausative, markTimeRelations, readMoveByParticle, readPastHappening, readScheduledDueTo, readEllipticInOut } from './term-readings.ts';
export { EVERYDAY_SPECIFICITY, isFramingWord, termWeight } from './term-weights.ts';
import { isFramingWord } from './term-weights.ts';
export { dropAskerContext } from './question-framing.ts';

export interface QuestionAnalysis {
  question: string;
  terms: Term[];
  /** Typos corrected, e.g. { from: "engaje", to: "engage" }. */
  corrections: { from: string; to: string }[];
  /** The question with its typos corrected ("Who's the Home Secetary now?" → "… Home secretary …"), for matching phrases such as office titles. */
  corrected: string;
  dates: DateExpression[];
  /** Entities named, strongest first; weak aliases only when the question is about oversight. */
  entities: { id: string; weak: boolean; surface: string }[];
  concepts: Set<string>;
  /** Dates that cannot exist ("31 February 2023"), with the message to show. */
  dateProblems: DateProblem[];
  /** Times given by an event ("after West Mids came out"), resolved by the answering stage. */
  anchors: EventAnchor[];
  /** Term keys an event anchor turned into the question's date ("when GMP left": #greater-manchester-police). */
  anchoredKeys?: Set<string>;
  /** The question word it starts with, if any ("which", "who", "is", …). */
  lead: string | undefined;
  /**
   * When some sentences only set the scene ("our cuttings just say end of 2024. What's the actual
   * date?"), the sentences that ask and the concepts in them: what is asked for is read there.
   */
  asking?: { text: string; concepts: Set<string> };
  /** The question asks to check a claim, whose words are `question`: answered yes or no first. */
  claim?: true;
  /** What the question puts in quotation marks, normalised ("proud of"), when it quotes anything. */
  quotes?: string[];
  /** Words the knowledge base has never seen (after typo correction). */
  unknownWords: string[];
  /**
   * Unknown words written as names (capitalised, not opening a sentence), in the asker's words
   * and with the words that follow them in the name: "Derbyshire Constabulary", "Manchester United".
   */
  unknownNames: string[];
}

/** Concepts that make a question about oversight, so that weak aliases ("Cleveland") count. */
export const OVERSIGHT_CONCEPTS = new Set(['engage', 'scan', 'enter', 'leave', 'force', 'fire-service', 'cause-of-concern', 'improvement-plan', 'inspector', 'commissioner', 'monitor', 'status', 'decide']);
export const OVERSIGHT_ENTITIES = new Set(['hmicfrs', 'hm-inspectors', 'iopc', 'college-of-policing', 'npcc', 'ppog']);

/** A question put in the present, or in the past or perfect ("did", "has … yet", "found"). */
const PRESENT_TENSE = /\b(is|are|isn't|aren't|am|still|remain|remains|now|currently)\b|\b(?:who|what|where|how|it|that|there|he|she)['’]s\b(?! been)/i;
const PAST_TENSE = /\b(did|was|were|had|has|have|went|came|got|found|made|gave|took|said|told|used|\w{3,}ed)\b/i;

/** Conjunctions that open a time clause before the question: "After the Met came out, who …". */
export const CLAUSE_TIME = new Set(['after', 'before', 'since', 'once', 'while', 'until', 'when']);
/** Prepositions that open a time set before the question: "In 2024, …", "During the summer, …". */
export const LEADING_TIME = new Set(['in', 'on', 'during', 'by', 'over', 'between', 'from', 'at', 'around', 'throughout']);

export const LEADS = ['which', 'what', 'who', 'whom', 'when', 'why', 'how', 'is', 'are', 'was', 'were', 'has', 'have', 'did', 'does', 'do', 'list', 'name', 'tell', 'show', 'give'];

/**
 * Related words for the words the knowledge base does not use ("sacked", "cops", "blueprint"),
 * from the lexicon (WordNet, lemmas, word vectors), attached to their terms as alternatives at a
 * weight below 1. Read as the knowledge base reads text, so "resigned" becomes @resign.
 */
function attachRelatedWords(terms: Term[], tokens: Token[], index: KnowledgeIndex): void {
  // Every plain word gets related words, not only those the knowledge base lacks: a word it uses
  // once in an unrelated fact ("dealt", of 999 calls) says nothing about the question's topic, and
  // an exact match still outweighs a related one.
  // A name demoted from a weak alias ("~lincoln") is still a name: WordNet's senses of it
  // ("Lincoln" → chief executive) say nothing about the question.
  const open = terms.filter((t) => t.kind === 'word' && !t.key.startsWith('~'));
  if (open.length === 0) return;
  const related = index.relatedWords();
  if (!related.available) return;
  const inTerm = positionsOf(terms.filter((t) => t.kind !== 'word'));
  const words = tokens.map((t) => t.word);
  const inEntityOrConcept = (w: string) => inTerm.has(words.indexOf(w));
  const isKnown = (w: string) => inEntityOrConcept(w) || index.postings.has(stem(w)) || isStopWord(w);
  const found = relatedTermsFor(words, isKnown, related, (w) => !inEntityOrConcept(w) && !isStopWord(w));
  for (const r of found) {
    const term = open.find((t) => t.position === r.start);
    if (!term) continue;
    // Never an entity: "metro" must not become the Met, nor "kids" a named child.
    const keys = analyzeText(r.word, index, { strongAliasesOnly: true }).filter((t) => t.kind !== 'entity' && index.postings.has(t.key));
    for (const k of keys) {
      const list = (term.alternatives ??= []);
      const existing = list.find((a) => a.key === k.key);
      if (existing) existing.weight = Math.max(existing.weight, r.weight);
      else list.push({ key: k.key, weight: r.weight });
    }
  }
}

/**
 * An office named in a question ("the home secretary", "the Met commissioner") stands for the
 * people who held it: each holder of record is an alternative for the office's words, at a
 * weight below an exact name, so a fact about Priti Patel can answer "what did the home
 * secretary say?" (the date, where given, then picks the holder).
 */
function attachOfficeHolders(terms: Term[], question: string, index: KnowledgeIndex): void {
  const mentions = officesMatching(index.data, question).filter((m) => m.office);
  for (const mention of mentions) {
    const holders = [...new Set((index.data.roles ?? []).filter((r) => r.office === mention.office!.id).map((r) => r.holder))];
    const words = new Set(mention.words.split(' '));
    const covering = terms.filter((t) => t.kind !== 'entity' && t.surface.split(' ').every((w) => words.has(w)));
    const target = covering.at(-1);
    if (!target) continue;
    // "home sec": a short form is read as the word of the office's name it shortens
    // ("secretary"), weighed as that word, not as a rare topic of its own.
    if (target.kind === 'word') {
      const full = tokenize(mention.office!.name).find((t) => !words.has(t.word) && t.word.startsWith(target.surface) && index.postings.has(t.stem));
      if (full) {
        target.key = full.stem;
        delete target.unknown;
      }
    }
    const list = (target.alternatives ??= []);
    for (const id of holders) if (index.postings.has('#' + id) && !list.some((a) => a.key === '#' + id)) list.push({ key: '#' + id, weight: 0.8 });
  }
}

export interface UnderstandOptions {
  /** Today (YYYY-MM-DD), for "last year"; defaults to the newest record's day. */
  today?: string;
  /**
   * Event anchors (by their position in the question) to read as plain words: one whose subject
   * names no force ("once it has been put in special measures", of forces in general) sets no
   * time, and its words are what the question is about.
   */
  wordsNotAnchors?: ReadonlySet<number>;
}

/** The vocabulary's names of Engage ("naughty step", "enhanced scrutiny"), for moves said with them. */
function engageNamesOf(index: KnowledgeIndex): readonly string[] | undefined {
  return index.data.concepts.find((c) => c.id === 'engage')?.terms;
}

/** Whether a claim's sayer ("Patel said", "Sir Andy Cooke has said") is a person the records hold. */
function sayerIsRecordedPerson(sayer: string, index: KnowledgeIndex): boolean {
  const name = sayer.replace(/(?:'s|\s)+(?:has |have |had )?\w+(?: me)?[\s:,]*(?:that)?[\s:,]*$/i, '');
  const target = index.aliases.get(normalizeAlias(name));
  return target !== undefined && !target.weak && index.entities.get(target.entityId)?.kind === 'person';
}

export function understandQuestion(rawQuestion: string, index: KnowledgeIndex, options: UnderstandOptions = {}): QuestionAnalysis {
  // "Someone's written that D&C came out on 31 July 2025 — right?": the claim is what is read.
  const unframed = stripFraming(rawQuestion, index);
  const claim = claimIn(unframed);
  const today = options.today ?? isoFromDay(rangeOf(index.newestRecordDate).end);
  // The claim's own dates and moves, read once: for the report's time and for whose words it is.
  const engageNames = engageNamesOf(index);
  const claimDates = claim ? recogniseDates(claim.text, { today, engageNames }) : undefined;
  // "The June 2022 wire story said only three other forces were in Engage": a claim that gives
  // no time of its own is about the time of the report that made it.
  const reportDate = claim?.sayer && claimDates?.dates.length === 0 ? recogniseDates(claim.sayer, { today }).dates[0] : undefined;
  // (A report's day written without its year stays so: "the 28 June piece" takes its year from
  // the records, as any yearless day does, not from today.)
  const reportWhen = reportDate ? (reportDate.yearless && reportDate.precision === 'day' ? `on ${formatDate(reportDate.date).replace(/\s+\d{4}$/, '')}` : `in ${formatDate(reportDate.date)}`) : '';
  // "Patel said she expected police to get the basics right - or was it fundamentals?": a claim
  // about what a person in the records said is about their words, so the person stays in it.
  // (A claim that dates a move is about the record, whoever made it.)
  const aboutWords = claimDates !== undefined && claimDates.dates.length === 0 && claimDates.anchors.length === 0;
  const claimed = claim && claim.sayer && aboutWords && sayerIsRecordedPerson(claim.sayer, index) ? `${claim.sayer.trim()} ${claim.text}` : claim?.text;
  const question = claimed !== undefined ? (reportDate ? `${claimed} ${reportWhen}` : claimed) : unframed;
  const recognised = recogniseDates(question, { today, engageNames });
  // "(Remind me) when Lincs was put into Engage" opens with the event: it is what is asked, not a
  // time condition on something else, so it is read as words.
  // So does "what was the date when the Met went in?": the date of the event is what is asked.
  // But "When Notts went in, who else was in?" sets a time for the question after the comma.
  const questionFollows = (a: EventAnchor) => /^\s*,\s*(which|what|who|whom|how|is|are|was|were|did|has|had|have)\b/i.test(question.slice(a.index + a.matched.length));
  const asksItsDate = (before: string, a: EventAnchor) => (before.trim() === '' && !questionFollows(a)) || /^\W*(what|which)\s+(?:was|is|were)?\s*(?:the\s+)?(?:exact\s+)?(date|day|month|year|time)(?:\s+(?:was it|is it))?\s*$/i.test(before);
  const found = { ...recognised, anchors: recognised.anchors.filter((a) => !(a.relation === 'when' && asksItsDate(question.slice(0, a.index), a)) && !options.wordsNotAnchors?.has(a.index)) };
  // Blank out dates so "June 2022" is not read as words (or "June" as a typo of something); an
  // event anchor keeps its subject ("after West Mids came out" leaves "West Mids").
  const rest = maskRecognised(question, found);

  const corrections: { from: string; to: string }[] = [];
  const names = capitalisedWords(question);
  // "What actually happens to a force …": an intensifier says nothing of the topic and would
  // break a phrase the vocabulary knows ("what happens to"), so it is not read.
  // Word by word, not by stem: "basically" is emphasis, "the basics" are not.
  const intensifiers = index.wordClassWords('intensifier');
  const raw = tokenize(rest)
    .filter((t) => !intensifiers.has(t.word))
    .flatMap((t, i, all) => splitCompound(t, index, all[i - 1]?.word) ?? [t]);
  const tokens = raw.map((token, position) => {
    // A word just before "police", "constabulary" or "fire" stands where a force's name goes.
    if (/^(police|constabulary|fire|frs|brigade)$/.test(raw[position + 1]?.word ?? '') && !describesNotNames(token.word)) names.add(token.word);
    // A misspelt first word is most likely a question word ("wich" → which, not "with").
    // So is the first word of a clause ("After West Mids got out, wich forces …").
    const clauseStart = position === 0 || /[,;:]\s*$/.test(rest.slice(0, token.index));
    const lead = clauseStart && !index.knownWords.has(token.word) ? LEADS.find((w) => editDistance(token.word, w, 1) <= 1 && token.word.length > 2) : undefined;
    // So is a slip on a word that sets something aside ("exlcuding fire services"), even where
    // it stands before "fire" like a name.
    const frameWord = lead ?? (index.knownWords.has(token.word) ? undefined : misspeltSetAsideWord(token.word));
    // Only a word the knowledge base does not know is a candidate for correction; whether English
    // uses it is asked once, and only then.
    const english = index.knownWords.has(token.word) ? undefined : englishStanding(token.word, names.has(token.word), index);
    // A string English does not use at all may be corrected even when short ("stil" → still).
    // "andy cook": one slip from the surname that follows this first name in a person's name.
    const surname = raw[position - 1] ? surnamesAfter(raw[position - 1]!.word, index).find((w) => w !== token.word && w.length > 3 && editDistance(token.word, w, 1) <= 1) : undefined;
    if (surname) {
      corrections.push({ from: token.word, to: surname });
      return { ...tokenize(surname)[0]!, index: token.index };
    }
    let fixed = frameWord ?? correctWord(token.word, index, { notAWord: english === 'not-a-word' }) ?? misspeltGrammarWord(token.word, index) ?? (names.has(token.word) ? undefined : misspeltCommonWord(token.word));
    // A capitalised word mid-sentence is a name: correct it only towards a name we know
    // ("Glocestershire" → gloucestershire), never to an ordinary word ("Kent" → "kept").
    // The same goes for the domain's own words: "Enagage" → engage.
    if (fixed && !frameWord && names.has(token.word) && !index.aliasWords.has(fixed) && !conceptStems(index).has(stem(fixed))) fixed = undefined;
    // A name one slip from a name we hold ("Sadiq Kahn" → khan) is that name, even if English
    // knows the slip as a name too.
    const nameSlip = fixed !== undefined && names.has(token.word) && personNameWords(index).has(fixed) && editDistance(token.word, fixed, 1) <= 1 && wordProfile().zipf(token.word) < 3;
    // A word English knows is meant as written: "movement" is not a slip for "moment", nor the
    // name in "the Casey review" one for "case". Its related words find what it means.
    // (A lower-case word must also be in the dictionary: "frist" and "teh" are common slips.)
    // Unless it is a rare word one slip from a common one the knowledge base uses ("minster" →
    // minister): the common word is far likelier meant.
    const rareSlip = english === 'english' && !names.has(token.word) && fixed !== undefined && wordProfile().zipf(token.word) < 2.5 && wordProfile().zipf(fixed) >= 4 && editDistance(token.word, fixed, 1) <= 1;
    if (fixed && !frameWord && english === 'english' && !rareSlip && !nameSlip) fixed = undefined;
    // "gloucs constabulary": a name English does not know, shortened from a force's county.
    if (!fixed && english !== 'english' && names.has(token.word) && !index.knownWords.has(token.word) && !index.aliasWords.has(token.word)) fixed = countyShortening(token.word, index);
    if (!fixed) return token;
    corrections.push({ from: token.word, to: fixed });
    const [retokenized] = tokenize(fixed);
    return retokenized ? { ...retokenized, index: token.index } : token;
  });

  let terms = readEllipticInOut(readScheduledDueTo(readPastHappening(readMoveByParticle(analyzeText(rest, index, { strongAliasesOnly: false, tokens }), tokens)), tokens), tokens, rest, index, found.anchors.some((a) => a.move === 'enter' || a.move === 'leave' || a.move === 'stay'));
  // The words that set something aside ("leaving aside GMP", once typos are corrected) are the
  // frame's to read, not topic words: "leaving" there is no exit.
  const setAsideAt = setAsidePositions(tokens.map((t) => t.word));
  if (setAsideAt.size > 0) terms = terms.filter((t) => !setAsideAt.has(t.position));
  terms = readWordChoice(readStatedDuration(terms), tokens, index);
  const concepts = new Set(terms.filter((t) => t.kind === 'concept').map((t) => t.key.slice(1)));
  // "Today", "this month", "this year" about a status mean now: as of the newest record, which
  // the answer states. They are read as "now", not as a date the records do not reach. About a
  // move or a change ("has Lincs come out this year?", "anything happened this year?") they are
  // the time asked, which the records may not reach.
  // So are they in a question put in the past ("what did HMICFRS find this year?"): only a
  // status asked in the present ("is Lincs in this year?") is about now.
  const asksChange = concepts.has('enter') || concepts.has('leave') || terms.some((t) => t.kind === 'word' && index.wordClass('status-change').has(t.key));
  const asksNow = PRESENT_TENSE.test(question) || !PAST_TENSE.test(question);
  const dates = joinAdjacentDates(question, found.dates.filter((d) => !(d.relativeToToday && coversToday(d, options.today) && !asksChange && asksNow)));
  const strongEntities = terms.filter((t) => t.kind === 'entity' && !t.weak).map((t) => t.key.slice(1));
  const aboutOversight =
    [...concepts].some((c) => OVERSIGHT_CONCEPTS.has(c)) ||
    // "when Notts came out of Engage": a move into or out of Engage is read as a time, not as
    // words, but it still makes the question one about oversight.
    found.anchors.some((a) => a.move === 'enter' || a.move === 'leave' || a.move === 'stay') ||
    strongEntities.some((id) => OVERSIGHT_ENTITIES.has(id) || index.eventsByEntity.has(id)) ||
    terms.some((t) => t.kind === 'word' && index.wordClass('oversight').has(t.key));

  // A weak alias ("Manchester", "Cleveland", "Dick") names its entity in a question about
  // oversight, or when another term of the question occurs in the entity's own facts ("why did
  // dick step down"); otherwise it stays a plain word, which the knowledge base may not know.
  terms = terms.map((t) => {
    if (t.kind !== 'entity' || !t.weak || aboutOversight || coOccurs(t, terms, index)) return t;
    return { key: `~${t.surface}`, kind: 'word', surface: t.surface, unknown: true, position: t.position };
  });

  const entities: QuestionAnalysis['entities'] = [];
  for (const t of terms) {
    if (t.kind !== 'entity') continue;
    const id = t.key.slice(1);
    if (!entities.some((e) => e.id === id)) entities.push({ id, weak: t.weak === true, surface: t.surface });
  }
  entities.sort((a, b) => Number(a.weak) - Number(b.weak));

  for (const t of terms) {
    if (t.kind === 'word' && !t.unknown && !index.postings.has(t.key) && !index.knownWords.has(t.surface)) t.unknown = true;
    // A capitalised name no fact mentions on its own ("Scotland", known only from "Police
    // Scotland") names something we hold nothing about.
    if (t.kind === 'word' && !t.unknown && !index.postings.has(t.key) && names.has(t.surface)) t.unknown = true;
  }
  markTimeRelations(terms, index);
  terms = readCausative(terms, tokens, index);
  markLightVerbs(terms, tokens, index);
  markPredicate(terms, tokens[0]?.word);
  attachRelatedWords(terms, tokens, index);
  const corrected = applyCorrections(question, corrections);
  // (Token offsets are into the normalised text: where a name may run is read there.)
  const normalizedRest = normalizeText(rest);
  attachOfficeHolders(terms, corrected, index);
  // "In the spring of 2024, did any force leave?": a time set before the question does not lead it.
  // So does a time given by an event: "After the Met came out, who was still in?".
  const comma = rest.indexOf(',');
  const afterComma = tokens.find((t) => t.index > comma)?.word;
  const anchorFirst = found.anchors.some((a) => question.slice(0, a.index).trim() === '');
  // And so does any short phrase before a comma that asks nothing itself ("Apart from the Met,
  // who else …", "For the record, which …").
  const phraseFirst = tokens[0] !== undefined && !LEADS.includes(tokens[0].word) && afterComma !== undefined && LEADS.includes(afterComma);
  const timeFirst = tokens[0] && comma > 0 && comma < 60 && (LEADING_TIME.has(tokens[0].word) || phraseFirst || ((anchorFirst || CLAUSE_TIME.has(tokens[0].word)) && afterComma !== undefined && LEADS.includes(afterComma)));
  const topic = topicFirst(rest, tokens, terms);
  // What is named before the colon or dash is what the question is about: it weighs double.
  if (topic !== undefined) for (const t of terms) if ((tokens[t.position]?.index ?? Infinity) < topic && t.kind !== 'word') t.topic = true;
  // Words of a part that only sets the scene ("our cuttings just say …. What's the date?") weigh as context.
  // (A name English does not use, "Maccabi", "PSNI", stays the topic wherever it stands.)
  const at = (t: Term) => tokens[t.position]?.index ?? -1;
  const ownWord = (t: Term) => t.kind !== 'word' || (!t.light && !isStopWord(t.surface) && !index.wordClass('framing').has(t.key) && !isFramingWord(t.surface));
  // So are the plain words of what is set aside ("not the fire lot", "apart from that lot"): the
  // frame reads what they exclude, and no answer need contain them.
  const sceneSpans = contextSpans(normalizedRest, (span) => terms.some((t) => at(t) >= span.start && at(t) < span.end && ownWord(t)));
  const notTopic = [...sceneSpans, ...setAsideSpans(normalizedRest)];
  // What the asking parts alone ask for, and its concepts: the frame reads the answer type there.
  const asking = askingText(question, normalizedRest, sceneSpans);
  const askingConcepts = asking === undefined ? undefined : new Set(terms.filter((t) => t.kind === 'concept' && !insideSpans(at(t), sceneSpans)).map((t) => t.key.slice(1)));
  if (notTopic.length > 0) for (const t of terms) if (t.kind === 'word' && insideSpans(at(t), notTopic) && wordProfile().zipf(t.surface) >= 3) t.context = true;
  // What the asker quotes ("the exact 'proud of' line"), for the facts route to find word for word.
  const quoted = quotedSpans(normalizedRest);
  // "In summer 2023 was Glos fire in Engage?": a time read off the front (its words masked out)
  // leaves the question word next.
  const maskedTimeFirst = tokens[0] && tokens[1] && LEADING_TIME.has(tokens[0].word) && /^\s{4,}$/.test(rest.slice(tokens[0].index + tokens[0].word.length, tokens[1].index));
  const firstWord = timeFirst ? tokens.find((t) => t.index > comma)?.word : topic ? tokens.find((t) => t.index > topic)?.word : maskedTimeFirst ? tokens[1]!.word : tokens[0]?.word;
  return {
    question,
    terms,
    corrections,
    corrected,
    dates: sameYearAsSiblings(dates.map((d) => (d.yearless ? yearFromRecords(d, entities, index) : d)), index),
    dateProblems: found.problems,
    anchors: found.anchors,
    entities,
    concepts,
    lead: firstWord && LEADS.includes(firstWord) ? firstWord : undefined,
    unknownWords: terms.filter((t) => t.unknown).map((t) => t.surface),
    unknownNames: distinctNames([...unknownNamesIn(question, terms.filter((t) => t.unknown && t.kind === 'word').map((t) => t.surface)), ...unknownForces(terms, tokens, normalizedRest), ...longerNames(terms, tokens, names, index, normalizedRest)]),
    ...(asking !== undefined && askingConcepts ? { asking: { text: asking, concepts: askingConcepts } } : {}),
    ...(claim ? { claim: true as const } : {}),
    ...(quoted.length > 0 ? { quotes: quoted.map((q) => normalizedRest.slice(q.start, q.end)) } : {}),
  };
}


/** A text with the question's typo corrections applied ("Home Secetary" → "Home secretary"). */
export function applyCorrections(text: string, corrections: QuestionAnalysis['corrections']): string {
  return corrections.reduce((out, c) => out.replace(new RegExp(`\\b${c.from.replace(/[^a-z0-9]/gi, '\\$&')}\\b`, 'i'), c.to), text);
}

/**
 * "Cleveland: when did it come out?", "devon and cornwall police - when in, when out?": a topic
 * named before a colon or dash, and the question after it. Returns where the question starts
 * (the separator's offset in `rest`), or undefined when the question does not open that way.
 */
function topicFirst(rest: string, tokens: Token[], terms: Term[]): number | undefined {
  const separator = /\s*(?::|\s[-–—]+)\s/.exec(rest);
  if (!separator || separator.index > 60) return undefined;
  const before = tokens.filter((t) => t.index < separator.index);
  // "How long was the Met in - about 30 months?": a question before the dash leads itself.
  if (before.length === 0 || LEADS.includes(before[0]!.word)) return undefined;
  const named = positionsOf(terms.filter((t) => t.kind !== 'word'));
  const allNamed = before.every((t, k) => named.has(k) || isStopWord(t.word));
  return allNamed ? separator.index : undefined;
}

/** The positions of words that set something aside ("leaving aside", "other than") among a question's words. */
function setAsidePositions(words: string[]): Set<number> {
  const at = new Set<number>();
  const starts: number[] = [];
  let text = '';
  for (const w of words) {
    starts.push(text.length);
    text += `${w} `;
  }
  for (const m of text.matchAll(SET_ASIDE_PHRASE)) {
    for (let k = 0; k < starts.length; k++) if (starts[k]! >= m.index && starts[k]! < m.index + m[0].length) at.add(k);
  }
  return at;
}

/**
 * "Wilts was in special measures about 2 years - fair?", "in Engage for 18 months": a length of
 * time stated is a claim about how long, read as the how-long concept (the number and its unit
 * are what the stay's duration answers), not as a number and a yearly word no record shares.
 * A count asked ("how many years") is left alone.
 */
function readStatedDuration(terms: Term[]): Term[] {
  if (terms.some((t) => t.key === '@how-long' || t.key === '@count')) return terms;
  for (let k = 0; k + 1 < terms.length; k++) {
    const n = terms[k]!;
    const unit = terms[k + 1]!;
    const number = /^\d{1,3}$/.test(n.surface) || [n.surface.toLowerCase(), n.key].some((w) => w === 'half' || NUMBER_WORDS.has(w));
    const unitWord = unitOf(unit.surface.toLowerCase());
    if (!number || unit.position !== n.position + 1 || unitWord === undefined || unitWord === 'day') continue;
    // "two and a half years": the whole number goes with the half.
    const whole = n.surface.toLowerCase() === 'half' && k > 0 && terms[k - 1]!.position === n.position - 3 ? terms[k - 1]! : undefined;
    const from = whole ? k - 1 : k;
    const duration: Term = { key: '@how-long', kind: 'concept', surface: `${whole ? `${whole.surface} and a ` : ''}${n.surface} ${unit.surface}`, position: (whole ?? n).position };
    return [...terms.slice(0, from), duration, ...terms.slice(k + 2)];
  }
  return terms;
}
