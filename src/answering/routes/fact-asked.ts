// What a question's wording asks for, read once per question for the facts route: the attribute
// asked of something ("X's salary"), the relation after "who" ("who chairs …"), the role after
// "who is the …", the kind after "which", and the givens a "who" answer must not merely repeat.
// Pure.

import type { Entity } from '../../../knowledge/schema.ts';
import type { IndexedFact, KnowledgeIndex, Term } from '../../knowledge-index.ts';
import { wordProfile } from '../../lexicon/word-profile.ts';
import { isStopWord, stem, tokenize } from '../../text.ts';
import { applyCorrections, type QuestionAnalysis } from '../understand.ts';
import { NAME_OF_PERSON, PERSON_NOUNS } from '../frame.ts';
import { mentioned } from './fact-sentences.ts';

/** A question about who leads something, answered by a person. */
const LEADERSHIP = /\b(in charge of|head of|heads|headed|leads|led|runs|ran|boss of|chairs|chaired|chair of)\b/i;

/**
 * What the question's wording asks for, read once per question (answersType runs for every
 * shortlisted fact): the attribute asked of something, the relation after "who", the role after
 * "who is the …", and whether it asks who leads something.
 */
const askedCache = new WeakMap<QuestionAnalysis, { head: ReturnType<typeof askedAttribute>; predicate: Term | undefined; role: Term[]; event: Term | undefined; leadership: boolean; givenForWho: (index: KnowledgeIndex) => Set<string> }>();

export function whatIsAsked(analysis: QuestionAnalysis) {
  let asked = askedCache.get(analysis);
  if (!asked) {
    let given: Set<string> | undefined;
    asked = { head: askedAttribute(analysis), predicate: whoPredicate(analysis), role: roleAsked(analysis), event: eventAsked(analysis), leadership: LEADERSHIP.test(analysis.question), givenForWho: (index) => (given ??= givenForWho(analysis, index)) };
    askedCache.set(analysis, asked);
  }
  return asked;
}

/**
 * The entities a "who" question names as givens, which its answer must not merely repeat. Not
 * the office after "which" or "who was the" ("which policing minister accused Khan …?", "who
 * was the acting Met commissioner who got Parr's letter?"): it reads as its holder, but it is
 * the kind of person asked for — up to the clause that follows it ("GMP's chief constable | when
 * the force went in").
 */
