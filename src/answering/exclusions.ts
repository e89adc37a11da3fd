// Words that set something aside ("apart from the Met", "other than fire services", "leaving
// aside GMP"): shared by the frame (which forces are set aside), the kind filter (which kind is
// left) and understanding, which does not read them as topic words ("leaving" is no exit).

const SET_ASIDE_PHRASES = ['apart from', 'other than', 'except for', 'except', 'besides', 'excluding', 'not counting', 'not including', 'leaving aside', 'leaving out', 'setting aside', 'aside from', 'with the exception of', "don't need", 'dont need', 'do not need', 'no need for', 'minus'];

/** The phrases that open what is set aside, as a regex source. */
export const SET_ASIDE = `(?:${SET_ASIDE_PHRASES.join('|')})`;

/**
 * The longer words of those phrases ("excluding", "except", "counting"): a misspelling of one is corrected
 * to it however rare the word is in English, since the frame cannot read the phrase otherwise.
 */
export const SET_ASIDE_WORDS: ReadonlySet<string> = new Set(SET_ASIDE_PHRASES.flatMap((p) => p.split(' ')).filter((w) => w.length >= 5));

/** A phrase that sets something aside, as it stands in a question. */
export const SET_ASIDE_PHRASE = new RegExp(`\\b${SET_ASIDE}(?=\\s)`, 'gi');

/**
 * "Glos police (not the fire lot)", "Glos, not the fire service, …": a "not" set off by a bracket,
 * comma or dash sets aside what follows it.
 */
const NOT_THIS = String.raw`(?:[(,;–—]|\s-)\s*not\s+`;

/** A kind set aside by name: "other than fire services", "excluding fire and rescue", "not counting the police", "(not the fire lot)". */
export const EXCLUDED_KIND = new RegExp(`(?:\\b${SET_ASIDE}\\s+|${NOT_THIS})(?:the\\s+|any\\s+)?(fire|frs|police|forces?|constabular\\w*)\\b`, 'i');

/** What a set-off "not" sets aside: "(not the Met)", ", not GMP,". */
export const SET_ASIDE_NOT = new RegExp(`${NOT_THIS}(?:the\\s+)?([^,;:.?!()]+)`, 'gi');

/**
 * What is set aside after the fact: "Met aside, which forces …", "fire services aside, …". The
 * span runs back to the last punctuation; "leaving aside …" and "aside from …" open their span
 * instead and are read by SET_ASIDE.
 */
export const SET_ASIDE_AFTER = /(?:^|[,;:.?!]\s*)((?:(?!\b(?:leaving|setting|putting|put|set|leave)\s)[^,;:.?!])+?)\s+aside\b(?!\s+from)/gi;

/** A kind set aside after the fact: "fire services aside", "the police aside". */
export const EXCLUDED_KIND_AFTER = /(?:^|[,;:.?!]\s*)(?:the\s+|any\s+)?(fire|frs|police|forces?|constabular\w*)\b[^,;:.?!]{0,25}?\s+aside\b(?!\s+from)/i;

/** Where what is set aside stands in a text: after "apart from …" or a set-off "not", to the next punctuation. */
export function setAsideSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(new RegExp(`\\b${SET_ASIDE}\\s+([^,?.;:()]+)`, 'gi'))) spans.push({ start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length });
  for (const m of text.matchAll(SET_ASIDE_NOT)) spans.push({ start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length });
  return spans;
}
