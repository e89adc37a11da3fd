// Follow-ups: "why?", "since when?", "and the fire services?", "what about GMP?" mean the
// previous question's subject. Given what the last answer was about (a ConversationContext),
// a follow-up is rewritten into a whole question before it is understood; without a context it
// is recognised, so the bot can ask "about what?" instead of answering a random fact. Pure.

import type { ConversationContext } from '../answer-types.ts';
import { nameOf } from '../engage-timeline.ts';
import type { KnowledgeIndex } from '../knowledge-index.ts';
import { escapeRegExp } from '../text.ts';
import type { QuestionAnalysis } from './understand.ts';

/** Opening words that mark a follow-up ("and …", "what about …", "how about …", "also …"). */
const CONTINUATION = /^(and|also|plus|then|so|ok(ay)?|what about|how about|and what about|same for|same question for)\b[\s,]*/i;
/** A bare question word or phrase with nothing to be about: "why?", "since when?", "how long for?". */
/** Whether a text is only a bare question word or phrase ("why?", "what for?"), a follow-up whatever came before. */
export function isBareQuestion(text: string): boolean {
  return BARE_QUESTION.test(text.trim());
}

const BARE_QUESTION = /^(why|when|since when|how long|how long for|until when|who|who decided|who by|by whom|how come|why not|really|and why|and when|source|sources|says who|how many|what for|and what for|what was it (?:actually |really |all )?for|for what)\s*\??$/i;
/** Pronouns that stand for the previous subject. */
const PRONOUN = /\b(it|they|them|its|their|theirs|that force|that service|the force|the service|this force|this service|she|he|her|his|him)\b/i;

export type FollowUp =
  | { kind: 'none' }
  /** A follow-up, rewritten with the previous subject into a whole question. */
  | { kind: 'resolved'; question: string }
  /** A follow-up with no usable context: ask what it is about. */
  | { kind: 'unresolved' };

/**
 * Whether a question leans on a previous one, and if so the whole question it stands for.
 * `analysis` is the follow-up read on its own: a question that names its own subject and topic
 * is not a follow-up, whatever words it opens with.
 */
