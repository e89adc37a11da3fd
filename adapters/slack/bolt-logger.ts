// Bridges Bolt's logger interface (varargs, its own levels) onto our structured Logger, so Bolt,
// its Web API client and the Socket Mode client all log one line per event through one place.

import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';

const rank: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

export function toBoltLogger(logger: Logger, initialLevel: LogLevel = LogLevel.INFO): BoltLogger {
  let level = initialLevel;
  let name = 'bolt';
  const emit = (at: LogLevel, parts: unknown[]) => {
    if (rank[at] < rank[level]) return;
    const message = `slack/${name}: ${parts.map(describe).join(' ')}`;
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
