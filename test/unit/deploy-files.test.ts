// Keeps the deployment files true to the project without a Docker daemon: the Dockerfile's
// command, Node version, copied folders and health check; compose.yaml's volume and image tag;
// LICENSE and CHANGELOG against package.json. Also runs bin/healthcheck.js against a loopback
// server, since the image's HEALTHCHECK relies on it.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HEALTH_PATH } from '../../adapters/slack/receiver.ts';
import { loadConfig } from '../../src/config.ts';
import { PROJECT_ROOT } from '../support/knowledge.ts';

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; license: string; engines: { node: string }; bin: Record<string, string>; scripts: Record<string, string> };
const dockerfile = read('Dockerfile');
/** Instructions with continuation lines joined and comments dropped, as Docker reads them. */
const instructions = dockerfile
  .split('\n')
  .filter((line) => !/^\s*#/.test(line))
  .join('\n')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const stages = instructions.join('\n').split(/^FROM /m).slice(1);
const runtime = stages.at(-1)!;
const compose = parse(read('compose.yaml')) as { services: Record<string, { image?: string; volumes?: string[]; environment?: Record<string, string>; ports?: string[] }>; volumes?: Record<string, unknown> };
const service = Object.values(compose.services)[0]!;

describe('Dockerfile', () => {
  it('runs the same entry point as package.json, with node directly (signals reach the bot)', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(runtime)?.[1];
    expect(cmd).toBeDefined();
    expect(JSON.parse(cmd!)).toEqual(['node', pkg.bin.oversight, 'start']);
    expect(pkg.scripts.start).toBe(`node ${pkg.bin.oversight} start`);
  });

  it('uses a Node version that satisfies engines.node', () => {
    const min = /^>=\s*(\d+)\.(\d+)/.exec(pkg.engines.node);
    expect(min).not.toBeNull();
    const version = /^ARG NODE_VERSION=(\d+)(?:\.(\d+))?/m.exec(dockerfile);
    expect(version).not.toBeNull();
    // A bare major ("20") tracks the newest 20.x, which is past any 20.y minimum.
    expect(Number(version![1])).toBe(Number(min![1]));
    if (version![2] !== undefined) expect(Number(version![2])).toBeGreaterThanOrEqual(Number(min![2]));
    expect(stages.every((s) => s.startsWith('node:${NODE_VERSION}-'))).toBe(true);
  });

  it('is multi-stage, installs production dependencies only in the final image, and runs as non-root', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/npm ci/);
    expect(stages[0]).toMatch(/npm prune --omit=dev/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toMatch(/npm (ci|install)(?!.*--omit=dev)/);
  });

  it('copies everything bin/oversight.js needs at run time into the final image', () => {
    // The bundle, plus the sources it compares itself against and the bundled knowledge.
    const copied = [...runtime.matchAll(/^COPY --from=build (.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/)).map((p) => p.replace(/^\/app\//, ''));
    for (const needed of ['dist', 'bin', 'src', 'adapters', 'knowledge', 'node_modules', 'package.json']) expect(copied).toContain(needed);
    const launcher = read('bin/oversight.js');
    for (const folder of ['src', 'adapters', 'knowledge']) expect(launcher).toContain(`'${folder}'`);
    expect(launcher).toContain("'dist', 'oversight.mjs'");
  });

  it('copies only what exists, and .dockerignore keeps none of it out', () => {
    const sources = [...stages[0]!.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(sources.length).toBeGreaterThan(3);
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    for (const source of sources) {
      expect(existsSync(join(PROJECT_ROOT, source)), source).toBe(true);
      expect(ignored, source).not.toContain(source);
    }
  });

  it('keeps DATA_DIR on a volume and checks health where HTTP mode serves it', () => {
    expect(runtime).toMatch(/DATA_DIR=\/data/);
    expect(runtime).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*CMD \["node", "bin\/healthcheck\.js"\]$/m);
    expect(read('bin/healthcheck.js')).toContain(HEALTH_PATH);
    const port = /SLACK_PORT=(\d+)/.exec(runtime)?.[1];
    expect(runtime).toMatch(new RegExp(`^EXPOSE ${port}$`, 'm'));
    // The HTTP receiver must be reachable from outside the container.
    expect(runtime).toMatch(/SLACK_HOST=0\.0\.0\.0/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef123456', SLACK_HOST: '0.0.0.0', SLACK_PORT: port! }).slack).toMatchObject({ host: '0.0.0.0', port: Number(port) });
  });
});

describe('compose.yaml', () => {
  it('mounts a named volume at DATA_DIR, tags the image with the package version, and publishes to loopback only', () => {
    expect(service.environment?.DATA_DIR).toBe('/data');
    const [volume] = service.volumes ?? [];
    expect(volume).toMatch(/^[\w-]+:\/data$/);
    expect(Object.keys(compose.volumes ?? {})).toContain(volume!.split(':')[0]);
    expect(service.image).toBe(`oversight-bot:${pkg.version}`);
    for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
  });
});

describe('LICENSE and CHANGELOG', () => {
  it('has the MIT licence the README and package.json name', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License/);
    expect(read('README.md')).toMatch(/License: MIT/);
  });

  it('has a CHANGELOG entry for the current version', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(read('CHANGELOG.md')).toMatch(new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\]`, 'm'));
  });
});

describe('bin/healthcheck.js', () => {
  const runCheck = (env: Record<string, string>) =>
    new Promise<number | null>((done) => {
      const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'healthcheck.js')], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
      child.on('close', (code) => done(code));
    });

  it('passes when /healthz answers 200 and fails when it does not, in HTTP mode', async () => {
    let status = 200;
    const server = createServer((req, res) => {
      res.writeHead(req.url === HEALTH_PATH ? status : 404).end('ok');
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const port = String((server.address() as AddressInfo).port);
    const http = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123', SLACK_PORT: port, SLACK_HOST: '0.0.0.0' };
    try {
      expect(await runCheck(http)).toBe(0);
      status = 503;
      expect(await runCheck(http)).toBe(1);
    } finally {
      await new Promise((closed) => server.close(closed));
    }
    // Nothing listening any more: unhealthy.
    expect(await runCheck(http)).toBe(1);
  });

  it('passes without checking HTTP in Socket Mode or Discord-only mode', async () => {
    expect(await runCheck({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_PORT: '1' })).toBe(0);
    expect(await runCheck({ DISCORD_TOKEN: 'x'.repeat(30) })).toBe(0);
  });
});
