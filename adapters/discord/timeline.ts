// `/oversight timeline [bodies] [from] [to]`: the Engage timeline chart as a PNG attached to the
// reply, with an embed beside it carrying the title, the "as of" line and the sources as text.
// The chart code loads lazily, on the first timeline request.

import type { APIEmbed } from 'discord.js';
import type { BotCore } from '../../src/bot-core.ts';
import type { BodyKind } from '../../src/engage-stays.ts';
import { FIRST_YEAR, selectTimeline, type TimelineSelection } from '../timeline/timeline-options.ts';
import { defuseMentions, escapeLinkText, escapeMarkdown, humanDate, safeLinkUrl, truncate } from './format.ts';
import { EMBED_LIMITS } from './render.ts';

export const TIMELINE_FILE = 'engage-timeline.png';
const COLOUR = 0x1d70b8;

export interface TimelineRequest {
  kind?: BodyKind;
  fromYear?: number;
  toYear?: number;
}

export type TimelineReply = { ok: true; embeds: APIEmbed[]; files: { attachment: Buffer; name: string }[] } | { ok: false; message: string };

/** Checks the years, renders the chart and builds the embed; never throws for user input. */
export async function buildTimelineReply(core: BotCore, request: TimelineRequest): Promise<TimelineReply> {
  const data = core.engageStays();
  const newestYear = Number(data.newestRecordDate.slice(0, 4));
  for (const year of [request.fromYear, request.toYear]) {
    if (year !== undefined && (year < FIRST_YEAR || year > newestYear)) return { ok: false, message: `The records run from ${FIRST_YEAR} to ${newestYear}; ${year} is outside them.` };
  }
  const [fromYear, toYear] = request.fromYear !== undefined && request.toYear !== undefined && request.fromYear > request.toYear ? [request.toYear, request.fromYear] : [request.fromYear, request.toYear];
  const selection = selectTimeline(data, { ...(request.kind ? { kind: request.kind } : {}), ...(fromYear !== undefined ? { fromYear } : {}), ...(toYear !== undefined ? { toYear } : {}) });
  if (selection.stays.length === 0) return { ok: false, message: 'No Engage stays match those options, so there is no chart to show.' };
  const { renderTimeline } = await import('../timeline/render-timeline.ts');
  const { png } = await renderTimeline(selection);
  return { ok: true, embeds: [timelineEmbed(selection)], files: [{ attachment: png, name: TIMELINE_FILE }] };
}

/** The embed around the picture: title, what it shows, the sources (linked, within limits), the as-of footer. */
export function timelineEmbed(selection: TimelineSelection): APIEmbed {
  const intro = escapeMarkdown(`${selection.stays.length} stays, one row per force or service; an arrowhead marks a stay with no exit recorded.`);
  const lines: string[] = [];
  let used = intro.length + 40;
  let shown = 0;
  for (const c of selection.citations) {
    const url = safeLinkUrl(c.url);
    const title = escapeLinkText(defuseMentions(truncate(c.title, 150)));
    const line = `[${c.n}] ${url ? `[${title}](${url})` : title} — ${escapeMarkdown(c.publisher ?? 'publisher not verified')}${c.published ? `, ${humanDate(c.published)}` : ''}`;
    if (used + line.length + 1 > EMBED_LIMITS.description - 80) break;
    lines.push(line);
    used += line.length + 1;
    shown += 1;
  }
  const more = selection.citations.length - shown;
  if (more > 0) lines.push(`…and ${more} more sources: ask me about a force for its own.`);
  return {
    color: COLOUR,
    title: truncate(selection.title, EMBED_LIMITS.title),
    description: `${intro}\n\n**Sources**\n${lines.join('\n')}`,
    image: { url: `attachment://${TIMELINE_FILE}` },
    footer: { text: `As of ${humanDate(selection.newestRecordDate)}, the newest record held.` },
  };
}
