// The last stage: turns the chosen Draft into an Answer (numbered citations, confidence, as-of,
// follow-up suggestions), or writes an honest decline with suggestions. Pure.

import type { Answer, ConversationContext } from '../answer-types.ts';
import { numberCitations, sentencesToText } from '../citations.ts';
import { nameOf } from '../engage-timeline.ts';
import type { KnowledgeIndex } from '../knowledge-index.ts';
import type { QuestionAnalysis } from './understand.ts';
import type { Draft } from './draft.ts';
import type { QuestionFrame } from './frame.ts';
import { VENUE_ASKED } from './routes/fact-answer-types.ts';

export interface AnswerOptions {
  /** Minimum share of the question (by term weight) an answer must account for. Default 0.58. */
  minCoverage?: number;
  /** Include `explanation` in the Answer. Default true. */
  explain?: boolean;
  /**
   * Today's date (YYYY-MM-DD), for telling the future ("in 2030") from the past after the newest
   * record. The core never reads the clock itself; BotCore passes it in. Default: no date is future.
   */
  today?: string;
  /** What the previous answer in this conversation was about, to resolve a follow-up. */
  context?: ConversationContext;
}

/** Below this confidence a reading counts as unsure: an ambiguous name's sense is not answered on it. */
export const HEDGE_BELOW = 0.75;

/**
 * Below this confidence the answer says in words that it may not be what was asked. Measured on
 * the working sets (2 December 2026, 2,438 questions): answers at 0.72–0.81 were right about
 * four times in five and at 0.81–0.84 three in four, at 0.84–0.90 nine in ten, at 0.93 and above
 * 98 in 100.
 */
export const SAY_UNSURE_BELOW = 0.84;

/**
 * How sure the bot is, 0–1. A timeline answer is computed from the records, so its confidence
 * is how much of the question it accounts for. A text match is less sure: its confidence drops
 * when another fact scores nearly as well (either could be meant), and stays below 0.9 unless a
 * curated phrasing of the fact, or the profile of the entity asked about, matches the question.
 */
export function confidenceOf(draft: Draft): number {
  if (draft.route !== 'fact') return round(Math.min(0.99, 0.5 + 0.49 * draft.coverage));
  let c = 0.35 + 0.6 * draft.coverage;
  const evidence = draft.evidence;
  if (evidence) {
    if (evidence.margin < 0.05) c -= 0.1;
    if (evidence.phrasing < 0.45 && !evidence.profile) c = Math.min(c, 0.89);
  }
  return round(Math.max(0.31, Math.min(0.99, c)));
}

export function compose(draft: Draft, index: KnowledgeIndex, analysis: QuestionAnalysis, options: AnswerOptions): Answer {
  const confidence = confidenceOf(draft);
  // Unsure: say so in words before the record, which is still given, cited, as found.
  const drafts = confidence < SAY_UNSURE_BELOW ? [{ text: 'I may not have understood exactly what you asked; the closest record I hold says:', cites: [] }, ...draft.sentences] : draft.sentences;
  const { sentences, citations } = numberCitations(drafts, index.sources);
  const text = sentencesToText(sentences);
  const unmatched = analysis.terms.filter((t) => !draft.matched.has(t.key)).map((t) => t.surface);
  return {
    status: 'answered',
    text,
    sentences,
    confidence,
    citations,
    asOf: draft.asOf,
    related: uniqueRelated(draft.related, analysis.question),
    checkedTo: index.data.meta?.checkedTo ?? null,
    context: contextOf(draft, index, analysis),
    ...(options.explain === false
      ? {}
      : {
          explanation: {
            route: draft.route,
            entities: analysis.entities.map((e) => e.id),
            matchedTerms: analysis.terms.filter((t) => draft.matched.has(t.key)).map((t) => t.surface),
            unmatchedTerms: unmatched,
            recordIds: draft.recordIds,
          },
        }),
  };
}

/**
 * A decline that still informs: the route's sentences and their citations (the lists a "no
 * record" rests on), as a no_answer with low confidence, so nothing reads it as an answer.
 */
export function composeNoAnswer(draft: Draft, index: KnowledgeIndex, analysis: QuestionAnalysis, options: AnswerOptions): Answer {
  const answered = compose({ ...draft, coverage: 1, route: `${draft.route}:no-record` }, index, analysis, options);
  const { context: _none, ...rest } = answered;
  return { ...rest, status: 'no_answer', confidence: 0.3, related: declineSuggestions(analysis, index) };
}

