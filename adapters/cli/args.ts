// Command-line option parsing for every `oversight` subcommand, on Node's own util.parseArgs, so
// a missing value ("--dir" with nothing after it), an unknown flag or a stray word is a usage error
// (exit code 2) with the usage text, never silently ignored. Pure; reads no environment.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OversightError } from '../../src/errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Parses `args` strictly against `options`. Throws OversightError USAGE naming the problem,
 * followed by `usage`. A string option must have a non-empty value.
 */
export function parseCommandArgs(args: string[], options: Options, usage: string, { positionals = false } = {}): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (error) {
    throw new OversightError('USAGE', `${describeParseError(error)}\n\n${usage}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.trim() === '') {
      throw new OversightError('USAGE', `--${name} needs a value.\n\n${usage}`);
    }
  }
  return { values, positionals: parsed.positionals };
}

/** util.parseArgs messages are good but name Node's own terms; keep the message, drop the code. */
function describeParseError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing|argument is ambiguous/.test(message)) {
    const name = /'(--[\w-]+)/.exec(message)?.[1];
    return name ? `${name} needs a value (--name=value for one that starts with "-").` : message;
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']*)'/.exec(message)?.[1];
    return word !== undefined ? `Unexpected "${word}".` : message;
  }
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = /'([^']*)'/.exec(message)?.[1];
    // "To specify a positional argument starting with a '-', place it at the end of the command after '--'"
    return name !== undefined ? `Unknown option ${name}. (A question that starts with "-" goes after "--".)` : message;
  }
  return message;
}