export function givenForWho(analysis: QuestionAnalysis, index: KnowledgeIndex): Set<string> {
  const kindAsked = (/^\W*(?:which|what)\s+(.+)$/i.exec(analysis.question) ?? /^\W*who(?:'s|s| is| was| are| were)\s+(?:the\s+)?(.+)$/i.exec(analysis.question))?.[1]?.toLowerCase();
  const rolePhrase = kindAsked?.replace(/['’]s\b/g, '').split(/\s+(?:when|who|whom|which|that|after|before|while|during|in|on|at)\s+/)[0];
  return new Set(analysis.entities.filter((e) => !(rolePhrase?.includes(e.surface.toLowerCase()) && index.entities.get(e.id)?.kind === 'person')).map((e) => e.id));
}

function askedAttribute(analysis: QuestionAnalysis): { term: Term; possessive: boolean; compound?: string } | undefined {
  const q = analysis.question;
  // "what is the crime rate in …": a compound ("crime rate") is asked as a whole.
  const of = /^\W*what(?:'s|s| is| was| are| were)\s+(?:the|their|its|his|her)\s+(?:([a-z]+)\s+)?([a-z]+)\s+(?:of|in|for|from|on|at|to|about|behind|after|when|while|during|against)\b/i.exec(q);
  const ofForm = of?.[2];
  // "give me Priti Patel's home address", "what is Lee Freeman's salary?": the last noun.
  // (A time clause may follow: "what was D&C's 101 call abandonment rate when it came out?")
  const possessive = ofForm ? undefined : /^\W*(?:what(?:'s|s| is| was| are| were)|give me|tell me|show me|send me|find)\s+[^?]{1,60}?['’]s\s+(?:[a-z0-9]+\s+){0,3}?([a-z]+)(?:\s+(?:when|while|as|after|before|during|in|on|at|by|since)\b[^?]*)?\s*[?.!]*\s*$/i.exec(q)?.[1];
  const head = (ofForm ?? possessive)?.toLowerCase();
  if (!head) return undefined;
  // The attribute is a noun ("rate"), not the end of a clause ("… call handlers getting wrong").
  if (possessive && wordProfile().available && wordProfile().pos(head) !== 'n') return undefined;
  const term = analysis.terms.find((t) => t.kind === 'word' && t.surface.toLowerCase() === head);
  const modifier = ofForm ? of?.[1]?.toLowerCase() : undefined;
  return term ? { term, possessive: possessive !== undefined, ...(modifier && !isStopWord(modifier) ? { compound: `${modifier} ${head}` } : {}) } : undefined;
}

/**
 * The role a "who is the …?" question names, in its plain words: "who's the prime minister?"
 * (prime, minister); "who was chief fire officer at Bucks when it left?" (chief, fire, officer);
 * "who is London's deputy mayor for policing?" (deputy, mayor). The fact must name someone whose
 * title holds every one of them: the Mayor of London is not London's deputy mayor.
 */
function roleAsked(analysis: QuestionAnalysis): Term[] {
  // "who was the chief fire officer at Bucks …", or "who was Bucks Fire & Rescue's chief fire officer when …"
  const ofBody =
    /^\W*who(?:'s|s| is| was| are| were)\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?([a-z ]+?)\s+(?:at|of|for|in charge at)\s/i.exec(analysis.question)?.[1] ??
    /^\W*who(?:'s|s| is| was| are| were)\s+(?:the\s+)?[^?]{1,40}?['’]s\s+([a-z ]+?)(?=\s+(?:when|while|who|in|at|during|after|before|on|as)\b|\s*[?.!]*\s*$)/i.exec(analysis.question)?.[1];
  const alone = /^\W*who(?:'s|s| is| was| are| were)\s+(?:the|a|an)\s+([a-z ]+?)\s*[?.!]*\s*$/i.exec(analysis.question)?.[1];
  // "What's the name of Glos fire's chief fire officer who …?": the role whose holder's name is asked.
  const nameOf = /\bnames? of (?:the |their |its )?(?:[a-z&]+(?: [a-z&]+)?['’]s\s+)?([a-z ]+?)(?=\s+(?:who|whom|when|while|that|at|of|in|during|after|before|on)\b|\s*[?.!]*\s*$)/i.exec(analysis.question)?.[1];
  // (A role of one plain word, "the officer who …", is any officer: the relation picks them.)
  const phrase = (nameOf?.includes(' ') ? nameOf : undefined) ?? (analysis.entities.length > 0 || !alone ? ofBody : alone);
  const words = phrase?.trim().toLowerCase().split(/\s+/) ?? [];
  const terms = words.map((w) => analysis.terms.find((t) => t.kind === 'word' && t.surface.toLowerCase() === w)).filter((t): t is Term => t !== undefined);
  // With a body named, only a role the question spells out in its own words: an office the
  // knowledge base names is read as its holders, and the roles route answers it.
  if (analysis.entities.length > 0 && (terms.length === 0 || terms.some((t) => t.alternatives?.some((a) => a.key.startsWith('#'))))) return [];
  if (analysis.entities.length === 0 && !alone) return [];
  return terms;
}

/** The plain word after a leading "which" ("which minister", "which inspector"): the kind of answer asked for. */
export function categoryAsked(analysis: QuestionAnalysis): Term | undefined {
  const next = /^\W*which\s+([a-z]+)/i.exec(analysis.question)?.[1]?.toLowerCase();
  return next ? analysis.terms.find((t) => t.kind === 'word' && t.surface.toLowerCase() === next) : undefined;
}

/** Whether the fact names someone the question does not, whose role or name holds the word (a stem). */
export function namesOneWhoIs(doc: IndexedFact, key: string, analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const asked = new Set(analysis.entities.map((e) => e.id));
  return mentioned(doc, index).some((e) => !asked.has(e.id) && titleStems(e).has(key));
}

/** The stems of an entity's name and role titles ("Policing Minister" → polic, minist), computed once. */
const titleCache = new WeakMap<Entity, Set<string>>();

function titleStems(e: Entity): Set<string> {
  let stems = titleCache.get(e);
  if (!stems) {
    stems = new Set([e.name, ...(e.roles ?? []).flatMap((r) => [r.title, ...r.aliases])].flatMap((title) => tokenize(title).map((t) => stem(t.word))));
    titleCache.set(e, stems);
  }
  return stems;
}

/** Verbs that carry a noun saying what was done ("make a decision", "take the call", "have the final say"). */
const SUPPORT_VERB = /^(make|makes|made|making|take|takes|took|taking|give|gives|gave|have|has|had|get|gets|got)$/;
/** A word between a support verb and its noun: "the final (decision)", "a (call)". */
function determinerOrAdjective(word: string, profile: ReturnType<typeof wordProfile>): boolean {
  return /^(a|an|the|that|this|its|their|his|her|final|last|first|big)$/.test(word) || profile.pos(word) === 'a';
}

/**
 * The plain word right after a leading "who" ("who chairs …", "who signed off …"): the relation
 * asked about. "Who is/was/did …" has none; nor has a concept or a name ("who leads …" is a role).
 */
function whoPredicate(analysis: QuestionAnalysis): Term | undefined {
  // "Which HMI signed the letter …", "which chief fire officer was running Bucks …": the same,
  // after the kind of person asked for; "was running" is the relation "running".
  // (Read with the question's typos put right: "who leeked …" asks who leaked.)
  const question = applyCorrections(analysis.question, analysis.corrections);
  const category = new RegExp(`^\\W*(?:which|what)\\s+(?:(?!(?:did|do|does|is|was|are|were|has|have|had)\\s)[a-z]+\\s+){0,2}(?:${PERSON_NOUNS})s?\\s+([a-z ]+)`, 'i').exec(question);
  // "Names of the Charing Cross officers who were disciplined": the verb of the relative clause.
  const relative = NAME_OF_PERSON.test(question.toLowerCase()) ? /\bwho\s+(?:(?:was|were|had been|have been|has been|got)\s+)?([a-z ]+)/i.exec(question) : null;
  const after = ((category ?? /^\W*who\s+([a-z ]+)/i.exec(question) ?? relative)?.[1]?.toLowerCase().split(' ') ?? []).filter(Boolean);
  if (category && /^(was|were|is|are)$/.test(after[0] ?? '') && /(ing|ed)$/.test(after[1] ?? '')) after.shift();
  // "Who actually decided?": an adverb modifies the relation; the verb after it is the relation.
  const profile = wordProfile();
  // "Who gets to decide …": a carrier verb and its "to" carry the verb after them.
  const words = after;
  let k = words.findIndex((w) => profile.pos(w) !== 'r');
  while (k >= 0 && words[k + 1] === 'to' && analysis.terms.some((t) => t.light && t.surface.toLowerCase() === words[k])) k += 2;
  // "Who makes the final decision?", "who took the call?": a support verb carries the noun after
  // it, which is the relation asked ("decision"); a concept there is matched as any term is.
  // (Only a noun, not a name or a particle: "who took over from …", "who took London Fire
  // Brigade out", "had a go at" keep their verb.)
  if (k >= 0 && SUPPORT_VERB.test(words[k]!)) {
    let n = k + 1;
    while (n < words.length && determinerOrAdjective(words[n]!, profile)) n++;
    const noun = words[n];
    const inName = (w: string) => analysis.entities.some((e) => e.surface.toLowerCase().split(/\s+/).includes(w));
    if (n > k + 1 && noun && profile.pos(noun) === 'n' && !inName(noun)) k = n;
  }
  const next = k >= 0 ? words[k] : undefined;
  if (!next) return undefined;
  // "Which minister stood up in the Commons and said …": verbs joined by "and" are one relation
  // put two ways; a fact holding either tells it, so neither is required.
  const and = words.indexOf('and', k + 1);
  const joined = words[and + 1];
  if (and > k && and <= k + 6 && joined && (profile.pos(joined) === 'v' || analysis.terms.some((t) => t.kind === 'concept' && t.surface.toLowerCase() === joined))) return undefined;
  // An unknown verb is still the relation asked: no fact holds it. (After "which HMI …" only a
  // verb the knowledge base uses is held to: "fronted" may be a reporter's word for "spoke for".)
  const term = analysis.terms.find((t) => t.kind === 'word' && t.surface.toLowerCase() === next);
  return (category || relative) && term?.unknown ? undefined : term;
}

/**
 * The event a "when was …" question dates, as its first past participle: "when was the PEEL
 * report published?" (published), "what year was Khan first elected Mayor?" (elected).
 */
function eventAsked(analysis: QuestionAnalysis): Term | undefined {
  const verb = /^\W*(?:when|(?:what|which) (?:year|date|day|month)) (?:was|were|is|are|has|have|had)\b[^?]*?\b([a-z]{3,}ed)\b/i.exec(applyCorrections(analysis.question, analysis.corrections))?.[1]?.toLowerCase();
  return verb ? analysis.terms.find((t) => t.kind === 'word' && t.surface.toLowerCase() === verb) : undefined;
}
