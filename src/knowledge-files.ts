// Lists and hashes the knowledge files. Kept free of zod and YAML so the start-up fast path
// (knowledge-cache.ts) can tell whether the knowledge changed without loading either.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface KnowledgeFile {
  /** Path relative to the knowledge folder, with "/" separators. */
  name: string;
  path: string;
  text: string;
}

/** Every .yaml/.yml/.json file under `dir`, in a stable order, with its text. */
export function readKnowledgeFiles(dir: string): KnowledgeFile[] {
  const out: KnowledgeFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      if (entry.startsWith('.')) continue;
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/i.test(entry)) out.push({ name: relative(dir, path).split(sep).join('/'), path, text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/** The knowledge revision: a hash of every file's name and text. Changes whenever the knowledge does. */
export function revisionOf(files: KnowledgeFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.name).update('\0').update(f.text).update('\0');
  return hash.digest('hex').slice(0, 16);
}
