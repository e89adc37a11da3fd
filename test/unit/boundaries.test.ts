// Enforces the dependency direction adapters -> src -> knowledge schema: the core never imports
// a chat library or an adapter and never reads process.env; adapters do not import each other.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/knowledge.ts';

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|js|mjs)$/.test(name)) out.push(path);
    }
  };
  walk(join(PROJECT_ROOT, folder));
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specs;
}

const CHAT_LIBRARIES = /^(discord\.js|@discordjs\/|@slack\/)/;
const rel = (f: string) => relative(PROJECT_ROOT, f);

describe('dependency boundaries', () => {
  it('keeps the core (src/) free of chat libraries, adapters and process.env', () => {
    const offences: string[] = [];
    for (const file of sourceFiles('src')) {
      for (const spec of importsOf(file)) {
        if (CHAT_LIBRARIES.test(spec)) offences.push(`${rel(file)} imports ${spec}`);
        if (spec.includes('/adapters/') || spec.startsWith('../adapters')) offences.push(`${rel(file)} imports ${spec}`);
      }
      if (/process\.env/.test(readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) offences.push(`${rel(file)} reads process.env`);
    }
    expect(offences).toEqual([]);
  });

  it('keeps the knowledge schema dependent on zod only', () => {
    const offences = sourceFiles('knowledge').flatMap((file) => importsOf(file).filter((s) => s !== 'zod').map((s) => `${rel(file)} imports ${s}`));
    expect(offences).toEqual([]);
  });

  it('keeps each adapter to its own platform library', () => {
    const offences: string[] = [];
    const rules: [string, RegExp][] = [
      ['adapters/slack', /^(discord\.js|@discordjs\/)|\/discord\//],
      ['adapters/discord', /^@slack\/|\/slack\//],
      ['adapters/cli', /^(discord\.js|@discordjs\/|@slack\/)|\/(slack|discord)\//],
    ];
    for (const [folder, forbidden] of rules) {
      let files: string[] = [];
      try {
        files = sourceFiles(folder);
      } catch {
        continue; // adapter not built yet
      }
      for (const file of files) for (const spec of importsOf(file)) if (forbidden.test(spec)) offences.push(`${rel(file)} imports ${spec}`);
    }
    expect(offences).toEqual([]);
  });

  it('reads the environment only in the composition root', () => {
    const readers = sourceFiles('adapters')
      .filter((file) => /process\.env/.test(readFileSync(file, 'utf8')))
      .map(rel);
    expect(readers).toEqual(['adapters/main.ts']);
  });
});
