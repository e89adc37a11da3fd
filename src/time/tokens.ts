// Splits text into word, number and punctuation tokens with their offsets, in one linear pass,
// so the date grammar never backtracks over the text itself. Pure.

export interface Token {
  /** Lower-case text of the token ("december", "6", "-"). */
  text: string;
  kind: 'word' | 'num' | 'punct';
  /** Offsets in the text, end exclusive. */
  start: number;
  end: number;
  /** Whitespace (or nothing tokenisable) stands between this token and the one before. */
  gap: boolean;
  /** For numbers: the value, the digit count, and whether it carried st/nd/rd/th. */
  value: number;
  digits: number;
  ordinal: boolean;
}

const TOKEN = /[a-z]+(?:'[a-z]+)?|(\d+)(st|nd|rd|th)?|[^\sa-z\d]/y;

/**
 * Lower-cases only A–Z, so every offset in the result is the same offset in the text
 * (String#toLowerCase may change the length of some non-ASCII strings).
 */
export function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

export function tokenize(text: string): Token[] {
  const lower = lowerAscii(text);
  const out: Token[] = [];
  let prevEnd = 0;
  let i = 0;
  while (i < lower.length) {
    const c = lower.charCodeAt(i);
    // Whitespace: skip in one step (no regex on it, so long runs cost nothing extra).
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x2009 || c === 0x202f) {
      i++;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(lower);
    if (!m) {
      i++; // other whitespace: an unmatched position
      continue;
    }
    const num = m[1];
    out.push({
      text: m[0],
      kind: num !== undefined ? 'num' : /^[a-z]/.test(m[0]) ? 'word' : 'punct',
      start: i,
      end: i + m[0].length,
      gap: i > prevEnd,
      value: num !== undefined && num.length <= 6 ? Number(num) : Number.NaN,
      digits: num?.length ?? 0,
      ordinal: m[2] !== undefined,
    });
    i += m[0].length;
    prevEnd = i;
  }
  return out;
}
