// Words a question puts in quotation marks ("the exact 'proud of' line", "my copy says
// 'unreported'"): the asker is quoting, so a fact that carries the quote word for word accounts
// for it (see the facts route). Pure; offsets are into the normalised text the tokens index.

/** Quotation marks once text is normalised: straight single and double quotes. */
const QUOTED = /(?<![\w'])(['"])(?=\S)([^'"\n]{2,80}?)(?<=\S)\1(?![\w])/g;

/** Where each quoted stretch of the (normalised) text starts and ends, quotation marks excluded. */
export function quotedSpans(normalized: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of normalized.matchAll(QUOTED)) {
    // A stretch of many words between marks is more likely two apostrophes than a quote.
    if (m[2]!.split(/\s+/).length > 8) continue;
    // "… not the 'source close to the mayor' stuff": a quote set aside is not what is asked.
    if (/\b(not|rather than|instead of|other than)\s+(the\s+|that\s+|this\s+)?$/.test(normalized.slice(Math.max(0, m.index - 20), m.index))) continue;
    spans.push({ start: m.index + 1, end: m.index + 1 + m[2]!.length });
  }
  return spans;
}

/** Whether the offset lies inside one of the spans. */
export function insideSpans(offset: number, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}

/** A quote's words, punctuation and a trailing "…" dropped: "substantial and..." → "substantial and". */
export function quoteWords(quote: string): string {
  return quote.replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();
}
