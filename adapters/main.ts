// The composition root and the `oversight` command line: reads the environment once (through
// src/config.ts), loads the knowledge, builds the core and wires it to the terminal chat, Slack
// and/or Discord. The only module that sees process.env or chooses adapters.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeData } from '../knowledge/schema.ts';
import type { BotCore } from '../src/bot-core.ts';
import type { ChatAdapter } from '../src/chat-adapter.ts';
import { loadConfig, type AppConfig } from '../src/config.ts';
import { createBotCore } from '../src/create-bot-core.ts';
import { isOversightError, OversightError } from '../src/errors.ts';
import { byCategory, byConfidence, evaluate, halfOf, parseEvalCases, percent } from '../src/evaluate.ts';
import { loadKnowledgeCached } from '../src/knowledge-cache.ts';
import type { Logger } from '../src/logger.ts';
import { parseCommandArgs } from './cli/args.ts';
import { runAsk } from './cli/ask-command.ts';
import { createCliAdapter, HEADLESS_NOTHING_ASKED, HEADLESS_NOTICE } from './cli/chat.ts';
import { parseEnvFile } from './cli/env-file.ts';
import { renderAnswer } from './cli/render.ts';
import { loadWrapper, terminalStyle } from './cli/terminal.ts';
import { installCrashGuards, SHUTDOWN_TIMEOUT_MS, shutdownSignal, startServices, type RunningServices, type Service } from './lifecycle.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The knowledge bundled with the bot. */
export const BUNDLED_KNOWLEDGE_DIR = resolve(PROJECT_ROOT, 'knowledge');
/** Source texts kept beside the project (not shipped with it): used to check quotes verbatim. */
export const SOURCE_TEXT_DIR = resolve(PROJECT_ROOT, '..', 'shared', 'sources');
/** Where validated knowledge is cached between runs (see src/knowledge-cache.ts). */
const CACHE_DIR = resolve(PROJECT_ROOT, 'node_modules', '.cache', 'oversight-bot');

const USAGE = `Usage:
  oversight                         start the bot (terminal chat, or Slack/Discord when configured)
  oversight ask "question"          print one answer        --json: the Answer object as JSON
  oversight ask --jsonl             read one question per line on stdin, print one Answer JSON per line
  oversight kb validate [--dir D]   check the knowledge files and report every problem
  oversight eval FILE.jsonl         score the bot on a question set   --verbose: every case; --by-category; --half working|check
  oversight timeline [police|fire] [YYYY[-YYYY]] --out engage.png   the Engage timeline chart (PNG or SVG)
  oversight discord register        register the Discord slash commands
  oversight alerts status|preview   alert subscriptions and deliveries; what a knowledge change would announce
  oversight alerts subscribe|unsubscribe --platform slack|discord --channel ID [--topic T]
  oversight help                    this text`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};

