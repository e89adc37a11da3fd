// Which parts of a message ask and which only set the scene. A reporter writes "doing a piece on
// Lincs for tomorrow - our cuttings say end of 2024. What's the actual date?": the last sentence
// asks; the others give context. Context words ("piece", "cuttings", "sub wants it spelt out")
// are not the topic, so they weigh as framing; names, dates and domain concepts in them still
// count, since the context often says who or when; so do names English does not use ("PSNI").
// Pure; offsets are into the normalised text.

/**
 * Where a sentence ends. (Not a dash or colon: "PSNI - have they ever …" names its topic
 * first, and "quick maths: …" frames what follows; neither is context.)
 */
const PART_END = /[.?!;]+(?=\s|$)/g;

/** The words that open a part that asks (besides a question mark at its end). */
const ASKING_OPENERS = /^\W*(?:which|what|whats|what's|who|whom|whose|when|why|how|where|is|are|was|were|has|have|had|did|does|do|can|could|would|will|isn't|wasn't|didn't|list|name|tell|give|show|confirm|check|explain|need|any|and|or|plus)\b/;

/** A stretch of the text, by offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The parts of a message that only give context, when some other part asks. A message whose
 * parts all ask, or none does, has no context part: every word is read as asked. Nor has one
 * whose asking part says nothing of its own ("… before the Engage move. Did he?", "… . True?"):
 * then the context is what is asked about. `saysSomething` tells whether a span holds a word of
 * its own (a name, a concept, a content word).
 */
export function contextSpans(normalized: string, saysSomething: (span: TextSpan) => boolean): TextSpan[] {
  const parts = partsOf(normalized);
  if (parts.length < 2 || parts.every((p) => p.asks) || !parts.some((p) => p.asks && saysSomething(p))) return [];
  return parts.filter((p) => !p.asks);
}

/**
 * The parts of `text` that ask, joined, when `context` (spans of `normalized`, the same message
 * normalised) sets some aside: "our cuttings just say end of 2024. What's the actual date?" →
 * "What's the actual date?". What the question asks for is read from these, not from a word of
 * the scene ("say"). Undefined when nothing is context, or the two texts do not split alike.
 */
export function askingText(text: string, normalized: string, context: readonly TextSpan[]): string | undefined {
  if (context.length === 0) return undefined;
  const written = partsOf(text);
  const read = partsOf(normalized);
  if (written.length !== read.length) return undefined;
  const kept = written.filter((_, i) => !context.some((c) => c.start === read[i]!.start));
  return kept.length > 0 && kept.length < written.length ? kept.map((p) => text.slice(p.start, p.end) + (p.mark ?? '')).join(' ').trim() : undefined;
}

/** A message's parts, split where a sentence ends, each with whether it asks and the mark closing it. */
function partsOf(text: string): (TextSpan & { asks: boolean; mark?: string })[] {
  const parts: (TextSpan & { asks: boolean; mark?: string })[] = [];
  let start = 0;
  const close = (end: number, mark: string) => {
    const piece = text.slice(start, end);
    if (piece.trim()) parts.push({ start, end, asks: mark.includes('?') || ASKING_OPENERS.test(piece.toLowerCase()), ...(mark ? { mark } : {}) });
  };
  for (const m of text.matchAll(PART_END)) {
    close(m.index, m[0]);
    start = m.index + m[0].length;
  }
  close(text.length, '');
  return parts;
}
