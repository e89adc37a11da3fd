// Answer types for the facts route: whether a fact gives the kind of thing a question asks for —
// a date for "when", a person (in the role named) for "who", a number of the thing counted, a
// finding, an exact figure, someone's own words, the attribute asked of something — and is of
// the time asked about. A fact that shares the question's words but not its answer type is not
// an answer. Pure. What the wording asks for is read in fact-asked.ts; readings of a fact's
// sentences (about whom, whose move) are in fact-sentences.ts.

import type { Entity, Fact } from '../../../knowledge/schema.ts';
import { isEngageKind } from '../draft.ts';
import { rangeOf } from '../../dates.ts';
import { analyzeText, type IndexedFact, type KnowledgeIndex, type Term } from '../../knowledge-index.ts';
import { escapeRegExp, stem } from '../../text.ts';
import { EVERYDAY_SPECIFICITY, type QuestionAnalysis } from '../understand.ts';
import { NAME_OF_PERSON, PERSON_NOUNS, type QuestionFrame } from '../frame.ts';
import { whatIsAsked, namesOneWhoIs } from './fact-asked.ts';
import { wordProfile } from '../../lexicon/word-profile.ts';
import { givesNameOf, thingNamed } from './fact-names.ts';
import { mentioned, namingPattern, onlyAttributive, movedAsAsked, sentencesAbout } from './fact-sentences.ts';

/** Whether a fact holds a question's term, or one of its related words. */
function holds(doc: IndexedFact, term: Term): boolean {
  return doc.terms.has(term.key) || (term.alternatives ?? []).some((alt) => doc.terms.has(alt.key));
}

/** A quoted span in a fact's text: the curated form of someone's published words. */
export const QUOTED = /["“][^"”]{3,}["”]/;

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_NAMED = new RegExp(`\\b(${MONTH_NAMES})\\b`);
/** A fact's text without its dates: "6 December 2024" is not a count. */
function withoutDates(text: string): string {
  return text
    .replace(new RegExp(`\\b\\d{1,2}(st|nd|rd|th)? (${MONTH_NAMES})( \\d{4})?\\b`, 'g'), ' ')
    .replace(new RegExp(`\\b(${MONTH_NAMES}) \\d{4}\\b`, 'g'), ' ')
    .replace(/\b(19|20)\d\d\b/g, ' ');
}

const NUMBER = /\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?)\b/gi;

/** Whether a number in the text is followed, within a few words, by the thing counted (or a related word). */
function numberCounts(text: string, counted: Term, index: KnowledgeIndex): boolean {
  const keys = new Set([counted.key, ...(counted.alternatives ?? []).map((a) => a.key)]);
  const plain = withoutDates(text);
  for (const m of plain.matchAll(NUMBER)) {
    const after = plain.slice(m.index! + m[0].length).split(/[.;:]/)[0]!.split(/\s+/).slice(0, 6).join(' ');
    if (analyzeText(after, index, { strongAliasesOnly: false }).some((t) => keys.has(t.key))) return true;
    // "… of the crimes reported to the force, an estimated 80,100, were never recorded": the thing
    // counted may come first, in the same sentence.
    const before = plain.slice(0, m.index!).split(/[.;:]/).at(-1)!.split(/\s+/).slice(-12).join(' ');
    if (/,\s*(an estimated|about|around|some|nearly|almost|roughly)?\s*$/i.test(plain.slice(0, m.index!)) && analyzeText(before, index, { strongAliasesOnly: false }).some((t) => keys.has(t.key))) return true;
  }
  return false;
}

/** Whether a fact states the exact figure asked for: a percentage, a day, or a number the question did not already give. */
function givesExactly(kind: string, text: string, question: string): boolean {
  if (/day|date/i.test(kind)) return /\b\d{1,2}(st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(text);
  if (/per ?cent|percentage|rate/i.test(kind)) return /\d\s*(%|per ?cent)/i.test(text);
  const asked = new Set(question.match(/\d[\d,.]*/g) ?? []);
  return (withoutDates(text).match(/\d[\d,.]*/g) ?? []).some((n) => !asked.has(n) && !/^(19|20)\d\d$/.test(n));
}

/**
 * A finding reported: what a review, inquiry or inspection found or concluded. ("No record … has
 * been found" reports a search, not a finding; "the newest found," names no finding.)
 */
const FINDING = /\b(?<!(?:been|not|no|never) )(found|finds|find that|concluded|concludes|conclusion|judged|judges|ruled|rules that|decided|determined|established|identified|uncovered|revealed|recommended|graded|rated|assessed)\b(?!\s*[,.;:)])/i;

