// The chart libraries (vega, vega-lite, resvg) are heavy: only adapters/timeline/render-timeline.ts
// may import them, and everything else may reach that module only through a dynamic import(),
// so start-up and the answering path never load them.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/knowledge.ts';

function files(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) out.push(path);
    }
  };
  walk(join(PROJECT_ROOT, folder));
  return out;
}

const CHART_LIBRARIES = /^(vega|vega-lite|@resvg\/resvg-js)$/;
const RENDERER = 'adapters/timeline/render-timeline.ts';

describe('the timeline chart loads lazily', () => {
  it('imports vega, vega-lite and resvg only in the renderer, and the renderer only dynamically', () => {
    const offences: string[] = [];
    for (const file of [...files('src'), ...files('adapters')]) {
      const rel = relative(PROJECT_ROOT, file);
      const text = readFileSync(file, 'utf8');
      const staticImports = [...text.matchAll(/^\s*import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
      for (const spec of staticImports) {
        if (CHART_LIBRARIES.test(spec) && rel !== RENDERER) offences.push(`${rel} imports ${spec}`);
        if (/render-timeline(\.ts)?$/.test(spec)) offences.push(`${rel} imports the chart renderer statically`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('is reached from the commands through import()', () => {
    for (const rel of ['adapters/cli/timeline-command.ts', 'adapters/slack/timeline.ts', 'adapters/discord/timeline.ts']) {
      expect(readFileSync(join(PROJECT_ROOT, rel), 'utf8'), rel).toMatch(/await import\('\.\.\/timeline\/render-timeline\.ts'\)/);
    }
  });
});
