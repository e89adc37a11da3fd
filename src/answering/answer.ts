// The answering pipeline's entry: answer(question, knowledge) → Answer. Reads the question
// (understand), lets each route draft an answer (Engage list, one subject's status, curated
// facts), keeps the draft that accounts for most of the question, and declines when none
// accounts for enough of it. Every sentence comes from a curated fact or status event. Pure.

import type { Entity, KnowledgeData, StatusEvent } from '../../knowledge/schema.ts';
import type { DateExpression, EventAnchor } from '../dates.ts';
import { citeEvent } from './cite-event.ts';
import { withAttributionVerdict } from './attribution.ts';
import type { Answer } from '../answer-types.ts';
import { anchorEventDate, anchorStay, describeAsked, formatDate, onDate, isoFromDay, parseDateInput, parseDateInputChecked, rangeOf, resolveAnchor, resolveStay } from '../dates.ts';
import { nameOf, periodsOf } from '../engage-timeline.ts';
import { ambiguousPhrasesIn, formerNamesIn, type AmbiguousMention } from '../alias-senses.ts';
import { sentencesToText } from '../citations.ts';
import { bodyForPlace } from '../register.ts';
import { officesMatching } from '../roles.ts';
import { analyzeText, indexKnowledge, type KnowledgeIndex, type Term } from '../knowledge-index.ts';
import { checkQuestion, stripMentions } from '../question-input.ts';
import { escapeRegExp, normalizeAlias, tokenize } from '../text.ts';
import { dropAskerContext, termWeight, understandQuestion, type QuestionAnalysis } from './understand.ts';
import { expandEqualsQuestion } from './question-framing.ts';
import { checkAnswerable } from './answerability.ts';
import { compose, composeNoAnswer, confidenceOf, declined, HEDGE_BELOW, declineMessage, safeEcho, SAY_UNSURE_BELOW, type AnswerOptions } from './compose.ts';
import { isBareQuestion, resolveFollowUp } from './follow-up.ts';
import { deicticTail, mergeAnswers, splitQuestion, statementThenDeictic, statementThenPronoun, subjectFirst } from './two-part.ts';
import { isEngageKind, kindFilter, type Draft } from './draft.ts';
import { frameQuestion } from './frame.ts';
import { asksAboutFuture, beyondRecords, quietPeriodDraft, upToNowDecline } from './horizon.ts';
import { notAQuestionForRecords } from './not-for-records.ts';
import { readRelationalPerson } from './relational-people.ts';
import { rankingDraft } from './routes/rankings.ts';
import { moveGapDraft } from './routes/move-gaps.ts';
import { roleDraft } from './routes/roles.ts';
import { engageListDraft } from './routes/engage-list.ts';
import { entityStatusDraft } from './routes/entity-status.ts';
import { factDrafts } from './routes/facts.ts';

export type { AnswerOptions } from './compose.ts';

// Chosen by sweeping the dev, paraphrase and a fresh held-out set: 0.58 answered most with no
// refusal lost; 0.55 began answering questions that must be declined.
const DEFAULT_MIN_COVERAGE = 0.58;
/** The inspectorate and its inspectors, who act in every force's Engage case: no subject of their own. */
const ACTS_IN_EVERY_CASE = new Set(['hmicfrs', 'hm-inspectors']);

