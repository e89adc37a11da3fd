// The `oversight` command as a user runs it: real child processes of bin/oversight.js, in a
// temporary working directory with no chat tokens, asserting on stdout, stderr and exit codes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/knowledge.ts';

const BIN = resolve(PROJECT_ROOT, 'bin', 'oversight.js');
const workDir = mkdtempSync(join(tmpdir(), 'oversight-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The environment without any chat tokens, as on a fresh machine. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(SLACK_|DISCORD_|KNOWLEDGE_DIR|ALERT_)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function run(args: string[], input = '', env = cleanEnv()) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: workDir, input, env, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('oversight command line', () => {
  it('prints one readable answer with numbered sources and an as-of date', () => {
    const r = run(['ask', 'which forces are in Engage?']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Lincolnshire Police');
    expect(r.out).toMatch(/As of 12 August 2025/);
    expect(r.out).toMatch(/Sources:\n\s+\[1\] /);
  });

  it('prints the Answer object with --json', () => {
    const r = run(['ask', '--json', 'which forces are in Engage?']);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.out);
    expect(answer).toMatchObject({ status: 'answered', asOf: '2025-08-12' });
    expect(answer.text).toContain('Lincolnshire');
    expect(answer.citations[0]).toMatchObject({ n: 1, sourceId: expect.any(String), title: expect.any(String) });
  });

  it('answers one JSON line per input line, in order, with --jsonl', () => {
    const input = ['which forces are in Engage?', 'Give me a cake recipe', '{"q": "When did the Met leave Engage?"}', '', 'is GMP in special measures'].join('\n') + '\n';
    const r = run(['ask', '--jsonl'], input);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((a) => a.status)).toEqual(['answered', 'no_answer', 'answered', 'no_answer', 'answered']);
    expect(lines[2].text).toContain('23 January 2025');
  });

  it('gives a usage message and exit code 2 for an empty question', () => {
    for (const args of [['ask'], ['ask', '   ']]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Please ask a question/);
      expect(r.err).toMatch(/Usage:/);
    }
  });

  it('refuses a question over 500 characters with a clear message', () => {
    const r = run(['ask', 'why '.repeat(200)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/under 500/);
  });

  it('strips control characters from questions', () => {
    const r = run(['ask', '--json', 'which\u0007 forces are\u001b[31m in Engage?']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).status).toBe('answered');
  });

  it('stops start-up on a broken knowledge file with the validator message, not a stack trace', () => {
    const broken = join(workDir, 'broken-kb');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'facts.yaml'), 'facts:\n  - id: lonely\n    about: [nobody]\n    text: A claim.\n    citations: [{ source: nowhere }]\n');
    const r = run(['ask', 'anything'], '', cleanEnv({ KNOWLEDGE_DIR: broken }));
    expect(r.code).toBe(1);
    expect(r.err).toContain('facts.yaml › lonely › citations.0.source: unknown source "nowhere"');
    expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('names the bad variable when a token is malformed', () => {
    const r = run(['start'], '', cleanEnv({ SLACK_BOT_TOKEN: 'not-a-token', SLACK_APP_TOKEN: 'xapp-1' }));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/SLACK_BOT_TOKEN: must start with "xoxb-"/);
    expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('starts the terminal chat with no tokens, answers, and quits', () => {
    const r = run(['start'], 'which forces are in Engage?\nhelp\nquit\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Lincolnshire Police');
    expect(r.out).toMatch(/Try:\n\s+• /);
  });

  it('validates the knowledge base', () => {
    const r = run(['kb', 'validate']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^knowledge OK: \d+ files, \d+ sources, \d+ entities, \d+ facts, \d+ status events/);
  });

  it('rejects unknown commands and options with usage', () => {
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['ask', '--xml', 'hi']).code).toBe(2);
  });
});