/** A question asking where something took place. */
export const VENUE_ASKED = /\b(which|what) (venue|building|location|address|room|hall|city|town)\b|\bwhere\b[^?]{0,80}\b(held|hold|take place|took place|taken place|happen|happened|hosted|staged|located|based|sited)\b/i;
/** A named place: a building, a seat of government or a street ("City Hall"; not the "Building" of "Building Safety"). */
const VENUE = /\b(?:[A-Z][a-z]+\s+)*(Hall|House|Yard|Parliament|Commons|Lords|Centre|Center|Hotel|Building|Headquarters|HQ|Chamber|Palace|Street|Road|Square|Stadium|Arena|Theatre|Court|Studios?|Westminster|Whitehall)\b(?!\s+[A-Z])/g;

/** People's names, once per index: "Sir Stephen House" holds a venue word but is no place. */
const personNamesCache = new WeakMap<KnowledgeIndex, string[]>();
function personNames(index: KnowledgeIndex): string[] {
  let names = personNamesCache.get(index);
  if (!names) personNamesCache.set(index, (names = [...index.entities.values()].filter((e) => e.kind === 'person').map((e) => e.name)));
  return names;
}

/** A grade given: PEEL's and the fire inspections' words for one. */
const GRADED = /\b(outstanding|good|adequate|requir(es|ed|ing) improvement|inadequate|graded|rated|grades?)\b/i;

/** Concepts naming an event a yes-or-no question may ask happened. */
const EVENT_CONCEPTS = new Set(['@resign', '@appoint', '@kill', '@reopen', '@dispute']);

/** Words for what was said or done out of public view. */
const PRIVATE = /\b(privately|in private|behind closed doors|secretly|in secret|off the record|confidentially|in confidence)\b/i;

/** Concepts that shape a question rather than name what is counted. */
const SHAPE_KEYS = new Set(['@count', '@now', '@ever', '@how-long', '@year', '@why', '@say', '@list', '@meaning', '@status', '@percent', '@amount']);

/** A sum of money or a quantity: "£1.2 million", "$300", "40,000 pounds". A date is not an amount. */
const AMOUNT = /[£$€]\s?\d|\b\d[\d,.]*\s*(pounds|million|billion|bn|m)\b/i;

/** Words that give a cause, a motive or the finding behind something. */
const REASON = /\b(because|since|after|following|over (?:concerns?|fears?|failings?|its|their|his|her|the way|how|what)|due to|owing to|as a result|result of|in response to|in the wake of|amid|so that|in order to|for (failing|failures?|poor|not|its|their|his|her)|saying|said|says|argued|concerns?|caus(e|es|ed)|failings?|failed|failures?|problems?|weakness(es)?|shortcomings|led to|prompted|triggered|reasons?|why|found|finding|judged|concluded|inadequate|requires? improvement|improv(e|ed|ing|ement)|unhappy|lost confidence|criticis(m|ed))\b/i;

/** "Which firefighters …", "what officers …": people of a kind, in the plural. */
const WHICH_PEOPLE = new RegExp(`^\\W*(?:which|what)\\s+(?:[a-z&'’]+\\s+){0,2}?(${PERSON_NOUNS})s\\b`, 'i');
/** "Which HMI …", "which minister …": a person of a kind. */
const WHICH_PERSON = new RegExp(`^\\W*(?:which|what)\\s+(?:[a-z&'’]+\\s+){0,2}?(?:${PERSON_NOUNS})s?\\b`, 'i');
const PERSON_NOUN = new RegExp(`\\b(${PERSON_NOUNS})s?\\b`, 'i');

const PERSON_OR_BODY = new Set(['person', 'oversight_body', 'government']);
const PERSON = new Set(['person']);
const YEAR = /\b(19|20)\d\d\b/;

