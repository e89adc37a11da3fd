// The `oversight` command as a user runs it: real child processes of bin/oversight.js, in a
// temporary working directory with no chat tokens, asserting on stdout, stderr and exit codes.

import { spawn, spawnSync } from 'node:child_process';
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

  // issue 9 #10: node:readline ended a line at a bare CR, so 3 lines gave 4 answers.
  it('gives one --jsonl output line per input line, even with a bare carriage return inside one', () => {
    const r = run(['ask', '--jsonl'], 'which forces are\rin Engage?\nis GMP in special measures\r\n\n');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!).status).toBe('answered');
    expect(JSON.parse(lines[2]!)).toMatchObject({ status: 'no_answer', error: { code: 'QUESTION_EMPTY' } });
  });

  // issue 9 #11: a reader that stops early (`| head -1`) made Node print an EPIPE stack trace.
  it('exits quietly when the reader of --jsonl output goes away', async () => {
    const child = spawn(process.execPath, [BIN, 'ask', '--jsonl'], { cwd: workDir, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    // Like `head -1`: read the first answer, then close our end of the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.write('which forces are in Engage?\n'.repeat(5_000));
    child.stdin.end();
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(err).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(code).toBe(0);
  }, 30_000);

  // issue 9 #21: `kb validate --dir` with no value validated the bundled knowledge and said OK.
  it('treats kb validate --dir with no value as a usage error', () => {
    for (const args of [['kb', 'validate', '--dir'], ['kb', 'validate', '--dir', '--verbose'], ['kb', 'validate', '--dirr', 'x']]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.out).not.toMatch(/knowledge OK/);
      expect(r.err).toMatch(/Usage:/);
    }
    expect(run(['kb', 'validate', '--dir']).err).toMatch(/--dir needs a value/);
  });

  // A container that lost its variables used to exit 0 silently.
  it('says on stderr which variables to set when started with no platform and no terminal', () => {
    const empty = run(['start'], '');
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/SLACK_BOT_TOKEN[\s\S]*DISCORD_TOKEN/);
    expect(empty.err).toMatch(/no question/);
    const piped = run(['start'], 'which forces are in Engage?\n');
    expect(piped.code).toBe(0);
    expect(piped.out).toContain('Lincolnshire Police');
    expect(piped.err).toMatch(/SLACK_BOT_TOKEN/);
  });

  it('reads a .env saved with a BOM and a malformed line, warning about both', () => {
    const dir = mkdtempSync(join(workDir, 'dotenv-'));
    // Both variables are bad on purpose: the config error proves each one was read.
    writeFileSync(join(dir, '.env'), '\uFEFFLOG_LEVEL=loud\nTHIS LINE IS BROKEN\nDISCORD_APPLICATION_ID=abc\n');
    const r = spawnSync(process.execPath, [BIN, 'ask', 'hi'], { cwd: dir, env: cleanEnv(), encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\.env line 1: .*byte-order mark/);
    expect(r.stderr).toMatch(/\.env line 2: is not NAME=value/);
    expect(r.stderr).toMatch(/LOG_LEVEL: /);
    expect(r.stderr).toMatch(/DISCORD_APPLICATION_ID: /);
  });

  it('answers a piped line holding a bare carriage return once, and ends on "quit" while input stays open', async () => {
    const child = spawn(process.execPath, [BIN, 'start'], { cwd: workDir, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stdin.write('which forces are\rin Engage?\nquit\n'); // and never end stdin
    const code = await new Promise<number | null>((done) => {
      const timer = setTimeout(() => child.kill(), 15_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        done(c);
      });
    });
    expect(code).toBe(0);
    expect(out.match(/^As of 12 August 2025, the date of the newest record/gm)).toHaveLength(1);
  }, 30_000);
});