/** What this answer was about, for the next question of the conversation. */
function contextOf(draft: Draft, index: KnowledgeIndex, analysis: QuestionAnalysis): ConversationContext {
  const subjects: string[] = analysis.entities.map((e) => e.id);
  for (const id of draft.recordIds) {
    const event = index.eventsById.get(id);
    // A role record's subject is its holder: "who was chief inspector before Cooke?" is about Winsor.
    const entity = event?.entity ?? index.facts.get(id)?.about[0] ?? index.data.roles?.find((r) => r.id === id)?.holder;
    if (entity && !subjects.includes(entity)) subjects.push(entity);
  }
  const date = analysis.dates[0];
  return {
    // A list's subjects are its items; a single-subject answer's, its subject.
    subjects: draft.route.startsWith('engage-') && analysis.entities.length === 0 ? subjects.slice(0, 20) : subjects.slice(0, 3),
    route: draft.route,
    ...(date ? { period: { start: date.date, end: date.date } } : {}),
    question: analysis.question,
  };
}

function uniqueRelated(list: string[], question: string): string[] {
  const q = question.trim().toLowerCase().replace(/\?+$/, '');
  return [...new Set(list.map(asQuestion))].filter((x) => x.toLowerCase().replace(/\?+$/, '') !== q).slice(0, 3);
}

/**
 * A suggestion as a reader sees it: a capitalised question ending in "?", with the phase's name
 * capitalised ("Engage"). Curated phrasings are written for matching and may be lower case.
 */
export function asQuestion(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '').replace(/\bengage\b/g, 'Engage');
  if (!t) return t;
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${t.endsWith('?') ? '' : '?'}`;
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

const SCOPE =
  'I answer questions about HMICFRS\'s Engage phase ("special measures") for police forces and fire and rescue services in England and Wales since 2019 — who is in it, since when and why — and about the June 2022 coverage of the Met being placed in it.';

const GREETING = /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|thanks|thank you|cheers|ta)\b[\s!.,]*(there|bot|oversight)?[\s!.?]*$/i;

/**
 * What a question asked for that the records did not give, in words a reader can take in at a
 * glance ("where it took place", "who did it"), or undefined when the kind of answer is not plain.
 */
function partAsked(analysis: QuestionAnalysis, frame: QuestionFrame): string | undefined {
  if (VENUE_ASKED.test(analysis.question)) return 'says where it took place';
  switch (frame.asks) {
    case 'why':
      return 'says why';
    case 'who':
      return 'says who it was';
    case 'when':
      return 'says when it happened';
    case 'count':
      return 'gives that number';
    case 'said':
      return 'gives those words';
    default:
      return analysis.concepts.has('amount') ? 'gives that figure' : undefined;
  }
}

/** A body as a reader knows it: its acronym when it has one ("HMICFRS", "the PPOG"), else its name. */
function shortName(entity: NonNullable<ReturnType<KnowledgeIndex['entities']['get']>>): string {
  const acronym = entity.kind === 'oversight_body' || entity.kind === 'government' ? entity.aliases.find((a) => /^[A-Z]{3,}$/.test(a)) : undefined;
  if (!acronym) return nameOf(entity);
  return /^(HMICFRS|IOPC|NPCC)$/.test(acronym) ? acronym : `the ${acronym}`;
}

export function declineMessage(analysis: QuestionAnalysis, index: KnowledgeIndex, frame?: QuestionFrame): string {
  // Small talk is not a question to decline sternly; still no answer, but a friendly pointer.
  if (GREETING.test(analysis.question.trim())) {
    return `Hello! ${SCOPE} Ask me a question, for example one of these.`;
  }
  const unknownSubject = unknownSubjectOf(analysis);
  const oversightish = analysis.concepts.has('engage') || analysis.concepts.has('enter') || analysis.concepts.has('leave');
  if (unknownSubject && oversightish) {
    return `I have no record of ${unknownSubject} in my curated sources, so I can't say whether it has been in Engage — I won't guess. My records cover ${index.engageEntities.length} forces and services that have been in Engage since 2019.`;
  }
  // "Where was the PPOG meeting held?": the records on what was named, and what they do not say.
  const part = frame ? partAsked(analysis, frame) : undefined;
  const named = analysis.entities.map((e) => index.entities.get(e.id)).filter((e) => e !== undefined).slice(0, 2);
  if (part && named.length > 0 && analysis.unknownNames.length === 0) {
    return `I hold records on ${named.map(shortName).join(' and ')}, but none that ${part}, so I won't guess.`;
  }
  return `I don't have a sourced answer to that, so I won't guess. ${SCOPE}`;
}