/** Runs the command line; resolves to the exit code (0 ok, 1 failure, 2 usage). */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  loadDotEnv();
  const [command = 'start', ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await start(io);
      case 'ask':
        return await ask(rest, io);
      case 'kb':
        if (rest[0] === 'validate') return await validate(rest.slice(1), io);
        io.err(USAGE);
        return 2;
      case 'eval':
        return await runEval(rest, io);
      case 'timeline':
        return await timeline(rest, io);
      case 'discord':
        if (rest[0] === 'register') return await registerDiscord(io);
        io.err(USAGE);
        return 2;
      case 'alerts':
        return await alertsCommand(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        io.err(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (isOversightError(error)) {
      io.err(error.describe());
      return error.code === 'USAGE' ? 2 : 1;
    }
    // Unexpected: say what happened in one line; the stack only when asked for.
    io.err(`oversight: unexpected error: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.OVERSIGHT_DEBUG) io.err(String((error as Error)?.stack));
    return 1;
  }
}

/** Reads ./.env when present (never overriding variables already set); warns about bad lines. */
function loadDotEnv(): void {
  const path = resolve(process.cwd(), '.env');
  if (!existsSync(path)) return;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    process.stderr.write(`oversight: could not read .env (${(error as Error).message}); continuing without it\n`);
    return;
  }
  const { values, warnings } = parseEnvFile(text);
  for (const warning of warnings) process.stderr.write(`oversight: .env ${warning}\n`);
  for (const [name, value] of Object.entries(values)) if (process.env[name] === undefined) process.env[name] = value;
}

// Loaded by the commands that log: pino costs about 13 ms of start-up that `oversight ask` and
// `oversight eval` never use.
const loggerModule = () => import('../src/logger.ts');

function readConfig(): AppConfig {
  return loadConfig(process.env);
}

function knowledgeFor(config: AppConfig): Promise<KnowledgeData> {
  return loadKnowledgeCached(config.knowledgeDir ? resolve(config.knowledgeDir) : BUNDLED_KNOWLEDGE_DIR, { sourceTextDir: SOURCE_TEXT_DIR, cacheDir: CACHE_DIR });
}

async function start(io: Io): Promise<number> {
  const config = readConfig();
  const { createLogger } = await loggerModule();
  const logger = createLogger(config.logLevel, undefined, config.logFormat);
  const knowledge = await knowledgeFor(config);
  const core = swappableCore(createBotCore(knowledge));

  // Alerts (docs/alerts.md) need a platform to deliver to: set up with Slack and/or Discord only.
  // They watch the knowledge folder; answers follow the same changes, so they never contradict an alert.
  const alerts = config.slack || config.discord ? await startAlertsRuntime(config, knowledge, logger, (k) => core.swap(createBotCore(k))) : undefined;

  const adapters: ChatAdapter[] = [];
  if (config.slack) {
    const { createSlackAdapter } = await import('./slack/index.ts');
    adapters.push(createSlackAdapter({ config: config.slack, core, logger, ...(alerts ? { alerts: alerts.slackCommands } : {}) }));
  }
  if (config.discord) {
    const { createDiscordAdapter } = await import('./discord/index.ts');
    adapters.push(createDiscordAdapter({ config: config.discord, core, logger, ...(alerts ? { alerts: alerts.discordAlerts } : {}) }));
  }

  if (adapters.length === 0) {
    const interactive = Boolean(process.stdin.isTTY);
    if (interactive) {
      io.out('No Slack or Discord tokens configured, so starting the terminal chat on the bundled knowledge base.');
      io.out('To connect Slack or Discord, copy .env.example to .env, fill in the tokens and run npm start again (see README).\n');
    } else io.err(HEADLESS_NOTICE);
    const style = () => terminalStyle(process.stdout, process.env);
    const wrap = await loadWrapper(style().width);
    return await new Promise<number>((done) => {
      // Without a terminal, an input with no question means the bot was meant to be a chat bot.
      const onClose = ({ questions }: { questions: number }) => {
        if (!interactive && questions === 0) io.err(HEADLESS_NOTHING_ASKED);
        // After "quit" the input may still be open (a pipe, a terminal): let the process end.
        process.stdin.destroy();
        done(interactive || questions > 0 ? 0 : 1);
      };
      const chat = createCliAdapter({ core, input: process.stdin, output: process.stdout, interactive, onClose, style, ...(wrap ? { wrap } : {}) });
      // SIGTERM/SIGINT end the chat like end of input: the answer being printed is finished first.
      void shutdownSignal().then(() => chat.stop().finally(() => done(0)));
      void chat.start();
    });
  }

  // All or nothing (issue 9, defect 1): the alerts store is opened and checked before any adapter
  // connects, and if anything fails to start, everything started is stopped and the bot exits 1.
  // A half-started bot (answering but never alerting, /healthz saying ok) is worse than a loud
  // stop the supervisor restarts; the error names the cause (e.g. the database file and DATA_DIR).
  const services: Service[] = [
    ...(alerts ? [{ name: 'alerts', start: () => void alerts.start(), stop: () => alerts.stop() }] : []),
    ...adapters.map((adapter) => ({ name: `${adapter.platform} adapter`, start: () => adapter.start(), stop: () => adapter.stop() })),
  ];
  // Listened for before anything starts: a SIGTERM during start-up still stops gracefully.
  const stopRequested = shutdownSignal();
  let running: RunningServices;
  try {
    running = await startServices(services, logger);
  } catch (error) {
    // Anything still holding the event loop (a reconnect timer) must not keep a failed bot alive.
    setTimeout(() => process.exit(1), 5_000).unref();
    throw error;
  }
  installCrashGuards(logger, { cleanup: () => running.stop(2_000) });
  const signal = await stopRequested;
  logger.info(`received ${signal}, stopping (at most ${SHUTDOWN_TIMEOUT_MS / 1000} s)`);
  // A second signal while stopping means "now".
  void shutdownSignal().then((again) => {
    logger.warn(`received ${again} again; exiting without waiting`);
    process.exit(1);
  });
  const clean = await running.stop(SHUTDOWN_TIMEOUT_MS);
  if (!clean) setTimeout(() => process.exit(1), 100).unref();
  return clean ? 0 : 1;
}

// ── Alerts ─────────────────────────────────────────────────────────────────────────────────

/** The alerts store, senders, knowledge watch and feed watcher for the configured platforms. */
async function startAlertsRuntime(config: AppConfig, knowledge: KnowledgeData, logger: Logger, onKnowledge: (k: KnowledgeData) => void) {
  const { createAlertsRuntime } = await import('./alerts-runtime.ts');
  // Reloads validate on a worker thread: a large edit never stalls answering (issue 9, defect 7).
  const { loadKnowledgeOffThread } = await import('../src/knowledge-worker.ts');
  const dir = config.knowledgeDir ? resolve(config.knowledgeDir) : BUNDLED_KNOWLEDGE_DIR;
  const reload = () => loadKnowledgeOffThread(dir, { sourceTextDir: SOURCE_TEXT_DIR });
  return createAlertsRuntime({
    config,
    knowledge,
    knowledgeDir: config.knowledgeDir ? resolve(config.knowledgeDir) : BUNDLED_KNOWLEDGE_DIR,
    reloadKnowledge: reload,
    onKnowledge,
    logger,
  });
}

/** A BotCore the adapters keep while the knowledge behind it is replaced. */
function swappableCore(initial: BotCore): BotCore & { swap(next: BotCore): void } {
  let current = initial;
  return {
    ask: (question) => current.ask(question),
    engageStatus: (date) => current.engageStatus(date),
    suggest: (partial, limit) => current.suggest(partial, limit),
    help: () => current.help(),
    engageStays: () => current.engageStays(),
    get revision() {
      return current.revision;
    },
    get newestRecordDate() {
      return current.newestRecordDate;
    },
    swap(next) {
      current = next;
    },
  };
}

/** `oversight alerts status|preview|subscribe|unsubscribe` for operators. */
async function alertsCommand(args: string[], io: Io): Promise<number> {
  const { runAlertsCli } = await import('./cli/alerts-commands.ts');
  const config = readConfig();
  const { createLogger } = await loggerModule();
  return runAlertsCli(args, { config, loadKnowledge: await syncKnowledgeLoader(config), io, logger: createLogger(config.logLevel, undefined, config.logFormat) });
}

/** Full, uncached validation on every call, on this thread: for the operator commands. */
async function syncKnowledgeLoader(config: AppConfig): Promise<() => KnowledgeData> {
  const { loadKnowledge } = await import('../src/knowledge-loader.ts');
  return () => loadKnowledge(config.knowledgeDir ? resolve(config.knowledgeDir) : BUNDLED_KNOWLEDGE_DIR, { sourceTextDir: SOURCE_TEXT_DIR });
}

async function ask(args: string[], io: Io): Promise<number> {
  return runAsk(args, {
    getCore: async () => createBotCore(await knowledgeFor(readConfig())),
    input: process.stdin,
    output: process.stdout,
    err: io.err,
    usage: USAGE,
    render: async (answer, core) => {
      const style = terminalStyle(process.stdout, process.env);
      const wrap = await loadWrapper(style.width);
      return renderAnswer(answer, { ...style, ...(wrap ? { wrap } : {}), newestRecord: core.newestRecordDate });
    },
  });
}

/** `oversight timeline …`: the chart code loads only for this command. */
async function timeline(args: string[], io: Io): Promise<number> {
  const { runTimelineCli } = await import('./cli/timeline-command.ts');
  const core = createBotCore(await knowledgeFor(readConfig()));
  return runTimelineCli(args, { core, out: io.out, cwd: process.cwd() });
}

async function validate(args: string[], io: Io): Promise<number> {
  const { validateKnowledge } = await import('../src/knowledge-loader.ts');
  const { values } = parseCommandArgs(args, { dir: { type: 'string' } }, USAGE);
  const configured = typeof values.dir === 'string' ? values.dir : readConfig().knowledgeDir;
  const dir = configured ? resolve(configured) : BUNDLED_KNOWLEDGE_DIR;
  const report = validateKnowledge(dir, { sourceTextDir: SOURCE_TEXT_DIR });
  for (const notice of report.notices) io.err(`notice: ${notice}`);
  if (report.problems.length > 0) {
    io.err(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${dir}:`);
    for (const p of report.problems) io.err(`  ${p}`);
    return 1;
  }
  const d = report.data!;
  io.out(`knowledge OK: ${report.files} files, ${d.sources.length} sources, ${d.entities.length} entities, ${d.facts.length} facts, ${d.events.length} status events, ${d.concepts.length} concepts (revision ${d.revision})`);
  return 0;
}

async function runEval(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { verbose: { type: 'boolean' }, 'by-category': { type: 'boolean' }, half: { type: 'string' } }, USAGE, { positionals: true });
  if (positionals.length > 1) throw new OversightError('USAGE', `One question set at a time (got ${positionals.length}).\n\n${USAGE}`);
  const file = positionals[0];
  if (!file) throw new OversightError('USAGE', `Which question set? e.g. oversight eval ../shared/eval/dev.jsonl\n\n${USAGE}`);
  if (!existsSync(file)) throw new OversightError('USAGE', `No such file: ${file}`);
  const half = values.half;
  if (half !== undefined && half !== 'working' && half !== 'check') throw new OversightError('USAGE', '--half takes "working" (odd-numbered ids) or "check" (even-numbered ids).');
  const config = readConfig();
  const knowledge = await knowledgeFor(config);
  const core = createBotCore(knowledge);
  let cases;
  try {
    cases = parseEvalCases(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new OversightError('USAGE', `${file}: ${(error as Error).message}`);
  }
  if (half) cases = cases.filter((c) => halfOf(c) === half);
  const summary = evaluate(cases, (q) => core.ask(q), knowledge);
  const verbose = values.verbose === true;
  for (const r of summary.results) {
    if (r.ok && !verbose) continue;
    io.out(`${r.ok ? 'ok  ' : 'MISS'} ${r.case.id} ${JSON.stringify(r.case.q)}${r.why ? ` — ${r.why}` : ''}`);
    if (!r.ok) io.out(`     → [${r.answer.status}/${r.answer.explanation?.route} ${r.answer.confidence}] ${r.answer.text.slice(0, 300)}`);
  }
  if (values['by-category'] === true) {
    io.out('by category:');
    for (const row of byCategory(summary)) io.out(`  ${row.expect.padEnd(6)} ${row.category.padEnd(14)} ${String(row.tally.right).padStart(3)}/${String(row.tally.total).padEnd(3)} ${percent(row.tally)}`);
  }
  io.out('answers given, by confidence:');
  for (const row of byConfidence(summary)) io.out(`  ${row.band}  ${String(row.answers.right).padStart(3)}/${String(row.answers.total).padEnd(3)} right ${percent(row.answers)}`);
  io.out(`answer accuracy: ${summary.answered.right}/${summary.answered.total} (${percent(summary.answered)})`);
  io.out(`refusal accuracy: ${summary.refused.right}/${summary.refused.total} (${percent(summary.refused)})`);
  return 0;
}

async function registerDiscord(io: Io): Promise<number> {
  const config = readConfig();
  if (!config.discord) {
    throw new OversightError('CONFIG_INVALID', 'Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example and docs/discord.md).');
  }
  const { registerDiscordCommands } = await import('./discord/register.ts');
  const { createLogger } = await loggerModule();
  await registerDiscordCommands({ config: config.discord, logger: createLogger(config.logLevel) });
  io.out(config.discord.guildId ? `Registered /oversight in guild ${config.discord.guildId}.` : 'Registered /oversight globally (may take up to an hour to appear).');
  return 0;
}

