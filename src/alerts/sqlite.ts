// Loads better-sqlite3 (native) and types the small part of its API the alert store uses. The
// project has no @types/better-sqlite3, so the surface is declared here rather than relying on an
// untyped import. Depends on nothing else in the project.

import { createRequire } from 'node:module';

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement<Row = unknown> {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): Row | undefined;
  all(...params: unknown[]): Row[];
}

export interface SqliteDatabase {
  prepare<Row = unknown>(sql: string): Statement<Row>;
  exec(sql: string): this;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  /** Wraps `fn` in BEGIN/COMMIT (ROLLBACK when it throws). */
  transaction<Args extends unknown[], R>(fn: (...args: Args) => R): (...args: Args) => R;
  close(): this;
  readonly open: boolean;
  readonly name: string;
}

interface DatabaseConstructor {
  new (filename: string, options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number }): SqliteDatabase;
}

const require = createRequire(import.meta.url);
let constructor: DatabaseConstructor | undefined;

/** Opens (creating if needed) an SQLite database file. */
export function openSqlite(filename: string, options: { timeout?: number } = {}): SqliteDatabase {
  constructor ??= require('better-sqlite3') as DatabaseConstructor;
  return new constructor(filename, { timeout: options.timeout ?? 5_000 });
}
