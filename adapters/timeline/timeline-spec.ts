// The Engage timeline as a declarative Vega-Lite chart: one row per force or service, a bar from
// entry to exit (coloured police or fire), open-ended bars marked with an arrowhead, unconfirmed
// stays pale and dashed, a line at the newest record, a title and a footer with the "as of" and
// source line. Pure data in, a JSON spec out: no rendering, so it is cheap to test.

import type { TopLevelSpec } from 'vega-lite';
import { formatDate, rangeOf } from '../../src/dates.ts';
import type { TimelineSelection } from './timeline-options.ts';

export const CHART_WIDTH = 900;
/** Pixels per row (force or service): enough for a readable 12 px label. */
export const ROW_HEIGHT = 24;
export const COLOURS = { police: '#1d70b8', fire: '#d4351c', rule: '#0b0c0c', text: '#505a5f' } as const;
const KIND_LABEL = { police: 'Police force', fire: 'Fire and rescue service' } as const;
const FONT = 'Inter';
const DAY_MS = 86_400_000;

/** One bar as drawn: ms since the epoch (UTC), clipped to the chart's span. */
export interface TimelineBar {
  row: string;
  kind: string;
  start: number;
  end: number;
  open: boolean;
  confirmed: boolean;
  order: number;
  /** "2019 – 20 September 2023": for tooltips and tests. */
  period: string;
}

export function timelineBars(selection: TimelineSelection): TimelineBar[] {
  const windowStart = rangeOf(selection.start).start;
  const windowEnd = rangeOf(selection.end).end;
  const newest = rangeOf(selection.newestRecordDate).end;
  // One row per body: a second stay of the same force shares its row.
  const rowOrder = new Map<string, number>();
  return selection.stays.map((stay) => {
    const row = stay.confirmed ? stay.name : `${stay.name} (unconfirmed)`;
    if (!rowOrder.has(stay.entityId)) rowOrder.set(stay.entityId, rowOrder.size);
    const start = Math.max(rangeOf(stay.entry).start, windowStart);
    const end = Math.min(stay.exit ? rangeOf(stay.exit).start : newest, windowEnd);
    return {
      row,
      kind: KIND_LABEL[stay.kind],
      start: start * DAY_MS,
      // A stay shorter than a week still shows as a sliver.
      end: Math.max(end, start + 7) * DAY_MS,
      open: stay.exit === null,
      confirmed: stay.confirmed,
      order: rowOrder.get(stay.entityId)!,
      period: `${formatDate(stay.entry)} – ${stay.exit ? formatDate(stay.exit) : 'no exit recorded'}`,
    };
  });
}

/** Splits a long footer into lines of at most `max` characters at spaces. */
function footerLines(text: string, max = 130): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function timelineSpec(selection: TimelineSelection): TopLevelSpec {
  const bars = timelineBars(selection);
  const rows = new Set(bars.map((b) => b.row)).size;
  const newest = rangeOf(selection.newestRecordDate).end * DAY_MS;
  const domain = [rangeOf(selection.start).start * DAY_MS, (rangeOf(selection.end).end + 45) * DAY_MS];
  const x = { field: 'start', type: 'temporal' as const, scale: { type: 'utc' as const, domain }, axis: { title: null, format: '%Y', tickCount: 'year' as const, grid: true, labelFontSize: 12 } };
  // Layers share the x scale; only the first states its domain (repeating it makes vega-lite warn).
  const xShared = { field: 'start', type: 'temporal' as const };
  const y = { field: 'row', type: 'nominal' as const, sort: { field: 'order', op: 'min' as const }, axis: { title: null, labelFontSize: 12, labelLimit: 420 } };
  // Only the kinds drawn appear in the legend: a fire-only chart shows no police swatch.
  const kinds = (['police', 'fire'] as const).filter((k) => selection.stays.some((st) => st.kind === k));
  const kindScale = { domain: kinds.map((k) => KIND_LABEL[k]), range: kinds.map((k) => COLOURS[k]) };
  const colour = { field: 'kind', type: 'nominal' as const, scale: kindScale, legend: { title: null, orient: 'top' as const, labelFontSize: 12, labelLimit: 300 } };
  const notes = [
    'Arrowhead: no exit recorded by the newest record. Pale, dashed bar: reported, not confirmed by the inspectorate.',
    'Where only the month or year of a move is recorded, its bar starts or ends at the start of that month or year.',
    ...footerLines(selection.footer),
  ];

  const chart = {
    width: CHART_WIDTH,
    height: Math.max(1, rows) * ROW_HEIGHT,
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar' as const, cornerRadius: 2, height: ROW_HEIGHT - 8 },
        encoding: {
          x,
          x2: { field: 'end' },
          y,
          color: colour,
          opacity: { condition: { test: 'datum.confirmed', value: 1 }, value: 0.35 },
          strokeDash: { condition: { test: 'datum.confirmed', value: [1, 0] }, value: [4, 3] },
          stroke: { field: 'kind', type: 'nominal' as const, scale: kindScale, legend: null },
          strokeWidth: { value: 1.5 },
          tooltip: [{ field: 'row', title: 'Body' }, { field: 'period', title: 'In Engage' }],
        },
      },
      {
        data: { values: bars.filter((b) => b.open) },
        mark: { type: 'point' as const, shape: 'triangle-right', filled: true, size: 260, opacity: 1 },
        encoding: { x: { ...xShared, field: 'end' }, y, color: { ...colour, legend: null } },
      },
      {
        data: { values: [{ at: newest, label: `Newest record: ${formatDate(selection.newestRecordDate)}` }] },
        layer: [
          { mark: { type: 'rule' as const, color: COLOURS.rule, strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { x: { ...xShared, field: 'at' } } },
          {
            mark: { type: 'text' as const, align: 'right' as const, baseline: 'bottom' as const, dx: -4, dy: -2, fontSize: 11, color: COLOURS.rule },
            encoding: { x: { ...xShared, field: 'at' }, y: { value: 0 }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };

  const footer = {
    width: CHART_WIDTH,
    height: notes.length * 15,
    data: { values: notes.map((text, i) => ({ text, i })) },
    mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, fontSize: 11, color: COLOURS.text },
    encoding: { text: { field: 'text' }, x: { value: 0 }, y: { field: 'i', type: 'ordinal' as const, axis: null } },
  };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: selection.title, anchor: 'start', fontSize: 18, font: FONT, subtitle: `One row per force or service; bars run from entry to exit. ${bars.length} stays.`, subtitleFontSize: 12, subtitleColor: COLOURS.text },
    background: 'white',
    padding: 16,
    config: { font: FONT, view: { stroke: null }, axis: { labelFont: FONT, titleFont: FONT }, legend: { labelFont: FONT }, text: { font: FONT } },
    vconcat: [chart, footer],
    spacing: 18,
  } as TopLevelSpec;
}
