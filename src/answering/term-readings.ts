// Readings of a question's terms in context: which verb is the relation asked about, light and
// causative verbs, times given by a clause, and moves said with a particle ("let out", "shoved
// into", "off Engage", "due to go in front of"). Each takes the analysed terms and returns or
// marks them. Pure.

import type { KnowledgeIndex, Term } from '../knowledge-index.ts';
import { wordProfile } from '../lexicon/word-profile.ts';
import type { Token } from '../text.ts';

/** "before Scan and Engage", "prior to the PPOG": a time word just before a concept or a name. */
/** "Is Priti Patel married?": the word after the subject of a yes-or-no question is what it asks. */
export function markPredicate(terms: Term[], lead: string | undefined): void {
  if (!lead || !/^(is|are|was|were|isn't|wasn't)$/.test(lead)) return;
  const subject = terms.findIndex((t) => t.kind === 'entity');
  const next = subject >= 0 ? terms[subject + 1] : undefined;
  if (next && next.kind === 'word' && terms.length === subject + 2) next.predicate = true;
}

/**
 * "Which forces managed to get out in 2025?", "did Notts try to leave?": a carrier verb (a word
 * class of the knowledge base) before "to" carries the verb after it, which says what happened.
 */
export function markLightVerbs(terms: Term[], tokens: Token[], index: KnowledgeIndex): void {
  const profile = wordProfile();
  for (const [i, t] of terms.entries()) {
    if (t.kind !== 'word') continue;
    if (tokens[t.position + 1]?.word === 'to' && index.wordClass('carrier-verb').has(t.key)) t.light = true;
    // "Can HMICFRS force a *failing* police force to change?", "underperforming forces": a
    // participle or adjective before "force" or "service" says which forces, generically; the
    // question is about forces, not about failing.
    const next = terms[i + 1];
    if (next?.kind === 'concept' && (next.key === '@force' || next.key === '@fire-service') && next.position === t.position + 1 && (/(ing|ed)$/.test(t.surface) || profile.pos(t.surface) === 'a')) t.light = true;
  }
}

/** Verbs of making someone do something, which after "can X …" ask about X's powers. */
const CAUSATIVE = new Set(['force', 'make', 'compel', 'order', 'require', 'direct', 'instruct', 'oblige', 'sack', 'remove']);

const DETERMINER = /^(a|an|the|this|that|each|every|any|its|their|his|her|our|your|one)$/;

/**
 * "Can HMICFRS actually force a force to change?", "could the home sec make the inspectorate
 * look at a force?": "can X <make> Y …" asks whether X has that power. The verb is read as the
 * powers concept (not as "force", the police force), when the knowledge base has one.
 */
export function readCausative(terms: Term[], tokens: Token[], index: KnowledgeIndex): Term[] {
  if (!/^(can|could|does|do)$/.test(tokens[0]?.word ?? '') || !index.postings.has('@powers')) return terms;
  // After a determiner the word is a noun: "does *a force* in Engage need a plan?".
  const at = tokens.findIndex((t, i) => i > 1 && i <= 6 && CAUSATIVE.has(t.word) && !DETERMINER.test(tokens[i - 1]!.word));
  if (at < 0) return terms;
  // Making someone *do* something: "to" or a verb follows the object ("force a force to change",
  // "make the inspectorate look"). "Order extra inspections" orders a thing: no power asked about.
  const profile = wordProfile();
  if (!tokens.slice(at + 2, at + 8).some((t) => t.word === 'to' || (profile.pos(t.word) === 'v' && !/^(be|is|are|was|were)$/.test(t.word)))) return terms;
  // Between "can" and the verb: the agent ("HMICFRS", "the home sec") and adverbs, no other verb
  // (a name's words, and the word just before the verb, may be tagged as verbs).
  const inNames = positionsOf(terms.filter((x) => x.kind === 'entity'));
  for (let k = 1; k < at - 1; k++) if (profile.pos(tokens[k]!.word) === 'v' && !inNames.has(k)) return terms;
  return terms.map((t) => (t.position === at && t.surface.split(' ').length === 1 ? { key: '@powers', kind: 'concept', surface: t.surface, position: t.position } : t));
}

export function markTimeRelations(terms: Term[], index: KnowledgeIndex): void {
  terms.forEach((t, i) => {
    const next = terms[i + 1];
    // "Before HMICFRS", "before Rowley": a person's career or a succession, which profiles and
    // role records tell; only a time given by a process ("before Scan and Engage") weighs as one.
    const kind = next?.kind === 'entity' ? index.entities.get(next.key.slice(1))?.kind : undefined;
    if (kind === 'person' || kind === 'oversight_body') return;
    if (t.kind === 'word' && /^(befor|prior|predat|preced)$/.test(t.key) && next && next.kind !== 'word' && next.position <= t.position + 2) t.relation = true;
  });
}

