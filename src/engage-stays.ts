// Every Engage stay in the knowledge base as plain data, for the timeline chart: one row per stay
// (police or fire, entry and exit as recorded, confirmed or not) with its own citation numbers.
// Pure: built from the index; no chart library here (the chart lives in adapters/timeline/).

import type { CitationRef } from '../knowledge/schema.ts';
import type { Citation } from './answer-types.ts';
import { numberCitations } from './citations.ts';
import { isConfirmed, nameOf, periodsOf } from './engage-timeline.ts';
import type { KnowledgeIndex } from './knowledge-index.ts';

export type BodyKind = 'police' | 'fire';

/** One stay in Engage, as the records have it. */
export interface EngageStay {
  entityId: string;
  /** "Greater Manchester Police", "the Metropolitan Police Service" without the article. */
  name: string;
  kind: BodyKind;
  /** Entry date as recorded: YYYY, YYYY-MM or YYYY-MM-DD. */
  entry: string;
  /** Exit date as recorded; null while no exit is recorded. */
  exit: string | null;
  /** false when the entry was reported but never confirmed by the inspectorate. */
  confirmed: boolean;
  /** Numbers into `EngageStays.citations`: the sources for the entry and the exit. */
  citations: number[];
}

export interface EngageStays {
  /** Ordered by entry date, then name. */
  stays: EngageStay[];
  /** The newest status record: where open stays end on a chart. */
  newestRecordDate: string;
  citations: Citation[];
}

/** All stays of police forces and fire and rescue services, with their sources numbered. */
export function engageStays(index: KnowledgeIndex): EngageStays {
  const drafts: { stay: Omit<EngageStay, 'citations'>; cites: CitationRef[] }[] = [];
  for (const entity of index.engageEntities) {
    const kind: BodyKind | undefined = entity.kind === 'police_force' ? 'police' : entity.kind === 'fire_rescue_service' ? 'fire' : undefined;
    if (!kind) continue;
    for (const period of periodsOf(entity, index.eventsByEntity.get(entity.id) ?? [])) {
      drafts.push({
        stay: {
          entityId: entity.id,
          name: nameOf(entity, true).replace(/^The /, ''),
          kind,
          entry: period.entry.date,
          exit: period.exit?.date ?? null,
          confirmed: isConfirmed(period.entry),
        },
        cites: [...period.entry.citations, ...(period.exit?.citations ?? [])],
      });
    }
  }
  drafts.sort((a, b) => a.stay.entry.localeCompare(b.stay.entry) || a.stay.name.localeCompare(b.stay.name));
  const { sentences, citations } = numberCitations(
    drafts.map((d) => ({ text: d.stay.name, cites: d.cites })),
    index.sources,
  );
  return {
    stays: drafts.map((d, i) => ({ ...d.stay, citations: sentences[i]!.citations })),
    newestRecordDate: index.newestRecordDate,
    citations,
  };
}
