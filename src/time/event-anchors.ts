// Times given by an event instead of a date ("after West Mids came out", "when the Met went in",
// "before Cleveland was put into special measures"), and turning the event's date into the
// period meant. Pure; the caller resolves the subject to an entity and finds its move's date.

import { formatDate, precisionOf, rangeOf } from './partial-dates.ts';
import { isoFromDay } from './calendar.ts';
import type { DateExpression, EventAnchor } from './date-types.ts';
import { tokenize, type Token } from './tokens.ts';
import { DAYS_IN_UNIT, monthSpan, NUMBER_WORDS, unitOf } from './reader.ts';
import { SEASONS } from './month-words.ts';

const RELATIONS = new Map<string, EventAnchor['relation']>([
  ['after', 'after'], ['once', 'after'], ['before', 'before'], ['since', 'since'], ['when', 'when'], ['until', 'until'], ['till', 'until'],
]);

/** Words that cannot open a subject: "when did the Met go in?" asks a question, it anchors nothing. */
const NOT_SUBJECT_START = new Set(['did', 'does', 'do', 'was', 'were', 'is', 'are', 'will', 'would', 'could', 'can', 'should', 'has', 'have', 'had', 'and', 'or', 'then', 'that', 'which', 'who', 'what', 'how', 'why', 'where', 'to', 'in', 'into', 'of', 'on', 'at', 'by', 'for', 'from', 'a', 'an']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'him', 'her', 'them']);
/** Words a subject never contains (they end it, or show this is no anchor). */
const NOT_IN_SUBJECT = new Set([...RELATIONS.keys(), 'did', 'does', 'do', 'is', 'are', 'will', 'would', 'which', 'who', 'what', 'how', 'why', 'where', 'engage', 'special', 'measures', 'monitoring']);
const AUXILIARIES = new Set(['was', 'were', 'got', 'get', 'gets', 'had', 'has', 'have', 'been', 'being', 'finally', 'eventually', 'first', 'formally', 'officially', 'then']);

/** Time nouns that, after "the", open a time given by an event: "the day it went into Engage", "at the time Lincs went in". */
const DAY_NOUNS = new Set(['day', 'week', 'month', 'time', 'moment', 'morning', 'afternoon', 'evening', 'night', 'year', 'yr']);
/** The calendar unit such a noun means: "in the year GMP left" is that whole year. */
const UNIT_OF_NOUN: Record<string, EventAnchor['unit']> = { year: 'year', yr: 'year', month: 'month', week: 'week' };
/** Words between the time noun and the event: "the month that Notts went in", "the same year as GMP left". */
const NOUN_LINKS = new Set(['that', 'when', 'as', 'in', 'which']);

/** Loose counts a length of time may take: "within a few months of …", "a couple of weeks". */
const LOOSE_COUNTS = new Map([['few', 3], ['couple', 2]]);
/** After a length of time, the word that says which side of the event it lies: "12 months before", "a month of". */
const SPAN_SIDES: Record<string, 'before' | 'after'> = { before: 'before', after: 'after', of: 'after', since: 'after', following: 'after', prior: 'before' };

/** Words that end an office named after "as" ("as commissioner in 2022", "as Home Secretary, who …"). */
const OFFICE_STOP = new Set([...RELATIONS.keys(), 'in', 'on', 'at', 'for', 'to', 'and', 'or', 'but', 'who', 'which', 'what', 'did', 'does', 'was', 'were', 'is', 'are', 'had', 'has']);