/** Forces and services as a kind: the subjects on the Engage records. */
const KIND_OF_SUBJECT = /^(@force|@fire-service|polic|fire|brigad|constabulari?)$/;

/** Words that may follow a clause-final "in" or "out" ("is Lincs still in yet?"). */
const AFTER_PARTICLE = new Set(['yet', 'now', 'still', 'again', 'already', 'then', 'anymore', 'today', 'on', 'in', 'during', 'at', 'around', 'before', 'after', 'since', 'between', 'throughout', 'from', 'until', 'when', 'while', 'by', 'or',
  // "how long were Notts in for?", "GMP in and out dates", "Lincs in-date?"
  'for', 'and', 'dates', 'date', 'days', 'day']);

/**
 * "Lincs got shoved into enhanced monitoring", "the Met was booted out of special measures": any
 * verb right before "into" (or "out of", or "off") Engage is a move into (or out of) it, whatever the verb.
 */
export function readMoveByParticle(terms: Term[], tokens: Token[]): Term[] {
  return terms.map((t, i) => {
    const after = terms[i + 1];
    // "booted out of special measures": the move is already read ("out of"); the verb only carries it.
    if (t.kind === 'word' && after && (after.key === '@leave' || after.key === '@enter') && after.position === t.position + 1 && /^(out|into|in)\b/.test(after.surface)) return { ...t, light: true };
    // "What tips a force into Engage?", "what pushed GMP into special measures?", "what got the
    // Met out of it": a verb, its object (a force, a service or a name), then into or out of Engage.
    // (Only with "what" as the cause: "who puts a force into special measures?" asks who decides.)
    const causeAsked = /^what$/.test(tokens[t.position - 1]?.word ?? '') || (/^(actually|really|exactly)$/.test(tokens[t.position - 1]?.word ?? '') && tokens[t.position - 2]?.word === 'what');
    const object = causeAsked && after && (after.kind === 'entity' || after.key === '@force' || after.key === '@fire-service') ? after : undefined;
    const engage = object ? terms[i + 2] : undefined;
    if (t.kind === 'word' && object && engage?.key === '@engage') {
      const objectEnd = object.position + object.surface.split(' ').length;
      const between = tokens.slice(objectEnd, engage.position).map((x) => x.word).join(' ');
      const gap = object.position - t.position;
      if (gap >= 1 && gap <= 3 && /^(into|in to)$/.test(between)) return { key: '@enter', kind: 'concept', surface: t.surface, position: t.position };
      if (gap >= 1 && gap <= 3 && /^(out of|off)$/.test(between)) return { key: '@leave', kind: 'concept', surface: t.surface, position: t.position };
    }
    // ("What got the Met out?", read "what got out the Met": the "out" of "got … out" is the move
    // out, though "what got" was read as asking why.)
    const before = terms[i - 1];
    if (t.kind === 'word' && t.surface === 'out' && before?.key === '@why' && /\b(got|get|gets|put)$/.test(before.surface) && t.position === before.position + 2) return { key: '@leave', kind: 'concept', surface: t.surface, position: t.position };
    // ("What got the Met out of Engage?": "out of" Engage is the move out, whatever verb came before.)
    if (t.kind === 'word' && t.surface === 'out' && tokens[t.position + 1]?.word === 'of' && after?.key === '@engage' && after.position === t.position + 2) return { key: '@leave', kind: 'concept', surface: t.surface, position: t.position };
    if (t.kind !== 'word' || after?.key !== '@engage') return t;
    // A word English does not use is a name, not the verb that carries the move: in "put PSNI
    // into Engage" it is the object, and stays a name (the records hold none for it).
    if (wordProfile().available && wordProfile().zipf(t.surface) === 0) return t;
    const next = tokens[t.position + 1]?.word;
    const twoOn = tokens[t.position + 2]?.word;
    const engageAt = after.position;
    if (next === 'into' && engageAt <= t.position + 3) return { key: '@enter', kind: 'concept', surface: t.surface, position: t.position };
    if (next === 'out' && twoOn === 'of' && engageAt <= t.position + 4) return { key: '@leave', kind: 'concept', surface: t.surface, position: t.position };
    // "come off Engage", "taken off special measures": off it is out of it.
    if (next === 'off' && engageAt <= t.position + 3) return { key: '@leave', kind: 'concept', surface: t.surface, position: t.position };
    return t;
  });
}

/**
 * "What happens to a force in Engage?" asks how the process works; "what happened to GMP in
 * December 2020?" asks what the records say took place. The vocabulary matches stems, so the
 * tense is read here: in the past, the phrase asks for a subject's record (its status).
 */
export function readPastHappening(terms: Term[]): Term[] {
  return terms.map((t) => (t.key === '@meaning' && /\bhappened\b/i.test(t.surface) ? { ...t, key: '@status' } : t));
}

/**
 * "When was the new commissioner due to go before the PPOG?": "due to" before a verb says what
 * was scheduled, not why; only "due to" before a noun ("due to failings") gives a cause.
 */
