#!/usr/bin/env node
// Bundles the TypeScript sources into dist/ with esbuild so the `oversight` command starts fast,
// the word profile table (bin/build-word-profile.js) beside it, and the lexicon table
// (bin/build-lexicon.js). Run by `npm ci` / `npm install` (the prepare script). Optional by
// design: if the bundle fails, or is older than the sources, bin/oversight.js runs the sources
// through tsx instead; without the tables, words are weighed and matched less discerningly.
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
try {
  const { build } = await import('esbuild');
  rmSync(resolve(root, 'dist'), { recursive: true, force: true });
  await build({
    entryPoints: { oversight: resolve(root, 'adapters/main.ts') },
    outdir: resolve(root, 'dist'),
    bundle: true,
    splitting: true, // Slack, Discord and alerts code load only when configured
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
} catch (error) {
  console.warn(`oversight: could not build the fast-start bundle (${error?.message ?? error}); the command will run from source.`);
}

// The general-English word profile the answering core weighs question words against
// (src/lexicon/word-profile.ts). Without it answers still work, only less discerningly.
try {
  const { buildWordProfile } = await import('./build-word-profile.js');
  buildWordProfile();
} catch (error) {
  console.warn(`oversight: could not build the word profile (${error?.message ?? error}); answers will weigh words without it.`);
}

// The lexicon table (related words: WordNet, lemmas, word vectors), distilled from installed
// packages into node_modules/.cache/oversight-bot/lexicon/. Optional too: without it the bot
// answers from exact words only. Skipped when the table is current.
try {
  const { buildLexicon } = await import('./build-lexicon.js');
  await buildLexicon();
} catch (error) {
  console.warn(`oversight: could not build the lexicon table (${error?.message ?? error}); related words stay off.`);
}