/** Answers one question from the knowledge base. Never throws for user input. */
export function answer(question: string, knowledge: KnowledgeData | KnowledgeIndex, options: AnswerOptions = {}): Answer {
  const index = 'docs' in knowledge ? knowledge : indexKnowledge(knowledge);
  const checked = checkQuestion(question);
  if (!checked.ok) return declined(index, checked.error.message, 'invalid-input', undefined, options);
  // "When did GMP go in, and why?": each part answered, the second as a follow-up of the first.
  // (With a conversation going, a bare name is a follow-up: "GMP?" asks the last question again.)
  // The asker's own situation beside the question ("… I keep seeing Feb and April") is set aside
  // first, so what remains splits and reads as the question it is.
  const asked = dropAskerContext(expandEqualsQuestion(checked.question), index);
  const whole = (options.context ? undefined : bareSubject(asked, index)) ?? deicticTail(asked) ?? statementThenDeictic(asked) ?? statementThenPronoun(asked, index) ?? subjectFirst(asked, index);
  const parts = splitQuestion(whole);
  if (parts) {
    // The first part's reading is kept: the second part's pronouns are resolved against it.
    const firstAnalysis = understandQuestion(parts[0], index, options.today ? { today: options.today } : {});
    const first = answerOne(parts[0], index, options, firstAnalysis);
    if (first.status === 'answered') {
      // The second part keeps the first part's topic: "…, and what does the police list look
      // like?" after an Engage answer is about the Engage list.
      const aboutEngage = /^(engage|entity-status)/.test(first.explanation?.route ?? '');
      const secondPart = aboutEngage && parts[1].split(/\s+/).length >= 4 && !isBareQuestion(parts[1]) && !/\b(engage|special measures|enhanced monitoring|monitoring)\b/i.test(parts[1]) ? `${parts[1].replace(/\?+$/, '')} in Engage?` : parts[1];
      // A pronoun in the second part ("… and when was he named?") means whom the first part
      // named, when it named one person or body, whatever else its answer mentioned.
      // (A person named first is whom "he" or "she" means: "when did Rowley start as Met
      // Commissioner, and when was he named?")
      // After a "who" part, though, "he" is the person the answer found: "who was chief inspector
      // before Cooke, and how long did he do the job?" asks about Winsor.
      const strong = firstAnalysis.entities.filter((e) => !e.weak);
      const people = strong.filter((e) => index.entities.get(e.id)?.kind === 'person');
      // ("Bucks fire: which HMI, and when did it get out?": "it" is not a person, so it is the
      // one force or service named.)
      const bodies = strong.filter((e) => isEngageKind(index.entities.get(e.id)));
      const named = people.length === 1 && !/\b(it|its)\b/i.test(parts[1]) ? people : bodies.length === 1 && /\b(it|its|they|their|them)\b/i.test(parts[1]) ? bodies : strong;
      const found = firstAnalysis.lead === 'who' ? (first.context?.subjects ?? []).filter((id) => !strong.some((e) => e.id === id) && index.entities.get(id)?.kind === 'person') : [];
      const pick = firstAnalysis.lead === 'who' ? found : named.map((e) => e.id);
      const context = first.context && pick.length === 1 ? { ...first.context, subjects: [pick[0]!] } : first.context;
      // "Cleveland exit date and who made the decision": a second part that names nothing of its
      // own is about the first part's one subject, and is asked about it by name first.
      const subject = context?.subjects.length === 1 ? index.entities.get(context.subjects[0]!) : undefined;
      const secondRead = understandQuestion(parts[1], index, options.today ? { today: options.today } : {});
      // ("…, and which HMI signed the letter?": an inspectorate or a group of its inspectors is
      // no subject of its own when the first part's is a force: the letter is that force's.)
      const namesOwn = secondRead.entities.some((e) => !(subject && isEngageKind(subject) && ACTS_IN_EVERY_CASE.has(e.id)));
      // (A decision or letter asked about is on the first part's move: Cleveland's exit.)
      const move = firstAnalysis.concepts.has('leave') && !firstAnalysis.concepts.has('enter') ? ' leaving Engage' : firstAnalysis.concepts.has('enter') && !firstAnalysis.concepts.has('leave') ? ' going into Engage' : '';
      const aboutSubject = subject && !namesOwn && parts[1].split(/\s+/).length >= 3 && /^(who|whom|what|which|when|where|how)\b/i.test(parts[1]) && !/\b(it|its|they|their|them|he|she|his|her|him)\b/i.test(parts[1]) ? answerOne(`${parts[1].replace(/\?+$/, '')} (${subject.name}${isEngageKind(subject) && (secondRead.concepts.has('decide') || secondRead.concepts.has('letter')) ? move : ''})?`, index, options) : undefined;
      // "Which HMI signed the letter moving Lincs into Engage, and when?": a bare "when" dates the
      // first part's move of its one force or service, not the person its answer found.
      const movedBodies = firstAnalysis.entities.filter((e) => isEngageKind(index.entities.get(e.id)));
      const movedBody = movedBodies.length === 1 ? index.entities.get(movedBodies[0]!.id) : undefined;
      const leaving = firstAnalysis.concepts.has('leave') || firstAnalysis.anchors.some((a) => a.move === 'leave');
      const entering = firstAnalysis.concepts.has('enter') || firstAnalysis.anchors.some((a) => a.move === 'enter') || /\b(?:moving|moved|putting|put|placing|placed)\b[^?]{0,40}\binto\b/i.test(parts[0]);
      const movedWay = leaving && !entering ? 'leave' : entering && !leaving ? 'go into' : undefined;
      const datesMove = movedBody && movedWay && /^\W*(?:and\s+)?(?:when|in what month|what month|which month|what date|on what date|what day|in what year|what year)\s*\??\s*$/i.test(parts[1]);
      const moveDated = datesMove ? answerOne(`when did ${nameOf(movedBody!)} ${movedWay} Engage?`, index, options) : undefined;
      // (The second part's reading is reused when it is asked as written.)
      let second = moveDated?.status === 'answered' ? moveDated : aboutSubject?.status === 'answered' ? aboutSubject : answerOne(secondPart, index, { ...options, ...(context ? { context } : {}) }, secondPart === parts[1] ? secondRead : undefined);
      // Asked about the first part's force and unanswered, the second part is not answered by
      // another force's record ("lincs: when did it go in, and which HMI signed the letter?" is
      // not answered by the HMI who signed Staffordshire's).
      if (aboutSubject && subject && isEngageKind(subject) && second !== aboutSubject && aboutAnother(second, subject.id, index)) second = aboutSubject;
      // "…, and which HMI wrote the letter?" names its own (generic) subject but still means the
      // first part's: asked again about it before giving up on the second part.
      if (second.status !== 'answered' && subject && !aboutSubject) second = answerOne(`${parts[1].replace(/\?+$/, '')} (${subject.name})?`, index, options);
      return mergeAnswers(first, second, index);
    }
  }
  return answerOne(whole, index, options);
}

