// Renders a core Answer for the terminal: the answer, an "as of" line, numbered citations and
// suggested follow-ups. Pure: returns a string; the chat loop prints it.

import type { Answer, Citation } from '../../src/answer-types.ts';
import { formatDate } from '../../src/dates.ts';

export function renderAnswer(answer: Answer): string {
  const lines: string[] = [];
  if (answer.status === 'no_answer') {
    lines.push(answer.text);
    if (answer.related.length) lines.push('', 'You could ask:', ...answer.related.map((q) => `  • ${q}`));
    return lines.join('\n');
  }
  lines.push(answer.text);
  if (answer.asOf) lines.push('', `As of ${formatDate(answer.asOf)}.`);
  if (answer.citations.length) {
    lines.push('', 'Sources:');
    for (const c of answer.citations) lines.push(`  [${c.n}] ${describeCitation(c)}`);
  }
  if (answer.related.length) lines.push('', 'Related:', ...answer.related.map((q) => `  • ${q}`));
  return lines.join('\n');
}

/** "Title — Publisher, 28 June 2022, para. 3. URL" */
export function describeCitation(c: Citation): string {
  const parts = [c.publisher ?? 'publisher not verified', c.published ? formatDate(c.published) : 'undated'];
  if (c.locator) parts.push(c.locator);
  let line = `${c.title} — ${parts.join(', ')}`;
  if (c.url) line += ` <${c.url}>`;
  if (c.quote) line += `\n      “${c.quote}”`;
  return line;
}
