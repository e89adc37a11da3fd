#!/usr/bin/env node
// The `oversight` command. Runs the esbuild bundle in dist/ when it is newer than every source
// file (fast start), otherwise registers the TypeScript loader (tsx) and runs the sources, so an
// edit is never hidden by a stale bundle. Plain JavaScript: works straight after `npm ci`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'oversight.mjs');

function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.OVERSIGHT_FROM_SOURCE || !existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return ['src', 'adapters', 'knowledge'].every((f) => newestSource(join(root, f)) <= built);
}

// A reader that stops early (`oversight ask --jsonl | head -1`) closes the pipe: that is a normal
// end, not an error, so exit quietly instead of printing Node's EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

let main;
if (bundleIsFresh()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../adapters/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