/** Whether an answer is about a force or service other than the one given, and not about it. */
function aboutAnother(answer: Answer, subjectId: string, index: KnowledgeIndex): boolean {
  // What the records it rests on are about: an event's force, or every entity a fact is about.
  const about = (answer.explanation?.recordIds ?? []).flatMap((id) => {
    const event = index.eventsById.get(id);
    return event ? [event.entity] : (index.facts.get(id)?.about ?? []);
  });
  return !about.includes(subjectId) && about.some((id) => isEngageKind(index.entities.get(id)));
}

/**
 * "Lincs?", "GMP", "Bucks fire?": a message that is nothing but the name of a force or service on
 * the Engage records asks where it stands; it is read as "Is <name> in Engage?". A weak alias
 * counts here, since the message names nothing else it could mean.
 */
function bareSubject(question: string, index: KnowledgeIndex): string | undefined {
  const text = question.replace(/[?!.\s]+$/, '').trim();
  if (text === '' || text.split(/\s+/).length > 6) return undefined;
  const terms = analyzeText(text, index, { strongAliasesOnly: false });
  if (terms.length !== 1 || terms[0]!.kind !== 'entity') return undefined;
  const entity = index.entities.get(terms[0]!.key.slice(1));
  if (!entity || !isEngageKind(entity)) return undefined;
  // Only the name: every word of the message is the alias.
  if (normalizeAlias(terms[0]!.surface) !== normalizeAlias(text)) return undefined;
  return `Is ${nameOf(entity)} in Engage?`;
}