export function readScheduledDueTo(terms: Term[], tokens: Token[]): Term[] {
  return terms.filter((t) => !(t.key === '@why' && /^due to$/i.test(t.surface) && wordProfile().pos(tokens[t.position + 2]?.word ?? '') === 'v'));
}

/**
 * "Is Lincs still in?", "was GMP ever in?", "how long was the Met in?", "is Bucks out yet?":
 * newsroom shorthand, where "in" ends the clause about a force or service on the Engage records
 * and means in Engage ("out": out of it). Read as the Engage (or leave) concept, only when the
 * question names such a subject and no other Engage word.
 */
export function readEllipticInOut(terms: Term[], tokens: Token[], rest: string, index: KnowledgeIndex, engageAnchor: boolean): Term[] {
  // ("When Notts went in, who else was in?": a time given by an Engage move makes it one too.)
  // ("End of 2020 - which forces were in?", "who was in - police + fire": forces or services as
  // a kind are such subjects too.)
  const subject = engageAnchor || terms.some((t) => (t.kind === 'entity' && index.eventsByEntity.has(t.key.slice(1))) || KIND_OF_SUBJECT.test(t.key));
  if (!subject || terms.some((t) => t.kind === 'concept' && /^@(engage|enter|leave|scan)$/.test(t.key))) return terms;
  const out = [...terms];
  tokens.forEach((tok, i) => {
    if (tok.word !== 'in' && tok.word !== 'out') return;
    const next = tokens[i + 1];
    const between = next ? rest.slice(tok.index + tok.word.length, next.index) : rest.slice(tok.index + tok.word.length);
    const endsClause = !next || /[?.!,;:]|\s[-–—]\s/.test(between) || AFTER_PARTICLE.has(next.word);
    // Right after the subject, "still"/"ever"/"back", or a form of "be" ("was GMP ever in?", "is
    // Lincs in?"), never after a verb whose particle it is ("what did the report set out?").
    const prev = tokens[i - 1];
    const subjectEnds = terms.some((t) => t.kind === 'entity' && t.position + t.surface.split(' ').length === i);
    // "Which county is Cleveland in?", "where is Devon in?" ask where, not whether it is in Engage.
    const asksWhere = /^(which|what|where)$/.test(tokens[0]?.word ?? '') && subjectEnds;
    const after = !asksWhere && (subjectEnds || (prev !== undefined && /^(still|ever|already|back|yet|now|been|is|was|were|are|be|being|when|and)$/.test(prev.word)));
    if (!endsClause || !after || out.some((t) => t.position === i && t.kind !== 'word')) return;
    // "When did they put Lincs in?": a placing verb before the subject makes it the move in.
    const subjectTerm = terms.find((t) => t.kind === 'entity' && t.position + t.surface.split(' ').length === i);
    const placed = subjectTerm !== undefined && /^(put|putting|puts|placed|place|moved|move|sent|send|let|brought|bring|took|take|taken|stuck|pushed|dropped)$/.test(tokens[subjectTerm.position - 1]?.word ?? '');
    const read: Term = { key: tok.word === 'in' ? (placed ? '@enter' : '@engage') : '@leave', kind: 'concept', surface: tok.word, position: i };
    const at = out.findIndex((t) => t.position === i);
    if (at >= 0) out[at] = read;
    else out.push(read);
  });
  return out.sort((a, b) => a.position - b.position);
}

/** The token positions the terms cover ("Devon and Cornwall Police" covers four). */
export function positionsOf(terms: Term[]): Set<number> {
  const out = new Set<number>();
  for (const t of terms) for (let k = 0; k < t.surface.split(' ').length; k++) out.add(t.position + k);
  return out;
}

/**
 * "basics or fundamentals?", "sacked or suspended?": two plain words offered as a choice, one of
 * which the knowledge base never uses. The record cannot hold that one, so the two are read as
 * one term: the word the knowledge base uses, with the other as an alternative of full weight,
 * and the unknown word does not sink the answer. Two words it uses stay apart ("police or fire"
 * asks about both kinds), as do names and concepts ("Staffs or Wilts": two subjects).
 */
export function readWordChoice(terms: Term[], tokens: Token[], index: Pick<KnowledgeIndex, 'postings'>): Term[] {
  const out: Term[] = [];
  for (let i = 0; i < terms.length; i++) {
    const a = terms[i]!;
    const b = terms[i + 1];
    const plain = (t: Term) => t.kind === 'word' && !t.surface.includes(' ');
    if (b && plain(a) && plain(b) && b.position === a.position + 2 && tokens[a.position + 1]?.word === 'or' && index.postings.has(a.key) !== index.postings.has(b.key)) {
      const [kept, other] = index.postings.has(a.key) ? [a, b] : [b, a];
      out.push({ ...kept, alternatives: [...(kept.alternatives ?? []), { key: other.key, weight: 1 }, ...(other.alternatives ?? [])] });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
