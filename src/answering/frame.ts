// The question frame: what is asked (a list, a count, a date, reasons, a person, yes or no, a
// definition, a statement, the longest or first, a comparison), about which kinds of body, and
// with which constraints (a superlative, an exclusion, a reference event). Read from the
// understood question; the routes and the answer-type check work from it. Pure.

import { SET_ASIDE, SET_ASIDE_AFTER, SET_ASIDE_NOT } from './exclusions.ts';
import type { Entity } from '../../knowledge/schema.ts';
import type { KnowledgeIndex } from '../knowledge-index.ts';
import { LEADS, type QuestionAnalysis } from './understand.ts';
import { isEngageKind, kindFilter, type EngageKind } from './draft.ts';
import { wordProfile } from '../lexicon/word-profile.ts';
import { normalizeAlias, stem } from '../text.ts';
import { officesMatching } from '../roles.ts';

/** What the question asks for: the type of answer that can satisfy it. */
export type AskType = 'list' | 'count' | 'yes-no' | 'when' | 'why' | 'how-long' | 'who' | 'what-is' | 'said' | 'superlative' | 'compare' | 'other';

export type Superlative =
  | { kind: 'longest' | 'shortest' | 'peak'; move?: undefined }
  | { kind: 'first' | 'last' | 'busiest'; move: 'enter' | 'leave' | 'any' };

export interface QuestionFrame {
  asks: AskType;
  /** For "which … longest / first to leave / most recent": what to rank by. */
  superlative?: Superlative;
  /** The police forces and fire and rescue services named, in order. */
  engageSubjects: Entity[];
  /** Subjects the question sets aside: "apart from the Met", "other than GMP", "besides …". */
  excluded: Set<string>;
  /** "still in Engage", "of those still in": limit to stays open at the reference time. */
  stillIn: boolean;
  /** "on the same day": two moves that share a date. */
  sameDay: boolean;
  /** Kinds the question is about, from its words (empty: both). */
  kinds: EngageKind[];
  /** "Was the Met the first force in Engage?": the subject whose rank is checked, yes or no. */
  rankChecked?: Entity;
  /**
   * "Who's the Lincolnshire PCC?", "who was Bucks' chief fire officer when it left?": the answer
   * is a person in a role, never a list of forces nor a body.
   */
  personInRole: boolean;
  /** "Patel's line", "the exact wording": someone's published words are asked for (read once, see {@link asksForWords}). */
  wordsAsked: boolean;
}

/** Nouns for a person in a role: "which HMI …", "who is the deputy mayor …". */
export const PERSON_NOUNS = 'hmi|inspector|officer|minister|secretary|commissioner|constable|chief|official|spokesperson|mayor|pcc|mp|director|chair|deputy|boss|leader|firefighter';
const PERSON_IN_ROLE = new RegExp(`^\\W*who(?:'s|s| is| was| are| were)\\s+[^?]{0,40}\\b(?:${PERSON_NOUNS})s?\\b(?!\\s+(?:of|for|at)\\s+(?:the\\s+)?(?:police|fire|office|group|body|inspectorate)s?\\b)`, 'i');

/**
 * A question about someone's reaction ("did West Mids accept being put in Engage?", "did the
 * PCC challenge it?"): answered by what they said or did, not by the timeline.
 */
const REACTION = /^(did|does|has|have|was|were|is|are)\b[^?]{0,60}\b(accept|accepted|agree|agreed|disagree|disagreed|challenge|challenged|oppose|opposed|welcome|welcomed|dispute|disputed|appeal|appealed|contest|contested|object|objected|criticise|criticised|criticize|criticized|resist|resisted|fight|fought|push back|pushed back|complain|complained|apologise|apologised|apologize|apologized)\b/;

/** A list asked inside another clause: "what's the latest on *who is in Engage*?" */
const EMBEDDED_LIST = /\b(who|which (forces?|services?|ones?|police forces?|fire (and rescue )?services?))( else)? (is|are|was|were|remains?|has been|have been) (still |currently |now |also )?(in|under|on)\b(?! (charge|post|office|the (job|post|role|chair)))/;