/** Move phrases, as token sequences; the longest that fits wins. */
const MOVES: { words: string[]; move: EventAnchor['move'] }[] = [
  ...['went in', 'went into', 'go in', 'go into', 'goes into', 'going into', 'came in', 'entered', 'enters', 'joined', 'put in', 'put into', 'placed in', 'placed into', 'placed under', 'put under', 'moved into', 'moved in', 'escalated', 'escalated to', 'escalated into', 'fell into', 'slipped into', 'dropped into', 'sent into', 'taken into']
    .map((p) => ({ words: p.split(' '), move: 'enter' as const })),
  // The -ing forms follow "of": "within a month of the Met going in".
  ...['going in', 'entering', 'being put in', 'being put into', 'being placed in', 'being placed into', 'being moved into', 'getting put in']
    .map((p) => ({ words: p.split(' '), move: 'enter' as const })),
  ...['coming out', 'getting out', 'leaving', 'exiting', 'being let out', 'being let off', 'being taken out', 'being removed from']
    .map((p) => ({ words: p.split(' '), move: 'leave' as const })),
  ...['came out', 'come out', 'comes out', 'got out', 'get out', 'left', 'leaves', 'exited', 'exits', 'let out', 'let off', 'taken out', 'moved out', 'removed from', 'released from', 'escaped', 'graduated', 'de-escalated', 'stepped out', 'came off', 'come off', 'coming off', 'taken off', 'got off']
    .map((p) => ({ words: p.split(' '), move: 'leave' as const })),
  // A person's moves: the caller reads them against the person's role records.
  ...['took over', 'takes over', 'became', 'becomes', 'was appointed', 'were appointed', 'took office', 'took up', 'started', 'was sworn in']
    .map((p) => ({ words: p.split(' '), move: 'take-office' as const })),
  ...['resigned', 'quit', 'stepped down', 'steps down', 'left office', 'was sacked', 'was ousted', 'retired', 'was forced out']
    .map((p) => ({ words: p.split(' '), move: 'leave-office' as const })),
].sort((a, b) => b.words.length - a.words.length);
/** The move phrases by their first word, so a word that starts none costs one look-up. */
const MOVES_BY_FIRST = new Map<string, typeof MOVES>();
for (const m of MOVES) {
  const first = m.words[0]!.split('-')[0]!;
  MOVES_BY_FIRST.set(first, [...(MOVES_BY_FIRST.get(first) ?? []), m]);
}

/** What the move is into or out of, taken with it so it is not read again as words. */
const OBJECTS = [['special', 'measures'], ['enhanced', 'monitoring'], ['the', 'engage', 'phase'], ['engage'], ['it']];

const objectsCache = new WeakMap<readonly string[], string[][]>();

/**
 * The built-in names of Engage with the knowledge base's own ("naughty step", "enhanced
 * scrutiny"), as token sequences, each also with "the" before it; longest first. Read once per
 * list of names.
 */
export function engageObjects(names: readonly string[] | undefined): string[][] {
  if (!names) return OBJECTS;
  let objects = objectsCache.get(names);
  if (!objects) {
    const extra = names.map((n) => tokenize(n.toLowerCase()).map((t) => t.text)).filter((w) => w.length > 0 && w.every((x) => /^[a-z&-]+$/.test(x)));
    objects = [...OBJECTS, ...extra.flatMap((w) => (w[0] === 'the' ? [w] : [w, ['the', ...w]]))].sort((a, b) => b.length - a.length);
    objectsCache.set(names, objects);
  }
  return objects;
}

/** Common verbs of moving whose forms do not end as most do ("put", "went", "let"). */
const IRREGULAR_MOVING_VERBS = new Set(['put', 'puts', 'got', 'get', 'gets', 'went', 'go', 'goes', 'gone', 'came', 'come', 'comes', 'let', 'lets', 'sent', 'set', 'stuck', 'thrust', 'flung', 'slung', 'threw', 'thrown', 'fell', 'fall', 'falls', 'slid', 'bumped']);

/**
 * Whether a word can be the verb of a move said with a particle: a form that ends as verbs do in a
 * time clause ("shoved", "taken", "hauling") or a common irregular one. A name, a pronoun or a
 * particle is not ("when it moved Lincolnshire into Engage" has no verb "Lincolnshire").
 */
function looksLikeVerb(word: string): boolean {
  return IRREGULAR_MOVING_VERBS.has(word) || /[a-z]{2,}(?:ed|en|ing)$/.test(word);
}

/** Particles that, before a name of Engage, make any verb a move into it or out of it. */
const INTO = new Set(['into', 'onto', 'in', 'on', 'under', 'to']);
const OUT_OF = [['out', 'of'], ['off'], ['from'], ['out']];

function wordAt(t: Token[], i: number): string | undefined {
  const tok = t[i];
  return tok?.kind === 'word' ? tok.text : undefined;
}

