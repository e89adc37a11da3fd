// Base forms of an English word for dictionary look-up: the lemma the build took from wink-nlp
// ("went" → "go"), else WordNet's own detachment rules ("sacked" → "sack", "cops" → "cop").
// Pure; depends only on the lexicon interface.

import type { Lexicon } from './lexicon-data.ts';

/** WordNet's morphy suffix rules (noun, verb, adjective), tried in this order. */
const DETACHMENTS: [string, string][] = [
  ['ies', 'y'], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'],
  ['es', 'e'], ['es', ''], ['s', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''],
  ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'],
];

/**
 * The word's candidate base forms, most likely first, the word itself included. A form counts
 * only when the lexicon knows it, so "news" does not become "new".
 */
export function baseForms(word: string, lexicon: Lexicon): string[] {
  const forms = [word];
  const add = (form: string) => {
    if (form.length >= 2 && !forms.includes(form)) forms.push(form);
  };
  const entry = lexicon.word(word);
  if (entry?.lemma) add(entry.lemma);
  // A word of the table was lemmatised at build time; the suffix rules are for the rest.
  if (entry && lexicon.inWordnet(forms[forms.length - 1]!)) return forms;
  if (word.includes(' ')) {
    // A phrase: its first word in base form ("stepped down" → "step down").
    const [head, ...rest] = word.split(' ');
    for (const form of baseForms(head!, lexicon).slice(1)) {
      const phrase = [form, ...rest].join(' ');
      if (lexicon.inWordnet(phrase)) add(phrase);
    }
    return forms;
  }
  for (const [suffix, replacement] of DETACHMENTS) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const stem = word.slice(0, -suffix.length);
    const form = stem + replacement;
    if (lexicon.inWordnet(form)) add(form);
    // Doubled final consonant: "stepped" → "step", "quitting" → "quit".
    if (replacement === '' && /([b-df-hj-np-tv-z])\1$/.test(stem) && lexicon.inWordnet(stem.slice(0, -1))) add(stem.slice(0, -1));
  }
  return forms;
}
