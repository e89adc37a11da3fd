// One error type with stable codes for everything that can go wrong outside a normal answer.
// "No answer" is not an error: it is an Answer with status "no_answer".

export type ErrorCode =
  | 'KNOWLEDGE_INVALID'
  | 'KNOWLEDGE_UNREADABLE'
  | 'CONFIG_INVALID'
  /** The alerts database in DATA_DIR cannot be opened or written (locked, full, damaged, read-only). */
  | 'DATA_UNAVAILABLE'
  | 'QUESTION_EMPTY'
  | 'QUESTION_TOO_LONG'
  | 'USAGE';

export class OversightError extends Error {
  readonly code: ErrorCode;
  /** One line per problem, already phrased for a human (e.g. "facts/met.yaml › met-1 › text: …"). */
  readonly problems: string[];

  constructor(code: ErrorCode, message: string, problems: string[] = []) {
    super(message);
    this.name = 'OversightError';
    this.code = code;
    this.problems = problems;
  }

  /** The message followed by every problem, one per line: what a user is shown. */
  describe(): string {
    return [this.message, ...this.problems.map((p) => `  - ${p}`)].join('\n');
  }
}

export function isOversightError(value: unknown): value is OversightError {
  return value instanceof OversightError;
}
