// `/oversight timeline [police|fire] [years]` (and "@oversight timeline" in a channel or DM):
// renders the Engage timeline chart and uploads it with the files API (files.uploadV2 through
// Bolt's client: getUploadURLExternal, the upload, completeUploadExternal) with the title, the
// "as of" line and the sources as Block Kit text beside the image. The chart code loads lazily.

import type { types, webApi } from '@slack/bolt';
import type { BotCore } from '../../src/bot-core.ts';
import type { Logger } from '../../src/logger.ts';
import { parseTimelineOptions, selectTimeline, type TimelineSelection } from '../timeline/timeline-options.ts';
import { escapeMrkdwn, humanDate, mrkdwnLink, truncateMrkdwn } from './format.ts';
import { SLACK_LIMITS } from './render.ts';

/** Sources listed beside the chart before "…and N more" (two context blocks). */
const MAX_LISTED_SOURCES = 19;

/** The words after "timeline" when the text asks for the chart ("timeline", "timeline fire 2023"); else undefined. */
export function timelineArguments(text: string): string | undefined {
  const match = /^\s*(?:show\s+(?:me\s+)?(?:the\s+)?)?timeline\b(.*)$/is.exec(text);
  return match ? match[1]!.trim() : undefined;
}

/** The text beside the picture: title, what it shows, the dateline, and its sources (linked). */
export function renderTimelineCaption(selection: TimelineSelection): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(`*${escapeMrkdwn(selection.title)}*\n${escapeMrkdwn(`${selection.stays.length} stays, one row per force or service; an arrowhead marks a stay with no exit recorded.`)}`, SLACK_LIMITS.sectionText) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `:calendar: As of ${escapeMrkdwn(humanDate(selection.newestRecordDate))}, the newest record held.` }] },
  ];
  const listed = selection.citations.slice(0, selection.citations.length > MAX_LISTED_SOURCES + 1 ? MAX_LISTED_SOURCES : MAX_LISTED_SOURCES + 1);
  const elements = listed.map((c) => {
    const details = [c.publisher ? escapeMrkdwn(c.publisher) : 'publisher not verified', c.published ? escapeMrkdwn(humanDate(c.published)) : null].filter(Boolean).join(', ');
    return truncateMrkdwn(`*[${c.n}]* ${mrkdwnLink(c.url, c.title.slice(0, 300))} — ${details}`, SLACK_LIMITS.contextElementText);
  });
  const more = selection.citations.length - listed.length;
  if (more > 0) elements.push(`_…and ${more} more sources: ask me about a force for its own._`);
  for (let i = 0; i < elements.length; i += SLACK_LIMITS.contextElements) {
    blocks.push({ type: 'context', elements: elements.slice(i, i + SLACK_LIMITS.contextElements).map((text) => ({ type: 'mrkdwn' as const, text })) });
  }
  return blocks;
}

export interface PostTimelineRequest {
  client: webApi.WebClient;
  core: BotCore;
  logger: Logger;
  /** The words after "timeline". */
  args: string;
  channel: string;
  threadTs?: string;
}

/** Uploads the chart; resolves to a message for the asker when it could not (never throws). */
export async function postTimeline(request: PostTimelineRequest): Promise<{ ok: true } | { ok: false; message: string }> {
  const { client, core, logger } = request;
  let selection: TimelineSelection;
  try {
    const data = core.engageStays();
    const parsed = parseTimelineOptions(request.args, Number(data.newestRecordDate.slice(0, 4)));
    if (!parsed.ok) return { ok: false, message: parsed.message };
    selection = selectTimeline(data, parsed.options);
  } catch (error) {
    logger.error('slack: could not build the timeline', { error: (error as Error)?.message });
    return { ok: false, message: "Sorry, I couldn't draw the timeline just now. Please try again in a minute." };
  }
  if (selection.stays.length === 0) return { ok: false, message: 'No Engage stays match those options, so there is no chart to show.' };

  try {
    const { renderTimeline } = await import('../timeline/render-timeline.ts');
    const { png } = await renderTimeline(selection);
    await client.filesUploadV2({
      channel_id: request.channel,
      ...(request.threadTs ? { thread_ts: request.threadTs } : {}),
      file: png,
      filename: 'engage-timeline.png',
      title: selection.title,
      alt_text: `${selection.title}. ${selection.footer}`.slice(0, 1000),
      blocks: renderTimelineCaption(selection),
    } as Parameters<webApi.WebClient['filesUploadV2']>[0]);
    return { ok: true };
  } catch (error) {
    const code = (error as { data?: { error?: string } })?.data?.error;
    logger.error('slack: could not upload the timeline', { error: (error as Error)?.message, slackError: code });
    if (code === 'not_in_channel' || code === 'channel_not_found') {
      return { ok: false, message: 'I can only post the chart in a channel I have been added to: invite me to this channel, or ask me for the timeline in a direct message.' };
    }
    return { ok: false, message: "Sorry, I couldn't post the timeline just now. Please try again in a minute." };
  }
}
