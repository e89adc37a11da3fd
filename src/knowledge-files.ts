// Lists and hashes the knowledge files, refusing what must not be read: files above a size limit,
// anything that is not a plain file (a named pipe would block start-up forever), and symbolic link
// loops. Each refusal is a per-file problem the loader reports as "file: …", never a crash. Kept
// free of zod and YAML so the start-up fast path (knowledge-cache.ts) can use it without loading either.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The largest knowledge file read (bytes). The bundled files are under 50 KB; 2 MB is ~40 times that. */
export const MAX_KNOWLEDGE_FILE_BYTES = 2 * 1024 * 1024;
/** The most knowledge read in all (bytes): keeps validation quick and its memory small. */
export const MAX_KNOWLEDGE_TOTAL_BYTES = 20 * 1024 * 1024;

export interface KnowledgeFile {
  /** Path relative to the knowledge folder, with "/" separators. */
  name: string;
  path: string;
  /** The file's text; empty when it could not be read (see `problem`). */
  text: string;
  /** Why the file was not read: too large, not a plain file, unreadable. */
  problem?: string;
}

const KNOWLEDGE_FILE = /\.(ya?ml|json)$/i;

/** Every .yaml/.yml/.json file under `dir`, in a stable order, with its text (or why it was not read). */
export function readKnowledgeFiles(dir: string): KnowledgeFile[] {
  const out: KnowledgeFile[] = [];
  const visited = new Set<string>();
  let total = 0;
  const nameOf = (path: string) => relative(dir, path).split(sep).join('/') || '.';
  const refuse = (path: string, problem: string) => out.push({ name: nameOf(path), path, text: '', problem });

  const walk = (folder: string) => {
    // A symbolic link back up the tree would otherwise be walked until the path is too long.
    let real: string;
    try {
      real = realpathSync(folder);
    } catch (error) {
      refuse(folder, unreadable(error));
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch (error) {
      refuse(folder, unreadable(error));
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.')) continue;
      const path = join(folder, entry);
      let stats: Stats;
      try {
        stats = statSync(path); // follows links: a link to a file counts as that file
      } catch (error) {
        // A dangling link or a link loop: worth saying only for what looks like knowledge.
        if (KNOWLEDGE_FILE.test(entry)) refuse(path, unreadable(error));
        continue;
      }
      if (stats.isDirectory()) {
        walk(path);
        continue;
      }
      if (!KNOWLEDGE_FILE.test(entry)) continue;
      if (!stats.isFile()) {
        refuse(path, `not a plain file (${kindOf(stats)}); knowledge files must be ordinary files`);
        continue;
      }
      if (stats.size > MAX_KNOWLEDGE_FILE_BYTES) {
        refuse(path, `the file is ${megabytes(stats.size)}, above the ${megabytes(MAX_KNOWLEDGE_FILE_BYTES)} limit for one knowledge file; split it into smaller files`);
        continue;
      }
      if (total + stats.size > MAX_KNOWLEDGE_TOTAL_BYTES) {
        refuse(path, `not read: the knowledge files together pass the ${megabytes(MAX_KNOWLEDGE_TOTAL_BYTES)} limit for a whole knowledge base`);
        continue;
      }
      try {
        const text = readFileSync(path, 'utf8');
        total += stats.size;
        out.push({ name: nameOf(path), path, text });
      } catch (error) {
        refuse(path, unreadable(error));
      }
    }
  };
  walk(dir);
  return out;
}

/** The knowledge revision: a hash of every file's name and text (and of any refusal). Changes whenever the knowledge does. */
export function revisionOf(files: KnowledgeFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(f.name).update('\0').update(f.text).update('\0');
    if (f.problem) hash.update(f.problem).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function unreadable(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === 'ELOOP') return 'cannot be read: a symbolic link loop (a link that points back to itself)';
  if (code === 'ENOENT') return 'cannot be read: a symbolic link to nothing (its target is missing)';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1).replace(/\.0+$/, '')} MB`;
}
