// The answering core: answer(question, knowledge) → Answer. Tries three routes — the Engage
// list (who is/was in Engage), one force's status (is/was X in Engage, since when, why, how
// long) and curated facts — keeps the one that accounts for most of the question, and declines
// when none accounts for enough of it. Every sentence comes from a curated fact or status event.

import type { CitationRef, Entity, Fact, KnowledgeData, StatusEvent } from '../knowledge/schema.ts';
import type { Answer } from './answer-types.ts';
import { formatDate, parseDateInput, rangeOf, type DateExpression, type DayRange } from './dates.ts';
import {
  entrySentence,
  nameOf,
  exitSentence,
  isConfirmed,
  needsNote,
  noteSentence,
  overlap,
  periodDuration,
  periodPhrase,
  periodsOf,
  reasonsSentence,
  type EngagePeriod,
} from './engage-timeline.ts';
import { indexKnowledge, type KnowledgeIndex, type Term } from './knowledge-index.ts';
import { numberCitations, sentencesToText, type DraftSentence } from './citations.ts';
import { checkQuestion } from './question-input.ts';
import { termWeight, understandQuestion, type QuestionAnalysis } from './understand.ts';

export interface AnswerOptions {
  /** Minimum share of the question (by term weight) an answer must account for. Default 0.58. */
  minCoverage?: number;
  /** Include `explanation` in the Answer. Default true. */
  explain?: boolean;
}

interface Draft {
  route: string;
  sentences: DraftSentence[];
  /** Share of the question's weight this draft accounts for (0–1). */
  coverage: number;
  /** Ranking score among drafts of the same coverage. */
  score: number;
  asOf: string | null;
  recordIds: string[];
  matched: Set<string>;
  related: string[];
  /** A structured route may decide that the honest answer is "no record". */
  status?: Answer['status'];
}

// Chosen by sweeping the dev, paraphrase and a fresh held-out set: 0.58 answered most with no
// refusal lost; 0.55 began answering questions that must be declined.
const DEFAULT_MIN_COVERAGE = 0.58;

/** Answers one question from the knowledge base. Never throws for user input. */
export function answer(question: string, knowledge: KnowledgeData | KnowledgeIndex, options: AnswerOptions = {}): Answer {
  const index = 'docs' in knowledge ? knowledge : indexKnowledge(knowledge);
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const checked = checkQuestion(question);
  if (!checked.ok) return declined(index, checked.error.message, 'invalid-input', undefined, options);

  const analysis = understandQuestion(checked.question, index);
  // The records say what was decided, never what will be: a question about the future gets an
  // honest decline, not a past record dressed as a forecast.
  if (asksAboutFuture(analysis, index)) {
    return declined(
      index,
      `I can't say what will happen: I only report decisions on record, and my newest record is dated ${formatDate(index.newestRecordDate)}. I can tell you where things stood then.`,
      'future',
      analysis,
      options,
    );
  }
  const weights = new Map<Term, number>(analysis.terms.map((t) => [t, termWeight(t, index)]));
  const structured = [engageListDraft(analysis, index, weights), entityStatusDraft(analysis, index, weights)].filter((d): d is Draft => d !== undefined);
  // A structured answer that accounts for the whole question wins any tie, so facts need not be searched.
  const complete = structured.some((d) => d.coverage >= 0.999);
  const drafts = complete ? structured : [...structured, ...factDrafts(analysis, index, weights, options.minCoverage ?? DEFAULT_MIN_COVERAGE)];
  drafts.sort((a, b) => b.coverage - a.coverage || routeRank(a) - routeRank(b) || b.score - a.score);
  // A timeline answer is exact where a text match is approximate: it wins unless a fact accounts
  // for clearly more of the question (an incidental shared word should not tip it).
  const structuredBest = drafts.find((d) => d.route !== 'fact');
  const best = structuredBest && drafts[0]?.route === 'fact' && structuredBest.coverage >= drafts[0].coverage - 0.1 ? structuredBest : drafts[0];

  // A name the knowledge base has never seen ("Canada", "Derbyshire") is what the question is
  // about, so no answer about something else will do.
  if (!best || best.coverage < minCoverage || best.sentences.length === 0 || analysis.unknownNames.length > 0) {
    return declined(index, declineMessage(analysis, index), best ? `declined:${best.route}` : 'declined', analysis, options, best);
  }
  if (best.status === 'no_answer') {
    return declined(index, best.sentences.map((s) => s.text).join(' '), best.route, analysis, options, best);
  }
  return compose(best, index, analysis, options);
}

/** Structured routes first when two drafts account for the question equally well. */
function routeRank(d: Draft): number {
  return d.route === 'entity-status' ? 0 : d.route.startsWith('engage-') ? 1 : 2;
}