function matchWords(t: Token[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    // "de-escalated" is three tokens; compare the joined text.
    const w = words[k]!;
    if (w.includes('-')) {
      const parts = w.split(/(-)/);
      if (!parts.every((p, n) => t[i + k + n]?.text === p)) return false;
      return matchWords(t, i + k + parts.length, words.slice(k + 1));
    }
    if (wordAt(t, i + k) !== w) return false;
  }
  return true;
}

/** Verbs that are about Engage only with it named: "he joined the Met" is a career move. */
// ("Came off enhanced monitoring": "came off" alone could be anything.)
const NEEDS_OBJECT = new Set(['joined', 'entered', 'enters', 'entering', 'came off', 'come off', 'coming off', 'taken off', 'got off']);
/** After a bare move, these start some other object: "after Hopkins left the force". */
const OTHER_OBJECT = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'office', 'post', 'role', 'job', 'school', 'home', 'him', 'them', 'us', 'me']);

function moveAt(t: Token[], i: number, objects: string[][] = OBJECTS): { move: EventAnchor['move']; end: number } | undefined {
  for (const m of MOVES_BY_FIRST.get(wordAt(t, i) ?? '') ?? []) {
    if (!matchWords(t, i, m.words)) continue;
    let end = i + m.words.reduce((n, w) => n + (w.includes('-') ? 3 : 1), 0);
    // "came out of special measures", "was put into Engage"
    const j = ['of', 'from', 'into', 'in', 'under', 'to', 'onto', 'on', 'off'].includes(wordAt(t, end) ?? '') ? end + 1 : end;
    const object = objectAt(t, j, objects);
    const named = object !== undefined;
    if (named) end = object;
    const personal = m.move === 'take-office' || m.move === 'leave-office';
    if (!named && !personal && (NEEDS_OBJECT.has(m.words[0]!) || NEEDS_OBJECT.has(m.words.join(' ')) || OTHER_OBJECT.has(wordAt(t, j) ?? ''))) return undefined;
    return { move: m.move, end };
  }
  return particleMoveAt(t, i, objects);
}

/**
 * "shoved onto the naughty step", "hauled out of special measures", "let off the naughty step":
 * any verb, then a particle, then a name of Engage, is a move into or out of it. The name must be
 * there: "let off" alone could be anything.
 */
function particleMoveAt(t: Token[], i: number, objects: string[][]): { move: EventAnchor['move']; end: number } | undefined {
  const verb = wordAt(t, i);
  if (!verb || NOT_SUBJECT_START.has(verb) || NOT_IN_SUBJECT.has(verb) || !looksLikeVerb(verb)) return undefined;
  const k = wordAt(t, i + 1) === 'back' ? i + 2 : i + 1;
  if (INTO.has(wordAt(t, k) ?? '')) {
    const object = objectAt(t, k + 1, objects);
    if (object !== undefined) return { move: 'enter', end: object };
  }
  for (const particle of OUT_OF) {
    if (!matchWords(t, k, particle)) continue;
    const object = objectAt(t, k + particle.length, objects);
    if (object !== undefined) return { move: 'leave', end: object };
  }
  return undefined;
}

/** "was in", "were still in", "remained in": being in Engage, not a move. */
const STAYS = [['was', 'in'], ['were', 'in'], ['was', 'still', 'in'], ['were', 'still', 'in'], ['remained', 'in'], ['stayed', 'in'], ['was', 'under'], ['were', 'under']];
/** What a stay is a stay in; "while the Met was in trouble" is no stay in Engage. */
const STAY_OBJECTS = [['special', 'measures'], ['enhanced', 'monitoring'], ['the', 'engage', 'phase'], ['engage'], ['there'], ['it']];
/** "during the Met's time in Engage" */
const STAY_NOUNS = new Set(['time', 'stay', 'spell', 'period', 'stint']);

/** The subject from token `from`: one to five words (or "&"), ending before `stop` says so. */
function subjectEnd(t: Token[], from: number, stop: (j: number) => boolean): number | undefined {
  for (let j = from; j < from + 5 && j < t.length; j++) {
    if (stop(j)) return j > from ? j : undefined;
    const tok = t[j]!;
    if (tok.kind === 'num' || (tok.kind === 'punct' && tok.text !== '&') || NOT_IN_SUBJECT.has(tok.text)) return j > from ? j : undefined;
  }
  const end = Math.min(from + 5, t.length);
  return end > from && (end === t.length || t[end]!.kind === 'punct') ? end : undefined;
}

