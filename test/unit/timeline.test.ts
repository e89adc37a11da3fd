// The timeline chart: options ("police", "fire", years) parsed or refused kindly; the stays
// selected; the SVG's bars match the timeline; the PNG decodes at the expected size with
// police-blue and fire-red pixels in every bar's row.

import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderTimeline, timelineSvg } from '../../adapters/timeline/render-timeline.ts';
import { parseTimelineOptions, selectTimeline } from '../../adapters/timeline/timeline-options.ts';
import { CHART_WIDTH, COLOURS, timelineBars } from '../../adapters/timeline/timeline-spec.ts';
import { createBotCore } from '../../src/create-bot-core.ts';
import type { EngageStays } from '../../src/engage-stays.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

let stays: EngageStays;
beforeAll(async () => {
  stays = createBotCore(await loadBundledKnowledge()).engageStays();
});

describe('parseTimelineOptions', () => {
  const parse = (text: string) => parseTimelineOptions(text, 2025);
  it('reads police, fire, a year, a range and open ranges', () => {
    expect(parse('')).toEqual({ ok: true, options: {} });
    expect(parse('police')).toEqual({ ok: true, options: { kind: 'police' } });
    expect(parse('fire and rescue services')).toEqual({ ok: true, options: { kind: 'fire' } });
    expect(parse('fire 2022-2024')).toEqual({ ok: true, options: { kind: 'fire', fromYear: 2022, toYear: 2024 } });
    expect(parse('2021 to 2023')).toEqual({ ok: true, options: { fromYear: 2021, toYear: 2023 } });
    expect(parse('2023–2021')).toEqual({ ok: true, options: { fromYear: 2021, toYear: 2023 } });
    expect(parse('since 2022')).toEqual({ ok: true, options: { fromYear: 2022 } });
    expect(parse('to 2022')).toEqual({ ok: true, options: { toYear: 2022 } });
    expect(parse('2023')).toEqual({ ok: true, options: { fromYear: 2023, toYear: 2023 } });
  });

  it('refuses what it cannot read, saying what works', () => {
    for (const text of ['banana', 'police fire', '2018', '2019 2020 2021', '2030']) {
      const parsed = parse(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(10);
    }
  });
});

describe('selectTimeline', () => {
  it('takes every stay by default, with the newest record and a source line in the footer', () => {
    const selection = selectTimeline(stays);
    expect(selection.stays).toHaveLength(stays.stays.length);
    expect(selection.stays.length).toBeGreaterThanOrEqual(10);
    expect(selection.start).toBe('2019-01-01');
    expect(selection.end).toBe('2025-08-12');
    expect(selection.footer).toMatch(/^As of 12 August 2025, the newest record held\. Sources: HMICFRS/);
    expect(selection.citations.length).toBeGreaterThan(0);
  });

  it('keeps only police or fire, and only stays overlapping the years', () => {
    const fire = selectTimeline(stays, { kind: 'fire' });
    expect(fire.stays.length).toBeGreaterThan(0);
    expect(fire.stays.every((s) => s.kind === 'fire')).toBe(true);
    expect(fire.title).toMatch(/^Fire and rescue services/);
    const early = selectTimeline(stays, { fromYear: 2019, toYear: 2020 });
    // Cleveland (2019–2023) and GMP (December 2020–2022) overlap 2019–2020; the 2024 entrants do not.
    expect(early.stays.map((s) => s.entityId)).toEqual(expect.arrayContaining(['cleveland-police', 'greater-manchester-police']));
    expect(early.stays.some((s) => s.entityId === 'lincolnshire-police')).toBe(false);
    expect(early.end).toBe('2020-12-31');
    const used = new Set(early.stays.flatMap((s) => s.citations));
    expect(early.citations.every((c) => used.has(c.n))).toBe(true);
  });
});

describe('the chart', () => {
  it("draws one bar per stay in the SVG, police and fire in their colours, open stays with an arrowhead", async () => {
    const selection = selectTimeline(stays);
    const svg = await timelineSvg(selection);
    // Vega writes one <path aria-roledescription="bar"> per bar, with its fill colour.
    const marks = (role: string) => [...svg.matchAll(new RegExp(`<path [^>]*aria-roledescription="${role}"[^>]*>`, 'g'))].map((m) => m[0]);
    const bars = marks('bar');
    expect(bars).toHaveLength(selection.stays.length);
    const police = selection.stays.filter((s) => s.kind === 'police').length;
    expect(bars.filter((b) => b.includes(`fill="${COLOURS.police}"`))).toHaveLength(police);
    expect(bars.filter((b) => b.includes(`fill="${COLOURS.fire}"`))).toHaveLength(selection.stays.length - police);
    // Each bar is labelled with its body and period: compare them with the timeline.
    for (const stay of selection.stays) expect(bars.some((b) => b.includes(`row: ${stay.name}`))).toBe(true);
    expect(bars.filter((b) => b.includes('opacity="0.35"'))).toHaveLength(selection.stays.filter((s) => !s.confirmed).length);
    const open = selection.stays.filter((s) => s.exit === null).length;
    expect(open).toBeGreaterThan(0);
    expect(marks('point')).toHaveLength(open);
    expect(svg).toContain('Newest record: 12 August 2025');
    expect(svg).toContain('(unconfirmed)');
    expect(svg).toContain(selection.title.replace(/"/g, '&quot;'));
  });

  it('renders a PNG that decodes at the expected size, with coloured pixels in every bar', async () => {
    const selection = selectTimeline(stays);
    const scale = 2;
    const { png, width, height } = await renderTimeline(selection, scale);
    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([width, height]);
    expect(image.width).toBeGreaterThanOrEqual(CHART_WIDTH * scale);
    expect(image.width).toBeLessThan(CHART_WIDTH * scale * 1.6);
    expect(image.height).toBeGreaterThan(selection.stays.length * 24 * scale);

    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const near = (x: number, y: number, colour: number[]) => {
      const at = (y * image.width + x) * 4;
      return colour.every((v, i) => Math.abs(image.data[at + i]! - v) <= 6);
    };
    const count = (colour: number[]) => {
      let n = 0;
      for (let y = 0; y < image.height; y += 1) for (let x = 0; x < image.width; x += 1) if (near(x, y, colour)) n += 1;
      return n;
    };
    const bars = timelineBars(selection);
    const confirmed = (kind: string) => bars.filter((b) => b.kind === kind && b.confirmed);
    // A bar is 16 CSS px tall and months to years long: at 2x, thousands of pixels each.
    expect(count(rgb(COLOURS.police))).toBeGreaterThan(confirmed('Police force').length * 2_000);
    expect(count(rgb(COLOURS.fire))).toBeGreaterThan(confirmed('Fire and rescue service').length * 2_000);
  });

  it('draws a fire-only chart with no police bars', async () => {
    const svg = await timelineSvg(selectTimeline(stays, { kind: 'fire' }));
    expect(svg).not.toContain(`fill="${COLOURS.police}"`);
    expect(svg).toContain(`fill="${COLOURS.fire}"`);
  });
});
