// Renders the timeline spec to SVG (vega-lite -> vega, headless: no browser, no canvas) and then
// to PNG with resvg, using the Inter TTFs shipped in an npm package and no system fonts, so the
// picture is the same on every machine, offline. Heavy: import it lazily (never at start-up).

import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TimelineSelection } from './timeline-options.ts';
import { timelineSpec } from './timeline-spec.ts';

const require = createRequire(import.meta.url);
const FONT_FILES = ['@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf', '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'].map((f) => require.resolve(f));

/**
 * Inter's advance widths, roughly, in ems: vega's own estimate without a canvas (0.8 em a
 * character) is far too wide for Inter and leaves labels cut and the picture half empty.
 * Replacing `textMetrics.width` is vega's hook for exactly this (vl-convert does the same).
 */
function interWidth(text: string, fontSize: number, bold: boolean): number {
  let ems = 0;
  for (const ch of text) {
    if (' .,:;\'|!iIlj()[]'.includes(ch)) ems += 0.3;
    else if ('mwMW@%'.includes(ch)) ems += 0.88;
    else if (/[A-Z]/.test(ch)) ems += 0.68;
    else if (/[0-9]/.test(ch)) ems += 0.6;
    else if ('–—'.includes(ch)) ems += 0.8;
    else ems += 0.55;
  }
  return ems * fontSize * (bold ? 1.05 : 1);
}

type TextItem = { fontSize?: number; fontWeight?: string | number; text?: unknown };
(vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics.width = (item, text) => {
  const value = text ?? item.text;
  const line = Array.isArray(value) ? value.map(String).reduce((a, b) => (a.length > b.length ? a : b), '') : String(value ?? '');
  return interWidth(line, item.fontSize ?? 11, item.fontWeight === 'bold' || Number(item.fontWeight) >= 600);
};

export interface RenderedTimeline {
  svg: string;
  png: Buffer;
  /** PNG size in pixels. */
  width: number;
  height: number;
}

/** SVG of the chart; vega runs headless ("none" renderer) and lays text out by estimate. */
export async function timelineSvg(selection: TimelineSelection): Promise<string> {
  // Merge notes about shared scales and legends are expected for a layered chart: errors only.
  const logger = vega.logger(vega.Error);
  const { spec } = compile(timelineSpec(selection), { logger });
  const view = new vega.View(vega.parse(spec), { renderer: 'none', logger });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG at `scale` times its CSS size (2 = crisp on high-density screens). */
export async function renderTimeline(selection: TimelineSelection, scale = 2): Promise<RenderedTimeline> {
  const svg = await timelineSvg(selection);
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'Inter', sansSerifFamily: 'Inter' },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  });
  const image = resvg.render();
  return { svg, png: image.asPng(), width: image.width, height: image.height };
}