function answerOne(question: string, index: KnowledgeIndex, options: AnswerOptions, read?: QuestionAnalysis): Answer {
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const alone = read ?? understandQuestion(question, index, options.today ? { today: options.today } : {});
  // "31 February 2023", "2022-13": say what is wrong with the date rather than guess at it.
  if (alone.dateProblems.length > 0) return declined(index, alone.dateProblems[0]!.message, 'invalid-date', alone, options);
  const followUp = resolveFollowUp(question, alone, options.context, index);
  if (followUp.kind === 'unresolved') {
    return declined(index, "That sounds like a follow-up, but I don't know what it refers to. Please ask the whole question, for example one of these.", 'follow-up-without-context', alone, options);
  }
  if (followUp.kind === 'resolved') {
    const { context: _previous, ...rest } = options;
    const resolved = answerOne(followUp.question, index, rest);
    return resolved.explanation ? { ...resolved, explanation: { ...resolved.explanation, route: `follow-up:${resolved.explanation.route}` } } : resolved;
  }
  // "Is the watchdog …?" can mean HMICFRS or the IOPC: ask, unless the question names one of them.
  const ambiguous = ambiguousPhrasesIn(index.data, alone.question).find((m) => m.candidates.every((c) => 'kind' in c) && !m.candidates.some((c) => alone.entities.some((e) => e.id === c.id)));
  if (ambiguous && !officesMatching(index.data, alone.corrected).some((o) => o.office)) {
    // "When did the watchdog put D&C into enhanced monitoring?": Engage is the inspectorate's own
    // phase, so a question about it means the inspectorate.
    const aboutMoves = alone.concepts.has('engage') || alone.concepts.has('enter') || alone.concepts.has('leave');
    const owner = aboutMoves ? ambiguous.candidates.filter((c) => c.id === 'hmicfrs') : [];
    return answerForEach(question, owner.length === 1 ? { ...ambiguous, candidates: owner } : ambiguous, index, options);
  }
  // Not a question for the records: an instruction to the bot, a request for its views, or for
  // instructions to the asker. Declined, whatever else the message asks.
  const notForRecords = notAQuestionForRecords(question, alone.question);
  if (notForRecords) return declined(index, notForRecords.message, notForRecords.route, alone, options);
  let anchored = resolveAnchors(kindFromWords(alone, index), index, options.context);
  // An anchor about no force in particular is read again as the words it is.
  if ('analysis' in anchored && anchored.unresolved?.size) {
    const reread = understandQuestion(question, index, { ...(options.today ? { today: options.today } : {}), wordsNotAnchors: anchored.unresolved });
    anchored = resolveAnchors(kindFromWords(reread, index), index, options.context);
  }
  if ('message' in anchored) return declined(index, anchored.message, 'anchor-without-record', alone, options);
  const analysis = anchored.analysis;
  // "What has Andy Cooke's successor said?" is about someone else than Cooke: asked about them by
  // name, or declined when the records do not say who they are.
  const relational = readRelationalPerson(analysis, index);
  if (relational.kind === 'unknown') return declined(index, relational.message, 'relational-person-unknown', analysis, options);
  if (relational.kind === 'named') {
    const asked = answerOne(relational.question, index, options);
    return asked.explanation ? { ...asked, explanation: { ...asked.explanation, route: `relational-person:${asked.explanation.route}` } } : asked;
  }
  // The records say what was decided, never what will be: a question about the future gets an
  // honest decline, not a past record dressed as a forecast.
  if (asksAboutFuture(analysis, index)) {
    return declined(
      index,
      `I can't say what will happen: I only report decisions on record, and my newest record is dated ${formatDate(index.newestRecordDate)}. I can tell you where things stood then.`,
      'future',
      analysis,
      options,
    );
  }
  const quiet = quietPeriodDraft(analysis, index);
  if (quiet) return compose(quiet, index, analysis, options);
  const beyond = beyondRecords(analysis, index, options.today);
  if (beyond) return declined(index, beyond.message, beyond.route, analysis, options);
  const weights = new Map<Term, number>(analysis.terms.map((t) => [t, termWeight(t, index)]));
  const frame = frameQuestion(analysis, index);
  const structured = [
    moveGapDraft(analysis, frame, index, weights, anchored.placedBy ?? []),
    rankingDraft(analysis, frame, index, weights),
    engageListDraft(analysis, frame, index, weights),
    entityStatusDraft(analysis, frame, index, weights),
    roleDraft(analysis, frame, index, weights),
  ].filter((d): d is Draft => d !== undefined);
  // A structured answer that accounts for the whole question wins any tie, so facts need not be searched.
  const complete = structured.some((d) => d.coverage >= 0.999);
  const drafts = complete ? structured : [...structured, ...factDrafts(analysis, frame, index, weights, minCoverage)];
  drafts.sort((a, b) => b.coverage - a.coverage || routeRank(a) - routeRank(b) || b.score - a.score);
  // A timeline answer is exact where a text match is approximate: it wins unless a fact accounts
  // for clearly more of the question (an incidental shared word should not tip it).
  const structuredBest = drafts.find((d) => d.route !== 'fact');
  // (Only one that could be given: below the coverage an answer needs, it would only decline.)
  const best = structuredBest && drafts[0]?.route === 'fact' && structuredBest.coverage >= drafts[0].coverage - 0.1 && structuredBest.coverage >= minCoverage ? structuredBest : drafts[0];

  // A name the knowledge base has never seen ("Canada", "Derbyshire") is what the question is
  // about, so no answer about something else will do.
  if (!best || best.coverage < minCoverage || best.sentences.length === 0 || analysis.unknownNames.length > 0) {
    return declined(index, declineMessage(analysis, index, frame), best ? `declined:${best.route}` : 'declined', analysis, options, best);
  }
  // The topic must be something the knowledge base is about, and the answer must be about it.
  if (!checkAnswerable(best, analysis, index).ok) {
    return declined(index, declineMessage(analysis, index, frame), `declined:no-anchor:${best.route}`, analysis, options, best);
  }
  if (best.status === 'no_answer') {
    // An informative decline ("no Engage record for Kent Police in the period my records cover")
    // keeps its citations; one with none is a plain decline with suggestions.
    if (best.sentences.some((x) => x.cites.length > 0)) return composeNoAnswer(best, index, analysis, options);
    return declined(index, best.sentences.map((s) => s.text).join(' '), best.route, analysis, options, best);
  }
  // "Has Mahmood used her new powers yet?": not answered by an unsure match to an older record.
  const notYetKnown = upToNowDecline(analysis, index, best.route === 'fact' && confidenceOf(best) < SAY_UNSURE_BELOW);
  if (notYetKnown) return declined(index, notYetKnown, 'declined:up-to-now', analysis, options, best);
  // "IPCC", "HMIC", "ACPO": answered for the body that carries the name now, saying so.
  const former = formerNamesIn(index.data, analysis.question).filter((f) => !best.sentences.some((x) => x.text.includes(f.formerName.name)));
  const withFormer = former.length === 0 ? best : { ...best, sentences: [...best.sentences, ...former.map((f) => ({ text: f.sentence, cites: f.citations }))] };
  return compose(withPlacingMoves(withAttributionVerdict(withFormer, analysis, frame, index), anchored.placedBy ?? [], index), index, analysis, options);
}


/**
 * An ambiguous name ("the watchdog": HMICFRS or the IOPC) is never resolved silently: the
 * question is answered for each body it can mean, each answer saying which it is about, or, when
 * none can be answered, the reader is asked which was meant.
 */
