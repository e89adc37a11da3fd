// Numbers citations the one way every message does it: in order of first use, one number per
// source and locator, each sentence carrying the numbers behind it. Used by answers and alerts.

import type { CitationRef, Source } from '../knowledge/schema.ts';
import type { AnswerSentence, Citation } from './answer-types.ts';

/** A sentence before numbering: its text and the citations behind it. */
export interface DraftSentence {
  text: string;
  cites: CitationRef[];
  /** A list answer's items, each with its own citations (the sentence is their lead). */
  items?: { text: string; cites: CitationRef[] }[];
}

export function numberCitations(drafts: DraftSentence[], sources: Map<string, Source>): { sentences: AnswerSentence[]; citations: Citation[] } {
  const citations: Citation[] = [];
  const numbers = new Map<string, number>();
  const numberRefs = (refs: CitationRef[]): number[] => {
    const cited: number[] = [];
    for (const ref of refs) {
      const key = `${ref.source}|${ref.locator ?? ''}`;
      let n = numbers.get(key);
      if (n === undefined) {
        const source = sources.get(ref.source);
        if (!source) continue;
        n = citations.length + 1;
        numbers.set(key, n);
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
      } else if (ref.quote && !citations[n - 1]!.quote) {
        // The same passage cited again, this time with its quote: keep the quote.
        citations[n - 1]!.quote = ref.quote;
      }
      if (!cited.includes(n)) cited.push(n);
    }
    return cited;
  };
  const sentences = drafts.map((draft): AnswerSentence => {
    const cited = numberRefs(draft.cites);
    if (!draft.items) return { text: draft.text, citations: cited };
    const items = draft.items.map((item) => ({ text: item.text, citations: numberRefs(item.cites) }));
    for (const item of items) for (const n of item.citations) if (!cited.includes(n)) cited.push(n);
    return { text: draft.text, citations: cited, items };
  });
  return { sentences, citations };
}

const markers = (numbers: number[]) => numbers.map((n) => `[${n}]`).join('');

/** "Sentence one. [1] Sentence two. [1][2]"; a list sentence's items follow it, one per line. */
export function sentencesToText(sentences: AnswerSentence[]): string {
  let out = '';
  let afterList = false;
  for (const s of sentences) {
    const piece = s.items
      ? [s.text, ...s.items.map((item) => `- ${item.text}${item.citations.length ? ` ${markers(item.citations)}` : ''}`)].join('\n')
      : s.citations.length
        ? `${s.text} ${markers(s.citations)}`
        : s.text;
    out += out === '' ? piece : `${afterList || s.items ? '\n' : ' '}${piece}`;
    afterList = s.items !== undefined;
  }
  return out;
}
