// The pino-based logger: JSON lines with level, time, message and fields (errors with name,
// message and stack) for log collectors; the one-line human format kept for terminals and tests;
// levels filter; a fatal event carries its stack on the lines below.

import { describe, expect, it } from 'vitest';
import { createLogger, createMemoryLogger } from '../../src/logger.ts';

describe('logger', () => {
  it('writes one JSON object per event in json format, errors with their stack', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (l) => lines.push(l), 'json');
    logger.debug('hidden');
    logger.warn('alerts: could not fetch a news feed', { url: 'https://x.example/feed', error: new TypeError('fetch failed') });
    expect(lines).toHaveLength(1);
    const event = JSON.parse(lines[0]!);
    expect(event).toMatchObject({ level: 'warn', msg: 'alerts: could not fetch a news feed', url: 'https://x.example/feed', error: { type: 'TypeError', message: 'fetch failed' } });
    expect(event.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(event.error.stack).toMatch(/TypeError: fetch failed\n\s+at /);
  });

  it('keeps the human line: time, level, message, fields', () => {
    const logger = createMemoryLogger();
    logger.info('slack adapter started', { port: 3000 });
    logger.error('boom', { error: new Error('disk full') });
    expect(logger.lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+ INFO slack adapter started \{"port":3000\}$/);
    expect(logger.lines[1]).toMatch(/ ERROR boom \{"error":\{"name":"Error","message":"disk full"\}\}$/);
  });

  it('puts a fatal error\'s stack below its line', () => {
    const logger = createMemoryLogger();
    logger.fatal('uncaught exception', { error: new RangeError('bad') });
    expect(logger.lines[0]).toMatch(/ FATAL uncaught exception \{"error":\{"name":"RangeError","message":"bad"\}\}\nRangeError: bad\n\s+at /);
  });

  it('filters by level and says nothing when silent', () => {
    const lines: string[] = [];
    const logger = createLogger('silent', (l) => lines.push(l));
    logger.error('nothing');
    logger.fatal('nothing either');
    expect(lines).toEqual([]);
  });
});
