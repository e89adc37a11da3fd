#!/usr/bin/env node
// Bundles the TypeScript sources into dist/ with esbuild so the `oversight` command starts fast,
// and builds the word profile table (bin/build-word-profile.js) beside it.
// Run by `npm ci` / `npm install` (the prepare script). Optional by design: if it fails, or the
// bundle is older than the sources, bin/oversight.js runs the sources through tsx instead.
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
