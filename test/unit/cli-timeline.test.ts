// `oversight timeline … --out FILE`: writes a PNG (or SVG) that decodes, prints what it shows and
// its sources, and refuses bad options with a usage error rather than a trace.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { runTimelineCli } from '../../adapters/cli/timeline-command.ts';
import { createBotCore } from '../../src/create-bot-core.ts';
import { isOversightError } from '../../src/errors.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

const dir = mkdtempSync(join(tmpdir(), 'oversight-timeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const core = createBotCore(loadBundledKnowledge());

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await runTimelineCli(args, { core, out: (t) => lines.push(t), cwd: dir });
  return { code, out: lines.join('\n') };
}

describe('oversight timeline', () => {
  it('writes engage.png and prints the title, the as-of line and the sources', async () => {
    const { code, out } = await run(['--out', 'engage.png']);
    expect(code).toBe(0);
    const image = PNG.sync.read(readFileSync(join(dir, 'engage.png')));
    expect(image.width).toBeGreaterThan(1500);
    expect(out).toMatch(/^Wrote engage\.png: Police forces and fire and rescue services in HMICFRS Engage/);
    expect(out).toContain('As of 12 August 2025, the newest record held.');
    expect(out).toMatch(/\n {2}\[1\] .+ — HMICFRS/);
  });

  it('writes an SVG for police only in a year range', async () => {
    const { code, out } = await run(['police', '2021-2023', '--out=police.svg']);
    expect(code).toBe(0);
    const svg = readFileSync(join(dir, 'police.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('#d4351c');
    expect(out).toContain('Police forces in HMICFRS Engage ("special measures"), 2021–2023');
  });

  it('refuses a missing --out, an odd extension and unknown words with a usage error', async () => {
    for (const args of [[], ['--out', 'chart.jpg'], ['bananas', '--out', 'x.png'], ['--colour', '--out', 'x.png']]) {
      const error = await run(args).catch((e: unknown) => e);
      expect(isOversightError(error), args.join(' ')).toBe(true);
      expect((error as { code: string }).code).toBe('USAGE');
    }
  });
});
