// Start-up fast path: knowledge that validated once is kept as JSON, keyed by a hash of the
// knowledge files, the source texts and the validating code. Unchanged knowledge loads without
// parsing YAML or loading zod; any change (or a missing cache) goes through full validation, so
// a broken file still stops start-up with the validator's message.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeData } from '../knowledge/schema.ts';
import { readKnowledgeFiles, revisionOf } from './knowledge-files.ts';
import type { LoadOptions } from './knowledge-loader.ts';

/**
 * The files whose code decides what validated knowledge looks like: a change to them invalidates
 * the cache. Resolved from the project root, which is the parent of both src/ and the bundle's dist/.
 */
const PROJECT_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const VALIDATING_CODE = ['knowledge/schema.ts', 'src/knowledge-loader.ts', 'src/knowledge-files.ts'].map((p) => join(PROJECT_ROOT, p));

export interface CachedLoadOptions extends LoadOptions {
  /** Folder for the cache; nothing is cached when undefined. */
  cacheDir?: string;
}

export async function loadKnowledgeCached(dir: string, options: CachedLoadOptions = {}): Promise<KnowledgeData> {
  const key = options.cacheDir ? cacheKey(dir, options.sourceTextDir) : undefined;
  const file = key && options.cacheDir ? join(options.cacheDir, `knowledge-${key}.json`) : undefined;
  if (file && existsSync(file)) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Omit<KnowledgeData, 'origins'> & { origins: [string, string][] };
      return { ...stored, origins: new Map(stored.origins) };
    } catch {
      // A damaged cache file is just a miss.
    }
  }
  const { loadKnowledge } = await import('./knowledge-loader.ts');
  const data = loadKnowledge(dir, options);
  if (file) writeCache(file, data);
  return data;
}

function cacheKey(dir: string, sourceTextDir: string | undefined): string | undefined {
  if (!existsSync(dir)) return undefined;
  const hash = createHash('sha256').update(revisionOf(readKnowledgeFiles(dir)));
  for (const path of VALIDATING_CODE) hash.update(existsSync(path) ? readFileSync(path) : 'missing');
  // Quotes are checked against the source texts when present: their presence and content count too.
  if (sourceTextDir && existsSync(sourceTextDir)) {
    for (const name of readdirSync(sourceTextDir).sort()) if (name.endsWith('.txt')) hash.update(name).update(readFileSync(join(sourceTextDir, name)));
  }
  return hash.digest('hex').slice(0, 20);
}

function writeCache(file: string, data: KnowledgeData): void {
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true });
    // Keep only the newest entry: old revisions are never read again.
    for (const name of readdirSync(folder)) if (name.startsWith('knowledge-') && join(folder, name) !== file) rmSync(join(folder, name), { force: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ ...data, origins: [...data.origins] }));
    renameSync(temp, file); // atomic: a concurrent reader sees the old file or the whole new one
  } catch {
    // A read-only disk only costs start-up time.
  }
}
