#!/usr/bin/env node
// Runs one TypeScript script (the bench) through tsx: `node bin/run-ts.js path/to/script.ts`.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const target = process.argv[2];
if (!target) {
  console.error('usage: node bin/run-ts.js <script.ts> [args…]');
  process.exit(2);
}
await import(pathToFileURL(resolve(target)).href);