/** Whether a fact can answer the kind of thing the question asks for. */
export function answersType(doc: IndexedFact, frame: QuestionFrame, analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const fact = doc.fact;
  // "PEEL 2025-27", "the 2025-26 State of Policing": a span of years names one edition of a
  // report; a fact about another edition ("PEEL 2023–25") is not about it.
  const asked = askedSpans(analysis);
  if (asked.length > 0) {
    const told = yearSpans(fact.text).map(spanKey);
    if (told.length > 0 && !asked.some((a) => told.includes(a))) return false;
  }
  const aboutEngage = analysis.concepts.has('engage') || analysis.concepts.has('enter') || analysis.concepts.has('leave');
  // "What was the outcome of …", "what was the score in …": the noun asked for must be what the
  // fact gives (its word or a related one), not only the things it is asked about. So is "give me
  // X's home address": the thing asked of X — though X's own profile answers "X's background".
  const { head, predicate, role, leadership } = whatIsAsked(analysis);
  // ("What was Patel's line?": the words asked for are how the answer comes, not a thing it names.)
  if (head && !index.wordClass('words-asked').has(head.term.key)) {
    const profileOfAsked = fact.describes !== undefined && analysis.entities.some((e) => e.id === fact.describes);
    const gives = head.compound
      ? new RegExp(`\\b${head.compound.split(' ').map((w) => escapeRegExp(stem(w))).join('\\w*\\s+')}`, 'i').test(fact.text)
      : holds(doc, head.term);
    // "What is the role of the PPOG?", "X's background": what a profile tells, which X's profile answers.
    const told = index.wordClass('life-story').has(head.term.key) || index.wordClass('profile-question').has(head.term.key);
    if (!gives && !(profileOfAsked && told)) return false;
  }
  // "What did the review find?", "what did the IOPC conclude?", "what was the outcome?": a
  // finding is asked for, so a fact that only says the review was ordered or the case reopened
  // does not answer it. The fact must report a finding.
  // (Only when the finding is what is asked: "had it released its findings?" asks about publishing.)
  // So does "what did the PPOG decide?": a decision is asked for, so the fact must report one.
  const asksFinding = analysis.terms.some((t) => t.kind === 'word' && index.wordClass('finding').has(t.key)) || (analysis.concepts.has('decide') && !/^\W*who\b/i.test(analysis.question));
  if ((analysis.lead === 'what' || analysis.lead === 'how') && asksFinding && !FINDING.test(fact.text)) return false;
  // "What exactly did Guildford say?": their words, so a fact that only reports that they
  // disagreed does not answer it.
  // So does "give me Khan's exact quote from his statement", however the question is framed.
  const asksWords = /\b(exact words|word for word|quoted)\b/i.test(analysis.question) || frame.wordsAsked || (frame.asks === 'said' && /\bexactly\b/i.test(analysis.question));
  if (asksWords && !QUOTED.test(fact.text) && !fact.citations.some((c) => c.quote)) return false;
  // "Give me Craig Guildford's exact quote …": words quoted in a sentence that names him, not
  // any quoted phrase ("special measures") in a fact about his force.
  if (asksWords && !fact.citations.some((c) => c.quote)) {
    const people = analysis.entities.map((e) => index.entities.get(e.id)).filter((e) => e?.kind === 'person');
    if (people.length > 0 && !fact.text.split(/(?<=[.!?])\s+/).some((s) => QUOTED.test(s) && people.some((p) => new RegExp(`\\b${escapeRegExp(p!.name.split(' ').at(-1)!)}\\b|\\b(he|she)\\b`, 'i').test(s)))) return false;
  }
  // "What sentences did the two officers get?": a court's sentence — a term or its kind — which a
  // fact that only says they were jailed does not give.
  if (/\b(what|which) (?:prison |jail )?sentences?\b|\bsentences? (?:did|were|was) (?:they|he|she|the \w+) (?:get|given|handed|receive)/i.test(analysis.question) && !/\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|thirty|\w+-\w+) (months?|years?|weeks?)\b|\b(life sentence|suspended|community order|whole[- ]life)\b/i.test(fact.text)) return false;
  // "What time of day did HMICFRS send the letter?": a clock time, which the records rarely give.
  if (/\b(what time|time of day|at what time|which time)\b/i.test(analysis.question) && !/\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(am|pm|a\.m\.|p\.m\.)/i.test(fact.text)) return false;
  // "Where was the PPOG meeting held?", "at which venue …?": a place, which a fact gives only by
  // naming one the question does not ("at City Hall"), not by naming the event again.
  if (VENUE_ASKED.test(analysis.question)) {
    const asked = analysis.question.toLowerCase();
    // (Sir Stephen House is a person, not a building.)
    const people = personNames(index);
    if (![...fact.text.matchAll(VENUE)].some((m) => !asked.includes(m[0].toLowerCase()) && !people.some((name) => name.includes(m[0])))) return false;
  }
  // "What did House privately think of the letter?", "what did Patel tell Khan in private?":
  // the records hold published words and decisions, so only a fact that itself reports something
  // said or done in private answers.
  if (PRIVATE.test(analysis.question) && !PRIVATE.test(fact.text)) return false;
  // "What was the name of Port's first victim?": a name the question does not already give.
  if (/^\W*what(?:'s| is| was| are| were)\s+the\s+names?\s+of\b/i.test(analysis.question)) {
    const asked = new Set(analysis.entities.map((e) => e.id));
    const named = mentioned(doc, index).some((e) => !asked.has(e.id) && e.kind !== 'police_force' && e.kind !== 'fire_rescue_service');
    if (!named && !/\b(called|named|known as|titled)\b/i.test(fact.text)) return false;
  }
  // "What is Lincolnshire's improvement plan called?", "the name of the plan the Met agreed":
  // the thing's own name, which a fact gives only by naming it ("a Milestone Plan", "the plan,
  // called …"), not by mentioning such a thing.
  const named = thingNamed(analysis);
  if (named && !givesNameOf(fact.text, named, analysis.question)) return false;
  // "The exact percentage", "the actual number", "what exact day": a figure, not a rounding of it
  // ("fewer than half") nor a month for a day.
  const exact = /\b(exact|exactly|precise|precisely|actual)\b[^?]{0,20}\b(percentage|per ?cent|figure|number|rate|total|count|day|date|how many)\b|\bhow many\b[^?]{0,30}\b(exactly|precisely)\b/i.exec(analysis.question)?.slice(2).find(Boolean);
  if (exact && !givesExactly(exact, fact.text, analysis.question)) return false;
  // "The actual number of open investigations": a number of that thing, not any figure.
  const numberOf = /\b(?:number|figure|total|count) of\s+(?:[a-z]+\s+){0,2}?([a-z]+s)\b/i.exec(analysis.question)?.[1]?.toLowerCase();
  const counted = numberOf ? analysis.terms.find((t) => t.kind !== 'entity' && t.surface.toLowerCase() === numberOf) : undefined;
  if (exact && counted && !numberCounts(fact.text, counted, index)) return false;
  // "Surrey Police - when did they exit special measures?": a question about a move into or out
  // of Engage is answered by a fact about Engage, not by one about the force's grades.
  if (analysis.concepts.has('engage') && (analysis.concepts.has('enter') || analysis.concepts.has('leave')) && ['when', 'why', 'how-long'].includes(frame.asks) && !['@engage', '@enter', '@leave', '@scan'].some((k) => doc.terms.has(k))) return false;
  // "Which two of West Mids' five recommendations were still open?", "which of Avon's six …":
  // the items by name, which a fact that only counts them ("three of five closed") does not give.
  if (/\bwhich (?:\w+ )?of\b[^?]*\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b/i.test(analysis.question) && /\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) of (?:its |the |their )?(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b/i.test(fact.text)) return false;
  // "In which month of 2023 …?": a month, which a fact giving only the year does not.
  // (In the sentence of the year asked about: a month elsewhere in the record dates something else.)
  if (/\b(which|what) month\b/i.test(analysis.question)) {
    const year = /\b(19|20)\d\d\b/.exec(analysis.question)?.[0];
    const sentences = fact.text.split(/(?<=[.!?;])\s+/).filter((x) => !year || x.includes(year));
    if (!sentences.some((x) => MONTH_NAMED.test(x))) return false;
  }
  // "What grade did LFB get for culture?": a grade, which a fact gives only by grading.
  if (analysis.concepts.has('grade') && (analysis.lead === 'what' || analysis.lead === 'which' || analysis.lead === 'how') && !GRADED.test(fact.text)) return false;
  // "Did the London Fire Commissioner resign over the review?": yes or no about an event, which a
  // fact that never tells of such an event (a resignation, a killing, a reopening) cannot give.
  if (frame.asks === 'yes-no') {
    const events = analysis.terms.filter((t) => t.kind === 'concept' && EVENT_CONCEPTS.has(t.key));
    if (events.some((e) => !holds(doc, e))) return false;
  }
  // "How old was Rowley?", "what share of 101 calls …?": an age, a proportion.
  if (analysis.concepts.has('age') && !/\b(aged?\s+\d{2}|\d{2}[- ]years?[- ]old|born (in|on)\b)/i.test(fact.text)) return false;
  if (analysis.concepts.has('percent') && !/%|\bper ?cent\b|\b(half|third|quarter|fifth|tenth|two-thirds|three-quarters|one in \w+|proportion|majority|minority)\b/i.test(fact.text)) return false;
  // "Why did Williams' time as an inspector end?": the move asked about is the person's, so a
  // fact in which only a force leaves ("six months after the force left Engage") is not about it.
  if (!movedAsAsked(doc, analysis, index)) return false;
  // "Which HMI wrote the letter taking the Met out?": a record of a move into Engage is not one of
  // a move out, nor the other way round. (Lists and counts of moves are the timeline's to answer.)
  const move = index.eventsById.get(fact.id)?.event;
  if (move && !['list', 'count', 'superlative'].includes(frame.asks)) {
    const enter = analysis.concepts.has('enter');
    const leave = analysis.concepts.has('leave');
    if (enter !== leave && (move === 'entered_engage' ? leave : move === 'left_engage' ? enter : false)) return false;
  }
  switch (frame.asks) {
    case 'list':
    case 'superlative':
    case 'count':
      if (!timely(fact, analysis, index)) return false;
      // "Which firefighters were sacked? names pls": people, named, doing what was asked.
      const peopleAsked = WHICH_PEOPLE.exec(analysis.question)?.[1];
      if (frame.asks === 'list' && (peopleAsked || NAME_OF_PERSON.test(analysis.question.toLowerCase()))) {
        // The people named must be of the kind asked for: the chief inspector is not a firefighter.
        const noun = peopleAsked ?? PERSON_NOUN.exec(analysis.question)?.[1];
        if (noun && !namesOneWhoIs(doc, stem(noun.toLowerCase()), analysis, index)) return false;
        if (predicate && !holds(doc, predicate)) return false;
      }
      // "How many …" is answered by a number, in figures or words.
      // …and by a number of the thing counted: "how many officers" is not answered by a count of forces.
      if (frame.asks === 'count') {
        const count = analysis.terms.find((t) => t.key === '@count');
        const next = (t: Term | undefined) => (t ? analysis.terms.find((u) => u.position === t.position + t.surface.split(' ').length) : undefined);
        let first = next(count);
        // "How many Met officers …", "how many LFB staff …": a name before the noun says whose;
        // the noun is what is counted.
        const noun = first?.kind === 'entity' ? next(first) : undefined;
        if (noun?.kind === 'word') first = noun;
        // "How many police officers": the head of the noun phrase ("officers") is what is counted.
        // (A noun, not the verb that follows: "how many Met officers went to prison".)
        const following = next(first);
        const after = following?.kind === 'word' && (!wordProfile().available || wordProfile().pos(following.surface.toLowerCase()) === 'n') ? following : undefined;
        const counted = first?.kind === 'word' && after ? after : first;
        // "How many people did Port kill?": an everyday noun ("people", "men") is counted by what
        // the question says they underwent: "four killings" answers it, "43 forces" does not.
        const generic = counted?.kind === 'word' && (index.specificity.get(counted.key) ?? 1) < EVERYDAY_SPECIFICITY;
        const countedAs = generic ? analysis.terms.filter((t) => t.kind === 'concept' && t !== counted && !SHAPE_KEYS.has(t.key)) : counted ? [counted] : [];
        if (counted && counted.kind !== 'entity' && !countedAs.some((c) => doc.terms.has(c.key) || (c.alternatives ?? []).some((a) => doc.terms.has(a.key)))) return false;
        // The number must count that thing: "69,000 crimes" counts crimes; "43 police forces"
        // does not count police officers.
        if (counted && counted.kind !== 'entity' && !countedAs.some((c) => numberCounts(fact.text, c, index))) return false;
        // "How many Met officers were sacked …": the verb after what is counted is what happened
        // to them, so a fact that never tells of it ("two officers were sent to prison") does
        // not count them.
        const relation = counted?.kind === 'word' ? countedRelation(analysis, counted) : undefined;
        if (relation && !holds(doc, relation)) return false;
      }
      if (frame.asks === 'count' && !/\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|half|quarter|all|none|no)\b/i.test(withoutDates(fact.text))) return false;
      // "Which forces …", "how many services …" about Engage: the fact must be about such a body,
      // one the question does not already name ("which force was Couzens in before the Met?").
      if (aboutEngage && frame.kinds.length > 0) {
        const asked = new Set(analysis.entities.map((e) => e.id));
        return mentioned(doc, index).some((e) => frame.kinds.includes(e.kind as never) && !asked.has(e.id));
      }
      return true;
    case 'who': {
      // The answer to "who chairs the PPOG?" is someone other than the PPOG: a person or body the
      // question does not already name…
      const asked = whatIsAsked(analysis).givenForWho(index);
      // "Who is in charge of the IOPC?", "who heads …", "who runs …": a person, not another body.
      // So is "who's the Lincolnshire PCC?", "who is London's deputy mayor?": a role a person holds.
      // So is "which HMI oversaw …?", "which minister said …?": the kind asked for is a person's.
      const whichPerson = WHICH_PERSON.test(analysis.question);
      const kinds = leadership || frame.personInRole || whichPerson ? PERSON : PERSON_OR_BODY;
      if (!timely(fact, analysis, index) || !mentioned(doc, index).some((e) => kinds.has(e.kind) && !asked.has(e.id))) return false;
      if (!namedInCaseAsked(doc, analysis, index, (e) => kinds.has(e.kind) && !asked.has(e.id))) return false;
      // …doing what the question asks about: the verb after "who" is the relation asked for, so a
      // fact about the PPOG that says nothing of chairing it does not say who chairs it.
      if (predicate && !holds(doc, predicate)) return false;
      // "Who leaked Parr's letter?" is not answered by "in a leaked letter": a participle before
      // its noun describes the thing, and names no one who did it.
      if (predicate && doc.terms.has(predicate.key) && onlyAttributive(fact.text, predicate.key)) return false;
      // "Who's the prime minister?": the fact must name someone in that role, not merely mention the role.
      return role.every((r) => namesOneWhoIs(doc, r.key, analysis, index));
    }
    case 'when': {
      // "When was the Met's 2023–25 PEEL report published?": the event asked for is the
      // publishing, so a fact that never says anything was published does not date it.
      const { event } = whatIsAsked(analysis);
      if (event && !holds(doc, event)) return false;
      // A fact dated outside the time the question names is about something else.
      return (fact.date !== undefined || YEAR.test(fact.text)) && timely(fact, analysis, index);
    }
    case 'how-long':
      return /\b(months?|years?|weeks?|days?)\b/.test(fact.text) || (fact.text.match(/\b(19|20)\d\d\b/g)?.length ?? 0) >= 2;
    case 'why':
      // "Why did Williams' time as an inspector end?": reasons, so a fact that only says what
      // happened, with no cause, finding or stated motive, does not answer it.
      // The reason must be told of what is asked about: in a fact about several inspectors, a
      // cause given for one is not a cause for another.
      // (Only when the words ask why: "record the grounds wrongly" is not a question about causes.)
      if ((analysis.lead === 'why' || /\b(why|reasons?|how come)\b/i.test(analysis.question)) && !sentencesAbout(fact.text, analysis, index).some((s) => REASON.test(s))) return false;
      return timely(fact, analysis, index);
    default:
      // "How much …", "what salary …": an amount, so the fact must state one.
      // (A bare "how much" of something not money — "how much was logged within 24 hours?" — is
      // answered by a figure or a share; "how much each?" names nothing measured, so it is money.)
      if (analysis.concepts.has('amount')) {
        const money = analysis.terms.some((t) => t.key === '@amount' && !/^how much$/i.test(t.surface)) || /[£$€]|\b(money|cash|spend|spent|spending|bill|fee|fees|fine|fined)\b/i.test(analysis.question) || analysis.terms.every((t) => t.kind === 'concept');
        if (money ? !AMOUNT.test(fact.text) : !/\d|\b(half|third|quarter|fifth|tenth|most|majority|minority|fewer|all|none)\b/i.test(withoutDates(fact.text))) return false;
      }
      return timely(fact, analysis, index);
  }
}

