// Words for a recognised date expression, for answers: its label when the recogniser gave one
// ("summer 2024 (June to August 2024)"), else the partial date written out. Pure.

import type { DateExpression } from './date-types.ts';
import { formatDate } from './partial-dates.ts';

export function describeDateExpression(d: DateExpression): string {
  if (d.label) return d.label;
  if (d.open) return `${d.openWord === 'from' ? 'since' : (d.openWord ?? (d.open === 'after' ? 'since' : 'until'))} ${formatDate(d.date)}`;
  return formatDate(d.date);
}
