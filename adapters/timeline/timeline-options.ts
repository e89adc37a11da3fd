// What the timeline commands accept ("police", "fire", a year or a year range) and what they
// select: the stays to draw, the years to span, the sources behind them, and the text that goes
// beside the picture. Pure and shared by the CLI, Slack and Discord; no chart library here.

import type { Citation } from '../../src/answer-types.ts';
import { formatDate, rangeOf } from '../../src/dates.ts';
import type { BodyKind, EngageStay, EngageStays } from '../../src/engage-stays.ts';

/** The first year the chart can show: Engage records in the knowledge base start in 2019. */
export const FIRST_YEAR = 2019;

export interface TimelineOptions {
  /** Which bodies to draw; both when absent. */
  kind?: BodyKind;
  /** First and last calendar year shown (inclusive). */
  fromYear?: number;
  toYear?: number;
}

export type ParsedTimelineOptions = { ok: true; options: TimelineOptions } | { ok: false; message: string };

const USAGE_HINT = 'Try "timeline", "timeline police", "timeline fire 2022-2024" or "timeline from 2021".';

/**
 * Reads the words after "timeline": "police" / "forces", "fire" / "fire services", a year
 * ("2023"), a range ("2019-2023", "2019 to 2023") or an open one ("from 2021", "since 2021",
 * "to 2022"). Unknown words are an error that says what works, never a guess.
 */
export function parseTimelineOptions(text: string, maxYear: number): ParsedTimelineOptions {
  const options: TimelineOptions = {};
  const words = text.toLowerCase().replace(/[–—]/g, '-').replace(/,/g, ' ').trim().split(/\s+/).filter(Boolean);
  const years: number[] = [];
  let openStart = false;
  let openEnd = false;
  let kind: BodyKind | null | undefined;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (['police', 'forces', 'force', 'police-only'].includes(word)) kind = setKind(kind, 'police');
    else if (['fire', 'fire-only', 'frs'].includes(word)) kind = setKind(kind, 'fire');
    else if (['services', 'service', 'and', 'rescue', 'only', 'all', 'both', 'in', 'of'].includes(word)) continue;
    else if (['from', 'since', 'after'].includes(word)) openStart = true;
    else if (['to', 'until', 'till', 'before'].includes(word)) openEnd = years.length === 0;
    else if (/^\d{4}$/.test(word)) years.push(Number(word));
    else if (/^\d{4}-\d{4}$/.test(word)) years.push(...word.split('-').map(Number));
    else return { ok: false, message: `I don't know "${word.slice(0, 30)}" for a timeline. ${USAGE_HINT}` };
  }
  if (kind === null) return { ok: false, message: `Choose police or fire, not both; leave both out for everything. ${USAGE_HINT}` };
  if (years.length > 2) return { ok: false, message: `Give at most two years, e.g. 2019-2023. ${USAGE_HINT}` };
  for (const year of years) {
    if (year < FIRST_YEAR || year > maxYear) return { ok: false, message: `The records run from ${FIRST_YEAR} to ${maxYear}; ${year} is outside them.` };
  }
  if (years.length === 2) [options.fromYear, options.toYear] = [Math.min(years[0]!, years[1]!), Math.max(years[0]!, years[1]!)];
  else if (years.length === 1) {
    if (openStart) options.fromYear = years[0]!;
    else if (openEnd) options.toYear = years[0]!;
    else [options.fromYear, options.toYear] = [years[0]!, years[0]!];
  }
  if (kind) options.kind = kind;
  return { ok: true, options };
}

function setKind(current: BodyKind | null | undefined, next: BodyKind): BodyKind | null {
  return current === undefined || current === next ? next : null;
}

/** What one chart shows: its stays, its span of days and the sources behind them. */
export interface TimelineSelection {
  stays: EngageStay[];
  /** First and last day shown, as YYYY-MM-DD. */
  start: string;
  end: string;
  newestRecordDate: string;
  /** Only the sources behind the stays shown, with their original numbers. */
  citations: Citation[];
  title: string;
  /** "As of 12 August 2025, the newest record. Sources: …" as one plain line. */
  footer: string;
  options: TimelineOptions;
}

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The stays (police, fire or both) that overlap the chosen years, and the text around them. */
export function selectTimeline(data: EngageStays, options: TimelineOptions = {}): TimelineSelection {
  const newest = rangeOf(data.newestRecordDate).end;
  const newestYear = Number(iso(newest).slice(0, 4));
  const fromYear = options.fromYear ?? FIRST_YEAR;
  const toYear = Math.min(options.toYear ?? newestYear, newestYear);
  const windowStart = rangeOf(String(fromYear)).start;
  const windowEnd = toYear >= newestYear ? newest : rangeOf(String(toYear)).end;
  const stays = data.stays.filter((s) => {
    if (options.kind && s.kind !== options.kind) return false;
    const start = rangeOf(s.entry).start;
    const end = s.exit ? rangeOf(s.exit).start : newest;
    return start <= windowEnd && end >= windowStart;
  });
  const used = new Set(stays.flatMap((s) => s.citations));
  const citations = data.citations.filter((c) => used.has(c.n));
  const who = options.kind === 'police' ? 'Police forces' : options.kind === 'fire' ? 'Fire and rescue services' : 'Police forces and fire and rescue services';
  const years = fromYear === toYear ? String(fromYear) : `${fromYear}–${toYear}`;
  const publishers = [...new Set(citations.map((c) => c.publisher).filter((p): p is string => Boolean(p)))];
  const sourceLine = publishers.length > 0 ? `Sources: ${publishers.slice(0, 4).join(', ')}${publishers.length > 4 ? ` and ${publishers.length - 4} more` : ''}` : 'Sources: none held';
  return {
    stays,
    start: iso(windowStart),
    end: iso(windowEnd),
    newestRecordDate: data.newestRecordDate,
    citations,
    title: `${who} in HMICFRS Engage ("special measures"), ${years}`,
    footer: `As of ${formatDate(data.newestRecordDate)}, the newest record held. ${sourceLine} (${citations.length} in all). Made by oversight-bot.`,
    options,
  };
}
