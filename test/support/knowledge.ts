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

let cached: KnowledgeData | undefined;
export function loadBundledKnowledge(): KnowledgeData {
  cached ??= loadKnowledge(KNOWLEDGE_DIR);
  return cached;
}