function answerForEach(question: string, ambiguous: AmbiguousMention, index: KnowledgeIndex, options: AnswerOptions): Answer {
  // "HMG in an HMICFRS letter — that's HM Government, right?", "what's the HMG in HMICFRS-speak?":
  // a question about what the name means, where the inspectorate's own sense is the one asked
  // about (or the other sense is put up to be ruled out), is answered with that sense.
  if (ambiguous.candidates.length === 1 && 'kind' in ambiguous.candidates[0]!) {
    const sense = ambiguous.candidates[0] as Entity;
    const other = ambiguous.ambiguous.alsoMeans?.split(',')[0]?.trim();
    const otherWords = other ? tokenize(other).map((t) => t.stem).filter((w) => w.length > 3) : [];
    const asked = tokenize(question).map((t) => t.stem);
    const aboutSense = /\b(hmicfrs|inspectorate|letters?|engage|mean|means|stand for|stands for|speak)\b/i.test(question) || otherWords.some((w) => asked.includes(w));
    const what = aboutSense ? answerOne(`what is the ${sense.aliases.find((a) => a.split(' ').length > 1) ?? sense.name}?`, index, options) : undefined;
    if (what?.status === 'answered') {
      const note = { text: `I have read "${ambiguous.ambiguous.alias}" as ${nameOf(sense)}, the sense the inspectorate's records use${other ? `, not ${other}` : ''}.`, citations: [] };
      const sentences = [note, ...what.sentences];
      return { ...what, sentences, text: sentencesToText(sentences) };
    }
  }
  const phrase = new RegExp(`\\b(the\\s+)?${escapeRegExp(ambiguous.ambiguous.alias.replace(/^the\s+/i, ''))}\\b`, 'i');
  const answers = ambiguous.candidates
    .filter((c): c is Entity => 'kind' in c)
    // Asked with the body's short name ("HMICFRS"), as a reader would have written it.
    .map((c) => ({ c, a: answerOne(question.replace(phrase, [...c.aliases].sort((x, y) => x.length - y.length)[0] ?? c.name), index, options) }))
    // Only confident readings count: a hedged answer for one sense is not worth a reader's time.
    .filter((x) => x.a.status === 'answered' && x.a.confidence >= HEDGE_BELOW);
  if (answers.length === 0) return declined(index, ambiguous.question, 'ambiguous-name', undefined, options);
  const others = ambiguous.candidates.filter((c) => !answers.some((x) => x.c.id === c.id));
  if (answers.length === 1) {
    // One sense has an answer: give it, and say plainly which body it is about and what else the name can mean.
    const { c, a } = answers[0]!;
    const note = { text: `I have read "${ambiguous.ambiguous.alias}" as ${nameOf(c)}${others.length ? `; it can also mean ${others.map((o) => ('kind' in o ? nameOf(o) : o.name)).join(' or ')}, so name that body if you meant it` : ''}.`, citations: [] };
    const sentences = [note, ...a.sentences];
    return { ...a, sentences, text: sentencesToText(sentences) };
  }
  const labelled = answers.map(({ c, a }) => {
    const [first, ...rest] = a.sentences;
    const sentences = first ? [{ ...first, text: `If you mean ${nameOf(c)}: ${first.text}` }, ...rest] : a.sentences;
    return { ...a, sentences, text: sentencesToText(sentences) };
  });
  let merged = labelled[0]!;
  for (const next of labelled.slice(1)) merged = mergeAnswers(merged, next, index);
  const note = { text: `"${ambiguous.ambiguous.alias}" can mean more than one body, so I have not picked one for you.`, citations: [] };
  const sentences = [note, ...merged.sentences];
  return { ...merged, sentences, text: sentencesToText(sentences), confidence: Math.min(merged.confidence, 0.8) };
}

/**
 * A county name with a fire word means the county's fire and rescue service: "is the fire service
 * in Staffordshire in special measures?" is not about Staffordshire Police.
 */
function kindFromWords(analysis: QuestionAnalysis, index: KnowledgeIndex): QuestionAnalysis {
  if (!analysis.concepts.has('fire-service') || analysis.concepts.has('force')) return analysis;
  // "Glos police, not the fire service, …": the fire service is named to be set aside.
  if (kindFilter(analysis, index) === 'police_force') return analysis;
  let changed = false;
  // "Which fire services were in at the same time as the Met?": the force that dates the
  // question stays the force.
  const anchorSubjects = analysis.anchors.map((a) => ` ${normalizeAlias(a.subjectText)} `);
  const swap = (id: string): string => {
    const entity = index.entities.get(id);
    const surface = analysis.entities.find((e) => e.id === id)?.surface.toLowerCase();
    if (surface && anchorSubjects.some((s) => s.includes(` ${normalizeAlias(surface)} `))) return id;
    if (entity?.kind !== 'police_force' || !entity.place) return id;
    // Only a name that is the place ("Glos fire", "Lincs fire service"), not one of the force's
    // own ("the Met", "GMP"): "which fire service went in after the Met?" still means the Met.
    if (!surface || !entity.place.toLowerCase().replace(/[^a-z]/g, '').startsWith(surface.replace(/[^a-z]/g, '').slice(0, 3))) return id;
    const fire = bodyForPlace(index.data, entity.place, 'fire_rescue_service');
    if (!fire) return id;
    changed = true;
    return fire.id;
  };
  const entities = analysis.entities.map((e) => ({ ...e, id: swap(e.id) }));
  if (!changed) return analysis;
  const terms = analysis.terms.map((t) => (t.kind === 'entity' ? { ...t, key: `#${swap(t.key.slice(1))}` } : t));
  return { ...analysis, entities, terms };
}

