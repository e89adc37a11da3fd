// Blanks out what the date recogniser read, so the rest of understanding does not read "June
// 2022" as words or "Easter" as a name. An event anchor keeps its subject ("West Mids"), which the
// caller still has to recognise as an entity. Pure; offsets and length are kept.

import type { RecognisedDates } from './date-types.ts';

function blank(chars: string[], from: number, to: number): void {
  for (let i = Math.max(0, from); i < Math.min(chars.length, to); i++) chars[i] = ' ';
}

/** `text` with every date, problem and anchor (but not the anchor's subject) replaced by spaces. */
export function maskRecognised(text: string, found: RecognisedDates): string {
  const chars = text.split(''); // UTF-16 units, as the offsets count them
  for (const d of found.dates) {
    blank(chars, d.index, d.index + d.matched.length);
    // "Back in 2023, who was in?": "back" opening a clause before a date only places it in the
    // past; it is no return ("came back in 2023" keeps its verb, and its "back").
    const before = /(?:^|[,;:.?!(]\s*)((?:way\s+)?back\s+(?:(?:in|on|during|around|at)\s+)?)$/i.exec(text.slice(0, d.index));
    if (before) blank(chars, d.index - before[1]!.length, d.index);
  }
  for (const p of found.problems) blank(chars, p.index, p.index + p.matched.length);
  for (const a of found.anchors) {
    const end = a.index + a.matched.length;
    const subject = text.indexOf(a.subjectText, a.index);
    if (subject < 0 || subject >= end) {
      blank(chars, a.index, end);
      continue;
    }
    blank(chars, a.index, subject);
    blank(chars, subject + a.subjectText.length, end);
  }
  return chars.join('');
}
