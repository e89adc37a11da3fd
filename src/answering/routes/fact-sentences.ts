// Readings of a fact's sentences against a question: which sentences are about the subject asked
// of (named, or referred to after), whether a person's own move is told there, and whether a
// verb is used only as a participle before its noun ("a leaked letter"). Pure.

import type { Entity } from '../../../knowledge/schema.ts';
import { analyzeText, type IndexedFact, type KnowledgeIndex } from '../../knowledge-index.ts';
import { escapeRegExp, stem, tokenize } from '../../text.ts';
import type { QuestionAnalysis } from '../understand.ts';

/** Whether every use of a verb (a stem) in the text is a participle before its noun: "a leaked letter". */
export function onlyAttributive(text: string, key: string): boolean {
  const uses = tokenize(text).map((t, i, all) => ({ t, before: all[i - 1]?.word.toLowerCase() })).filter(({ t }) => stem(t.word) === key);
  return uses.length > 0 && uses.every(({ t, before }) => /(ed|en)$/i.test(t.word) && /^(a|an|the|this|that|its|his|her|their|whose)$/.test(before ?? ''));
}

/** Moves a person makes: leaving, going in, resigning, taking office. */
const PERSON_MOVES = ['@leave', '@enter', '@resign', '@appoint'];

/** The words records use for a person's moves in and out of office. */
const PERSON_MOVE_WORDS = /\b(became|becomes|took over|takes over|succeeded|succeeding|replaced|replacing|joined|joins|stood down|stepped down|retired|retires|ended|ends|until|appointed|appointment|named as|sworn in|elected|quit|sacked|dismissed|left|leaves|was (?:\w+ )?from \d)/i;

/**
 * Whether a fact tells of the move a question asks of a person ("when did Dick resign?", "why
 * did Williams leave?") in a sentence about that person. Questions naming a force or service,
 * or no one, or no such move, are not held to it.
 */
export function movedAsAsked(doc: IndexedFact, analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const kinds = analysis.entities.map((e) => index.entities.get(e.id)?.kind);
  if (!kinds.includes('person') || kinds.some((k) => k !== 'person' && k !== 'oversight_body')) return true;
  const moves = analysis.terms.filter((t) => PERSON_MOVES.includes(t.key));
  // "Did West Midlands' chief constable accept being put into Engage?": a move into or out of
  // Engage is a force's, whatever the person did about it.
  if (moves.length === 0 || analysis.concepts.has('engage')) return true;
  // Any move of the person's will do: one asker's "leave" is the record's "resigned", another's
  // "join" its "appointment".
  const keys = new Set([...PERSON_MOVES, ...moves.flatMap((m) => (m.alternatives ?? []).map((a) => a.key))]);
  const people = { ...analysis, entities: analysis.entities.filter((e) => index.entities.get(e.id)?.kind === 'person') };
  // A force's move ("just after the force entered Engage") is not the person's, though told in a sentence naming them.
  const ownMoves = (s: string) => s.replace(/\b\w+(\s+(into|out of|in|from|of))?\s+(Engage|enhanced monitoring|special measures|routine monitoring|Scan)\b/gi, ' ');
  return sentencesAbout(doc.fact.text, people, index).map(ownMoves).some((s) => PERSON_MOVE_WORDS.test(s) || analyzeText(s, index, { strongAliasesOnly: false }).some((t) => keys.has(t.key)));
}

/**
 * The sentences of a fact's text about the question's named subjects: those naming one (by name,
 * surname or alias) and those that go on about it ("He …", "The force …"). The whole text when
 * the question names no one.
 */
export function sentencesAbout(text: string, analysis: QuestionAnalysis, index: KnowledgeIndex): string[] {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z"“])/);
  const subjects = analysis.entities.map((e) => index.entities.get(e.id)).filter((e) => e !== undefined);
  if (subjects.length === 0) return sentences;
  const naming = namingPattern(subjects);
  const about: string[] = [];
  let following = false;
  for (const s of sentences) {
    following = naming.test(s) || (following && /^(he|she|it|they|his|her|its|their|the (force|service|brigade|body|inspectorate))\b/i.test(s));
    if (following) about.push(s);
  }
  return about;
}

/** A pattern for the entities' names in a text: name, alias, or a person's surname. */
export function namingPattern(entities: readonly Entity[]): RegExp {
  const names = entities.flatMap((e) => [e.name, ...(e.aliases ?? []), ...(e.kind === 'person' ? [e.name.split(' ').at(-1)!] : [])]).filter((n) => n.length > 2);
  return new RegExp(`\\b(${names.map(escapeRegExp).join('|')})\\b`, 'i');
}

/** The entities a fact is about or names in its text. */
export function mentioned(doc: IndexedFact, index: KnowledgeIndex) {
  const ids = new Set([...doc.fact.about, ...[...doc.terms.keys()].filter((k) => k.startsWith('#')).map((k) => k.slice(1))]);
  return [...ids].map((id) => index.entities.get(id)).filter((e) => e !== undefined);
}