const LIST_LEADS = /^(which|who|list|name|show|give|set out|tell me|what are the|what were the)\b/;

/** Reads the frame from the understood question. */
export function frameQuestion(analysis: QuestionAnalysis, index: KnowledgeIndex): QuestionFrame {
  // Read with typos corrected ("wich" → "which"), as the rest of understanding does.
  // (Sentences that only set the scene are not read: "our cuttings just say … . What's the date?" asks when.)
  const corrected = (text: string) => {
    let out = text.toLowerCase().replace(/[’‘]/g, "'");
    for (const { from, to } of analysis.corrections) out = out.replace(new RegExp(`\\b${from.replace(/[^a-z0-9]/g, '')}\\b`), to);
    return out;
  };
  // What is set aside, "still", "on the same day" may be said anywhere in the message.
  const message = corrected(analysis.question);
  const whole = analysis.asking ? corrected(analysis.asking.text) : message;
  // "When the Met went in, which other forces were already there?": the main clause asks.
  const q = mainClauseOf(whole, analysis.asking ? undefined : timeClauseEnd(analysis, whole));
  const c = analysis.asking?.concepts ?? analysis.concepts;
  const engageSubjects = analysis.entities.map((e) => index.entities.get(e.id)).filter((e): e is Entity => isEngageKind(e));
  const excluded = new Set<string>();
  // What follows "apart from …", and what comes before "… aside".
  const setAsideSpans = [...[...message.matchAll(new RegExp(`\\b(${SET_ASIDE})\\s+([^,?.;]+)`, 'g'))].map((m) => m[2]!), ...[...message.matchAll(SET_ASIDE_AFTER)].map((m) => m[1]!), ...[...message.matchAll(SET_ASIDE_NOT)].map((m) => m[1]!)];
  for (const span of setAsideSpans) for (const e of analysis.entities) if (span.includes(e.surface)) excluded.add(e.id);
  // A date's own words ("the year before last", "last month") rank nothing.
  const undated = analysis.dates.reduce((text, d) => (d.matched ? text.replace(d.matched.toLowerCase(), ' ') : text), q);
  const superlative = superlativeOf(undated, c);
  const plural = analysis.terms.some((t) => (t.key === '@force' || t.key === '@fire-service') && /(s|ies)$/.test(t.surface));
  const first = /^\w+/.exec(q)?.[0];
  // (Of the asking sentences, only a question word leads: "longest anyone's been in? police side".)
  const lead = analysis.asking ? (first && LEADS.includes(first) ? first : undefined) : q === whole ? analysis.lead : first;
  const wordsAsked = asksForWords(analysis, index);
  let asks: AskType = 'other';
  let rankChecked: Entity | undefined;
  if (/\b(difference between|differ from|compared? (to|with)|versus|vs\.?)\b|^compare\b/.test(q) || (engageSubjects.length >= 2 && /\b(longer|shorter|earlier|later|first|sooner)\b/.test(q) && /\b(or|than|and|v)\b/.test(q))) asks = 'compare';
  else if (superlative && (lead === 'which' || lead === 'who' || lead === 'what' || lead === undefined || /\b(which|who|what)\b/.test(q))) asks = 'superlative';
  // "Was the Met the first force ever in Engage?": the ranking, with yes or no for the one named.
  else if (superlative && engageSubjects.length === 1 && /^(is|was|were|are|has|have|had|did)\b/.test(q)) {
    asks = 'superlative';
    rankChecked = engageSubjects[0];
  }
  // ("Cleveland - how long in Engage total?" asks how long, the total of its time.)
  else if (c.has('count') && !c.has('how-long') && !/\bhow many (months|years|days|weeks)\b/.test(q)) asks = 'count';
  else if (c.has('how-long')) asks = 'how-long';
  // "When does HMICFRS use Engage?" asks in what circumstances, not for a date; "when did …" asks when.
  // (Only of no one in particular: "when does Cooke's term end?" and "when does Lincs come out?" ask for dates.)
  else if ((lead === 'when' && !(/\bwhen (does|do|is|are|can|would|should|must)\b/.test(q) && !analysis.entities.some((e) => ['person', 'police_force', 'fire_rescue_service'].includes(index.entities.get(e.id)?.kind ?? '')))) || /\b(since when|what date|which date|what day|what year|which year|what month)\b/.test(q) || /^(what|which)(?:'s|s| is| was| were| are)\s+(?:the\s+)?(?:actual|exact|precise|official|specific|correct|right)\s+(date|day|month|year)s?\b/.test(q)) asks = 'when';
  // "What did Bucks change to get out of Engage?": a purpose clause asks for the reasons.
  // (Not "which forces managed to get out", which asks who.)
  // "the problems that got it into Engage", "the failings which led to the move": a relative
  // clause with a causing verb asks for the reasons of the move.
  // "What was Notts put in enhanced monitoring for (in March 2024)?": a closing "for" asks why.
  else if (/^what\b[^?]*\b(put|placed|moved|sent|pushed|escalated|go|went|gone|taken)\b[^?]*\bfor\b(\s+(in|on|during|back in|at)\b[^?]*)?\s*\??\s*$/.test(q) && (c.has('enter') || c.has('engage'))) asks = 'why';
  // ("What share of cases had the grounds recorded wrong?": a quantity is asked; "grounds" here
  // is the thing recorded, not a reason asked for.)
  // "What were the inspectors' concerns about Lincs?", "what were they unhappy about at W Mids?":
  // what was found wrong with one force or service is the reasons for its move.
  else if (engageSubjects.length === 1 && /^(what(?:'s|s)?\s+(?:were|was|are|is|did|do|does|has|have|had)\b|what(?:'s|s)\b|list\b)/.test(q) && !c.has('cause-of-concern') && !c.has('leave') && !NAME_OF_PERSON.test(q) && !/\bnames? of\b/.test(q) && asksWhatWasWrong(analysis, index, { named: true })) asks = 'why';
  else if (lead === 'why' || (c.has('why') && !/\b(what|which) (share|proportion|percentage|fraction|per ?cent|number) of\b|\bhow (many|much)\b/.test(q)) || (/\b(that|which)\s+(got|put|led|landed|sent|pushed|tipped|triggered|caused)\b/.test(q) && (c.has('enter') || c.has('leave') || c.has('engage'))) || /\b(do|did|does|change|changed|improve|improved|fix|fixed|need|needed|have to|had to|must)\b[^?]{0,40}\bto (get|come|be taken|be let|be moved|be removed) out\b|\b(do|did|does|change|changed|improve|improved|fix|fixed|need|needed)\b[^?]{0,40}\bto (leave|exit)\b/.test(q)) asks = 'why';
  else if (lead === 'who' || lead === 'whom' || /^(which|what) ((?!(did|do|does|is|was|are|were|has|have|had) )[a-z]+ ){0,2}?(inspector|hmi|person|official|minister|secretary|commissioner|chief constable|constable|officer|mayor|body|organisation|spokesperson|pcc|director)s?\b/.test(q) || NAME_OF_PERSON.test(q)) asks = lead === 'who' && ((plural && !inRelativeClauseOnly(q)) || /\bwho else\b/.test(q) || EMBEDDED_LIST.test(q)) ? 'list' : 'who';
  // "Does the inspectorate publish which forces are in Engage?": a yes-or-no about reporting a
  // list, not the list itself.
  else if (/^(does|do|did|is|are|was|were|has|have|can|could|will|would)\b[^?]{0,50}\b(publish|publishes|published|announce|announces|announced|reveal|reveals|disclose|discloses|make public|makes public|keep|keeps|say|says|tell|tells)\b[^?]{0,20}\b(which|who|what)\b/.test(q)) asks = 'yes-no';
  // ("What forces …" asks for a list; "what did the inspectorate use for failing forces?" does not.)
  else if (LIST_LEADS.test(q) || c.has('list') || (lead === 'what' && plural && /^what (other |police |fire (and rescue )?|fire & rescue )?(forces|services|ones|constabularies|brigades)\b/.test(q)) || EMBEDDED_LIST.test(q) || /^(are|were|is) there\b/.test(q) || /\b(every|all the|all of the|each)\b.*\b(forces?|services?)\b/.test(q) || /^(did|have|has|were|was|are|is) (any|anyone|anybody)\b/.test(q) || /^any\b/.test(q)) asks = 'list';
  // "What is Lincs' improvement plan called?" asks for a name, not for what was said ("called").
  else if (/^(what is|what's|whats|what was|what are|what were)\b[^?]*\b(called|named|known as|titled)\s*[?.!]*\s*$/.test(q)) asks = 'what-is';
  else if (/^(what did|what has|what have|how did|how has|how have)\b.*\b(say|said|react|respond|responded|reply|replied|argue|argued|comment|claim)/.test(q) || c.has('say') || REACTION.test(q) || wordsAsked) asks = 'said';
  else if ((/^(what is|what's|whats|what are|what was|what were|what does|what do|who is|who are|define|explain)\b/.test(q) && !carriesAVerb(q, analysis)) || /\bstands? for\b/.test(q)) asks = 'what-is';
  // (Or led by one once a time set before it is read off: "In summer 2023 was Glos fire in?")
  else if (/^(is|are|was|were|has|have|had|did|does|do|isn't|isnt|wasn't|wasnt|hasn't|hasnt|didn't|didnt|aren't|arent|weren't|werent|can|could)\b/.test(q) || /^(is|are|was|were|has|have|had|did|does|do)$/.test(lead ?? '')) asks = 'yes-no';
  // A claim to check ("someone's written that D&C came out on 31 July") is a yes-or-no question.
  if (analysis.claim && (asks === 'other' || asks === 'what-is')) asks = 'yes-no';
  const kind = kindFilter(analysis, index);
  const kinds: EngageKind[] = kind ? [kind] : [];
  return {
    asks,
    ...(superlative ? { superlative } : {}),
    engageSubjects,
    excluded,
    stillIn: /\b(still|remaining|remain|already)\b/.test(message),
    personInRole: asks === 'who' && (PERSON_IN_ROLE.test(analysis.question) || officeAfterWho(analysis, index)),
    wordsAsked,
    // ("Police and fire together" adds two kinds up; it is no time.)
    sameDay: /\b(same day|same date|on the same|same time|at once|together|simultaneously)\b/.test(message.replace(/\b(police|forces?|fire(?: services?)?|services?|frs)\s+(?:and|&|\+)\s+(police|forces?|fire(?: services?)?|services?|frs)\s+together\b/g, ' ')),
    kinds,
    ...(rankChecked ? { rankChecked } : {}),
  };
}

/**
 * Whether the plural forces or services of a "who" question are only in a relative clause: "who
 * chairs the group that forces in Engage report to?" asks who, not which forces.
 */
function inRelativeClauseOnly(q: string): boolean {
  const m = /^\S+\s.*?\b(that|which|whom|where)\b/.exec(q);
  return m !== null && !/\b(forces|services|constabularies|brigades)\b/.test(m[0]);
}

/** The main clause after a leading subordinate one ("When X happened, which …"), else the whole question. */
function mainClauseOf(q: string, timeClauseEnds?: number): string {
  // "Two days after Bucks fire went in, which police force …": a clause that is only a time,
  // however it opens, sets the time for the question after its comma.
  if (timeClauseEnds !== undefined) {
    const main = q.slice(timeClauseEnds + 1).trim();
    if (/^(which|what|who|how|where|is|are|was|were|did|does|has|have|list|name)\b/.test(main)) return main;
  }
  const m = /^(when|after|before|since|once|while|as|by the time|at the time|apart from|other than|except|besides|excluding|aside from|in|on|during|by|over|between|from|around|throughout)\b[^,?]{3,80},\s*(.+)$/.exec(q);
  // "When Lincolnshire went in, in Dec 2024, which …": a time set off by commas belongs to the clause before.
  const main = m?.[2]?.replace(/^(?:in|on|back in|during|around)\s+[^,?]{1,25},\s*/, '');
  return main && /^(which|what|who|how|where|is|are|was|were|did|does|has|have|list|name)\b/.test(main) ? main : q;
}

/**
 * Where an opening clause that is only a time ends (the offset of its comma): a date or event
 * anchor recognised from the question's start up to the first comma. Undefined otherwise.
 */
function timeClauseEnd(analysis: QuestionAnalysis, whole: string): number | undefined {
  // (Several times in a row are one opening: "Spring 2022, before the Met went in — which …?")
  const times = [...analysis.anchors, ...analysis.dates].filter((d) => d.matched);
  let from = 0;
  let end: number | undefined;
  for (;;) {
    const piece = times.find((d) => d.index >= from && d.index <= from + 3);
    if (!piece) return end;
    const separator = /^\s*(?:,|[-–—]+(?=\s))/.exec(whole.slice(piece.index + piece.matched!.length));
    if (!separator) return end;
    end = piece.index + piece.matched!.length + separator[0].length - 1;
    from = end + 1;
  }
}

/**
 * "What's the name of Glos fire's chief fire officer …?", "name of the West Mids chief constable
 * who …", "which firefighters were sacked? names pls": a person's name is asked for, as "who" asks.
 */
export const NAME_OF_PERSON = new RegExp(`\\bnames? of (?:the |a |an |their |its |his |her |that |this )?(?:[a-z&'’-]+ ){0,4}?(?:${PERSON_NOUNS}|firefighters?|fire officers?|chief fire officers?|people|staff)s?\\b|\\bnames?,? (?:pls|please|needed)\\b|\\bneed (?:the|a|his|her|their) names?\\b`);

/** "the longest", "first to come out", "most recent to leave", "latest change" … */
function superlativeOf(q: string, c: Set<string>): Superlative | undefined {
  // "The most forces ever in Engage at the same time": the peak of those in at once.
  if (/\b(most|peak|highest number|largest number|biggest number)\b[^?]{0,50}\b(at the same time|at one time|at once|simultaneously|at any one time|at any time)\b|\bpeak\b[^?]{0,30}\b(in engage|in special measures|number)\b/.test(q)) return { kind: 'peak' };
  if (/\b(longest|longer than any|most time|the most months|the longest time)\b/.test(q)) return { kind: 'longest' };
  if (/\b(shortest|quickest|fastest|least time|briefest)\b/.test(q)) return { kind: 'shortest' };
  const move: 'enter' | 'leave' | 'any' = c.has('leave') && !c.has('enter') ? 'leave' : c.has('enter') && !c.has('leave') ? 'enter' : 'any';
  // "Busiest year for exits", "which year had the most entries": the year of most moves.
  if (/\b(busiest|which year (?:had|saw) the most|year with the most|most (?:exits|entries|moves|departures|arrivals|changes) in (?:a|one|any) year)\b/.test(q)) return { kind: 'busiest', move };
  // "After Cleveland came out, which force was next to go in?": the first after that time.
  if (/\b(was|were) (the )?next\b/.test(q) && move !== 'any') return { kind: 'first', move };
  if (/\b(first|earliest|before anyone|the first one)\b/.test(q) && /\b(first|earliest) (force|forces|service|services|one|police|fire|to|of|in|out|time)\b|\bwas first\b|\bfirst\?/.test(q)) return { kind: 'first', move };
  if (/\b(most recent|most recently|latest|last|newest)\b/.test(q) && (c.has('enter') || c.has('leave') || /\b(to|force|service|one|police|fire|exit|entry|move|change|record|event)\b/.test(q))) {
    // "the last time" / "at last" are not superlatives about moves.
    if (/\b(last (year|month|week|time)|at last|last updated|latest (info|data|update))\b/.test(q)) return undefined;
    // "How long did it last?": the verb. "The last two causes of concern", "its latest
    // inspection": the newest of a force's records, not the newest move into or out of Engage.
    if (/\b(did|does|do|will|would|to|it|can|could|might)\s+last\b/.test(q)) return undefined;
    if (/\b(?:most recent|latest|last|newest)\s+(?:(?:two|three|four|five|six|few|couple of|\d+)\s+)?(?:accelerated\s+)?(?:causes?|concerns?|inspections?|reports?|letters?|grades?|gradings?|reviews?|revisits?|visits?|updates?|statements?|recommendations?|peel|areas?|findings?)\b/.test(q)) return undefined;
    // "… as of the latest record?" says when, not what is asked.
    if (/\b(as of|according to|in|on|from) (the |your |my )?(latest|newest|most recent|last)\b/.test(q)) return undefined;
    return { kind: 'last', move };
  }
  return undefined;
}

/**
 * "What is Engage meant to give a force?", "what is the Met doing about it?": "what is" asks for
 * the object of a verb that follows, not for a definition of what stands between.
 */
function carriesAVerb(q: string, analysis: QuestionAnalysis): boolean {
  if (!/^(what is|what's|whats|what are|what was|what were)\b/.test(q)) return false;
  return analysis.terms.some((t) => t.kind === 'word' && (t.light === true || (/ing$/.test(t.surface) && wordProfile().pos(t.surface) === 'v')));
}

/**
 * "What was Patel's line?", "the exact wording of the guidance": words that ask for someone's
 * published words make the question one about what was said. "Line" only in that sense: owned
 * or qualified ("Patel's line", "the exact 'proud of' line"), not "the stop and search line".
 */
export function asksForWords(analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const words = index.wordClass('words-asked');
  // ("quote" is also a word of the concept of saying: read by its surface, whatever the term.)
  const asks = (t: QuestionAnalysis['terms'][number]) =>
    (t.kind === 'word' && words.has(t.key) && (t.key !== 'line' || OWNED_LINE.test(analysis.question))) || (t.kind === 'concept' && t.surface.split(' ').some((w) => words.has(stem(w))));
  return analysis.terms.some(asks);
}

/** "Patel's line", "her line", "the exact … line": a line someone gave, within three words. */
const OWNED_LINE = /(?:['’]s|\b(?:his|her|their|its|exact|actual|official|direct))\s+(?:\S+\s+){0,3}?line\b/i;

/**
 * "Who was home sec when …?": an office the records hold, named in its own words right after
 * "who is/was (the)", is the role whose holder is asked for.
 */
function officeAfterWho(analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const after = /^\W*who(?:'s|s| is| was| were)\s+(?:the\s+)?(.{2,40})/i.exec(analysis.corrected)?.[1];
  if (!after) return false;
  const opening = normalizeAlias(after);
  return officesMatching(index.data, analysis.corrected).some((o) => o.office !== undefined && opening.startsWith(o.words));
}

/**
 * "What were the problems the inspectors found at West Mids?", "what did HMICFRS flag at Bucks?",
 * "just the list of concerns": what was wrong is the reasons for the move. The words are the
 * `found-wrong` class of knowledge/question-words.yaml (with a "what", "which" or "list").
 */
export function asksWhatWasWrong(analysis: QuestionAnalysis, index: KnowledgeIndex, { named = false } = {}): boolean {
  // (After the "what": "accelerated causes of concern - what were they and when issued?" asks
  // about the causes of concern themselves.)
  const q = analysis.question.toLowerCase();
  const at = q.search(/\b(what|which|list)\b/);
  // (`named`: a word that names what was wrong, not "find": "what did inspectors find on stop
  // and search?" asks for a finding on that, "the headline findings" for an inspection's.)
  return at >= 0 && analysis.terms.some((t) => t.kind === 'word' && index.wordClass('found-wrong').has(t.key) && !(named && /^(find|found)/.test(t.surface.toLowerCase())) && q.indexOf(t.surface.toLowerCase(), at) >= 0);
}
