#!/usr/bin/env node
// The `oversight` command: registers the TypeScript loader (tsx) and hands over to the
// composition root in adapters/main.ts. Plain JavaScript so that `npx oversight` works
// straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../adapters/main.ts');
process.exitCode = await main(process.argv.slice(2));
