// Route: the time between two moves on the Engage timeline — "how long after the Met went in did
// D&C follow?", "how far apart were the Staffs and Wilts exits?", "how many months between GMP
// leaving and the Met leaving?". Both moves come from status events, so the answer states both
// dates with their sources and the gap between them; a gap between dates known only to the
// month is "about". Pure.

import type { Entity, StatusEvent } from '../../../knowledge/schema.ts';
import { describeDuration, onDate, precisionOf, rangeOf } from '../../dates.ts';
import { nameOf } from '../../engage-timeline.ts';
import { analyzeText, type KnowledgeIndex, type Term } from '../../knowledge-index.ts';
import { escapeRegExp, normalizeText } from '../../text.ts';
import { citeEvent } from '../cite-event.ts';
import { coverageOf, engageTermMatched, isEngageKind, STATUS_CONCEPTS, type Draft } from '../draft.ts';
import type { QuestionFrame } from '../frame.ts';
import type { QuestionAnalysis } from '../understand.ts';

type Move = 'enter' | 'leave';

/** Words that ask for the time between two things, not for one stay's length. */
const ASKS_GAP = /\b(how long|how (many|much) (days|weeks|months|years|time)|how soon|how quickly|how far apart|gap|apart|interval|lag|daylight|separated?)\b/i;
/** Words of following the first move: "did D&C follow?", "came next". */
const FOLLOWS = /\b(follow(ed|s)?|came next|went next)\b/i;
/** Parts of the timeline the words in a question stand for: Engage itself is neither move. */
const MOVE_CONCEPTS: Record<Move, string> = { enter: '@enter', leave: '@leave' };

export function moveGapDraft(analysis: QuestionAnalysis, frame: QuestionFrame, index: KnowledgeIndex, weights: Map<Term, number>, placedBy: readonly StatusEvent[]): Draft | undefined {
  const q = analysis.corrected;
  if (!ASKS_GAP.test(q)) return undefined;
  const pair = fromSpan(analysis, index, placedBy) ?? fromAnchor(analysis, index, placedBy) ?? fromTwoSubjects(analysis, frame, index);
  if (!pair) return undefined;
  const { first, second } = pair;
  const cites = [...citeEvent(first.event, index, 2), ...citeEvent(second.event, index, 2)];
  const mid = (date: string) => {
    const r = rangeOf(date);
    return Math.round((r.start + r.end) / 2);
  };
  const exact = precisionOf(first.event.date) === 'day' && precisionOf(second.event.date) === 'day';
  const [earlier, later] = mid(first.event.date) <= mid(second.event.date) ? [first, second] : [second, first];
  const days = mid(later.event.date) - mid(earlier.event.date);
  const moved = (m: { entity: Entity; event: StatusEvent }, start: boolean) =>
    `${nameOf(m.entity, start)} ${m.event.event === 'entered_engage' ? 'went into' : 'left'} Engage ${onDate(m.event.date)}`;
  // Between two known days the gap is said in days, with its rough length in months or years;
  // "how many weeks?" is answered in weeks. Between months, only roughly.
  const unit = /\bhow many (days|weeks)\b/i.exec(q)?.[1]?.toLowerCase();
  const dayWords = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  const weeks = Math.floor(days / 7);
  const gapWords = exact
    ? unit === 'weeks'
      ? `${weeks} week${weeks === 1 ? '' : 's'}${days % 7 ? ` and ${dayWords(days % 7)}` : ''} (${dayWords(days)})`
      : `${dayWords(days)}${days >= 28 ? ` (about ${describeDuration(0, days)})` : ''}`
    : `about ${describeDuration(0, days)}${unit === 'weeks' ? ` (about ${Math.round(days / 7)} weeks)` : ''}`;
  const sameMove = earlier.event.event === later.event.event ? `${earlier.event.event === 'entered_engage' ? 'went into' : 'left'} Engage on the same day` : 'moved on the same day';
  let text =
    days === 0 && exact
      ? `${nameOf(earlier.entity, true)} and ${nameOf(later.entity)} ${sameMove}, ${onDate(earlier.event.date).replace(/^on /, '')}.`
      : `${moved(later, true)}, ${gapWords} after ${moved(earlier, false)}.`;
  // "How long after the Met went in did GMP go in?": GMP went in first, which is said as such.
  const outOfOrder = pair.order === 'after' ? second === earlier && days > 0 : pair.order === 'before' ? second === later && days > 0 : false;
  if (outOfOrder) {
    text = `Not ${pair.order}: ${moved(second, false)}, ${gapWords} ${pair.order === 'after' ? 'before' : 'after'} ${moved(first, false)}.`;
  }
  const sentences = [{ text, cites }];
  const subjects = new Set([first.entity.id, second.entity.id].map((id) => '#' + id));
  const { coverage, matched } = coverageOf(analysis, weights, (t) => subjects.has(t.key) || engageTermMatched(t, STATUS_CONCEPTS, index) || index.wordClass('ranking').has(t.key) || ASKS_GAP.test(t.surface) || FOLLOWS.test(t.surface) || t.key === '@how-long');
  return {
    route: 'engage-gap',
    sentences,
    coverage,
    score: coverage,
    matched,
    asOf: null,
    recordIds: [first.event.id, second.event.id],
    related: ['Which forces are in Engage now?', 'Which force was in Engage longest?'],
  };
}

interface PlacedMove {
  entity: Entity;
  event: StatusEvent;
}

/** Two moves to measure between; `order` when one was asked as after (or before) the other. */
interface MovePair {
  first: PlacedMove;
  second: PlacedMove;
  order?: 'after' | 'before';
}