export function resolveFollowUp(question: string, analysis: QuestionAnalysis, context: ConversationContext | undefined, index: KnowledgeIndex): FollowUp {
  const text = question.trim();
  // "GMP?" in a conversation means "and GMP?": a bare name continues the last question.
  const bareName = analysis.terms.length > 0 && analysis.terms.every((t) => t.kind === 'entity') && text.split(/\s+/).length <= 5;
  const continuation = CONTINUATION.test(text) || (bareName && context !== undefined);
  const bare = BARE_QUESTION.test(text);
  const hasEntity = analysis.entities.length > 0;
  // A figure ("was it 69,000 unrecorded crimes?") or a concept the records are about names the
  // topic as well as a rare word does.
  const shape = shapeConcepts(index);
  const hasTopic =
    analysis.concepts.has('engage') ||
    analysis.concepts.has('enter') ||
    analysis.concepts.has('leave') ||
    analysis.terms.some((t) => t.kind === 'word' && !t.unknown && (index.specificity.get(t.key) ?? 0) >= 1.2) ||
    (/\b\d{1,3}(,\d{3})+\b|\b\d+k\b/i.test(text) && analysis.terms.some((t) => t.kind === 'concept' && !shape.has(t.key.slice(1))));
  const pronoun = PRONOUN.test(text) && !hasEntity;
  const short = text.split(/\s+/).length <= 6;
  // "When did it get out?", "was it put in again?": a pronoun that makes the move has a subject
  // only in the last question, however much the move itself names the topic.
  // (The move right after the pronoun: not "is it common for a force to be put in …?" nor "was
  // it all exits?".)
  const moves = analysis.terms.filter((t) => t.key === '@enter' || t.key === '@leave').map((t) => escapeRegExp(t.surface));
  const movedBy = pronoun && moves.length > 0 && new RegExp(`\\b(?:did|was|were|has|have|had|is|are)\\s+(?:it|they)\\s+(?:(?!all\\b|only\\b|just\\b|mostly\\b|both\\b)\\w+\\s+)?(?:${moves.join('|')})\\b`, 'i').test(text);
  if (!(bare || movedBy || (continuation && short) || (pronoun && short && !hasTopic) || (pronoun && !hasTopic && /^(why|when|how long|who|was|is|did|has)\b/i.test(text) && !hasEntity))) return { kind: 'none' };
  if (hasEntity && hasTopic && !continuation) return { kind: 'none' };
  if (!context) return { kind: 'unresolved' };

  // ("What for?" asks why.)
  const rest = text.replace(CONTINUATION, '').replace(/\?+\s*$/, '').trim().replace(/^(?:what for|what was it (?:actually |really |all )?for|for what)$/i, 'why');
  // "What about GMP?", "and Cleveland?": the previous question, asked about the new subject.
  if (hasEntity && context.subjects.length > 0) {
    const entity = index.entities.get(analysis.entities[0]!.id);
    const previous = context.subjects.map((id) => index.entities.get(id)).filter((e) => e !== undefined);
    if (entity) {
      let q = context.question;
      let replaced = false;
      for (const old of previous) {
        for (const name of [old.name, ...old.aliases, ...old.weakAliases].sort((a, b) => b.length - a.length)) {
          const re = new RegExp(`\\b(the )?${escapeRegExp(name)}('s)?\\b`, 'i');
          if (re.test(q)) {
            q = q.replace(re, (_m, _the, possessive) => `${nameOf(entity)}${possessive ?? ''}`);
            replaced = true;
            break;
          }
        }
      }
      return { kind: 'resolved', question: replaced ? q : `${rest} ${context.question}` };
    }
  }
  // "And the fire services?" after a list: the same list for the other kind.
  if (/\bfire\b/i.test(rest) && !hasEntity) {
    return { kind: 'resolved', question: swapKind(context.question, 'fire') };
  }
  if (/\b(police|forces?)\b/i.test(rest) && !hasEntity && !/\bfire\b/i.test(rest)) {
    return { kind: 'resolved', question: swapKind(context.question, 'police') };
  }
  // "Why?", "since when?", "who decided?", "how long was it in?": the question, about the subject.
  const subjects = context.subjects.map((id) => index.entities.get(id)).filter((e) => e !== undefined);
  if (subjects.length !== 1) return { kind: 'unresolved' };
  const name = nameOf(subjects[0]!);
  const about = context.route.startsWith('engage') || context.route === 'entity-status' ? ' Engage' : '';
  if (pronoun) return { kind: 'resolved', question: `${rest.replace(PRONOUN, name)}${about && !/\bengage|special measures|monitoring\b/i.test(rest) ? ` in${about}` : ''}?` };
  return { kind: 'resolved', question: `${rest} ${about ? `was ${name} in Engage` : `about ${name}`}?` };
}

function swapKind(question: string, to: 'fire' | 'police'): string {
  if (to === 'fire') {
    const swapped = question.replace(/\b(police forces|forces|police force|force|police)\b/i, 'fire and rescue services');
    return swapped === question ? `Which fire and rescue services: ${question}` : swapped;
  }
  const swapped = question.replace(/\b(fire and rescue services|fire and rescue service|fire services|fire service)\b/i, 'police forces');
  return swapped === question ? `Which police forces: ${question}` : swapped;
}

/** The concepts that shape a question (how many, when, now), read once per knowledge base. */
const shapeCache = new WeakMap<KnowledgeIndex, Set<string>>();
function shapeConcepts(index: KnowledgeIndex): Set<string> {
  let set = shapeCache.get(index);
  if (!set) shapeCache.set(index, (set = new Set(index.data.concepts.filter((c) => c.shape).map((c) => c.id))));
  return set;
}
