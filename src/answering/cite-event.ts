// Which sources to show for a status event: the official record first, then the reports
// closest to it in time. Pure.

import type { CitationRef, StatusEvent } from '../../knowledge/schema.ts';
import { rangeOf } from '../dates.ts';
import type { KnowledgeIndex } from '../knowledge-index.ts';

/**
 * The citations shown for a status event, at most `max`: the official record dated closest to
 * the event first, then the reports closest to it in time (undated ones last), so a reader gets
 * the authority and the contemporaneous coverage without a wall of numbers.
 */
export function citeEvent(event: StatusEvent, index: KnowledgeIndex, max = 4): CitationRef[] {
  const day = rangeOf(event.date).start;
  const ranked = event.citations.map((c, order) => {
    const source = index.sources.get(c.source);
    const distance = source?.published ? Math.abs(rangeOf(source.published).start - day) : Number.POSITIVE_INFINITY;
    return { c, order, official: source?.kind === 'official', distance };
  });
  const byTime = (a: (typeof ranked)[number], b: (typeof ranked)[number]) => a.distance - b.distance || a.order - b.order;
  const official = ranked.filter((r) => r.official).sort(byTime)[0];
  const rest = ranked.filter((r) => r !== official).sort(byTime);
  return [...(official ? [official] : []), ...rest].slice(0, max).map((r) => r.c);
}


/** The inspectorate's own "in Engage" pages, cited when we point readers at them. */
const pageCache = new WeakMap<KnowledgeIndex, CitationRef[]>();

export function engagePageCitations(index: KnowledgeIndex): CitationRef[] {
  const cached = pageCache.get(index);
  if (cached) return cached;
  const refs = findEngagePages(index);
  pageCache.set(index, refs);
  return refs;
}

function findEngagePages(index: KnowledgeIndex): CitationRef[] {
  const pages = index.data.sources.filter((s) => s.publisher === 'HMICFRS' && /in Engage/i.test(s.title) && s.url);
  return pages.slice(0, 2).map((s) => ({ source: s.id }));
}

