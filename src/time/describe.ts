// Words for a recognised date expression, for answers: its label ("summer 2024 (June to August
// 2024)"), and the phrase that opens a sentence with it ("In summer 2024 (…)", "On 30 June 2022").

import type { DateExpression } from './date-types.ts';
import { formatDate } from './partial-dates.ts';

/** The period in words: the recogniser's label when it gave one, else the partial date written out. */
export function describeDateExpression(d: DateExpression): string {
  if (d.label) return d.label;
  if (d.open) return `${d.openWord === 'from' ? 'since' : (d.openWord ?? (d.open === 'after' ? 'since' : 'until'))} ${formatDate(d.date)}`;
  return formatDate(d.date);
}

/** The time a claim or a premise gives, after a verb: "on 31 July 2025", "in March 2021", "after 13 September 2024". */
export function describeAsked(d: DateExpression): string {
  const words = describeDateExpression(d);
  if (d.open || /^(during|between|from)\b/i.test(words)) return words;
  // ("No, not at the start of 2024": an edge of a period is "at", not "on".)
  if (d.around) return `at ${words}`;
  return `${d.precision === 'day' || d.range.start === d.range.end ? 'on' : 'in'} ${words}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The period as a sentence opening, with the right preposition: "On 30 June 2022", "In June 2022",
 * "In summer 2024 (June to August 2024)", "From March to June 2023", "At the end of 2022 (31
 * December 2022)", "Over Easter 2023 (7 to 10 April 2023)", "Since 2019", "Last year (2025)",
 * "In the past 12 months (…)". Callers add the comma and the rest of the sentence.
 */
export function introduceDate(d: DateExpression): string {
  const words = describeDateExpression(d);
  if (d.open) return capitalise(words);
  if (d.openWord === 'during') return `During ${words}`;
  if (/^(last|this|next|two|three|four|five|a|an|\d+|yesterday|today)\b/i.test(words) && d.relativeToToday) return capitalise(words);
  if (d.until !== undefined) return `From ${words}`;
  // "in the year before 23 January 2025": a span from an event says its own preposition.
  if (/^in the\b/i.test(words)) return capitalise(words);
  if (/^the (start|end) of\b/.test(words)) return `At ${words}`;
  if (/^halfway through\b/.test(words)) return capitalise(words);
  if (/^easter\b/i.test(words) && d.range.end > d.range.start) return `Over ${words}`;
  if (/^(christmas|easter)\b/i.test(words)) return `At ${words}`;
  return `${d.precision === 'day' || (d.precision === undefined && d.range.start === d.range.end) ? 'On' : 'In'} ${words}`;
}