/**
 * "Which HMI signed the letter taking Wiltshire out in May 2024?": in a fact that tells of several
 * forces' cases, the one who answers must be named where the force asked about is, and — when a
 * time is asked — in a sentence of that time. Wiltshire's 2022 entry is not its 2024 exit.
 */
function namedInCaseAsked(doc: IndexedFact, analysis: QuestionAnalysis, index: KnowledgeIndex, answers: (e: Entity) => boolean): boolean {
  const cases = mentioned(doc, index).filter((e) => isEngageKind(e));
  const asked = analysis.entities.map((e) => index.entities.get(e.id)).filter((e): e is Entity => isEngageKind(e));
  if (asked.length !== 1 || cases.length < 2) return true;
  const namesSubject = namingPattern(asked);
  const candidates = mentioned(doc, index).filter(answers).map((e) => namingPattern([e]));
  const enter = analysis.concepts.has('enter');
  const leave = analysis.concepts.has('leave');
  // (The time is checked for a move asked about, in a sentence that dates one: "Roy Wilsher was the
  // inspector for Bucks" tells of its whole case.)
  const window = enter || leave ? analysis.dates[0]?.range : undefined;
  // A sentence telling of a move tells of the one asked, not the other: Wiltshire's entry is not its exit.
  const [askedMove, otherMove] = enter === leave ? [] : enter ? ['@enter', '@leave'] : ['@leave', '@enter'];
  return doc.fact.text.split(/(?<=[.!?])\s+(?=[A-Z"“])/).some((sentence) => {
    if (!namesSubject.test(sentence)) return false;
    // (A span of years, "its 2023–25 inspection", covers every year in it.)
    const told = [...datesTold(sentence).map((t) => rangeOf(t)), ...yearSpans(sentence)];
    if (window && told.length > 0 && !told.some((r) => r.start <= window.end && r.end >= window.start)) return false;
    if (otherMove) {
      const keys = new Set(analyzeText(sentence, index, { strongAliasesOnly: false }).map((t) => t.key));
      if (keys.has(otherMove) && !keys.has(askedMove!)) return false;
    }
    return candidates.some((naming) => naming.test(sentence));
  });
}

const spanKey = (span: { start: number; end: number }) => `${span.start}-${span.end}`;

// The question's spans of years, read once per question rather than once per candidate fact.
const askedSpansCache = new WeakMap<QuestionAnalysis, string[]>();
function askedSpans(analysis: QuestionAnalysis): string[] {
  let spans = askedSpansCache.get(analysis);
  if (!spans) askedSpansCache.set(analysis, (spans = yearSpans(analysis.question).map(spanKey)));
  return spans;
}

/** The spans of years a text tells of ("2023–25", "2019-2021"), as day ranges. */
function yearSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/\b((?:19|20)\d\d)\s*[–-]\s*((?:19|20)?\d\d)\b/g)].map((m) => {
    const to = m[2]!.length === 2 ? `${m[1]!.slice(0, 2)}${m[2]}` : m[2]!;
    return { start: rangeOf(m[1]!).start, end: rangeOf(to).end };
  });
}

