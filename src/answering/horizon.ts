// The records' horizon: a question about the future, or about a time after the newest record,
// is not answered with the last known record as if it were one of that time. A question about
// moves in the time after the newest record that the sources were still checked for (meta
// checkedTo) is answered: none was found, said with the caveat. Pure.

import { describeDateExpression, formatDate, introduceDate, isoFromDay, rangeOf } from '../dates.ts';
import type { KnowledgeIndex } from '../knowledge-index.ts';
import { EVERYDAY_SPECIFICITY, type QuestionAnalysis } from './understand.ts';
import { engageTermMatched, isEngageKind, STATUS_CONCEPTS, type Draft } from './draft.ts';

/** Whether the question asks what will happen: a prediction, which no record holds. */
export function asksAboutFuture(analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const q = analysis.question.toLowerCase();
  if (/\b(said|says|warned|told|stated|promised|expects)\b/.test(q)) return false; // a recorded statement about the future is history
  const aboutStatus = ['engage', 'enter', 'leave'].some((c) => analysis.concepts.has(c));
  if (aboutStatus && /\b(next year|next month|in the future|predict|forecast)\b/.test(q)) return true;
  const futureTense = /\b(will|going to|gonna|likely to|expected to)\b|\b(who|which|what|when|they|it|he|she)'ll\b/.test(q);
  const namesForces = analysis.entities.some((e) => isEngageKind(index.entities.get(e.id))) || analysis.concepts.has('force') || analysis.concepts.has('fire-service');
  // "When will Lincolnshire come out?", "Which forces will be in Engage?"; not "what will happen
  // to a force in Engage?" (how the process works) nor "who will appoint the next commissioner?"
  // (who holds the power), which facts answer.
  // (Any clause of it: "The White Paper wants fewer forces — how many will there be?")
  const clauses = q.split(/\s+[—–-]+\s+|[:;?]\s+/).map((c) => c.trim());
  if (futureTense && clauses.some((c) => /^(when|will|which|is|are|how soon|how many|how much)\b/.test(c) && /\b(will|going to|gonna|likely to|expected to)\b/.test(c))) return true;
  // "What will the review recommend?": what something named will do (not "what will happen to a
  // force in Engage?", which is how the process works).
  if (analysis.entities.length > 0 && clauses.some((c) => /^what (will|is going to|are going to)\b/.test(c) && !/\bhappen\b/.test(c))) return true;
  // "Which service is next in line for special measures?", "who's next to go in?": a forecast.
  // (Not "after Cleveland came out in Sept 2023, which force was next to go in?": next after a past time.)
  const nextInThePast = /\b(was|were)\s+(the\s+)?next\b/.test(q) && analysis.dates.some((d) => d.range.start <= rangeOf(index.newestRecordDate).end);
  if (aboutStatus && !nextInThePast && /\b(next in line|next to (go|be|enter|leave|come|get)|(who|which)(\s+(one|force|forces|service|services|police force|fire service))?('s| is| are) next|next one (in|out)|due (in|out) next)\b/.test(q)) return true;
  // "After the reforms, will there be fewer than 30 forces?": "will there be" is a forecast.
  if (/\b(will there be|is there going to be|are there going to be|will we see)\b/.test(q)) return true;
  // "… and who takes over?": a successor not yet on record. (When a term ends, the roles route
  // says no end is recorded.)
  if (/\bwho (takes|is taking|'s taking) over\b/.test(q)) return true;
  // "Who will replace Andy Cooke?", "who will be the next commissioner?": a prediction about a succession.
  if (futureTense && /\b(replace|succeed|be the next|be next|take over|be appointed|be the new)\b/.test(q)) return true;
  return futureTense && aboutStatus && analysis.entities.length > 0 && namesForces;
}

/**
 * A date after the newest record: the future when it is after today ("in 2030"), declined as
 * "will" is; otherwise a time the records do not reach, said plainly rather than answered with
 * the last known list as if it were a record of that date.
 */
export function beyondRecords(analysis: QuestionAnalysis, index: KnowledgeIndex, today: string | undefined): { message: string; route: string } | undefined {
  const newest = rangeOf(index.newestRecordDate).end;
  const late = analysis.dates.find((d) => d.range.start > newest);
  if (!late) return undefined;
  const newestText = `my newest record is dated ${formatDate(index.newestRecordDate)}`;
  const aboutStatusEarly = ['engage', 'enter', 'leave'].some((c) => analysis.concepts.has(c));
  // "Asked to do something at a meeting next month" quotes a report: "next month" is then the
  // report's, not ours, so only a status question is read against today.
  if (today && late.range.start > rangeOf(today).end && (aboutStatusEarly || !late.relativeToToday)) {
    return { message: `I can't say what will happen: I only report decisions on record, and ${newestText}. I can tell you where things stood then.`, route: 'future' };
  }
  // Questions about facts dated after the newest Engage record (later context) still go ahead,
  // up to the date the sources were checked to: nothing after it can be on record ("what did
  // the review recommend when it reported in summer 2026?"), whatever a plan said would happen.
  const checkedTo = index.data.meta?.checkedTo;
  if (checkedTo && late.range.start > rangeOf(checkedTo).end) {
    return { message: `My records don't reach ${describeDateExpression(late)}: my sources were checked up to ${formatDate(checkedTo)}, so I hold nothing about that time.`, route: 'beyond-records' };
  }
  // ("What's the latest on Lincs in 2026?" names a force in Engage and nothing else: its status.)
  const aboutStatus = ['engage', 'enter', 'leave'].some((c) => analysis.concepts.has(c)) || analysis.entities.some((e) => isEngageKind(index.entities.get(e.id)));
  // "Have Glos fire slipped back in at any point this year (2026)?": yes or no on a force's moves
  // over a time that runs past the check cannot be "no", whatever other words it uses.
  const runsPastCheck = checkedTo !== undefined && late.range.end > rangeOf(checkedTo).end;
  const asksYesNo = /^\W*(has|have|had|did|is|are|was|were)\b/i.test(analysis.question.replace(/^[^—–:]*[—–:]\s*/, ''));
  const namesMover = analysis.entities.some((e) => isEngageKind(index.entities.get(e.id)));
  // (A letter, a report or a grade of that time may be on record though no move is.)
  if (!aboutStatus || !(whollyAboutStatus(analysis, index) || (runsPastCheck && asksYesNo && namesMover && moveAsked(analysis)))) return undefined;
  return { message: `My records don't reach ${formatDate(late.date)}: ${newestText}, so I can't say where things stood then. I can tell you where things stood on ${formatDate(index.newestRecordDate)}.`, route: 'beyond-records' };
}

/**
 * "Did anyone go in or come out between Sept 2025 and Jan 2026?": moves asked about in a time
 * after the newest record that the sources were still checked for. None was found, and the
 * answer says so with its caveat and the sources of that check, rather than declining.
 */
export function quietPeriodDraft(analysis: QuestionAnalysis, index: KnowledgeIndex): Draft | undefined {
  const meta = index.data.meta;
  if (!meta?.checkedTo || !(analysis.concepts.has('enter') || analysis.concepts.has('leave'))) return undefined;
  // "What came out of Avon's revisit letter in Sept 2025?" asks about a letter, which a fact may
  // hold: only a question wholly about moves and status is answered by the quiet period.
  if (!whollyAboutStatus(analysis, index)) return undefined;
  const late = analysis.dates.find((d) => d.range.start > rangeOf(index.newestRecordDate).end);
  // Only a time wholly within the check: "in 2026" runs past January 2026, where nothing was checked.
  // "After August 2025" is open-ended: what can be said runs from its start to the check.
  const openAfter = late?.open === 'after';
  if (!late || (!openAfter && late.range.end > rangeOf(meta.checkedTo).end)) return undefined;
  const subject = analysis.entities.map((e) => index.entities.get(e.id)).find((e) => isEngageKind(e));
  const what = subject ? `no move of ${subject.article ? 'the ' : ''}${subject.name} into or out of Engage` : 'no move into or out of Engage';
  const when = openAfter ? `Between ${formatDate(isoFromDay(late.range.start))} and ${formatDate(meta.checkedTo)}` : introduceDate(late);
  const text =
    `${when}, ${what} is recorded: my newest record is dated ${formatDate(index.newestRecordDate)}, ` +
    `and no later move was found in the sources checked up to ${formatDate(meta.checkedTo)}. That does not rule out a change those sources did not report.`;
  return {
    route: 'engage-quiet-period',
    sentences: [{ text, cites: meta.citations }],
    coverage: 1,
    score: 1,
    asOf: index.newestRecordDate,
    recordIds: [],
    matched: new Set(analysis.terms.map((t) => t.key)),
    related: ['Which forces are in Engage now?', 'What was the most recent change in Engage?'],
  };
}

/**
 * Whether every word of the question is about moves and status — forces, services, Engage, its
 * moves, times — so the timeline alone answers it. "What came out of Avon's revisit letter?"
 * also asks about a letter, which a dated fact may hold.
 */
function whollyAboutStatus(analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  // (Everyday and framing words, "2026 I mean", say nothing of a topic.)
  const everyday = (t: QuestionAnalysis['terms'][number]) => t.kind === 'word' && (t.light === true || index.wordClass('framing').has(t.key) || (index.specificity.get(t.key) ?? 1) < EVERYDAY_SPECIFICITY);
  return analysis.terms.every((t) => engageTermMatched(t, STATUS_CONCEPTS, index) || (t.kind === 'entity' && isEngageKind(index.entities.get(t.key.slice(1)))) || t.key === '@year' || everyday(t));
}

/** Whether the question asks about a move into or out of Engage (or its being in it), not a letter or grade. */
function moveAsked(analysis: QuestionAnalysis): boolean {
  return ['engage', 'enter', 'leave'].some((c) => analysis.concepts.has(c)) && !['letter', 'grade', 'report', 'say'].some((c) => analysis.concepts.has(c));
}

/** Words asking whether something has happened up to now: "yet", "so far", "to date", "by now". */
const ASKS_UP_TO_NOW = /\b(yet|so far|to date|by now|up to now|as of now|since then)\b/i;

/**
 * "Has Mahmood used her new powers yet?": whether something has happened up to now, which an
 * unsure match to an older record cannot say. The decline's words, or undefined.
 */
export function upToNowDecline(analysis: QuestionAnalysis, index: KnowledgeIndex, unsureFact: boolean): string | undefined {
  if (!unsureFact || !ASKS_UP_TO_NOW.test(analysis.corrected)) return undefined;
  const checked = index.data.meta?.checkedTo ? ` My sources were checked up to ${formatDate(index.data.meta.checkedTo)}.` : '';
  return `I hold no record that says whether that has happened yet; the nearest ones tell of something else.${checked}`;
}
