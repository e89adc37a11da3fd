// Two-part questions: "When did GMP go into Engage, and why?", "What's the NPCC, and when was it
// set up?". The question is split at the second question word; the second part is answered as a
// follow-up of the first, and the two answers are joined under one citation numbering. Pure.

import type { Answer, AnswerSentence, Citation } from '../answer-types.ts';
import { sentencesToText } from '../citations.ts';
import { analyzeText, type KnowledgeIndex } from '../knowledge-index.ts';
import { editDistance } from '../text.ts';
import { nameOf } from '../engage-timeline.ts';

const SECOND_PART = /^(.{6,}?)(?:\?\s+|\s+[-–—]+\s+(?:and\s+)?|[,;]?\s+(?:and|but|also|plus|&)\s+(?:also\s+)?)((?:when|why|who|whom|whose|how|what|which|where|since when|is|was|were|are|did|does|has|have|(?<=\?\s+)(?:wasn'?t|isn'?t|weren'?t|didn'?t|hasn'?t|hadn'?t|doesn'?t|aren'?t))\b.*)$/i;

/**
 * "Cleveland Police: when did it go into Engage?" names its subject first and then asks about
 * "it": the subject is put where the pronoun stands, so the question reads whole.
 */
export function subjectFirst(question: string, index?: KnowledgeIndex): string {
  // A colon, or a dash with spaces round it ("The IOPC — what does it do?").
  const m = /^([^:?—–]{2,60}?)(?::|\s+[—–-]+)\s+(.+)$/.exec(question.trim());
  if (!m) return question;
  const [, subject, rest] = m as unknown as [string, string, string];
  // Only a name ("Cleveland Police", "Avon Fire & Rescue Service"), not a preamble ("Quick check").
  // ("Lincolnshire police - why were they …": a force's name as people type it counts too.)
  // ("lincs police - what did hmicfrs flag when it went in?": typed in small letters, a name the
  // knowledge base holds is a name too.)
  // (Not before a two-part question, "bucks fire: which hmi, and when did it get out?": put in the
  // second part, the name would leave the first without its subject; the two-part reading
  // resolves "it" instead.)
  const capitalised = /(^|\s)[A-Z][\w&'’-]*(\s+[A-Z&][\w&'’-]*)+|^[A-Z]{2,}|^[A-Z][\w&'’-]*\s+(police|constabulary|fire|frs|brigade)\b/.test(subject);
  const named = capitalised || (index !== undefined && namesOnly(subject, index) && !splitQuestion(rest));
  if (!named || !/^(when|why|who|how|what|which|is|was|did|has|does|are|were)\b/i.test(rest)) return question;
  let replaced = false;
  // ("Cressida Dick - when did she resign?": a person's pronouns too, though not "her", which
  // may be either "she" or "hers".)
  // (In the question's own sentence: the "it" of "… stand for? sub wants it spelt out" is the
  // answer, not the subject.)
  const sentenceEnd = /[?.!](\s|$)/.exec(rest);
  const asked = sentenceEnd ? rest.slice(0, sentenceEnd.index + 1) : rest;
  const out = asked.replace(/\b(it|they|its|their|he|she|his|him)\b/i, (p) => {
    replaced = true;
    return /^(its|their|his)$/i.test(p) ? `${subject}'s` : subject;
  });
  return replaced ? out + rest.slice(asked.length) : question;
}

/** Whether the text is only a name the knowledge base holds ("glos constabulary", "lfb", "roy wilsher"). */
function namesOnly(text: string, index: KnowledgeIndex): boolean {
  const terms = analyzeText(text, index, { strongAliasesOnly: false });
  return terms.some((t) => t.kind === 'entity') && terms.every((t) => t.kind === 'entity' || /^(polic|fire|frs|brigad|constabulari|servic|rescu)$/.test(t.key));
}

/**
 * "The Lincs letter mentions an 'HMG' - what's that?": a closing "what's that?" asks about the
 * thing just named, here the quoted phrase. Returns the question it asks ("what is HMG?"), or
 * undefined. Only a quoted phrase is taken: which of several names "that" means is otherwise a
 * guess.
 */
