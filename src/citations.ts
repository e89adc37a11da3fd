// Numbers citations the one way every message does it: in order of first use, one number per
// source (a source cited at two passages is one number listing both locators), each sentence
// and each list item carrying the numbers behind it. Used by answers, alerts and the timeline.

import type { CitationRef, Source } from '../knowledge/schema.ts';
import type { AnswerItem, AnswerSentence, Citation } from './answer-types.ts';

/** One list item before numbering: its text and the citations behind it. */
export interface DraftItem {
  text: string;
  cites: CitationRef[];
}

/** A sentence before numbering: its text and the citations behind it (and, for a list, its items). */
export interface DraftSentence {
  text: string;
  cites: CitationRef[];
  /** For a list answer: one entry per item, each with its own citations. */
  items?: DraftItem[];
}

export function numberCitations(drafts: DraftSentence[], sources: Map<string, Source>): { sentences: AnswerSentence[]; citations: Citation[] } {
  const citations: Citation[] = [];
  const numbers = new Map<string, number>();

  const numberOf = (ref: CitationRef): number | undefined => {
    let n = numbers.get(ref.source);
    if (n === undefined) {
      const source = sources.get(ref.source);
      if (!source) return undefined;
      n = citations.length + 1;
      numbers.set(ref.source, n);
      citations.push({
        n,
        sourceId: source.id,
        title: source.title,
        publisher: source.publisher,
        published: source.published,
        url: source.url ?? null,
        locator: ref.locator ?? null,
        ...(ref.quote ? { quote: ref.quote } : {}),
      });
      return n;
    }
    const citation = citations[n - 1]!;
    // The same source at another passage: one number, both locators ("para. 3; para. 7").
    if (ref.locator && !locatorsOf(citation).includes(ref.locator)) {
      citation.locator = citation.locator ? `${citation.locator}; ${ref.locator}` : ref.locator;
    }
    // The same source cited again, this time with a quote: keep the first quote shown.
    if (ref.quote && !citation.quote) citation.quote = ref.quote;
    return n;
  };

  const numbersFor = (cites: CitationRef[]): number[] => {
    const cited: number[] = [];
    for (const ref of cites) {
      const n = numberOf(ref);
      if (n !== undefined && !cited.includes(n)) cited.push(n);
    }
    return cited;
  };

  const sentences = drafts.map((draft): AnswerSentence => {
    const own = numbersFor(draft.cites);
    if (!draft.items) return { text: draft.text, citations: own };
    // An item's numbers read in order ([3][7][20]); numbering itself stays in order of first use.
    const items = draft.items.map((item): AnswerItem => ({ text: item.text, citations: numbersFor(item.cites).sort((a, b) => a - b) }));
    // `citations` holds the union, for renderers (and alerts) that ignore items.
    const union = [...own];
    for (const item of items) for (const n of item.citations) if (!union.includes(n)) union.push(n);
    return { text: draft.text, citations: union, items };
  });
  return { sentences, citations };
}

function locatorsOf(citation: Citation): string[] {
  return citation.locator ? citation.locator.split('; ') : [];
}

/**
 * "Sentence one. [1] Sentence two. [1][2]"; a list sentence is its lead and then one line per
 * item with that item's own markers.
 */
export function sentencesToText(sentences: AnswerSentence[]): string {
  const markers = (ns: number[]) => ns.map((n) => `[${n}]`).join('');
  const withMarkers = (text: string, ns: number[]) => (ns.length ? `${text} ${markers(ns)}` : text);
  let out = '';
  let afterList = false;
  for (const s of sentences) {
    const isList = Boolean(s.items && s.items.length > 0);
    let piece: string;
    if (isList) {
      const itemNumbers = new Set(s.items!.flatMap((i) => i.citations));
      const leadOwn = s.citations.filter((n) => !itemNumbers.has(n));
      piece = [withMarkers(s.text, leadOwn), ...s.items!.map((i) => `• ${withMarkers(i.text, i.citations)}`)].join('\n');
    } else piece = withMarkers(s.text, s.citations);
    // A list stands on lines of its own: a newline before and after it, a space elsewhere.
    out = out ? out + (isList || afterList ? '\n' : ' ') + piece : piece;
    afterList = isList;
  }
  return out;
}