/** The unknown name in a question ("Derbyshire Constabulary"), in the asker's own words. */
function unknownSubjectOf(analysis: QuestionAnalysis): string | undefined {
  return safeEcho(rawSubjectOf(analysis));
}

/**
 * The asker's words, safe to repeat in a reply: letters, digits and simple punctuation only, so
 * no markup or mention syntax ("<!channel>", "@here") can ride along; at most 60 characters.
 */
export function safeEcho(subject: string | undefined): string | undefined {
  // The decline repeats the asker's words: keep only letters, digits and simple punctuation so
  // no markup or mention syntax ("<!channel>", "@here") can ride along.
  const safe = subject?.replace(/[^\p{L}\p{N}' -]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
  // A place or force typed in lower case still reads as a name: "cumbria" → "Cumbria".
  return safe ? safe.replace(/(^|\s)(\p{Ll})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase()) : undefined;
}

function rawSubjectOf(analysis: QuestionAnalysis): string | undefined {
  if (analysis.unknownNames.length > 0) return analysis.unknownNames.join(' and ');
  // Only a name can be "something we have no record of"; an unknown ordinary word ("besides",
  // "loggerheads") just means we could not answer the question.
  if (!analysis.concepts.has('engage') || analysis.terms.some((t) => t.kind === 'entity')) return undefined;
  if (analysis.unknownWords.length === 0) return undefined;
  const words = analysis.question.split(/\s+/);
  const unknown = new Set(analysis.unknownWords.map((w) => w.toLowerCase()));
  const idx = words.findIndex((w) => unknown.has(w.toLowerCase().replace(/[^a-z0-9']/g, '').replace(/'s$/, '')));
  if (idx < 0) return undefined;
  const out = [words[idx]!];
  for (const next of words.slice(idx + 1, idx + 5)) {
    if (/^(police|constabulary|fire|and|rescue|service|force|frs)[?.,!]*$/i.test(next)) out.push(next);
    else break;
  }
  // An ordinary word ("longest", "wre") is not a name we hold no record of; one followed by
  // "Police" or "Fire" is ("Gwent Police").
  if (out.length === 1) return undefined;
  return out.join(' ').replace(/[?.,!]+$/, '');
}

export function declined(index: KnowledgeIndex, message: string, route: string, analysis: QuestionAnalysis | undefined, options: AnswerOptions, best?: Draft): Answer {
  const related = declineSuggestions(analysis, index);
  return {
    status: 'no_answer',
    text: message,
    sentences: [],
    confidence: round(best ? Math.min(0.3, best.coverage * 0.3) : 0),
    citations: [],
    asOf: null,
    related,
    ...(options.explain === false
      ? {}
      : {
          explanation: {
            route,
            entities: analysis?.entities.map((e) => e.id) ?? [],
            matchedTerms: analysis?.terms.filter((t) => best?.matched.has(t.key)).map((t) => t.surface) ?? [],
            unmatchedTerms: analysis?.terms.filter((t) => !best?.matched.has(t.key)).map((t) => t.surface) ?? [],
            recordIds: [],
          },
        }),
  };
}

function declineSuggestions(analysis: QuestionAnalysis | undefined, index: KnowledgeIndex): string[] {
  const out: string[] = [];
  for (const e of analysis?.entities ?? []) {
    const entity = index.entities.get(e.id);
    if (!entity) continue;
    if (index.eventsByEntity.has(entity.id)) out.push(`Is ${nameOf(entity)} in Engage?`);
    const profile = index.profiles.get(entity.id);
    if (profile?.questions[0]) out.push(profile.questions[0]);
  }
  out.push('Which forces are in Engage?', 'Why was the Met put in special measures?', 'Which forces were in Engage in December 2022?');
  return [...new Set(out.map(asQuestion))].slice(0, 3);
}

