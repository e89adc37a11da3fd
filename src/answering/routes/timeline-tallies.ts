// Rankings that tally the Engage timeline rather than order it: the most forces or services in
// Engage at the same time, and the busiest year for moves in or out. Called by the rankings
// route; computed from the status events, so every item restates a curated record. Pure.

import type { DraftSentence } from '../../citations.ts';
import { formatDate, isoFromDay, rangeOf } from '../../dates.ts';
import { periodPhrase, type EngagePeriod } from '../../engage-timeline.ts';
import type { KnowledgeIndex } from '../../knowledge-index.ts';
import { citeEvent } from '../cite-event.ts';
import { countWord, joinList, KIND_WORDS, type Draft, type EngageKind } from '../draft.ts';
import type { QuestionFrame } from '../frame.ts';

export type DraftBase = Pick<Draft, 'coverage' | 'score' | 'matched' | 'asOf' | 'related'>;

/**
 * "The most police forces ever in Engage at the same time": the largest number in at once, when,
 * and who they were. A move dated only to a month counts from that month's first day, and a
 * force leaves on the day it left.
 */
export function peakDraft(periods: EngagePeriod[], kinds: EngageKind[], startOf: (p: EngagePeriod) => number, endOf: (p: EngagePeriod) => number, cites: (p: EngagePeriod) => DraftSentence['cites'], base: DraftBase, index: KnowledgeIndex): Draft | undefined {
  if (periods.length === 0) return undefined;
  // Each day a move happens, who is in from then until the next move.
  const days = [...new Set(periods.flatMap((p) => [startOf(p), ...(p.exit ? [endOf(p)] : [])]))].sort((a, b) => a - b);
  let best: { from: number; to: number; inside: EngagePeriod[] } | undefined;
  for (let k = 0; k < days.length; k++) {
    const day = days[k]!;
    const inside = periods.filter((p) => startOf(p) <= day && (!p.exit || endOf(p) > day));
    if (!best || inside.length > best.inside.length) best = { from: day, to: (days[k + 1] ?? rangeOf(index.newestRecordDate).end + 1) - 1, inside };
  }
  if (!best || best.inside.length === 0) return undefined;
  const day = (n: number) => formatDate(isoFromDay(n));
  const approximate = best.inside.some((p) => p.entry.date.length < 10 || (p.exit !== undefined && p.exit.date.length < 10));
  const span = best.to > best.from ? `from ${day(best.from)} to ${day(best.to)}` : `on ${day(best.from)}`;
  const kindName = kinds.length === 1 ? KIND_WORDS[kinds[0]!][1] : 'police forces and fire and rescue services';
  const sentences: DraftSentence[] = [
    {
      text: `In the records held (2019 onwards), the most ${kindName} in Engage at the same time was ${countWord(best.inside.length)}, ${span}:`,
      cites: [],
      items: best.inside.map((p) => ({ text: `${p.entity.name} — ${periodPhrase(p)}`, cites: cites(p) })),
    },
  ];
  if (approximate) sentences.push({ text: 'Some of these moves are dated only to the month, so the exact days at the edges are not certain.', cites: [] });
  return { route: 'engage-superlative', sentences, recordIds: best.inside.flatMap((p) => [p.entry.id, ...(p.exit ? [p.exit.id] : [])]), ...base };
}

/** "Busiest year for exits from Engage": the calendar year with the most such moves, with its moves, and the runner-up. */
export function busiestYearDraft(move: 'enter' | 'leave' | 'any', kinds: EngageKind[], frame: QuestionFrame, base: DraftBase, index: KnowledgeIndex): Draft | undefined {
  const events = index.engageEntities
    .filter((e) => kinds.includes(e.kind as EngageKind) && !frame.excluded.has(e.id))
    .flatMap((e) => (index.eventsByEntity.get(e.id) ?? []).map((ev) => ({ ev, e })))
    .filter(({ ev }) => move === 'any' || (move === 'enter') === (ev.event === 'entered_engage'));
  if (events.length === 0) return undefined;
  const byYear = new Map<string, typeof events>();
  events.sort((a, b) => rangeOf(a.ev.date).start - rangeOf(b.ev.date).start);
  for (const x of events) byYear.set(x.ev.date.slice(0, 4), [...(byYear.get(x.ev.date.slice(0, 4)) ?? []), x]);
  const years = [...byYear.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const [topYear, top] = years[0]!;
  const tied = years.filter(([, xs]) => xs.length === top.length).map(([y]) => y);
  const moves = move === 'enter' ? 'moves into Engage' : move === 'leave' ? 'exits from Engage' : 'moves into or out of Engage';
  const scope = kinds.length === 1 ? ` by ${KIND_WORDS[kinds[0]!][1]}` : '';
  const sentences: DraftSentence[] = [];
  const item = ({ ev, e }: (typeof events)[number]) => ({ text: `${e.name} — ${ev.event === 'entered_engage' ? 'in' : 'out'}, ${formatDate(ev.date)}`, cites: citeEvent(ev, index, 2) });
  if (tied.length > 1) {
    sentences.push({ text: `In the records held (2019 onwards), ${joinList(tied)} tie for the most ${moves}${scope}, with ${countWord(top.length)} each.`, cites: [], items: tied.flatMap((y) => byYear.get(y)!.map(item)) });
  } else {
    sentences.push({ text: `In the records held (2019 onwards), the year with the most ${moves}${scope} was ${topYear}, with ${countWord(top.length)}:`, cites: [], items: top.map(item) });
    const next = years[1];
    if (next) sentences.push({ text: `Next was ${next[0]}, with ${countWord(next[1].length)}.`, cites: next[1].slice(0, 3).flatMap(({ ev }) => citeEvent(ev, index, 1)) });
  }
  const used = tied.length > 1 ? tied.flatMap((y) => byYear.get(y)!) : [...top, ...(years[1]?.[1] ?? [])];
  return { route: 'engage-superlative', sentences, recordIds: used.map(({ ev }) => ev.id), ...base };
}

