// `oversight timeline [police|fire] [YYYY[-YYYY]] --out engage.png`: writes the Engage timeline
// chart as a PNG (or SVG, by the file's extension) and prints what it shows and its sources.
// The chart libraries load only here, when asked, never on the answering path.

import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { BotCore } from '../../src/bot-core.ts';
import { OversightError } from '../../src/errors.ts';
import { parseTimelineOptions, selectTimeline } from '../timeline/timeline-options.ts';
import { describeCitation } from './render.ts';

export const TIMELINE_USAGE = 'oversight timeline [police|fire] [YYYY[-YYYY]] --out FILE.png|FILE.svg';

export interface TimelineCliDeps {
  core: BotCore;
  out: (text: string) => void;
  /** Where relative --out paths resolve (the working directory). */
  cwd: string;
}

/** Runs the command; resolves to the exit code. Bad options are a USAGE error naming the fix. */
export async function runTimelineCli(args: string[], deps: TimelineCliDeps): Promise<number> {
  const words: string[] = [];
  let outFile: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--out' || arg === '-o') outFile = args[++i];
    else if (arg.startsWith('--out=')) outFile = arg.slice('--out='.length);
    else if (arg === '--police' || arg === '--fire') words.push(arg.slice(2));
    else if (arg.startsWith('-')) throw new OversightError('USAGE', `Unknown option ${arg} for timeline.\n\nUsage: ${TIMELINE_USAGE}`);
    else words.push(arg);
  }
  if (!outFile) throw new OversightError('USAGE', `Where should the chart go? Add --out engage.png.\n\nUsage: ${TIMELINE_USAGE}`);
  const format = extname(outFile).toLowerCase();
  if (format !== '.png' && format !== '.svg') throw new OversightError('USAGE', `--out must end in .png or .svg, not "${outFile}".`);

  const data = deps.core.engageStays();
  const parsed = parseTimelineOptions(words.join(' '), Number(data.newestRecordDate.slice(0, 4)));
  if (!parsed.ok) throw new OversightError('USAGE', `${parsed.message}\n\nUsage: ${TIMELINE_USAGE}`);
  const selection = selectTimeline(data, parsed.options);
  if (selection.stays.length === 0) {
    deps.out('No Engage stays match those options, so no chart was written.');
    return 1;
  }

  const { renderTimeline, timelineSvg } = await import('../timeline/render-timeline.ts');
  const path = resolve(deps.cwd, outFile);
  if (format === '.svg') await writeFile(path, await timelineSvg(selection), 'utf8');
  else await writeFile(path, (await renderTimeline(selection)).png);

  deps.out(`Wrote ${outFile}: ${selection.title}, ${selection.stays.length} stays.`);
  deps.out(selection.footer);
  deps.out('\nSources:');
  for (const c of selection.citations) deps.out(`  [${c.n}] ${describeCitation(c)}`);
  return 0;
}