function objectAt(t: Token[], i: number, objects: string[][]): number | undefined {
  for (const o of objects) if (matchWords(t, i, o)) return i + o.length;
  return undefined;
}

/**
 * A time given by a stay rather than a move: "at the same time as the Met", "while Lincs was in
 * special measures", "when the Met was in Engage", "during the Met's time in Engage".
 */
function stayAnchorAt(t: Token[], text: string, i: number): { anchor: EventAnchor; end: number } | undefined {
  const w = wordAt(t, i);
  let from: number | undefined;
  if (w === 'at' && matchWords(t, i + 1, ['the', 'same', 'time', 'as'])) from = i + 5;
  else if (w === 'while' || w === 'whilst' || w === 'when' || w === 'during') from = i + 1;
  if (from === undefined) return undefined;
  const first = wordAt(t, from);
  if (!first || NOT_SUBJECT_START.has(first)) return undefined;
  const make = (subjectLast: number, end: number) => ({
    anchor: { relation: 'during' as const, subjectText: text.slice(t[from!]!.start, t[subjectLast]!.end).replace(/'s$/, ''), move: 'stay' as const, matched: text.slice(t[i]!.start, t[end - 1]!.end), index: t[i]!.start },
    end,
  });
  if (w === 'at') {
    // "at the same time as the Met": the subject runs to the end of the clause, or to its verb.
    const end = subjectEnd(t, from, (j) => ['was', 'were', 'did', 'had', 'is', 'are'].includes(wordAt(t, j) ?? ''));
    return end === undefined ? undefined : make(end - 1, end);
  }
  if (w === 'during') {
    // "during the Met's time in Engage"
    for (let j = from; j < from + 5 && j < t.length; j++) {
      if (!wordAt(t, j)?.endsWith("'s") || !STAY_NOUNS.has(wordAt(t, j + 1) ?? '')) continue;
      let end = j + 2;
      if (['in', 'under'].includes(wordAt(t, end) ?? '')) end = objectAt(t, end + 1, STAY_OBJECTS) ?? end;
      return make(j, end);
    }
    return undefined;
  }
  // "while Lincs was in special measures", "when the Met was in, …": what it was in named, or
  // nothing after "in" before the clause ends ("when the Met was in trouble" is no stay).
  for (let j = from + 1; j <= from + 5 && j < t.length; j++) {
    const last = t[j - 1]!;
    if (last.kind === 'num' || (last.kind === 'punct' && last.text !== '&') || NOT_IN_SUBJECT.has(last.text)) return undefined;
    const stay = STAYS.find((s) => matchWords(t, j, s));
    if (!stay) continue;
    const object = objectAt(t, j + stay.length, STAY_OBJECTS);
    if (object === undefined && !(j + stay.length >= t.length || t[j + stay.length]!.kind === 'punct')) return undefined;
    return make(j - 1, object ?? j + stay.length);
  }
  return undefined;
}

/** An event anchor starting at token i (a relation word), and the token after it. */
export function anchorAt(t: Token[], text: string, i: number, objects: string[][] = OBJECTS): { anchor: EventAnchor; end: number; also?: EventAnchor } | undefined {
  // "Between the Met coming out and the end of summer 2025", "between the Met going in and GMP
  // coming out": a move opens a span that the time (or move) after "and" closes.
  if (wordAt(t, i) === 'between') {
    const opening = moveAnchorAt(t, text, i, i, 'since', objects);
    if (!opening) return undefined;
    const closing = wordAt(t, opening.end) === 'and' ? moveAnchorAt(t, text, opening.end, opening.end, 'until', objects) : undefined;
    return {
      anchor: { ...opening.anchor, between: 'start' },
      end: closing?.end ?? opening.end,
      ...(closing ? { also: { ...closing.anchor, between: 'end' as const } } : {}),
    };
  }
  const stay = stayAnchorAt(t, text, i);
  if (stay) return stay;
  const span = spanAt(t, i);
  if (span) {
    const found = moveAnchorAt(t, text, i, span.sideAt, span.side, objects);
    return found ? { ...found, anchor: { ...found.anchor, spanDays: span.days } } : undefined;
  }
  // "the day it went into Engage", "the week the Met came out", "the same year GMP left": a time
  // noun stands for "when" — the day, or the whole week, month or year it names.
  const same = wordAt(t, i) === 'the' && wordAt(t, i + 1) === 'same' ? 1 : 0;
  const noun = wordAt(t, i) === 'the' && DAY_NOUNS.has(wordAt(t, i + 1 + same) ?? '') ? wordAt(t, i + 1 + same)! : undefined;
  if (noun) {
    const link = NOUN_LINKS.has(wordAt(t, i + 2 + same) ?? '') ? 1 : 0;
    const found = moveAnchorAt(t, text, i, i + 1 + same + link, 'when', objects);
    const unit = UNIT_OF_NOUN[noun];
    return found && unit ? { ...found, anchor: { ...found.anchor, unit } } : found;
  }
  // "The spring after W Mids went in", "the summer before the Met came out": that season, the
  // first after the move (or the last before it).
  const season = wordAt(t, i) === 'the' ? SEASONS.get(wordAt(t, i + 1) ?? '') : undefined;
  const side = season ? wordAt(t, i + 2) : undefined;
  if (season && (side === 'after' || side === 'before' || side === 'following')) {
    const found = moveAnchorAt(t, text, i, i + 2, side === 'before' ? 'before' : 'after', objects);
    return found ? { ...found, anchor: { ...found.anchor, season } } : undefined;
  }
  const relation = RELATIONS.get(wordAt(t, i) ?? '');
  if (!relation) return undefined;
  return moveAnchorAt(t, text, i, i, relation, objects);
}

/**
 * "12 months before", "within a month of", "in the two years after": a length of time and the side
 * of the event it lies on, from token i; `sideAt` is the token of the side word.
 */
function spanAt(t: Token[], i: number): { days: number; side: 'before' | 'after'; sideAt: number } | undefined {
  let k = i;
  if (wordAt(t, k) === 'within' || wordAt(t, k) === 'in') k++;
  if (wordAt(t, k) === 'the') k++;
  const tok = t[k];
  const count = tok?.kind === 'num' ? Number(tok.text) : (NUMBER_WORDS.get(wordAt(t, k) ?? '') ?? LOOSE_COUNTS.get(wordAt(t, k) ?? ''));
  if (count === undefined || !Number.isFinite(count) || count <= 0 || count > 120) return undefined;
  const unitWord = unitOf(wordAt(t, k + 1) ?? '');
  if (unitWord === undefined) return undefined;
  const unit = DAYS_IN_UNIT[unitWord];
  let sideAt = k + 2;
  // "the 12 months prior to", "the month following"
  const side = SPAN_SIDES[wordAt(t, sideAt) ?? ''];
  if (!side) return undefined;
  if (wordAt(t, sideAt) === 'prior' && wordAt(t, sideAt + 1) === 'to') sideAt++;
  // "a month of the Met going in" needs "within" before it: "the start of a month of …" is no span.
  if (wordAt(t, k + 2) === 'of' && wordAt(t, i) !== 'within') return undefined;
  return { days: Math.round(count * unit), side, sideAt };
}

/** A subject and its move after token `s0`; the anchor starts at token i. */
function moveAnchorAt(t: Token[], text: string, i: number, s0: number, relation: EventAnchor['relation'], objects: string[][] = OBJECTS): { anchor: EventAnchor; end: number } | undefined {
  const first = wordAt(t, s0 + 1);
  if (!first || NOT_SUBJECT_START.has(first)) return undefined;
  // The subject: one to five tokens (words, or "&" in "Devon & Cornwall"), then the move.
  for (let j = s0 + 2; j <= s0 + 6 && j <= t.length; j++) {
    const last = t[j - 1]!;
    if (last.kind === 'num' || (last.kind === 'punct' && last.text !== '&') || NOT_IN_SUBJECT.has(last.text)) return undefined;
    // "got out" is a move; "got put in" is an auxiliary and a move: try the move at each step.
    let move = moveAt(t, j, objects);
    for (let k = j; !move && k < j + 3 && AUXILIARIES.has(wordAt(t, k) ?? ''); k++) move = moveAt(t, k + 1, objects);
    if (!move) continue;
    // "before he became an inspector": a pronoun's office is the question's own topic, not a
    // time to place (and no role record says who "he" is).
    if ((move.move === 'take-office' || move.move === 'leave-office') && j === s0 + 2 && PRONOUNS.has(first)) return undefined;
    const start = t[i]!.start;
    // "when Rowley started as commissioner", "after Patel stepped down as Home Secretary": the
    // office named after "as" belongs to the time, so it is taken with it (up to the clause's end).
    let end = move.end;
    if ((move.move === 'take-office' || move.move === 'leave-office') && wordAt(t, end) === 'as') {
      let k = end + 1;
      while (k < t.length && k <= end + 6 && t[k]!.kind === 'word' && !OFFICE_STOP.has(t[k]!.text)) k++;
      if (k > end + 1) end = k;
    }
    return {
      anchor: {
        relation,
        subjectText: text.slice(t[s0 + 1]!.start, last.end),
        move: move.move,
        matched: text.slice(start, t[end - 1]!.end),
        index: start,
      },
      end,
    };
  }
  return undefined;
}

/**
 * The period an anchor means once its event's date is known: after → from the day after;
 * since → from the day itself; before → up to the day before; until → up to the day; when →
 * the day (or the month or year, if that is all the record gives).
 */
export function resolveAnchor(anchor: EventAnchor, eventDay: string): DateExpression {
  const day = rangeOf(eventDay);
  const base = { date: eventDay, matched: anchor.matched, index: anchor.index, precision: precisionOf(eventDay), openWord: anchor.relation } as const;
  if (anchor.season && (anchor.relation === 'after' || anchor.relation === 'before')) return seasonBeside(anchor, anchor.season, eventDay, base);
  switch (anchor.relation) {
    case 'after':
      if (anchor.spanDays) return { ...base, precision: 'range', range: { start: day.end + 1, end: day.end + anchor.spanDays }, label: `in the ${spanWords(anchor.spanDays)} after ${formatDate(eventDay)}` };
      return { ...base, open: 'after', range: { start: day.end + 1, end: Number.POSITIVE_INFINITY }, label: `after ${formatDate(eventDay)}` };
    case 'since':
      return { ...base, open: 'after', range: { start: day.start, end: Number.POSITIVE_INFINITY }, label: `since ${formatDate(eventDay)}` };
    case 'before':
      if (anchor.spanDays) return { ...base, precision: 'range', range: { start: day.start - anchor.spanDays, end: day.start - 1 }, label: `in the ${spanWords(anchor.spanDays)} before ${formatDate(eventDay)}` };
      return { ...base, open: 'before', range: { start: Number.NEGATIVE_INFINITY, end: day.start - 1 }, label: `before ${formatDate(eventDay)}` };
    case 'until':
      return { ...base, open: 'before', range: { start: Number.NEGATIVE_INFINITY, end: day.end }, label: `until ${formatDate(eventDay)}` };
    case 'when':
    case 'during': {
      const { openWord: _unused, ...rest } = base;
      // "In the year GMP left": the whole of 2022, not the day.
      if (anchor.unit === 'year' || anchor.unit === 'month') {
        const unitDate = eventDay.slice(0, anchor.unit === 'year' ? 4 : 7);
        if (unitDate.length === (anchor.unit === 'year' ? 4 : 7)) return { ...rest, date: unitDate, precision: precisionOf(unitDate), range: rangeOf(unitDate), label: formatDate(unitDate) };
      }
      if (anchor.unit === 'week') return { ...rest, precision: 'range', range: { start: day.start - 3, end: day.end + 3 }, label: `the week of ${formatDate(eventDay)}` };
      return { ...rest, range: day, label: formatDate(eventDay) };
    }
  }
}

/**
 * The period a stay anchor means: the whole stay, from its entry to its exit (or on, while it
 * is still open). `name` is the subject's name for the label.
 */
export function resolveStay(anchor: EventAnchor, period: AnchorPeriod, name: string): DateExpression {
  const from = rangeOf(period.entry);
  const to = period.exit ? rangeOf(period.exit).end : Number.POSITIVE_INFINITY;
  const span = period.exit ? `${formatDate(period.entry)} to ${formatDate(period.exit)}` : `since ${formatDate(period.entry)}`;
  return {
    date: period.entry,
    range: { start: from.start, end: to },
    matched: anchor.matched,
    index: anchor.index,
    precision: 'range',
    openWord: 'during',
    label: `${name}'s time in Engage (${span})`,
  };
}

/** The season named beside a move: the first one starting after it, or the last one ending before it. */
function seasonBeside(anchor: EventAnchor, season: { name: string; first: number }, eventDay: string, base: { date: string; matched: string; index: number }): DateExpression {
  const day = rangeOf(eventDay);
  const year = Number(eventDay.slice(0, 4));
  // The season's occurrences around the event, oldest first, as the reader spans seasons.
  const candidates = [year - 2, year - 1, year, year + 1, year + 2].map((y) => ({ y, span: monthSpan(y, season.first, 'season', 3) }));
  const chosen = anchor.relation === 'after' ? candidates.find((c) => c.span.start > day.end)! : [...candidates].reverse().find((c) => c.span.end < day.start)!;
  const name = season.name.toLowerCase();
  return {
    date: chosen.span.date,
    matched: base.matched,
    index: base.index,
    precision: 'range',
    range: { start: chosen.span.start, end: chosen.span.end },
    approximate: true,
    label: `${name} ${chosen.y} (${formatDate(chosen.span.date)} to ${formatDate(isoFromDay(chosen.span.end).slice(0, 7))}), the ${name} ${anchor.relation} ${formatDate(eventDay)}`,
  };
}

/** The stay an anchor means: the one overlapping the date written beside it, else the latest. */
export function anchorStay(periods: readonly AnchorPeriod[], near?: DateExpression): AnchorPeriod | undefined {
  if (periods.length === 0) return undefined;
  if (near) {
    const within = periods.filter((p) => rangeOf(p.entry).start <= near.range.end && (!p.exit || rangeOf(p.exit).end >= near.range.start));
    if (within.length > 0) return within.at(-1);
  }
  return [...periods].sort((a, b) => rangeOf(a.entry).start - rangeOf(b.entry).start).at(-1);
}

/** One stay in Engage as the timeline holds it: the entry's date and, if it has left, the exit's. */
export interface AnchorPeriod {
  entry: string;
  exit?: string;
}

/**
 * Which recorded move an anchor means, once its subject is resolved to an entity: the entry (or
 * exit) of the stay whose move falls within `near` (the date written beside the anchor, as in
 * "after West Mids got out in Sept 2024"), else of the latest stay. Undefined when no such move is
 * recorded ("since Lincolnshire left": no exit is recorded), which the caller says in words.
 *
 * With `strict`, a date written beside the anchor must fit a recorded move (within a few days,
 * for a day): "when the Met went into Engage in March 2021" names a move the records do not
 * hold, which is not silently read as the Met's June 2022 move.
 */
export function anchorEventDate(anchor: EventAnchor, periods: readonly AnchorPeriod[], near?: DateExpression, strict = false): string | undefined {
  const moves = periods.map((p) => (anchor.move === 'enter' ? p.entry : p.exit)).filter((d): d is string => d !== undefined);
  if (moves.length === 0) return undefined;
  if (near) {
    const slack = strict && near.range.start === near.range.end ? NEAR_DAY_SLACK : 0;
    const within = moves.filter((d) => {
      const r = rangeOf(d);
      return r.start <= near.range.end + slack && r.end >= near.range.start - slack;
    });
    if (within.length > 0) return within.at(-1);
    if (strict) return undefined;
  }
  return [...moves].sort((a, b) => rangeOf(a).start - rangeOf(b).start).at(-1);
}

/** How many days a day written beside a move may be off and still name it (a slip, a republication). */
const NEAR_DAY_SLACK = 3;

/** A length of time in days as a newsroom would write it: "12 months", "a month", "two weeks". */
function spanWords(days: number): string {
  const months = Math.round(days / 30.44);
  if (days >= 360 && Math.abs(days - Math.round(days / 365.25) * 365.25) < 2) return Math.round(days / 365.25) === 1 ? 'year' : `${Math.round(days / 365.25)} years`;
  if (days >= 28 && Math.abs(days - months * 30.44) < 2) return months === 1 ? 'month' : `${months} months`;
  if (days % 7 === 0) return days === 7 ? 'week' : `${days / 7} weeks`;
  return days === 1 ? 'day' : `${days} days`;
}
