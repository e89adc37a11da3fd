// The knowledge-folder watch: a valid change is handed over once; a half-saved or invalid edit is
// logged (once) and ignored, keeping the previous knowledge until the files load again.

import { cpSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KnowledgeData } from '../../knowledge/schema.ts';
import { createKnowledgeWatcher } from '../../src/alerts/knowledge-watcher.ts';
import { loadKnowledge } from '../../src/knowledge-loader.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { tempDir } from '../support/alerts.ts';
import { KNOWLEDGE_DIR } from '../support/knowledge.ts';

describe('knowledge watcher', () => {
  const t = tempDir('oversight-kb-watch-');
  afterAll(() => t.cleanup());
  const dir = join(t.dir, 'knowledge');
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  const logger = createMemoryLogger();
  const changes: KnowledgeData[] = [];
  const watcher = createKnowledgeWatcher({ dir, load: () => loadKnowledge(dir), revision: loadKnowledge(dir).revision, onChange: (k) => changes.push(k), logger, pollMs: 0 });

  it('does nothing while the files are unchanged', async () => {
    expect(await watcher.check()).toBe(false);
    expect(changes).toEqual([]);
  });

  it('ignores an invalid edit, logging it once, and picks up the fix', async () => {
    const extra = join(dir, 'half-saved.yaml');
    writeFileSync(extra, 'events:\n  - id: lincolnshire-left-engage-2025-09\n    entity: lincolnshire-police\n    event: left_engage\n');
    expect(await watcher.check()).toBe(false);
    expect(await watcher.check()).toBe(false);
    expect(logger.lines.filter((l) => /WARN alerts: the changed knowledge files do not load/.test(l))).toHaveLength(1);
    expect(changes).toEqual([]);

    writeFileSync(
      extra,
      'events:\n  - id: lincolnshire-left-engage-2025-09\n    entity: lincolnshire-police\n    event: left_engage\n    date: "2025-09-18"\n    citations:\n      - source: hmicfrs-2024-12-06-lincolnshire-police-move-enhanced-phase\n    confidence: verified\n',
    );
    expect(await watcher.check()).toBe(true);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.events.some((e) => e.id === 'lincolnshire-left-engage-2025-09')).toBe(true);
    expect(await watcher.check()).toBe(false);
    rmSync(extra);
    expect(await watcher.check()).toBe(true);
    expect(changes).toHaveLength(2);
  });
});