export function deicticTail(question: string): string | undefined {
  const m = /^(.{4,200}?)\s*(?:[-–—:,;]|[.!?]\s)\s*(what'?s|what is|what are|what does (?:that|it|this) (?:mean|stand for))\s*(that|this|it|they|those)?(?:\s+(?:in this context|in context|here|in this case|exactly|again|then))?\s*\??\s*$/i.exec(question.trim());
  if (!m) return undefined;
  const quoted = [...m[1]!.matchAll(/['‘’"“”]([^'‘’"“”]{2,60})['‘’"“”]/g)].at(-1)?.[1];
  if (!quoted) return undefined;
  return /stand for/i.test(m[2]!) ? `what does ${quoted} stand for?` : `what is ${quoted}?`;
}

/**
 * "Cleveland went into special measures in 2019 — who was heading the inspectorate at that
 * point?": a statement of an event, then a question whose time is "then", "at that point" or "at
 * the time", asks about the time of that event. Read as one question with a time clause: "who was
 * heading the inspectorate when Cleveland went into special measures in 2019?".
 */
export function statementThenDeictic(question: string): string | undefined {
  const m = /^(.{8,200}?)\s*(?:\s[-–—]+\s|[:;]\s|[.!]\s+)\s*((?:which|what|who|whom|when|why|how|where|is|are|was|were|has|have|had|did|does|do)\b.{4,200})$/i.exec(question.trim());
  if (!m) return undefined;
  const [statement, rest] = [m[1]!.replace(/[.!]+$/, '').trim(), m[2]!.trim()];
  // The time the question means: "at that point", "at the time", "then", "that day", "on that date".
  const deictic = /\s+(?:at that ([a-z]{4,7})|at the time|back then|by then|then|on that (?:day|date)|that (?:day|date)|on the day|in that year|that year)\b/i.exec(rest);
  if (!deictic) return undefined;
  // ("at that piont": the word slipped, as typed.)
  if (deictic[1] && !['point', 'time', 'stage', 'moment'].some((w) => editDistance(deictic[1]!.toLowerCase(), w, 2) <= (w.length > 4 ? 2 : 1))) return undefined;
  // The first part tells (no question of its own); the second asks.
  if (/[?]/.test(statement) || /^(?:which|what|who|whom|when|why|how|where|is|are|was|were|has|have|had|did|does|do|can|could)\b/i.test(statement)) return undefined;
  // Only a statement of something happening: a verb in the past ("went", "came", "was put").
  if (!/\b(?:went|came|was|were|got|left|entered|exited|joined|started|took|moved|placed|put|\w+ed)\b/i.test(statement)) return undefined;
  const when = ` when ${statement.charAt(0).toLowerCase()}${statement.slice(1)}`;
  const asked = rest.slice(0, deictic.index) + when + rest.slice(deictic.index + deictic[0].length);
  return /[?]\s*$/.test(asked) ? asked : `${asked.replace(/[.!]*\s*$/, '')}?`;
}

/** "A vs B", "A versus B", "A compared with B": two things set side by side. */
const VERSUS = /^(.{6,}?)\s+(?:vs\.?|versus|compared (?:to|with))\s+(.+)$/i;
/** Words that ask for a comparison of the two sides, which the ranking routes answer whole. */
const COMPARING = /\b(longer|shorter|longest|shortest|first|earlier|earliest|later|latest|sooner|more|most|fewer|less|bigger|quicker|faster|slower|difference|gap|between|daylight|apart)\b/i;

/**
 * "The day she resigned vs the day she actually left the job?", "home sec when the Met went in vs
 * home sec when it came out": two things of the same kind set side by side, each a question in
 * itself. The second side ends at a question mark or a dash; what follows is the asker's aside.
 * Not a comparison ("the Met's time in Engage vs GMP's, which was longer?"): that is one question.
 */
function versusParts(question: string): [string, string] | undefined {
  const m = VERSUS.exec(question.trim());
  if (!m) return undefined;
  const first = m[1]!.trim();
  const [second = '', ...rest] = m[2]!.split(/\?|\s[-–—]+\s/);
  const sides = [first.replace(/^[^:—–]{2,40}(?::|\s[—–-]+)\s+/, ''), second.trim()];
  // ("How many police forces vs fire services …": one count over both sides.)
  if (/^\W*(?:how many|how much|which|who)\b/i.test(sides[0]!)) return undefined;
  if (sides.some((side) => side.split(/\s+/).length < 3) || COMPARING.test(question) || rest.some((r) => /\b(which|whichever)\b/i.test(r))) return undefined;
  return [`${first}?`, `${sides[1]}?`];
}

/** The two parts of a question that asks two things, or undefined. */
export function splitQuestion(question: string): [string, string] | undefined {
  const versus = versusParts(question);
  if (versus) return versus;
  const m = SECOND_PART.exec(question.trim());
  if (!m) return undefined;
  const [first, second] = [m[1]!.trim(), m[2]!.trim()];
  // "Which forces were in Engage between 2022 and when the Met left?" is one question; so is a
  // second "part" of one word ("and how?" is a follow-up, handled as such below).
  // ("Cleveland exit date and who made the decision": a short fragment naming what is asked is
  // a first part too, when a question word opens the second.)
  // (Only with "and": "Lincolnshire police - what were the reasons?" names its subject first.)
  const separator = question.trim().slice(m[1]!.length, question.trim().length - m[2]!.length);
  const fragment = /\band\b/i.test(separator) && !/[-–—]/.test(separator) && first.split(/\s+/).length <= 5 && /^(when|why|who|whom|whose|how|what|which|where)\b/i.test(second) && !/[?]/.test(first);
  // ("lincs: when did it go in, and which HMI signed the letter?": a name set before the first
  // part labels it; the first part's question word follows the label.)
  const asked = first.replace(/^[^:?—–]{2,60}?(?::|\s+[—–-]+)\s+/, '');
  if (!fragment && !/^(when|why|who|whom|how|what|which|where|is|was|were|are|did|does|has|have|list|name|tell)\b/i.test(asked)) return undefined;
  // ("Glos FRS - what date did HMICFRS let them out, and whose decision was it?": "whose" after a
  // whole question asks about the same move, which the whole question's reading already answers;
  // it parts only a fragment from its question: "Lincs: date it went in, and whose name is on the letter?")
  if (!fragment && /^whose\b/i.test(second)) return undefined;
  // "When Notts went in, which forces were in?": a "when" with no auxiliary after it opens a time
  // clause, not a question of its own.
  if (/^when\s+(?!(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|exactly|precisely)\b)/i.test(first)) return undefined;
  if (second.split(/\s+/).length < 1) return undefined;
  // "Which forces went in in 2024 and are still in?": an auxiliary with no subject after it goes
  // on with the first part's subject; it is one question with two conditions.
  if (/^(is|was|were|are|has|have)\s+(still|now|already|not|no longer|currently|yet|ever|also|never|back|out|in)\b/i.test(second)) return undefined;
  return [first, second];
}

/** One answer from two: the second's citations renumbered to follow the first's. */
export function mergeAnswers(first: Answer, second: Answer, _index: KnowledgeIndex): Answer {
  if (second.status !== 'answered') {
    const note: AnswerSentence = { text: 'I have no sourced answer to the second part of the question, so I have left it out.', citations: [] };
    const sentences = [...first.sentences, note];
    return { ...first, sentences, text: sentencesToText(sentences), confidence: Math.min(first.confidence, 0.7) };
  }
  const citations: Citation[] = [...first.citations];
  const renumber = new Map<number, number>();
  for (const c of second.citations) {
    const same = citations.find((x) => x.sourceId === c.sourceId && x.locator === c.locator);
    if (same) renumber.set(c.n, same.n);
    else {
      const n = citations.length + 1;
      citations.push({ ...c, n });
      renumber.set(c.n, n);
    }
  }
  const map = (ns: number[]) => [...new Set(ns.map((n) => renumber.get(n) ?? n))];
  const added = second.sentences
    .filter((s) => !first.sentences.some((f) => f.text === s.text))
    .map((s): AnswerSentence => ({ ...s, citations: map(s.citations), ...(s.items ? { items: s.items.map((i) => ({ ...i, citations: map(i.citations) })) } : {}) }));
  const sentences = [...first.sentences, ...added];
  const asOf = [first.asOf, second.asOf].filter((d): d is string => d !== null).sort().at(-1) ?? null;
  return {
    ...first,
    text: sentencesToText(sentences),
    sentences,
    citations,
    confidence: Math.min(first.confidence, second.confidence),
    asOf,
    related: [...new Set([...first.related, ...second.related])].slice(0, 3),
    ...(first.explanation && second.explanation
      ? { explanation: { ...first.explanation, route: `${first.explanation.route}+${second.explanation.route}`, recordIds: [...first.explanation.recordIds, ...second.explanation.recordIds] } }
      : {}),
  };
}

/**
 * "The IOPC gets called 'the police watchdog' too. What's the difference between it and
 * HMICFRS?": a sentence that names one thing, then a question that refers to it by a pronoun.
 * The pronoun is put back as the name ("… between the IOPC and HMICFRS?"), the first sentence
 * kept as the context it is. A person is "he"/"she", a body "it"/"they". Undefined otherwise.
 */
export function statementThenPronoun(question: string, index: KnowledgeIndex): string | undefined {
  const m = /^(.{8,240}?[.!])\s+((?:which|what|what's|whats|who|whom|when|why|how|where|is|are|was|were|has|have|had|did|does|do|and)\b.{3,240})$/i.exec(question.trim());
  if (!m) return undefined;
  const [statement, asked] = [m[1]!, m[2]!];
  if (/[?]/.test(statement)) return undefined;
  const named = [...new Set(analyzeText(statement, index, { strongAliasesOnly: true }).filter((t) => t.kind === 'entity').map((t) => t.key.slice(1)))];
  if (named.length !== 1) return undefined;
  const entity = index.entities.get(named[0]!);
  if (!entity) return undefined;
  // (The question names the thing itself: nothing to put back.)
  if (analyzeText(asked, index, { strongAliasesOnly: true }).some((t) => t.key === `#${entity.id}`)) return undefined;
  const person = entity.kind === 'person';
  const pronoun = person ? /\b(he|she|him|his)\b/i : /\b(it|its|they|their|them)\b/i;
  const found = pronoun.exec(asked);
  if (!found) return undefined;
  const name = nameOf(entity);
  const put = /^(its|their|his)$/i.test(found[0]) ? `${name}'s` : name;
  return `${statement} ${asked.slice(0, found.index)}${put}${asked.slice(found.index + found[0].length)}`;
}
