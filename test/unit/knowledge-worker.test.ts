// Regression test for issue 9's defect 7: a knowledge reload validates on a worker thread, so the
// main thread keeps running (answering, acking) while it does, and the new knowledge is handed over
// when ready; invalid knowledge comes back as the loader's own OversightError.

import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KnowledgeData } from '../../knowledge/schema.ts';
import { createKnowledgeWatcher } from '../../src/alerts/knowledge-watcher.ts';
import { isOversightError } from '../../src/errors.ts';
import { loadKnowledge } from '../../src/knowledge-loader.ts';
import { loadKnowledgeOffThread } from '../../src/knowledge-worker.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { LINCS_EXIT_EVENT_YAML, tempDir } from '../support/alerts.ts';
import { KNOWLEDGE_DIR } from '../support/knowledge.ts';

describe('knowledge reload off the main thread', () => {
  const t = tempDir('oversight-kb-worker-');
  afterAll(() => t.cleanup());
  const dir = join(t.dir, 'knowledge');
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });

  it('loads the same knowledge as the loader, Maps included', async () => {
    const off = await loadKnowledgeOffThread(dir);
    const on = loadKnowledge(dir);
    expect(off.revision).toBe(on.revision);
    expect(off.origins).toBeInstanceOf(Map);
    expect(off.origins.size).toBe(on.origins.size);
    expect(off.facts).toEqual(on.facts);
  });

  it('keeps the main thread free while a reload validates, then hands the new knowledge over', async () => {
    const changes: KnowledgeData[] = [];
    const watcher = createKnowledgeWatcher({ dir, load: () => loadKnowledgeOffThread(dir), revision: loadKnowledge(dir).revision, onChange: (k) => changes.push(k), logger: createMemoryLogger(), pollMs: 0 });
    writeFileSync(join(dir, 'lincs-exit.yaml'), LINCS_EXIT_EVENT_YAML);
    // A synchronous reload runs no timer callback until it is done; off the main thread, many run.
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 2);
    const changed = await watcher.check();
    clearInterval(ticker);
    expect(changed).toBe(true);
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.events.some((e) => e.id === 'lincolnshire-left-engage-2025-09')).toBe(true);
    await watcher.stop();
  });

  it('rejects invalid knowledge with the loader\'s error and its file › entry › field problems', async () => {
    writeFileSync(join(dir, 'broken.yaml'), 'events:\n  - id: broken-1\n    entity: lincolnshire-police\n    event: left_engage\n');
    const error = await loadKnowledgeOffThread(dir).catch((e: unknown) => e);
    expect(isOversightError(error)).toBe(true);
    expect(isOversightError(error) && error.code).toBe('KNOWLEDGE_INVALID');
    expect(isOversightError(error) && error.problems.some((p) => /^broken\.yaml › broken-1 › /.test(p))).toBe(true);
  });
});
