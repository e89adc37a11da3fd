// The one logger of the bot, built on pino: structured events with levels, written to stderr so
// logs never mix with the terminal chat on stdout. JSON lines for log collectors; a one-line human
// format for a person at a terminal (and for tests, which capture lines). No other project imports.

import { pino, stdSerializers, type DestinationStream } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
/** "json": one JSON object per line; "pretty": one human line; "auto": pretty on a terminal, else JSON. */
export type LogFormat = 'auto' | 'json' | 'pretty';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A failure that ends the process (an uncaught exception): written synchronously. */
  fatal(message: string, fields?: Record<string, unknown>): void;
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/**
 * A logger at `level`, writing to stderr or to `write` (tests, the crash-test child). "auto" means
 * human lines for a terminal or a `write` function, JSON lines otherwise.
 */
export function createLogger(level: LogLevel = 'info', write?: (line: string) => void, format: LogFormat = 'auto'): Logger {
  const pretty = format === 'pretty' || (format === 'auto' && (write !== undefined || Boolean(process.stderr.isTTY)));
  // Synchronous writes: a line logged just before process.exit (a crash) must not be lost.
  const destination: DestinationStream = write
    ? { write: (json: string) => write(pretty ? humanLine(json) : json.trimEnd()) }
    : pretty
      ? { write: (json: string) => process.stderr.write(humanLine(json) + '\n') }
      : pino.destination({ fd: 2, sync: true });
  const base = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const emit = (at: 'debug' | 'info' | 'warn' | 'error' | 'fatal') => (message: string, fields?: Record<string, unknown>) => {
    if (fields && Object.keys(fields).length > 0) base[at](withErrors(fields), message);
    else base[at](message);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error'), fatal: emit('fatal') };
}

/** A logger that records human lines in memory: for tests. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger('debug', (line) => lines.push(line));
  return Object.assign(logger, { lines });
}

/** "2026-12-01T10:00:00.000Z WARN message {"field":1}" from one pino JSON line. */
function humanLine(json: string): string {
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const { time, level, msg, ...fields } = event;
  const name = typeof level === 'string' ? level.toUpperCase() : (LEVEL_NAMES[Number(level)] ?? String(level));
  // The stack of a logged error goes on the lines below, where a person reads it; the one-line
  // summary keeps its name and message.
  const stacks: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value && typeof value === 'object' && typeof (value as { stack?: unknown }).stack === 'string') {
      const { stack, type, ...rest } = value as { stack: string; type?: unknown };
      fields[key] = { ...(typeof type === 'string' ? { name: type } : {}), ...rest };
      if (name === 'FATAL') stacks.push(stack);
    }
  }
  const extra = Object.keys(fields).length > 0 ? ' ' + safeJson(fields) : '';
  return [`${String(time)} ${name} ${String(msg ?? '')}${extra}`, ...stacks].join('\n');
}

/** Errors under any top-level field, not only "error", keep their name, message and stack. */
function withErrors(fields: Record<string, unknown>): Record<string, unknown> {
  let out = fields;
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Error) {
      if (out === fields) out = { ...fields };
      out[key] = stdSerializers.err(value);
    }
  }
  return out;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '"[unserialisable]"';
  }
}