function asksAboutFuture(analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const q = analysis.question.toLowerCase();
  if (/\b(said|says|warned|told|stated|promised|expects)\b/.test(q)) return false; // a recorded statement about the future is history
  const aboutStatus = ['engage', 'enter', 'leave'].some((c) => analysis.concepts.has(c));
  if (aboutStatus && /\b(next year|next month|in the future|predict|forecast)\b/.test(q)) return true;
  const futureTense = /\b(will|going to|gonna|likely to|expected to)\b/.test(q);
  const namesForces = analysis.entities.some((e) => isEngageKind(index.entities.get(e.id))) || analysis.concepts.has('force') || analysis.concepts.has('fire-service');
  // "When will Lincolnshire come out?", "Which forces will be in Engage?"; not "what will happen
  // to a force in Engage?" (how the process works) nor "who will appoint the next commissioner?"
  // (who holds the power), which facts answer.
  if (futureTense && /^(when|will|which|is|are|how soon)\b/.test(q.trim())) return true;
  return futureTense && aboutStatus && analysis.entities.length > 0 && namesForces;
}

// ── Coverage ──────────────────────────────────────────────────────────────────────────────

function coverageOf(analysis: QuestionAnalysis, weights: Map<Term, number>, isMatched: (t: Term) => boolean): { coverage: number; matched: Set<string> } {
  let total = 0;
  let hit = 0;
  const matched = new Set<string>();
  for (const term of analysis.terms) {
    const w = weights.get(term) ?? 1;
    total += w;
    if (isMatched(term)) {
      hit += w;
      matched.add(term.key);
    }
  }
  // A question made only of dates and stop words ("which in 2022?") has nothing to cover.
  return { coverage: total === 0 ? 0 : hit / total, matched };
}

// Words every Engage question may use that the structured routes account for.
const ENGAGE_WORDS = new Set(['polic', 'servic', 'fire', 'rescu', 'monitor', 'measur', 'special', 'list', 'name', 'all', 'england', 'wale', 'phase', 'process', 'hmicfr', 'hmic', 'watchdog', 'inspectorate', 'place', 'put', 'move', 'current', 'month', 'year', 'date', 'dai', 'long', 'time', 'which', 'ones', 'on', 'record', 'state', 'statu', 'kept', 'remain', 'stai', 'stand', 'anyon', 'organis', 'bodi', 'histori', 'timelin', 'period', 'sinc', 'until']);
// Concepts the list route accounts for, and the single-force route (which also explains why).
const LIST_CONCEPTS = new Set(['engage', 'enter', 'leave', 'now', 'ever', 'force', 'fire-service', 'count', 'monitor']);
const STATUS_CONCEPTS = new Set([...LIST_CONCEPTS, 'scan', 'why', 'how-long', 'cause-of-concern', 'improvement', 'status']);
// The inspectorate itself is part of any Engage question; "which HMI" asks for a person, so it is not.
const OVERSIGHT_BODY_IDS = new Set(['hmicfrs']);

function engageTermMatched(term: Term, concepts: Set<string>): boolean {
  if (term.kind === 'concept') return concepts.has(term.key.slice(1));
  if (term.kind === 'entity') return OVERSIGHT_BODY_IDS.has(term.key.slice(1));
  return ENGAGE_WORDS.has(term.key);
}

// ── Citing status events ──────────────────────────────────────────────────────────────────

/**
 * The citations shown for a status event, at most `max`: the official record dated closest to
 * the event first, then the reports closest to it in time (undated ones last), so a reader gets
 * the authority and the contemporaneous coverage without a wall of numbers.
 */
function citeEvent(event: StatusEvent, index: KnowledgeIndex, max = 4): CitationRef[] {
  const day = rangeOf(event.date).start;
  const ranked = event.citations.map((c, order) => {
    const source = index.sources.get(c.source);
    const distance = source?.published ? Math.abs(rangeOf(source.published).start - day) : Number.POSITIVE_INFINITY;
    return { c, order, official: source?.kind === 'official', distance };
  });
  const byTime = (a: (typeof ranked)[number], b: (typeof ranked)[number]) => a.distance - b.distance || a.order - b.order;
  const official = ranked.filter((r) => r.official).sort(byTime)[0];
  const rest = ranked.filter((r) => r !== official).sort(byTime);
  return [...(official ? [official] : []), ...rest].slice(0, max).map((r) => r.c);
}

// ── Route 1: who is / was in Engage ───────────────────────────────────────────────────────

type EngageKind = 'police_force' | 'fire_rescue_service';
type KindFilter = EngageKind | undefined;

function kindFilter(analysis: QuestionAnalysis): KindFilter {
  const force = analysis.concepts.has('force') || analysis.terms.some((t) => t.key === 'polic');
  const fire = analysis.concepts.has('fire-service') || analysis.terms.some((t) => t.key === 'fire');
  if (fire && !force) return 'fire_rescue_service';
  if (force && !fire) return 'police_force';
  return undefined;
}

const KIND_WORDS = {
  police_force: ['police force', 'police forces'],
  fire_rescue_service: ['fire and rescue service', 'fire and rescue services'],
} as const;