/** "How many officers were sacked", "how many staff reported …": the verb right after the thing counted. */
function countedRelation(analysis: QuestionAnalysis, counted: Term): Term | undefined {
  const end = counted.position + counted.surface.split(' ').length;
  const next = analysis.terms.filter((t) => t.position >= end && t.position <= end + 2).sort((a, b) => a.position - b.position)[0];
  if (!next || next.kind !== 'word' || next.light) return undefined;
  const profile = wordProfile();
  const verb = profile.available ? profile.pos(next.surface.toLowerCase()) === 'v' || /ed$/.test(next.surface) : /ed$/.test(next.surface);
  return verb ? next : undefined;
}

/** Words for what the press published: a time beside them may be the coverage's. */
const COVERAGE = /\b(coverage|reports?|reported|reporting|articles?|story|stories|papers?|press|headlines?)\b/i;

const TOLD_DATE = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)? )?(${MONTH_NAMES}) ((?:19|20)\\d\\d)\\b|\\b((?:19|20)\\d\\d)\\b`, 'g');

/** The dates a fact's text tells of, as ISO dates at the precision written ("10 February 2022" → 2022-02-10, "2019" → 2019). */
function datesTold(text: string): string[] {
  return [...text.matchAll(TOLD_DATE)].map((m) => {
    if (m[4]) return m[4];
    const month = String(MONTH_NAMES.split('|').indexOf(m[2]!) + 1).padStart(2, '0');
    return m[1] ? `${m[3]}-${month}-${m[1].padStart(2, '0')}` : `${m[3]}-${month}`;
  });
}

/**
 * A question about a time ("in 2019", "in June 2022") is not answered by a fact dated outside
 * it: facts are time-bound. Undated facts are not ruled out.
 */
function timely(fact: Fact, analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const newestRecord = index.newestRecordDate;
  // "What is Cressida Dick doing now?": a fact dated years before the newest record is not what
  // a person is doing now.
  if (analysis.concepts.has('now') && (fact.validTo ?? fact.date) && analysis.entities.some((e) => index.entities.get(e.id)?.kind === 'person')) {
    const until = rangeOf((fact.validTo ?? fact.date)!).end;
    if (until < rangeOf(newestRecord).end - 365) return false;
  }
  const window = analysis.dates[0]?.range;
  const own = fact.date ?? fact.validFrom;
  if (!window) return true;
  // An undated fact that tells dates is of those times: "the Met did so on 22 January 2025, West
  // Midlands in September 2024 …" is not of 2026. One that tells none is of no time in particular.
  if (!own) {
    const told = [...datesTold(fact.text)].map((d) => rangeOf(d));
    return told.length === 0 || told.some((r) => r.start - 7 <= window.end && r.end + 7 >= window.start);
  }
  // A fact dated later may still tell of the time asked about ("… a further cause of concern in
  // May 2024") — at the precision it is told: "10 February 2022" is not of June 2022.
  // (A day told is given a week's leeway: "the end of June 2022" holds a report of 28 June.)
  for (const told of datesTold(fact.text)) {
    const range = rangeOf(told);
    const leeway = told.length === 10 ? 7 : 0;
    if (range.start - leeway <= window.end && range.end + leeway >= window.start) return true;
  }
  // "… mentioned in the June 2022 coverage": the time is the coverage's, so a fact its sources
  // of that time carry is of it.
  if (COVERAGE.test(analysis.question) && fact.citations.some((c) => {
    const published = index.sources.get(c.source)?.published;
    if (!published) return false;
    const range = rangeOf(published);
    return range.start <= window.end && range.end >= window.start;
  })) return true;
  const from = rangeOf(own);
  // "Any new entries in 2025?": a move is of its own day, so a fact telling of the Met's entry in
  // 2022 is not one of 2025's moves, though the stay it began lasted into 2025.
  const asksMove = (analysis.concepts.has('enter') || analysis.concepts.has('leave')) && fact.date !== undefined;
  const until = asksMove ? rangeOf(fact.date!).end : fact.validTo ? rangeOf(fact.validTo).end : fact.date ? from.end : Number.POSITIVE_INFINITY;
  return from.start <= window.end && until >= window.start;
}
