// Bridges Bolt's logger interface (varargs, its own levels) onto our structured Logger, so Bolt,
// its Web API client and the Socket Mode client all log one line per event through one place.
// While Slack is unreachable the same warning repeats on every retry: it is said once, names the
// host, and is then summarised at most once a minute instead of flooding the log.

import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';

const rank: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

export interface BoltLoggerOptions {
  /** The Web API base URL, to name the host when a request cannot reach it. */
  apiUrl?: string;
  /** How long an identical warning or error stays quiet after it was logged. */
  repeatWindowMs?: number;
  now?: () => number;
}

/** The Web API client's words for "the request never got an answer" (DNS, refused, reset, TLS). */
const UNREACHABLE = 'http request failed';

export function toBoltLogger(logger: Logger, initialLevel: LogLevel = LogLevel.INFO, options: BoltLoggerOptions = {}): BoltLogger {
  let level = initialLevel;
  let name = 'bolt';
  const host = hostOf(options.apiUrl ?? 'https://slack.com/api/');
  const windowMs = options.repeatWindowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const quiet = new Map<string, { until: number; suppressed: number }>();

  const emit = (at: LogLevel, parts: unknown[]) => {
    if (rank[at] < rank[level]) return;
    let text = parts.map(describe).join(' ');
    if (typeof parts[0] === 'string' && parts[0] === UNREACHABLE) {
      text = `cannot reach ${host} (${parts.slice(1).map(describe).join(' ') || 'no answer'}); retrying with backoff`;
    }
    let message = `slack/${name}: ${text}`;
    if (rank[at] >= rank[LogLevel.WARN]) {
      // Instance numbers in names ("web-api:WebClient:3") differ per client: key on the text.
      const key = `${at}:${text}`;
      const t = now();
      const entry = quiet.get(key);
      if (entry && t < entry.until) {
        entry.suppressed += 1;
        return;
      }
      if (entry && entry.suppressed > 0) message += ` (repeated ${entry.suppressed} more time${entry.suppressed === 1 ? '' : 's'} in the last ${Math.round(windowMs / 1000)} s)`;
      quiet.set(key, { until: t + windowMs, suppressed: 0 });
      if (quiet.size > 200) quiet.delete(quiet.keys().next().value!);
    }
    if (at === LogLevel.DEBUG) logger.debug(message);
    else if (at === LogLevel.INFO) logger.info(message);
    else if (at === LogLevel.WARN) logger.warn(message);
    else logger.error(message);
  };
  return {
    debug: (...parts: unknown[]) => emit(LogLevel.DEBUG, parts),
    info: (...parts: unknown[]) => emit(LogLevel.INFO, parts),
    warn: (...parts: unknown[]) => emit(LogLevel.WARN, parts),
    error: (...parts: unknown[]) => emit(LogLevel.ERROR, parts),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** One readable fragment per logged value; errors as "name: message (code)", never a stack. */
function describe(part: unknown): string {
  if (part instanceof Error) {
    const code = (part as { code?: unknown }).code;
    return `${part.name}: ${part.message}${typeof code === 'string' ? ` (${code})` : ''}`;
  }
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}