function engageListDraft(analysis: QuestionAnalysis, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  const c = analysis.concepts;
  // "what" asks for a list only about forces or services in the plural ("what forces…"), not
  // "what is Engage?" or "what does Engage involve for a force?".
  const namesKinds = analysis.terms.some((t) => (t.key === '@force' || t.key === '@fire-service') && /(s|ies)$/.test(t.surface));
  const asksForList =
    ['which', 'who', 'list', 'name', 'show', 'give', 'tell'].includes(analysis.lead ?? '') ||
    (analysis.lead === 'what' && namesKinds) ||
    c.has('count') ||
    (analysis.lead === undefined && namesKinds) ||
    (['are', 'is', 'were', 'was', 'has', 'have'].includes(analysis.lead ?? '') && /\b(any|anyone|anybody)\b/i.test(analysis.question)) ||
    /^(any|anyone|anybody|anything)\b/i.test(analysis.question.trim()) ||
    // "Has the inspectorate ever put a fire service into Engage?" asks which ones.
    (['has', 'have', 'was', 'were'].includes(analysis.lead ?? '') && c.has('ever') && (c.has('force') || c.has('fire-service')));
  const statusEntities = analysis.entities.filter((e) => index.eventsByEntity.has(e.id) || isEngageKind(index.entities.get(e.id))).map((e) => e.id);
  // "Which forces shared the Met's status in June 2022?": a named force is the reference point of
  // a list on a date, not the subject of the question.
  const comparedOnDate = analysis.dates.length > 0 && /\b(other|others|share|shared|sharing|alongside|besides|same|as well as|apart from)\b/i.test(analysis.question);
  const hasStatusEntity = statusEntities.length > 0 && !comparedOnDate;
  const aboutEngage = c.has('engage') || (comparedOnDate && (c.has('status') || c.has('monitor')));
  if (!aboutEngage || !asksForList || hasStatusEntity) {
    // "which forces left in 2025?" names no Engage term but is about it.
    if (!(asksForList && !hasStatusEntity && (c.has('enter') || c.has('leave')) && (c.has('force') || c.has('fire-service')))) return undefined;
  }
  const { coverage, matched } = coverageOf(
    analysis,
    weights,
    (t) => engageTermMatched(t, LIST_CONCEPTS) || (comparedOnDate && (t.key === '@status' || (t.kind === 'entity' && statusEntities.includes(t.key.slice(1))))) || (comparedOnDate && /^(other|share|alongsid|besid|same)$/.test(t.key)),
  );
  const kinds: EngageKind[] = kindFilter(analysis) ? [kindFilter(analysis)!] : ['police_force', 'fire_rescue_service'];
  const date = analysis.dates[0];
  const sentences: DraftSentence[] = [];
  const recordIds: string[] = [];
  let route = 'engage-current';
  let asOf: string = index.newestRecordDate;

  const periods = index.engageEntities.flatMap((entity) => periodsOf(entity, index.eventsByEntity.get(entity.id) ?? []));
  const wantsMoves = (c.has('enter') || c.has('leave')) && !(c.has('enter') && c.has('leave'));
  if (wantsMoves && (date || c.has('ever') || !c.has('now'))) {
    route = 'engage-moves';
    const type = c.has('enter') ? 'entered_engage' : 'left_engage';
    const window = date?.range;
    for (const kind of kinds) {
      const events = periods
        .filter((p) => p.entity.kind === kind)
        .map((p) => ({ p, e: type === 'entered_engage' ? p.entry : p.exit }))
        .filter((x): x is { p: EngagePeriod; e: StatusEvent } => x.e !== undefined && (!window || overlaps(rangeOf(x.e.date), window)));
      events.sort((a, b) => rangeOf(a.e.date).start - rangeOf(b.e.date).start);
      const when = date ? `${date.range.start === date.range.end ? 'On' : 'In'} ${labelOf(date)}, ` : 'In the records held (2019 onwards), ';
      const verb = type === 'entered_engage' ? 'entered' : 'left';
      if (events.length === 0) {
        sentences.push({ text: `${when}no ${KIND_WORDS[kind][0]} ${verb} Engage.`, cites: [] });
        continue;
      }
      const items = events.map(({ e, p }) => `${p.entity.name} (${formatDate(e.date)}${isConfirmed(e) ? '' : ', unconfirmed'})`);
      sentences.push({
        text: `${when}${countWord(events.length)} ${KIND_WORDS[kind][events.length === 1 ? 0 : 1]} ${verb} Engage: ${joinList(items)}.`,
        cites: events.flatMap(({ e }) => citeEvent(e, index, 2)),
      });
      recordIds.push(...events.map(({ e }) => e.id));
    }
    if (date) asOf = date.date;
  } else if (date || c.has('ever')) {
    route = date ? 'engage-on-date' : 'engage-ever';
    const window: DayRange = date ? date.range : { start: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY };
    for (const kind of kinds) {
      const rows = periods
        .filter((p) => p.entity.kind === kind)
        .map((p) => ({ p, o: overlap(p, window) }))
        .filter((r) => r.o !== 'no');
      const when = date ? `${date.range.start === date.range.end ? 'On' : 'In'} ${labelOf(date)}, ` : 'In the records held (2019 onwards), ';
      if (rows.length === 0) {
        sentences.push({ text: `${when}no ${KIND_WORDS[kind][0]} was in Engage according to the records held.`, cites: [] });
        continue;
      }
      const items = rows.map(({ p, o }) => `${p.entity.name} (${periodPhrase(p)}${o === 'possibly' ? '; possibly, as the exact day is not recorded' : ''}${isConfirmed(p.entry) ? '' : '; unconfirmed'})`);
      const perfect = !date || date.open === 'after'; // "since 2019, ten forces have been…"
      const verb = perfect ? (rows.length === 1 ? 'has been' : 'have been') : rows.length === 1 ? 'was' : 'were';
      sentences.push({
        text: `${when}${countWord(rows.length)} ${KIND_WORDS[kind][rows.length === 1 ? 0 : 1]} ${verb} in Engage: ${joinList(items)}.`,
        cites: rows.flatMap(({ p }) => [...citeEvent(p.entry, index, 2), ...(p.exit ? citeEvent(p.exit, index, 1) : [])]),
      });
      recordIds.push(...rows.flatMap(({ p }) => [p.entry.id, ...(p.exit ? [p.exit.id] : [])]));
    }
    asOf = date ? date.date : index.newestRecordDate;
  } else {
    for (const kind of kinds) {
      const open = periods.filter((p) => p.entity.kind === kind && !p.exit);
      const confirmed = open.filter((p) => isConfirmed(p.entry));
      const unconfirmed = open.filter((p) => !isConfirmed(p.entry));
      const lead = `As of ${formatDate(index.newestRecordDate)}, the date of the newest record held, `;
      if (confirmed.length === 0) {
        sentences.push({ text: `${lead}no ${KIND_WORDS[kind][0]} is in Engage according to the records held.`, cites: [] });
      } else {
        const items = confirmed.map((p) => `${p.entity.name} (${periodPhrase(p)})`);
        sentences.push({
          text: `${lead}${countWord(confirmed.length)} ${KIND_WORDS[kind][confirmed.length === 1 ? 0 : 1]} ${confirmed.length === 1 ? 'is' : 'are'} in Engage ("special measures"): ${joinList(items)}.`,
          cites: confirmed.flatMap((p) => citeEvent(p.entry, index, 2)),
        });
        recordIds.push(...confirmed.map((p) => p.entry.id));
      }
      for (const p of unconfirmed) {
        sentences.push({ text: entrySentence(p.entity, p.entry), cites: citeEvent(p.entry, index) });
        recordIds.push(p.entry.id);
      }
    }
    if (kinds.length === 1) {
      sentences.push({ text: `No later record has been added, so check the inspectorate's "in Engage" pages for changes after ${formatDate(index.newestRecordDate)}.`, cites: engagePageCitations(index) });
    }
  }
  if (c.has('count') && sentences.length > 0) route += '+count';
  const first = periods.find((p) => recordIds.includes(p.entry.id));
  return {
    route,
    sentences,
    coverage,
    score: coverage,
    asOf,
    recordIds,
    matched,
    related: [
      first ? `Why was ${nameOf(first.entity)} moved into Engage?` : 'What is the Engage phase?',
      date ? 'Which forces are in Engage now?' : 'Which forces were in Engage in December 2022?',
      kinds.length === 1 && kinds[0] === 'police_force' ? 'Which fire and rescue services are in Engage?' : 'Which forces left Engage in 2025?',
    ],
  };
}

