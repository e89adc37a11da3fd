// Test helpers for the bundled knowledge and the shared material beside the project
// (../shared), which exists in CI but not in a bare clone: tests that need it skip with a note.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeData } from '../../knowledge/schema.ts';
import { loadKnowledge } from '../../src/knowledge-loader.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KNOWLEDGE_DIR = resolve(PROJECT_ROOT, 'knowledge');
export const SHARED_DIR = resolve(PROJECT_ROOT, '..', 'shared');
export const SHARED_AVAILABLE = existsSync(resolve(SHARED_DIR, 'sources', 'manifest.json'));

if (!SHARED_AVAILABLE && !process.env.OVERSIGHT_QUIET_SKIPS) {
  // Said once per test file that imports this: why some tests are skipped in a bare clone.
  console.warn(`note: ../shared not found beside the project (${SHARED_DIR}); tests that read the shared sources and eval set are skipped.`);
}

let cached: KnowledgeData | undefined;
export function loadBundledKnowledge(): KnowledgeData {
  cached ??= loadKnowledge(KNOWLEDGE_DIR);
  return cached;
}
