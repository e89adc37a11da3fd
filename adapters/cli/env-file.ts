// Reads a .env file's text into variables with Node's own parser (util.parseEnv), one line at a
// time, so a malformed line is reported and skipped instead of swallowing the next variable, and
// a byte-order mark is removed instead of hiding the first. Pure: it sets no variable itself.

import { parseEnv } from 'node:util';

export interface EnvFile {
  values: Record<string, string>;
  /** One line per problem, naming the line and (never the value of) the variable. */
  warnings: string[];
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;

export function parseEnvFile(text: string): EnvFile {
  const values: Record<string, string> = {};
  const warnings: string[] = [];
  if (text.startsWith('\uFEFF')) {
    warnings.push('line 1: starts with a byte-order mark (the file was saved as "UTF-8 with BOM"); it was ignored — save the file as plain UTF-8');
    text = text.slice(1);
  }
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const n = index + 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const match = ASSIGNMENT.exec(line);
    if (!match) {
      warnings.push(`line ${n}: is not NAME=value; it was ignored`);
      return;
    }
    const [, name, rest] = match as unknown as [string, string, string];
    const raw = rest.trim();
    const quote = raw[0];
    if ((quote === '"' || quote === "'" || quote === '`') && raw.indexOf(quote, 1) < 0) {
      warnings.push(`line ${n}: ${name} opens a ${quote} quote that does not close on the same line (values cannot span lines here); it was read as written, quote included`);
    }
    const parsed = parseEnv(line);
    if (name in values) warnings.push(`line ${n}: ${name} is set again; the later value wins`);
    values[name] = parsed[name] ?? '';
  });
  return { values, warnings };
}