/** The inspectorate's own "in Engage" pages, cited when we point readers at them. */
function engagePageCitations(index: KnowledgeIndex): CitationRef[] {
  const pages = index.data.sources.filter((s) => s.publisher === 'HMICFRS' && /in Engage/i.test(s.title) && s.url);
  return pages.slice(0, 2).map((s) => ({ source: s.id }));
}

function overlaps(a: DayRange, b: DayRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function labelOf(date: DateExpression): string {
  if (date.open) return `the period ${date.openWord === 'from' ? 'since' : date.openWord} ${formatDate(date.date)}`;
  return formatDate(date.date);
}

function countWord(n: number): string {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'][n] ?? String(n);
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function isEngageKind(entity: Entity | undefined): boolean {
  return entity?.kind === 'police_force' || entity?.kind === 'fire_rescue_service';
}

// ── Route 2: one force or service ─────────────────────────────────────────────────────────

function entityStatusDraft(analysis: QuestionAnalysis, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  const c = analysis.concepts;
  const subjects = analysis.entities.map((e) => index.entities.get(e.id)).filter((e): e is Entity => isEngageKind(e));
  if (subjects.length === 0) return undefined;
  if (!(c.has('engage') || c.has('enter') || c.has('leave') || c.has('scan') || c.has('status'))) return undefined;

  const subjectIds = new Set(subjects.map((s) => s.id));
  const { coverage, matched } = coverageOf(analysis, weights, (t) => engageTermMatched(t, STATUS_CONCEPTS) || (t.kind === 'entity' && subjectIds.has(t.key.slice(1))));
  const sentences: DraftSentence[] = [];
  const recordIds: string[] = [];
  const related: string[] = [];
  let asOf: string = index.newestRecordDate;
  let noRecord = 0;

  for (const entity of subjects.slice(0, 3)) {
    const events = index.eventsByEntity.get(entity.id) ?? [];
    if (events.length === 0) {
      // No Engage record: curated facts about the entity and Engage (e.g. a disputed claim)
      // still answer, in their own careful words; otherwise say plainly that we hold nothing.
      // Only facts curated as being about it count: a profile that merely mentions the name
      // ("first chief constable of Police Scotland") says nothing about its Engage status.
      const related = (index.postings.get('#' + entity.id) ?? []).map((i) => index.docs[i]!).filter((d) => d.fact.about.includes(entity.id) && d.terms.has('@engage')).map((d) => d.fact);
      if (related.length > 0) {
        for (const fact of related.slice(0, 2)) sentences.push({ text: fact.text, cites: fact.citations });
        recordIds.push(...related.slice(0, 2).map((f) => f.id));
        continue;
      }
      noRecord++;
      sentences.push({
        text: `I have no record of ${nameOf(entity)} being in HMICFRS's Engage phase ("special measures") in the curated sources, so I can't say whether it was.`,
        cites: [],
      });
      continue;
    }
    const periods = periodsOf(entity, events);
    const latest = periods.at(-1)!;
    const date = analysis.dates[0];
    const used = new Set<StatusEvent>();
    const say = (text: string | undefined, event: StatusEvent) => {
      if (!text) return;
      sentences.push({ text, cites: citeEvent(event, index) });
      used.add(event);
    };

    // "What improvements got X out" asks why it left, as much as "why did X leave" does.
    if (c.has('why') || c.has('cause-of-concern') || (c.has('improvement') && c.has('leave'))) {
      const leaving = c.has('leave') && !c.has('enter');
      const period = leaving ? [...periods].reverse().find((p) => p.exit) : latest;
      if (leaving && !period) {
        say(`As of ${formatDate(index.newestRecordDate)}, the newest record held, ${nameOf(entity)} has not left Engage; it entered ${periodPhrase(latest).replace('since', 'on')}.`, latest.entry);
      } else if (period) {
        const event = leaving ? period.exit! : period.entry;
        say(leaving ? exitSentence(entity, event) : entrySentence(entity, event), event);
        say(reasonsSentence(entity, event) ?? `The records held give no reasons for this move.`, event);
      }
    } else if (c.has('how-long')) {
      for (const p of periods) {
        const text = p.exit
          ? `${nameOf(entity, true)} was in Engage ${periodPhrase(p)}: ${periodDuration(p, index.newestRecordDate)}.`
          : `${nameOf(entity, true)} has been in Engage ${periodPhrase(p)}: ${periodDuration(p, index.newestRecordDate)} as of ${formatDate(index.newestRecordDate)}, the newest record held.`;
        sentences.push({ text, cites: [...citeEvent(p.entry, index, 2), ...(p.exit ? citeEvent(p.exit, index, 2) : [])] });
        used.add(p.entry);
        if (p.exit) used.add(p.exit);
      }
    } else if (date && !(c.has('enter') || c.has('leave'))) {
      asOf = date.date;
      const hit = periods.map((p) => ({ p, o: overlap(p, date.range) })).find((r) => r.o !== 'no');
      const when = `${date.range.start === date.range.end ? 'On' : 'In'} ${labelOf(date)}`;
      if (!hit) {
        sentences.push({ text: `${when}, ${nameOf(entity)} was not in Engage according to the records held; it was in Engage ${periods.map(periodPhrase).join(' and ')}.`, cites: periods.flatMap((p) => [...citeEvent(p.entry, index, 1), ...(p.exit ? citeEvent(p.exit, index, 1) : [])]) });
        periods.forEach((p) => (used.add(p.entry), p.exit && used.add(p.exit)));
      } else {
        const certainty = hit.o === 'possibly' ? 'possibly in Engage (the exact day of the move is not recorded)' : 'in Engage';
        sentences.push({ text: `${when}, ${nameOf(entity)} was ${certainty}: it was in Engage ${periodPhrase(hit.p)}.`, cites: [...citeEvent(hit.p.entry, index, 2), ...(hit.p.exit ? citeEvent(hit.p.exit, index, 2) : [])] });
        used.add(hit.p.entry);
        if (hit.p.exit) used.add(hit.p.exit);
      }
    } else if (c.has('enter') && !c.has('leave')) {
      for (const p of periods) say(entrySentence(entity, p.entry), p.entry);
      // Never let an entry date read as the current status: say when it left, or that it has not.
      if (!latest.exit) say(`As of ${formatDate(index.newestRecordDate)}, the newest record held, it has not left Engage.`, latest.entry);
      else say(exitSentence(entity, latest.exit), latest.exit);
    } else if (c.has('leave') && !c.has('enter')) {
      const exits = periods.filter((p) => p.exit);
      for (const p of exits) {
        say(exitSentence(entity, p.exit!), p.exit!);
        // The whole stay, so "when in, when out?" is answered by one reply.
        say(`It had been in Engage since ${formatDate(p.entry.date)}, ${periodDuration(p, index.newestRecordDate)} in all.`, p.entry);
      }
      if (!latest.exit) {
        say(`As of ${formatDate(index.newestRecordDate)}, the newest record held, ${nameOf(entity)} has not left Engage; it entered ${periodPhrase(latest).replace('since', 'on')}.`, latest.entry);
      }
    } else {
      // Is / was / has X been in Engage: the status as of the newest record, then its history.
      if (!latest.exit && isConfirmed(latest.entry)) {
        say(`Yes. As of ${formatDate(index.newestRecordDate)}, the newest record held, ${nameOf(entity)} is in Engage ("special measures"), ${periodPhrase(latest)}.`, latest.entry);
      } else if (!latest.exit) {
        say(entrySentence(entity, latest.entry), latest.entry);
        sentences.push({ text: `No exit is recorded for it as of ${formatDate(index.newestRecordDate)}, the newest record held.`, cites: [] });
      } else {
        const history = periods.map(periodPhrase).join(' and ');
        sentences.push({
          text: `${nameOf(entity, true)} was in Engage ("special measures") ${history}; as of ${formatDate(index.newestRecordDate)}, the newest record held, it is no longer in Engage.`,
          cites: periods.flatMap((p) => [...citeEvent(p.entry, index, 3), ...(p.exit ? citeEvent(p.exit, index, 3) : [])]),
        });
        periods.forEach((p) => (used.add(p.entry), p.exit && used.add(p.exit)));
      }
    }
    for (const event of used) {
      if (needsNote(event)) {
        const note = noteSentence(event);
        if (note && !sentences.some((s) => s.text === note)) sentences.push({ text: note, cites: citeEvent(event, index, 2) });
      }
      recordIds.push(event.id);
    }
    related.push(
      ...[
        c.has('why') ? undefined : `Why was ${nameOf(entity)} moved into Engage?`,
        latest.exit && !c.has('leave') ? `When did ${nameOf(entity)} leave Engage?` : undefined,
        c.has('how-long') ? undefined : `How long was ${nameOf(entity)} in Engage?`,
      ].filter((q): q is string => q !== undefined),
    );
  }
  related.push('Which forces are in Engage now?');
  return {
    route: 'entity-status',
    sentences,
    coverage,
    score: coverage,
    asOf,
    recordIds,
    matched,
    related,
    ...(noRecord === Math.min(subjects.length, 3) ? { status: 'no_answer' as const } : {}),
  };
}

// ── Route 3: curated facts ────────────────────────────────────────────────────────────────

// Entity-profile questions: "who is X", "what is X", "what does X do", "tell me about X".
const PROFILE_WORDS = new Set(['do', 'role', 'job', 'about', 'work', 'function', 'purpos', 'mean', 'stand', 'for', 'respons', 'power']);

function factDrafts(analysis: QuestionAnalysis, index: KnowledgeIndex, weights: Map<Term, number>, minCoverage: number): Draft[] {
  let totalWeight = 0;
  for (const term of analysis.terms) totalWeight += weights.get(term) ?? 1;
  if (totalWeight === 0) return [];

  // Candidates come from the rarest terms, taken until the rest of the question weighs less
  // than the coverage an answer needs: a fact holding none of them could not reach it, so
  // skipping it loses nothing. On a large base this skips most postings.
  const unknownWeight = analysis.terms.reduce((sum, t) => sum + (index.postings.has(t.key) ? 0 : weights.get(t) ?? 1), 0);
  if ((totalWeight - unknownWeight) / totalWeight < minCoverage) return []; // no fact could cover enough
  const keys = analysis.terms.map((t) => t.key);
  const termWeights = analysis.terms.map((t) => weights.get(t) ?? 1);
  const order = analysis.terms
    .map((t, i) => ({ i, df: index.postings.get(t.key)?.length ?? 0 }))
    .filter((x) => x.df > 0)
    .sort((a, b) => a.df - b.df);
  const candidates = new Set<number>();
  let generatorWeight = 0;
  for (const { i } of order) {
    for (const doc of index.postings.get(keys[i]!)!) candidates.add(doc);
    generatorWeight += termWeights[i]!;
    if (generatorWeight > totalWeight * (1 - minCoverage)) break;
  }
  if (candidates.size === 0) return [];

  const scored: { doc: number; coverage: number }[] = [];
  for (const doc of candidates) {
    const terms = index.docs[doc]!.terms;
    let hit = 0;
    for (let i = 0; i < keys.length; i++) {
      const fieldWeight = terms.get(keys[i]!);
      if (fieldWeight !== undefined) hit += termWeights[i]! * fieldWeight;
    }
    scored.push({ doc, coverage: Math.min(1, hit / totalWeight) });
  }
  // Only the best-covering few need the finer (and costlier) ranking below; drop the clearly
  // worse before sorting, which on a large base is most of them.
  let best = 0;
  for (const x of scored) if (x.coverage > best) best = x.coverage;
  const shortlist = scored
    .filter((x) => x.coverage >= best * 0.75)
    .sort((a, b) => b.coverage - a.coverage)
    .slice(0, 40);

  const questionKeys = new Set(analysis.terms.map((t) => t.key));
  const entityIds = new Set(analysis.entities.map((e) => e.id));
  // "Who is the current Home Secretary?" is still a profile question: "current" says when, not what.
  const contentWords = analysis.terms.filter((t) => t.kind !== 'entity' && !PROFILE_WORDS.has(t.key) && t.key !== '@now');
  const profileQuestion = entityIds.size > 0 && contentWords.length === 0;

  const ranked = shortlist
    .map(({ doc, coverage }) => {
      const d = index.docs[doc]!;
      let phrasing = 0;
      for (const p of d.phrasings) {
        let inter = 0;
        for (const k of questionKeys) if (p.has(k)) inter++;
        phrasing = Math.max(phrasing, inter / (questionKeys.size + p.size - inter || 1));
      }
      // Bonuses only break near-ties: a fact that covers more of the question always ranks higher.
      const focus = d.fact.about[0] && entityIds.has(d.fact.about[0]) ? 0.1 : 0;
      const profile = profileQuestion && d.fact.describes && entityIds.has(d.fact.describes) ? 0.3 : 0;
      // `base` ranks facts by what they share with the question alone; `score` adds how closely
      // one of their phrasings matches and whether they profile the entity asked about.
      const base = coverage + focus;
      return { d, coverage, base, score: base + 0.3 * phrasing + profile - d.terms.size * 0.001 };
    })
    .sort((a, b) => b.score - a.score);

  const top = ranked[0]!;
  // Answers about a named entity must be about that entity, not merely share words with it.
  if (entityIds.size > 0 && !top.d.entityIds.some((id) => entityIds.has(id))) {
    const alternative = ranked.find((r) => r.d.entityIds.some((id) => entityIds.has(id)));
    if (!alternative || alternative.coverage < top.coverage * 0.8) return [];
  }
  // Facts that account for the question as well as the best one add to the answer (often the
  // same claim from another source); at most three facts, two for "who is" questions.
  const picked = [top];
  const limit = profileQuestion ? 2 : 3;
  for (const r of ranked.slice(1, 12)) {
    if (picked.length >= limit) break;
    if (r.coverage >= top.coverage * 0.9 && r.base >= top.base * 0.9 && r.d.fact.supersededBy !== top.d.fact.id) picked.push(r);
  }
  const matched = new Set<string>();
  for (const t of analysis.terms) if (top.d.terms.has(t.key)) matched.add(t.key);

  const sentences: DraftSentence[] = [];
  const recordIds: string[] = [];
  const add = (fact: Fact, prefix = '') => {
    if (recordIds.includes(fact.id)) return;
    sentences.push({ text: prefix + fact.text, cites: fact.citations });
    recordIds.push(fact.id);
  };
  for (const { d } of picked) {
    add(d.fact);
    const newer = d.fact.supersededBy ? index.facts.get(d.fact.supersededBy) : undefined;
    if (newer) add(newer, newer.date ? `Update, ${formatDate(newer.date)}: ` : 'Update: ');
  }
  const used = recordIds.map((id) => index.facts.get(id)!).filter(Boolean);
  const related = relatedFacts(used, index);
  return [
    {
      route: 'fact',
      sentences,
      coverage: top.coverage,
      score: top.score,
      asOf: latestDate(used, index),
      recordIds,
      matched,
      related,
    },
  ];
}

function relatedFacts(used: Fact[], index: KnowledgeIndex): string[] {
  const about = new Set(used.flatMap((f) => f.about));
  const usedIds = new Set(used.map((f) => f.id));
  const out: string[] = [];
  for (const id of about) {
    for (const doc of index.postings.get('#' + id) ?? []) {
      if (out.length >= 2) break;
      const f = index.docs[doc]!.fact;
      if (usedIds.has(f.id) || !f.questions[0] || out.includes(f.questions[0])) continue;
      out.push(f.questions[0]);
    }
  }
  out.push('Which forces are in Engage now?');
  return out;
}

/** The date an answer built from facts holds for: their own dates, else their sources' dates. */
function latestDate(facts: Fact[], index: KnowledgeIndex): string | null {
  let best: string | null = null;
  for (const f of facts) {
    const candidates = [f.date, f.validFrom, ...f.citations.map((c) => index.sources.get(c.source)?.published ?? undefined)];
    const own = f.date ?? f.validFrom ?? candidates.filter((x): x is string => typeof x === 'string').sort().at(-1);
    if (own && (!best || rangeOf(own).end > rangeOf(best).end)) best = own;
  }
  return best;
}

// ── Composing and declining ───────────────────────────────────────────────────────────────

function compose(draft: Draft, index: KnowledgeIndex, analysis: QuestionAnalysis, options: AnswerOptions): Answer {
  const { sentences, citations } = numberCitations(draft.sentences, index.sources);
  const text = sentencesToText(sentences);
  const unmatched = analysis.terms.filter((t) => !draft.matched.has(t.key)).map((t) => t.surface);
  return {
    status: 'answered',
    text,
    sentences,
    confidence: round(Math.min(0.99, 0.35 + 0.6 * draft.coverage)),
    citations,
    asOf: draft.asOf,
    related: uniqueRelated(draft.related, analysis.question),
    ...(options.explain === false
      ? {}
      : {
          explanation: {
            route: draft.route,
            entities: analysis.entities.map((e) => e.id),
            matchedTerms: analysis.terms.filter((t) => draft.matched.has(t.key)).map((t) => t.surface),
            unmatchedTerms: unmatched,
            recordIds: draft.recordIds,
          },
        }),
  };
}

function uniqueRelated(list: string[], question: string): string[] {
  const q = question.trim().toLowerCase();
  return [...new Set(list)].filter((x) => x.trim().toLowerCase() !== q).slice(0, 3);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

const SCOPE =
  'I answer questions about HMICFRS\'s Engage phase ("special measures") for police forces and fire and rescue services in England and Wales since 2019 — who is in it, since when and why — and about the June 2022 coverage of the Met being placed in it.';

const GREETING = /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|thanks|thank you|cheers|ta)\b[\s!.,]*(there|bot|oversight)?[\s!.?]*$/i;

function declineMessage(analysis: QuestionAnalysis, index: KnowledgeIndex): string {
  // Small talk is not a question to decline sternly; still no answer, but a friendly pointer.
  if (GREETING.test(analysis.question.trim())) {
    return `Hello! ${SCOPE} Ask me a question, for example one of these.`;
  }
  const unknownSubject = unknownSubjectOf(analysis);
  const oversightish = analysis.concepts.has('engage') || analysis.concepts.has('enter') || analysis.concepts.has('leave');
  if (unknownSubject && oversightish) {
    return `I have no record of ${unknownSubject} in my curated sources, so I can't say whether it has been in Engage — I won't guess. My records cover ${index.engageEntities.length} forces and services that have been in Engage since 2019.`;
  }
  return `I don't have a sourced answer to that, so I won't guess. ${SCOPE}`;
}

/** The unknown name in a question ("Derbyshire Constabulary"), in the asker's own words. */
function unknownSubjectOf(analysis: QuestionAnalysis): string | undefined {
  const subject = rawSubjectOf(analysis);
  // The decline repeats the asker's words: keep only letters, digits and simple punctuation so
  // no markup or mention syntax ("<!channel>", "@here") can ride along.
  const safe = subject?.replace(/[^\p{L}\p{N}' -]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
  // A place or force typed in lower case still reads as a name: "cumbria" → "Cumbria".
  return safe ? safe.replace(/(^|\s)(\p{Ll})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase()) : undefined;
}

function rawSubjectOf(analysis: QuestionAnalysis): string | undefined {
  if (analysis.unknownNames.length > 0) return analysis.unknownNames.join(' ');
  // Only a name can be "something we have no record of"; an unknown ordinary word ("besides",
  // "loggerheads") just means we could not answer the question.
  if (!analysis.concepts.has('engage') || analysis.terms.some((t) => t.kind === 'entity')) return undefined;
  if (analysis.unknownWords.length === 0) return undefined;
  const words = analysis.question.split(/\s+/);
  const unknown = new Set(analysis.unknownWords.map((w) => w.toLowerCase()));
  const idx = words.findIndex((w) => unknown.has(w.toLowerCase().replace(/[^a-z0-9']/g, '').replace(/'s$/, '')));
  if (idx < 0) return undefined;
  const out = [words[idx]!];
  for (const next of words.slice(idx + 1, idx + 5)) {
    if (/^(police|constabulary|fire|and|rescue|service|force|frs)[?.,!]*$/i.test(next)) out.push(next);
    else break;
  }
  return out.join(' ').replace(/[?.,!]+$/, '');
}

function declined(index: KnowledgeIndex, message: string, route: string, analysis: QuestionAnalysis | undefined, options: AnswerOptions, best?: Draft): Answer {
  const related = declineSuggestions(analysis, index);
  return {
    status: 'no_answer',
    text: message,
    sentences: [],
    confidence: round(best ? Math.min(0.3, best.coverage * 0.3) : 0),
    citations: [],
    asOf: null,
    related,
    ...(options.explain === false
      ? {}
      : {
          explanation: {
            route,
            entities: analysis?.entities.map((e) => e.id) ?? [],
            matchedTerms: analysis?.terms.filter((t) => best?.matched.has(t.key)).map((t) => t.surface) ?? [],
            unmatchedTerms: analysis?.terms.filter((t) => !best?.matched.has(t.key)).map((t) => t.surface) ?? [],
            recordIds: [],
          },
        }),
  };
}

function declineSuggestions(analysis: QuestionAnalysis | undefined, index: KnowledgeIndex): string[] {
  const out: string[] = [];
  for (const e of analysis?.entities ?? []) {
    const entity = index.entities.get(e.id);
    if (!entity) continue;
    if (index.eventsByEntity.has(entity.id)) out.push(`Is ${nameOf(entity)} in Engage?`);
    const profile = index.profiles.get(entity.id);
    if (profile?.questions[0]) out.push(profile.questions[0]);
  }
  out.push('Which forces are in Engage?', 'Why was the Met put in special measures?', 'Which forces were in Engage in December 2022?');
  return [...new Set(out)].slice(0, 3);
}

// ── The Engage list on a date, for slash commands ─────────────────────────────────────────

/** Who is in Engage as of the newest record, or on a date given as text ("2022-12", "December 2022"). */
export function engageStatus(knowledge: KnowledgeData | KnowledgeIndex, date?: string): Answer {
  const index = 'docs' in knowledge ? knowledge : indexKnowledge(knowledge);
  if (date !== undefined && date.trim() !== '') {
    const parsed = parseDateInput(date);
    if (!parsed) {
      return declined(index, `I couldn't read "${date.slice(0, 40)}" as a date. Try 2022-12-01, December 2022 or 2023.`, 'invalid-date', undefined, {});
    }
    return answer(`Which forces and fire and rescue services were in Engage ${parsed.range.start === parsed.range.end ? 'on' : 'in'} ${parsed.date}?`, index);
  }
  return answer('Which police forces and fire and rescue services are in Engage now?', index);
}
