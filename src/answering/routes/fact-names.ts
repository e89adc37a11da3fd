// Questions asking what a thing is called ("what is Lincolnshire's improvement plan called?",
// "the name of the plan the Met agreed"): the thing whose name is asked for, and whether a fact
// names such a thing with a name the question does not already give. Pure.

import { escapeRegExp, stem } from '../../text.ts';
import type { QuestionAnalysis } from '../understand.ts';
import { PERSON_NOUNS } from '../frame.ts';

/**
 * The thing whose name is asked for, as its head noun: "what is Lincs' improvement plan called?"
 * (plan), "what were the two stages of HMICFRS's monitoring called?" (stages), "what was the
 * name of the plan the Met agreed …?" (plan). Not a person's name — "who" rules answer that — nor
 * a thing the question names ("what was the IOPC called before?" asks for a former name).
 */
export function thingNamed(analysis: QuestionAnalysis): string | undefined {
  const q = analysis.question;
  const phrase = /^\W*what(?:'s| is| was| are| were)\s+(?:the\s+)?([^?]{1,80}?)\s+(?:called|named|titled|known as)\b/i.exec(q)?.[1];
  // The head of "the failings in the Stephen Port investigation": the last word before a preposition.
  const called = phrase?.split(/\s+(?:in|of|for|at|on|from|by|with|to|about|over|behind)\s+/i)[0]?.split(/\s+/).at(-1);
  const nameOf = /\b(?:name|title) of (?:the|their|its|a|an)\s+(?:[a-z-]+\s+){0,2}?([a-z]+?)(?=\s+(?:the|that|which|who|it|they|agreed|drawn|set|put|used|in|on|at|for|of|during|after|before)\b|\s*[?.!]*\s*$)/i.exec(q)?.[1];
  const head = (called ?? nameOf)?.toLowerCase().replace(/['’]s$/, '');
  if (!head || new RegExp(`^(?:${PERSON_NOUNS})s?$`, 'i').test(head) || /^(person|people|man|woman|guy|bloke|one|it|this|that|thing)$/.test(head)) return undefined;
  if (analysis.terms.some((t) => t.kind === 'entity' && t.surface.toLowerCase().split(/\s+/).includes(head))) return undefined;
  return head;
}

/** Words that open a sentence or a noun phrase but name nothing: "The plan", "Its plan". */
const NOT_A_NAME = /^(the|a|an|its|this|that|their|his|her|our|in|on|at|by|for|new|under|after|before)$/i;
/** A name given: "called "scanning"", "known as the Milestone Plan" (not "called to a meeting"). */
const NAME_GIVEN = /\b(called|named|titled|entitled|known as|dubbed|described as)\s+(?:(?:the|a|an|it|them)\s+)?["“‘A-Z]/;

/**
 * Whether a fact about a thing of the kind names one, with a name the question does not already
 * give: "a Milestone Plan", "its Engage process", "what it called "seemingly incomprehensible
 * failures"". A possessive ("the Met's plan") names no plan.
 */
export function givesNameOf(text: string, head: string, question: string): boolean {
  const noun = escapeRegExp(stem(head));
  const mentions = [...text.matchAll(new RegExp(`\\b${noun}\\w*`, 'gi'))];
  if (mentions.length === 0) return false;
  // A name given soon after the thing is mentioned ("two stages. The first, called "scanning"").
  if (mentions.some((m) => NAME_GIVEN.test(text.slice(m.index!, m.index! + 120)) || /^\w*[,:]?\s+["“]/.test(text.slice(m.index! + m[0].length - 1)))) return true;
  const asked = question.toLowerCase();
  const proper = new RegExp(`\\b([A-Z][\\w-]*)\\s+${noun}\\w*\\b`, 'gi');
  return [...text.matchAll(proper)].some((m) => /^[A-Z]/.test(m[1]!) && !NOT_A_NAME.test(m[1]!) && !new RegExp(`\\b${escapeRegExp(m[1]!.toLowerCase())}\\b`).test(asked));
}