/** "How many days between Notts leaving and D&C leaving?": the two moves that open and close the span. */
function fromSpan(analysis: QuestionAnalysis, index: KnowledgeIndex, placedBy: readonly StatusEvent[]): MovePair | undefined {
  if (placedBy.length !== 2 || !analysis.anchors.some((a) => a.between === 'start') || !analysis.anchors.some((a) => a.between === 'end')) return undefined;
  const [a, b] = placedBy.map((event) => ({ entity: index.entities.get(event.entity), event }));
  if (!a?.entity || !b?.entity) return undefined;
  return { first: { entity: a.entity, event: a.event }, second: { entity: b.entity, event: b.event } };
}

/** "How long after the Met went in did D&C follow?": the anchor's move, then the other subject's. */
function fromAnchor(analysis: QuestionAnalysis, index: KnowledgeIndex, placedBy: readonly StatusEvent[]): MovePair | undefined {
  if (placedBy.length !== 1) return undefined;
  const anchor = analysis.anchors.find((a) => (a.relation === 'after' || a.relation === 'before' || a.relation === 'since') && (a.move === 'enter' || a.move === 'leave'));
  if (!anchor) return undefined;
  const placing = placedBy[0]!;
  const anchorEntity = index.entities.get(placing.entity);
  const others = analysis.entities.filter((e) => e.id !== placing.entity && isEngageKind(index.entities.get(e.id)));
  if (!anchorEntity || others.length !== 1) return undefined;
  const other = index.entities.get(others[0]!.id)!;
  // The other subject's move: the words outside the anchor, or the anchor's own ("did D&C follow?").
  const outside = analysis.corrected.replace(new RegExp(escapeRegExp(anchor.matched), 'i'), ' ');
  const outsideMoves = movesIn(outside, index);
  const move = outsideMoves.length === 1 ? outsideMoves[0]! : anchor.move;
  const events = (index.eventsByEntity.get(other.id) ?? []).filter((e) => (e.event === 'entered_engage') === (move === 'enter'));
  if (events.length === 0) return undefined;
  const day = rangeOf(placing.date).start;
  const order = anchor.relation === 'before' ? 'before' : 'after';
  // The other's move on the asked side of the anchor, nearest to it; else the nearest at all.
  const side = events.filter((e) => (order === 'after' ? rangeOf(e.date).start >= day : rangeOf(e.date).start <= day));
  const pool = side.length > 0 ? side : events;
  const nearest = [...pool].sort((a, b) => Math.abs(rangeOf(a.date).start - day) - Math.abs(rangeOf(b.date).start - day))[0]!;
  return { first: { entity: anchorEntity, event: placing }, second: { entity: other, event: nearest }, order };
}

/** "Between the Met going in and D&C going in", "the Staffs and Wilts exits": two subjects' moves. */
function fromTwoSubjects(analysis: QuestionAnalysis, frame: QuestionFrame, index: KnowledgeIndex): MovePair | undefined {
  if (analysis.anchors.length > 0) return undefined;
  const subjects = frame.engageSubjects;
  if (subjects.length !== 2) return undefined;
  // (Read on the normalised text the names were found in: "D&C" is "d and c".)
  const q = normalizeText(analysis.corrected);
  const whole = movesIn(q, index);
  if (whole.length === 0) return undefined;
  // Each subject's move is the one written after its name, up to the next name; one move for
  // both when only one is written ("the Staffs and Wilts exits").
  const at = subjects.map((s) => new RegExp(`\\b${escapeRegExp(analysis.entities.find((e) => e.id === s.id)?.surface ?? s.name.toLowerCase())}\\b`).exec(q)?.index ?? -1);
  if (at.some((i) => i < 0)) return undefined;
  const order = at[0]! <= at[1]! ? [0, 1] : [1, 0];
  const segments = order.map((i, k) => q.slice(at[i]!, k === 0 ? at[order[1]!]! : q.length));
  const moves = segments.map((s) => movesIn(s, index));
  const chosen = order.map((_, k) => (moves[k]!.length === 1 ? moves[k]![0]! : whole.length === 1 ? whole[0]! : undefined));
  if (chosen.some((m) => m === undefined)) return undefined;
  // One subject's own stay ("between Staffs going in and coming out") is its length, not a gap.
  const placed = order.map((i, k) => {
    const entity = subjects[i]!;
    const events = (index.eventsByEntity.get(entity.id) ?? []).filter((e) => (e.event === 'entered_engage') === (chosen[k] === 'enter'));
    return events.length > 0 ? { entity, events } : undefined;
  });
  if (placed.some((p) => p === undefined)) return undefined;
  const [a, b] = placed as { entity: Entity; events: StatusEvent[] }[];
  // Of several stays, the two moves nearest each other.
  let best: MovePair | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const x of a!.events)
    for (const y of b!.events) {
      const d = Math.abs(rangeOf(x.date).start - rangeOf(y.date).start);
      if (d < bestDistance) [best, bestDistance] = [{ first: { entity: a!.entity, event: x }, second: { entity: b!.entity, event: y } }, d];
    }
  return best;
}

/** The moves a stretch of words speaks of: going in, coming out, or both. */
function movesIn(text: string, index: KnowledgeIndex): Move[] {
  const keys = new Set(analyzeText(text, index, { strongAliasesOnly: true }).map((t) => t.key));
  return (['enter', 'leave'] as const).filter((m) => keys.has(MOVE_CONCEPTS[m]));
}