/**
 * Times given by an event ("after West Mids came out", "when the Met went in"): the event's
 * recorded date becomes the question's period, in place of a looser date written beside it
 * ("in Sept 2024"). With "still", "already" or "remaining", "after X left" means the day after,
 * not every day since.
 */
function resolveAnchors(analysis: QuestionAnalysis, index: KnowledgeIndex, context: AnswerOptions['context']): { analysis: QuestionAnalysis; unresolved?: Set<number>; placedBy?: StatusEvent[] } | { message: string } {
  if (analysis.anchors.length === 0) return { analysis };
  const placedBy: StatusEvent[] = [];
  const spanEnds = new Map<DateExpression, { role: 'start' | 'end'; anchor: EventAnchor }>();
  // Moves whose subject is a pronoun with nothing to stand for: "once it has been put in special
  // measures" after "what does a force have to do" is about forces in general, not a time.
  const unresolved = new Set<number>();
  const dates = [...analysis.dates];
  const concepts = new Set(analysis.concepts);
  const consumed = new Set<string>();
  let entities = analysis.entities;
  for (const anchor of analysis.anchors) {
    // (Compared as names are found: "D&C" is "d and c".)
    const subjectText = ` ${normalizeAlias(anchor.subjectText)} `;
    const inSubject = (surface: string) => subjectText.includes(` ${normalizeAlias(surface)} `);
    // "When Rowley took over at the Met", "after Dick resigned": a person's start or end in an
    // office, from the role records.
    const person = analysis.entities.find((e) => index.entities.get(e.id)?.kind === 'person' && inSubject(e.surface));
    if (person && anchor.move !== 'stay') {
      const starting = anchor.move === 'enter' || anchor.move === 'take-office';
      const holding = officeMove(person.id, starting, analysis.question, index);
      if (!holding) {
        if (anchor.move === 'take-office' || anchor.move === 'leave-office') {
          return { message: `I hold no dated record of ${index.entities.get(person.id)!.name} ${starting ? 'taking up' : 'leaving'} an office, so I can't place that time.` };
        }
        continue;
      }
      const near = dates.find((d) => d.index >= anchor.index);
      const beside = near && near.index - (anchor.index + anchor.matched.length) < 12 ? dates.indexOf(near) : -1;
      if (beside >= 0) dates.splice(beside, 1);
      dates.unshift(resolveAnchor({ ...anchor, relation: anchor.relation === 'during' ? 'when' : anchor.relation }, holding.day));
      consumed.add('#' + person.id);
      // "took over at the Met": the office's body is part of the time, not the question's subject.
      // Unless the question names it elsewhere too ("Apart from the Met, …").
      const bodyNamed = entities.find((e) => e.id === holding.body);
      // ("took over at the Met": the body right after the move is the anchor's own.)
      const q = analysis.question.toLowerCase();
      const at = q.indexOf(anchor.matched.toLowerCase());
      const around = at < 0 ? q : q.slice(0, at) + ' ' + q.slice(at + anchor.matched.length).replace(/^\s*(at|of|in|for|with)\s+(the\s+)?\S+(\s+police)?/, ' ');
      const outside = bodyNamed !== undefined && around.includes(bodyNamed.surface);
      if (holding.body && !outside) {
        consumed.add('#' + holding.body);
        entities = entities.filter((e) => e.id !== holding.body);
      }
      continue;
    }
    if (anchor.move === 'take-office' || anchor.move === 'leave-office') continue;
    // Only a force or service moves into or out of Engage: "when the force went in" means the
    // force named in the question (or the conversation), not the inspector or commissioner.
    const movers = analysis.entities.filter((e) => isEngageKind(index.entities.get(e.id)));
    const named = movers.find((e) => inSubject(e.surface));
    const pronoun = /^(it|they|the force|the service|that force|that service|this force|this service)(?:['’](?:s|d|ve|re))?$/.test(anchor.subjectText.toLowerCase().trim());
    const fromContext = context?.subjects.filter((id) => isEngageKind(index.entities.get(id)));
    const id = named?.id ?? (pronoun ? (movers[0]?.id ?? (fromContext?.length === 1 ? fromContext[0] : undefined)) : undefined);
    const entity = id ? index.entities.get(id) : undefined;
    if (!entity) {
      if (pronoun) unresolved.add(anchor.index);
      continue;
    }
    const stays = periodsOf(entity, index.eventsByEntity.get(entity.id) ?? []);
    const periods = stays.map((p) => ({ entry: p.entry.date, ...(p.exit ? { exit: p.exit.date } : {}) }));
    const near = dates.find((d) => d.index >= anchor.index);
    // A date right beside the move says which move it is ("when the Met went in in March 2021").
    const besideNear = near && !anchor.between && near.index - (anchor.index + anchor.matched.length) < 12 ? near : undefined;
    // "At the same time as the Met": the whole of its stay is the period asked about.
    const stay = anchor.move === 'stay' ? anchorStay(periods, near) : undefined;
    const day = anchor.move === 'stay' ? stay?.entry : anchorEventDate(anchor, periods, besideNear ?? near, besideNear !== undefined);
    if (!day) {
      const what = anchor.move === 'leave' ? 'leaving' : anchor.move === 'stay' ? 'being in' : 'entering';
      const recorded = anchor.move === 'stay' ? [] : periods.map((p) => (anchor.move === 'enter' ? p.entry : p.exit)).filter((d): d is string => d !== undefined);
      // A move written with a date the records do not give it: what they do give, so the asker
      // can correct the premise.
      if (besideNear && recorded.length > 0) {
        return { message: `I hold no record of ${nameOf(entity)} ${what} Engage ${describeAsked(besideNear)}: its recorded ${anchor.move === 'leave' ? 'exit was' : 'entry was'} ${recorded.map((d) => onDate(d)).join(' and ')}.` };
      }
      return { message: `I hold no record of ${nameOf(entity)} ${what} Engage (my records run to ${formatDate(index.newestRecordDate)}), so I can't place that time.` };
    }
    // The move that places the time, so the answer can say where its date comes from.
    const placing = stay ? undefined : stays.flatMap((p) => [p.entry, ...(p.exit ? [p.exit] : [])]).find((e) => e.date === day && (e.event === 'entered_engage') === (anchor.move === 'enter'));
    if (placing) placedBy.push(placing);
    let resolved = stay ? resolveStay(anchor, stay, nameOf(entity)) : resolveAnchor(anchor, day);
    // ("How many were left in after West Mids got out?": those remaining, that day.)
    if (/\b(still|already|remaining|remained|(?:was|were) left in)\b/i.test(analysis.question) && resolved.open === 'after') {
      // (After the newest record's own move, "who was still in" is known as of that move's day:
      // nothing after it is on record to change it.)
      const newestDay = rangeOf(index.newestRecordDate).end;
      const day = resolved.range.start > newestDay && rangeOf(placing?.date ?? index.newestRecordDate).end <= newestDay ? newestDay : resolved.range.start;
      resolved = { ...resolved, range: { start: day, end: day }, date: isoFromDay(day) };
      delete (resolved as { open?: unknown }).open;
      resolved.label = formatDate(resolved.date);
    }
    // The anchor replaces the looser date written beside it ("after West Mids got out in Sept 2024").
    // (Not the time that closes a span it opens: "between the Met coming out and summer 2025".)
    const beside = besideNear ? dates.indexOf(besideNear) : -1;
    if (beside >= 0) dates.splice(beside, 1);
    dates.unshift(resolved);
    if (anchor.between) spanEnds.set(resolved, { role: anchor.between, anchor });
    // The force named in the anchor is now the date: every route counts its name as accounted for.
    consumed.add('#' + entity.id);
    // So are the words that stood for it ("when *the force* went in").
    if (pronoun) for (const key of ['@force', '@fire-service']) consumed.add(key);
    // The anchor was a move into or out of Engage, so a list question is about Engage even when
    // its main clause says only "in there"; a question about something else stays about it.
    if (/\b(which|what|how many|list|any|who)\b[^?]*\b(forces?|services?|ones|others?|there|in it)\b/i.test(analysis.question)) concepts.add('engage');
  }
  return { analysis: { ...analysis, entities, dates: joinSpan(dates, spanEnds), concepts, anchoredKeys: consumed }, unresolved, placedBy };
}

/**
 * "Between the Met coming out and the end of summer 2025": the move that opens the span and the
 * time (or move) that closes it, made one closed period of the question.
 */
function joinSpan(dates: DateExpression[], spanEnds: Map<DateExpression, { role: 'start' | 'end'; anchor: EventAnchor }>): DateExpression[] {
  const start = dates.find((d) => spanEnds.get(d)?.role === 'start');
  if (!start) return dates;
  const opening = spanEnds.get(start)!.anchor;
  const end = dates.find((d) => spanEnds.get(d)?.role === 'end') ?? dates.find((d) => d !== start && !spanEnds.has(d) && !d.open && d.index > opening.index);
  if (!end || end.range.end < start.range.start) return dates;
  const from = isoFromDay(start.range.start);
  const to = isoFromDay(end.range.end);
  const joined: DateExpression = {
    date: from,
    range: { start: start.range.start, end: end.range.end },
    matched: opening.matched,
    index: opening.index,
    precision: 'range',
    label: `${formatDate(from)} to ${formatDate(to)}`,
    until: to,
  };
  return [joined, ...dates.filter((d) => d !== start && d !== end)];
}

/**
 * "After West Mids got out, how many were left?" is answered for a date the reader never gave:
 * a list or count so dated ends by saying which move placed it, with that move's sources, so the
 * date can be checked. Answers that already cite the move, and other routes, are left as they are.
 */
function withPlacingMoves(draft: Draft, placedBy: readonly StatusEvent[], index: KnowledgeIndex): Draft {
  if (!draft.route.startsWith('engage-') || placedBy.length === 0) return draft;
  const cited = new Set(draft.sentences.flatMap((x) => [...x.cites, ...(x.items ?? []).flatMap((i) => i.cites)]).map((c) => c.source));
  const notes = placedBy
    .map((event) => ({ event, cites: citeEvent(event, index, 2) }))
    .filter(({ cites }) => cites.length > 0 && !cites.every((c) => cited.has(c.source)))
    .map(({ event, cites }) => {
      const entity = index.entities.get(event.entity);
      const moved = event.event === 'entered_engage' ? 'entered' : 'left';
      return { text: `${entity ? nameOf(entity, true) : event.entity} ${moved} Engage on ${formatDate(event.date)}.`, cites };
    });
  return notes.length === 0 ? draft : { ...draft, sentences: [...draft.sentences, ...notes] };
}

/**
 * The day a person took up (or left) an office, from the role records: the office the question
 * names if it names one, else their latest such move. With the office's body, if it has one.
 */
function officeMove(personId: string, starting: boolean, question: string, index: KnowledgeIndex): { day: string; body?: string } | undefined {
  const named = new Set(officesMatching(index.data, question).map((o) => o.office?.id).filter(Boolean));
  const dayOf = (r: { from?: string | undefined; until?: string | undefined }) => (starting ? r.from : r.until);
  const records = (index.data.roles ?? []).filter((r) => r.holder === personId && dayOf(r) !== undefined);
  const inNamedOffice = records.filter((r) => named.has(r.office));
  const chosen = inNamedOffice.length > 0 ? inNamedOffice : records;
  const latest = chosen.sort((a, b) => rangeOf(dayOf(a)!).start - rangeOf(dayOf(b)!).start).at(-1);
  if (!latest) return undefined;
  const body = index.data.offices?.find((o) => o.id === latest.office)?.body;
  return { day: dayOf(latest)!, ...(body ? { body } : {}) };
}

/** Structured routes first when two drafts account for the question equally well. */
function routeRank(d: Draft): number {
  // The time between two moves is asked only when two moves are named and a gap is asked for.
  if (d.route === 'engage-gap') return -2;
  // A ranking or comparison is the most specific reading of a question that asks for one.
  if (d.route === 'engage-superlative' || d.route === 'engage-compare' || d.route === 'engage-same-day' || d.route.startsWith('role')) return -1;
  return d.route === 'entity-status' ? 0 : d.route.startsWith('engage-') ? 1 : 2;
}

/** Who is in Engage as of the newest record, or on a date given as text ("2022-12", "December 2022"). */
export function engageStatus(knowledge: KnowledgeData | KnowledgeIndex, date?: string, options: AnswerOptions = {}): Answer {
  const index = 'docs' in knowledge ? knowledge : indexKnowledge(knowledge);
  if (date !== undefined && stripMentions(date).trim() !== '') {
    date = stripMentions(date);
    const checked = parseDateInputChecked(date, options.today ? { today: options.today } : {});
    // An impossible date says what is wrong with it ("There is no 31 February 2023.").
    if (!checked.ok && checked.impossible) {
      return declined(index, checked.problem.message, 'invalid-date', undefined, options);
    }
    const parsed = parseDateInput(date);
    if (!parsed) {
      const shown = safeEcho(date.slice(0, 40));
      return declined(index, `I couldn't read ${shown ? `"${shown}"` : 'that'} as a date. Try 2022-12-01, December 2022 or 2023.`, 'invalid-date', undefined, options);
    }
    return answer(`Which forces and fire and rescue services were in Engage ${parsed.range.start === parsed.range.end ? 'on' : 'in'} ${parsed.date}?`, index, options);
  }
  return answer('Which police forces and fire and rescue services are in Engage now?', index, options);
}
