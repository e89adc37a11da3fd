// The knowledge base's surface words (lower-case, as tokenize() spells them): the set that
// related words are restricted to. Pure over the loaded knowledge data.

import type { KnowledgeData } from '../../knowledge/schema.ts';
import { tokenize } from '../text.ts';

export interface VocabularyOptions {
  /**
   * Include the editors' paraphrases (fact `questions` and `keywords`) and concept terms. Default
   * true; false measures the facts' own words only, as for a base nobody has tuned yet.
   */
  paraphrases?: boolean;
}

/** Every word the knowledge base uses in facts, reasons, notes, names, roles (and paraphrases). */
export function knowledgeVocabulary(data: Pick<KnowledgeData, 'facts' | 'events' | 'entities' | 'concepts'>, options: VocabularyOptions = {}): Set<string> {
  const paraphrases = options.paraphrases ?? true;
  const words = new Set<string>();
  const add = (text: string) => {
    for (const t of tokenize(text)) if (!/^\d+$/.test(t.word)) words.add(t.word);
  };
  for (const fact of data.facts) {
    add(fact.text);
    if (paraphrases) {
      fact.questions.forEach(add);
      fact.keywords.forEach(add);
    }
  }
  for (const event of data.events) {
    event.reasons.forEach(add);
    if (event.note) add(event.note);
  }
  for (const entity of data.entities) {
    [entity.name, ...entity.aliases, ...entity.weakAliases].forEach(add);
    for (const role of entity.roles) [role.title, ...role.aliases].forEach(add);
  }
  if (paraphrases) for (const concept of data.concepts) concept.terms.forEach(add);
  return words;
}

/**
 * Words of people's and places' names ("mark", "house", "dick", "lee"), which must never be
 * reached as a related word: "score" → "mark" would lead to Sir Mark Rowley. Words that are also
 * role titles or other entities' names ("commissioner", "police") stay ordinary words.
 */
export function knowledgeNameWords(data: Pick<KnowledgeData, 'entities'>): Set<string> {
  const names = new Set<string>();
  const ordinary = new Set<string>();
  for (const entity of data.entities) {
    const target = entity.kind === 'person' || entity.kind === 'place' ? names : ordinary;
    for (const name of [entity.name, ...entity.aliases, ...entity.weakAliases]) for (const t of tokenize(name)) target.add(t.word);
    for (const role of entity.roles) for (const text of [role.title, ...role.aliases]) for (const t of tokenize(text)) ordinary.add(t.word);
  }
  for (const word of ordinary) names.delete(word);
  return names;
}
