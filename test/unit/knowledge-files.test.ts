// Regression tests for issue 9's hostile knowledge folders (defects 7 and 12): a named pipe, a
// symbolic link loop (file and folder), a dangling link, a YAML alias bomb, deep nesting and a file
// above the size limit are each reported as "file: …" problems, quickly, with no hang and no
// "unexpected error".

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_KNOWLEDGE_FILE_BYTES, readKnowledgeFiles, revisionOf } from '../../src/knowledge-files.ts';
import { loadKnowledge, validateKnowledge } from '../../src/knowledge-loader.ts';
import { tempDir } from '../support/alerts.ts';
import { KNOWLEDGE_DIR } from '../support/knowledge.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A copy of the bundled knowledge to break. */
function knowledgeCopy(): string {
  const t = tempDir('oversight-kb-hostile-');
  cleanups.push(t.cleanup);
  const dir = join(t.dir, 'knowledge');
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  return dir;
}

const problemsOf = (dir: string) => validateKnowledge(dir).problems;

describe('hostile knowledge folders', () => {
  it('reports a named pipe instead of blocking on it', () => {
    const dir = knowledgeCopy();
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const started = Date.now();
    expect(problemsOf(dir)).toContain('pipe.yaml: not a plain file (a named pipe); knowledge files must be ordinary files');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports symbolic link loops and dangling links, and does not walk a folder loop forever', () => {
    const dir = knowledgeCopy();
    symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
    symlinkSync('missing.yaml', join(dir, 'dangling.yaml'));
    mkdirSync(join(dir, 'nested'));
    symlinkSync('..', join(dir, 'nested', 'up')); // a folder that contains itself
    const problems = problemsOf(dir);
    expect(problems).toContain('loop-a.yaml: cannot be read: a symbolic link loop (a link that points back to itself)');
    expect(problems).toContain('loop-b.yaml: cannot be read: a symbolic link loop (a link that points back to itself)');
    expect(problems).toContain('dangling.yaml: cannot be read: a symbolic link to nothing (its target is missing)');
    // Each real file is read once, not again through nested/up.
    expect(readKnowledgeFiles(dir).filter((f) => f.name.startsWith('nested/'))).toEqual([]);
  });

  it('reports a YAML alias bomb in the file form, without expanding it', () => {
    const dir = knowledgeCopy();
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i <= 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    writeFileSync(join(dir, 'bomb.yaml'), lines.join('\n') + '\n');
    const started = Date.now();
    const problems = problemsOf(dir);
    expect(problems.find((p) => p.startsWith('bomb.yaml: '))).toMatch(/^bomb\.yaml: YAML aliases expand too far \(.*\); write the entries out/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports a file above the size limit with the limit, without parsing it', () => {
    const dir = knowledgeCopy();
    writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(MAX_KNOWLEDGE_FILE_BYTES)}\n`);
    expect(problemsOf(dir)).toContain('huge.yaml: the file is 2 MB, above the 2 MB limit for one knowledge file; split it into smaller files');
  });

  it('reports deep nesting as a YAML problem, not a crash', () => {
    const dir = knowledgeCopy();
    writeFileSync(join(dir, 'deep.yaml'), `facts: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.startsWith('deep.yaml'))).toBe(true);
  });

  it('throws KNOWLEDGE_INVALID (not a raw error) from loadKnowledge, and a refused file changes the revision', () => {
    const dir = knowledgeCopy();
    const before = revisionOf(readKnowledgeFiles(dir));
    symlinkSync('self.yaml', join(dir, 'self.yaml'));
    expect(revisionOf(readKnowledgeFiles(dir))).not.toBe(before);
    expect(() => loadKnowledge(dir)).toThrow(expect.objectContaining({ code: 'KNOWLEDGE_INVALID' }));
  });
});
