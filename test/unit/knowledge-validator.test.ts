// The validator reports every problem in a broken knowledge folder as
// "file › entry id › field: what is wrong", and a valid folder loads.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isOversightError } from '../../src/errors.ts';
import { loadKnowledge, validateKnowledge } from '../../src/knowledge-loader.ts';
import { indexKnowledge } from '../../src/knowledge-index.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oversight-kb-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const GOOD = {
  'sources.yaml': `sources:
  - { id: letter, kind: official, title: A letter, publisher: HMICFRS, published: "2024-12-06", url: "https://example.org/letter", file: article.txt }
`,
  'entities.yaml': `entities:
  - { id: north-police, kind: police_force, name: North Police, aliases: [Northshire Police, NP] }
  - { id: hmicfrs, kind: oversight_body, name: HMICFRS, aliases: [the inspectorate] }
`,
  'facts/north.yaml': `facts:
  - id: north-concerns
    about: [north-police, hmicfrs]
    text: The inspectorate raised concerns about North Police.
    citations: [{ source: letter, locator: para. 2, quote: "we are concerned" }]
`,
  'events.yaml': `events:
  - { id: north-in, entity: north-police, event: entered_engage, date: "2024-12-06", confidence: verified, citations: [{ source: letter }] }
`,
};

describe('knowledge validation', () => {
  it('loads a valid folder and checks quotes in the cited paragraph', () => {
    const texts = folder({ 'article.txt': 'First paragraph.\n\nSecond: we are concerned about it.\n' });
    const report = validateKnowledge(folder(GOOD), { sourceTextDir: texts });
    expect(report.problems).toEqual([]);
    expect(report.data?.facts).toHaveLength(1);
    expect(report.data?.revision).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads word classes as stems, and notes a class the answering code expects but the folder lacks', () => {
    const dir = folder({ ...GOOD, 'words.yaml': 'wordClasses:\n  - { id: framing, words: [centre, "true", headline] }\n' });
    const report = validateKnowledge(dir);
    expect(report.problems).toEqual([]);
    expect(report.data?.wordClasses?.[0]?.words).toEqual(['centre', 'true', 'headline']);
    expect(report.notices.some((n) => /wordClasses: no "engage-question"/.test(n))).toBe(true);
    const index = indexKnowledge(report.data!);
    expect([...index.wordClass('framing')].sort()).toEqual(['centr', 'headlin', 'true']);
    expect(index.wordClass('ranking').size).toBe(0);
  });

  it('reports a word class entry that is not a word, by file, entry and field', () => {
    const { problems } = validateKnowledge(folder({ ...GOOD, 'words.yaml': 'wordClasses:\n  - { id: framing, words: [centre, true] }\n' }));
    expect(problems).toContain('words.yaml › framing › words.1: Invalid input: expected string, received boolean');
  });

  it('reports schema errors with file, entry and field', () => {
    const dir = folder({ ...GOOD, 'facts/north.yaml': 'facts:\n  - { id: north-concerns, about: [north-police], text: "", citations: [] }\n' });
    const { problems } = validateKnowledge(dir);
    expect(problems).toContain('facts/north.yaml › north-concerns › text: must not be empty');
    expect(problems).toContain('facts/north.yaml › north-concerns › citations: every fact needs at least one citation');
  });

  it('reports duplicate ids, unknown sources and unknown entities', () => {
    const dir = folder({
      ...GOOD,
      'facts/more.yaml': `facts:
  - { id: north-concerns, about: [north-police], text: Again., citations: [{ source: letter }] }
  - { id: ghost, about: [south-police], text: Who?, citations: [{ source: nowhere }] }
`,
    });
    const { problems } = validateKnowledge(dir);
    expect(problems).toContain('facts/north.yaml › north-concerns › id: duplicate fact id; also defined in facts/more.yaml');
    expect(problems).toContain('facts/more.yaml › ghost › citations.0.source: unknown source "nowhere"; add it to a sources file or fix the id');
    expect(problems).toContain('facts/more.yaml › ghost › about.0: unknown entity "south-police"; define it in an entities file or fix the id');
  });

  it('reports an alias claimed by two entities', () => {
    const dir = folder({ ...GOOD, 'entities-2.yaml': 'entities:\n  - { id: np-news, kind: place, name: NP News, aliases: [NP] }\n' });
    expect(validateKnowledge(dir).problems).toContain(
      // entities-2.yaml sorts before entities.yaml, so it claims "np" first.
      'entities.yaml › north-police › aliases: "np" is also claimed by np-news (entities-2.yaml); an alias must point at one entity',
    );
  });

  it('reports aliases too generic to name one entity, as an unquoted comma makes', () => {
    const dir = folder({ ...GOOD, 'entities-2.yaml': 'entities:\n  - { id: pfcc, kind: oversight_body, name: PFCC, aliases: [Police, Fire and Crime Commissioner] }\n' });
    expect(validateKnowledge(dir).problems).toContain(
      'entities-2.yaml › pfcc › aliases: "police" is too generic to name one entity (a comma inside an unquoted [list] splits a name: quote it)',
    );
  });

  it('reports impossible timelines', () => {
    const dir = folder({
      ...GOOD,
      'events.yaml': `events:
  - { id: north-out, entity: north-police, event: left_engage, date: "2023-01-01", confidence: verified, citations: [{ source: letter }] }
  - { id: north-in, entity: north-police, event: entered_engage, date: "2024-12-06", confidence: verified, citations: [{ source: letter }] }
  - { id: north-in-again, entity: north-police, event: entered_engage, date: "2025-01", confidence: verified, citations: [{ source: letter }] }
  - { id: hmicfrs-in, entity: hmicfrs, event: entered_engage, date: "2025", confidence: verified, citations: [{ source: letter }] }
`,
    });
    const { problems } = validateKnowledge(dir);
    expect(problems).toContain('events.yaml › north-out › date: impossible timeline: north-police leaves Engage on 1 January 2023 without having entered it before');
    expect(problems).toContain('events.yaml › north-in-again › date: north-police enters Engage on January 2025 while still in Engage since 6 December 2024 (no exit between them)');
    expect(problems).toContain('events.yaml › hmicfrs-in › entity: "hmicfrs" is a oversight_body; only police forces and fire and rescue services enter Engage');
  });

  it('reports quotes that are not verbatim, or in another paragraph', () => {
    const texts = folder({ 'article.txt': 'We are concerned.\n\nSecond paragraph.\n' });
    const misquoted = folder({ ...GOOD, 'facts/north.yaml': GOOD['facts/north.yaml'].replace('we are concerned', 'we are very concerned') });
    expect(validateKnowledge(misquoted, { sourceTextDir: texts }).problems[0]).toMatch(/^facts\/north\.yaml › north-concerns › citations\.0\.quote: not found verbatim in article\.txt/);
    const wrongPara = folder({ ...GOOD, 'facts/north.yaml': GOOD['facts/north.yaml'].replace('we are concerned', 'We are concerned') });
    expect(validateKnowledge(wrongPara, { sourceTextDir: texts }).problems).toEqual([
      'facts/north.yaml › north-concerns › citations.0.quote: found in para. 1 of article.txt, not in para. 2',
    ]);
  });

  it('notes, without failing, when the source texts are not available', () => {
    const report = validateKnowledge(folder(GOOD), { sourceTextDir: '/nonexistent/shared/sources' });
    expect(report.problems).toEqual([]);
    expect(report.notices.join('\n')).toMatch(/1 quote\(s\) not checked verbatim/);
  });

  it('reports YAML syntax errors and unknown sections with the file and line', () => {
    const dir = folder({ ...GOOD, 'broken.yaml': 'facts:\n  - id: x\n    text: [unclosed\n', 'odd.yaml': 'factoids: []\n' });
    const { problems } = validateKnowledge(dir);
    expect(problems.some((p) => /^broken\.yaml:\d+: YAML syntax error/.test(p))).toBe(true);
    expect(problems).toContain('odd.yaml › (top level): unknown section(s) "factoids"; expected sources, entities, facts, events, concepts, offices, roles, ambiguousAliases, wordClasses or meta');
  });

  it('throws one KNOWLEDGE_INVALID error listing every problem', () => {
    const dir = folder({ ...GOOD, 'events.yaml': 'events:\n  - { id: bad, entity: north-police, event: entered_engage, date: "2024-13", confidence: verified, citations: [{ source: letter }] }\n' });
    try {
      loadKnowledge(dir);
      expect.unreachable();
    } catch (error) {
      expect(isOversightError(error) && error.code).toBe('KNOWLEDGE_INVALID');
      expect(isOversightError(error) && error.describe()).toContain('events.yaml › bad › date: not a real calendar date');
    }
  });
});
