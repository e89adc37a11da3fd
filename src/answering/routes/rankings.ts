// Route: questions with structure over the Engage timeline — superlatives (the longest stay,
// the first to leave, the most recent move), moves on the same day, and comparisons of two
// forces or services (which was in longer, which went in first). Computed from the status
// events, so every sentence restates curated records. Pure.

import type { StatusEvent } from '../../../knowledge/schema.ts';
import type { DraftSentence } from '../../citations.ts';
import { formatDate, introduceDate, onDate, rangeOf, type DayRange } from '../../dates.ts';
import { isConfirmed, nameOf, periodDuration, periodPhrase, periodsOf, type EngagePeriod } from '../../engage-timeline.ts';
import type { KnowledgeIndex, Term } from '../../knowledge-index.ts';
import { applyCorrections, type QuestionAnalysis } from '../understand.ts';
import { escapeRegExp } from '../../text.ts';
import { citeEvent } from '../cite-event.ts';
import { countWord, coverageOf, engageTermMatched, joinList, KIND_WORDS, overlaps, STATUS_CONCEPTS, withVerdict, type Draft, type EngageKind } from '../draft.ts';
import type { QuestionFrame } from '../frame.ts';
import { busiestYearDraft, peakDraft } from './timeline-tallies.ts';


/** "… longer than the Met", "… spent less time in Engage than GMP": a stay measured against one named. */
const THAN_REFERENCE = /\b(longer|more time|shorter|less time)\b[^?]{0,40}?\bthan\b/i;

export function rankingDraft(analysis: QuestionAnalysis, frame: QuestionFrame, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  const sameArea = sameAreaDraft(analysis, index, weights);
  if (sameArea) return sameArea;
  // "Did any fire service stay in Engage longer than the Met?", "which forces were in longer
  // than GMP?": stays of a kind measured against one named stay.
  const against = THAN_REFERENCE.exec(applyCorrections(analysis.question, analysis.corrections));
  const measuredAgainst = against !== null && frame.engageSubjects.length === 1 && frame.asks !== 'compare';
  const wantsRanking = measuredAgainst || frame.asks === 'superlative' || frame.asks === 'compare' || (frame.sameDay && (analysis.concepts.has('enter') || analysis.concepts.has('leave')));
  if (!wantsRanking) return undefined;
  const c = analysis.concepts;
  if (!(c.has('engage') || c.has('enter') || c.has('leave') || frame.engageSubjects.length > 0)) return undefined;
  // "The difference between Scan and Engage" compares definitions, which facts hold.
  if (frame.asks === 'compare' && frame.engageSubjects.length < 2) return undefined;

  const subjectIds = new Set(frame.engageSubjects.map((e) => e.id));
  const { coverage, matched } = coverageOf(analysis, weights, (t) => engageTermMatched(t, STATUS_CONCEPTS, index) || (t.kind === 'entity' && (subjectIds.has(t.key.slice(1)) || t.key === '#hmicfrs' || frame.excluded.has(t.key.slice(1)))) || index.wordClass('ranking').has(t.key) || (frame.superlative?.kind === 'busiest' && t.key === '@year'));
  const kinds: EngageKind[] = frame.kinds.length > 0 ? frame.kinds : ['police_force', 'fire_rescue_service'];
  const window = analysis.dates[0]?.range;
  let periods = index.engageEntities
    .filter((e) => kinds.includes(e.kind as EngageKind) && !frame.excluded.has(e.id))
    .flatMap((e) => periodsOf(e, index.eventsByEntity.get(e.id) ?? []));
  const newest = rangeOf(index.newestRecordDate).end;
  const startOf = (p: EngagePeriod) => rangeOf(p.entry.date).start;
  const endOf = (p: EngagePeriod) => (p.exit ? rangeOf(p.exit.date).start : newest);
  /** The time spent in Engage over stays, in days (to the newest record for a stay still open). */
  const total = (ps: EngagePeriod[]) => ps.reduce((sum, p) => sum + (endOf(p) - startOf(p)), 0);
  const cites = (p: EngagePeriod) => [...citeEvent(p.entry, index, 2), ...(p.exit ? citeEvent(p.exit, index, 2) : [])];
  const kindWord = kinds.length === 1 ? KIND_WORDS[kinds[0]!][1] : 'forces and services';
  const asOfNewest = `as of ${formatDate(index.newestRecordDate)}, the newest record held`;
  const sentences: DraftSentence[] = [];
  const used: StatusEvent[] = [];
  const base = { coverage, score: coverage, matched, asOf: index.newestRecordDate as string | null, related: ['Which forces are in Engage now?', 'Which forces left Engage in 2025?'] };

  // Two named subjects compared: which went in first, which stayed longer.
  if (frame.asks === 'compare' && frame.engageSubjects.length >= 2) {
    const [a, b] = frame.engageSubjects.map((e) => ({ e, p: periodsOf(e, index.eventsByEntity.get(e.id) ?? []) }));
    if (!a || !b || a.p.length === 0 || b.p.length === 0) return undefined;
    for (const side of [a, b]) {
      for (const p of side.p) {
        sentences.push({ text: `${nameOf(side.e, true)} was in Engage ${periodPhrase(p)}: ${periodDuration(p, index.newestRecordDate)}${p.exit ? '' : ` ${asOfNewest}`}.`, cites: cites(p) });
        used.push(p.entry, ...(p.exit ? [p.exit] : []));
      }
    }
    const [longer, shorter] = total(a.p) >= total(b.p) ? [a, b] : [b, a];
    // "Which came out first?" compares the exits; "which went in first?" the entries. The same
    // day is said as such.
    const leaving = analysis.concepts.has('leave') && !analysis.concepts.has('enter');
    const moveDay = (side: typeof a) => (leaving ? (side.p.at(-1)!.exit ? rangeOf(side.p.at(-1)!.exit!.date).start : Number.POSITIVE_INFINITY) : startOf(side.p[0]!));
    const [earlier] = moveDay(a) <= moveDay(b) ? [a, b] : [b, a];
    const sameDay = moveDay(a) === moveDay(b) && Number.isFinite(moveDay(a));
    const moved = leaving ? 'left' : 'went into';
    // The verdict first, then the two records it rests on.
    sentences.unshift({
      text: /\b(first|earlier|sooner|before)\b/i.test(applyCorrections(analysis.question, analysis.corrections))
        ? sameDay
          ? `Neither: ${nameOf(a.e)} and ${nameOf(b.e)} ${moved} Engage on the same day, ${formatDate(leaving ? a.p.at(-1)!.exit!.date : a.p[0]!.entry.date)}.`
          : `${nameOf(earlier.e, true)} ${leaving ? 'came out of' : 'went into'} Engage first.`
        : total(a.p) === total(b.p)
          ? `By the records held, the two spent the same time in Engage.`
          : // "Was the Met in longer than GMP?": yes or no for the one named first.
            withVerdict(/^(was|were|did|has|had|is)\b/i.test(analysis.question.trim()) && /\b(longer|more time)\b/i.test(analysis.question) ? (longer === a ? 'Yes: ' : 'No: ') : '', `${nameOf(longer.e, true)} spent longer in Engage than ${nameOf(shorter.e)}.`),
      cites: [...cites(a.p[0]!), ...cites(b.p[0]!)].slice(0, 4),
    });
    return { route: 'engage-compare', sentences, recordIds: used.map((e) => e.id), ...base };
  }

  if (measuredAgainst) {
    const reference = frame.engageSubjects[0]!;
    const own = periodsOf(reference, index.eventsByEntity.get(reference.id) ?? []);
    if (own.length === 0) return undefined;
    const longer = !/^(shorter|less)/i.test(against![1]!);
    const mine = total(own);
    const byEntity = new Map<string, EngagePeriod[]>();
    for (const p of periods) if (p.entity.id !== reference.id) byEntity.set(p.entity.id, [...(byEntity.get(p.entity.id) ?? []), p]);
    // "Which force went into Engage after the Met but stayed longer?": only those that went in after it.
    const surface = analysis.entities.find((e) => e.id === reference.id)?.surface ?? '';
    const order = new RegExp(`\\b(after|before)\\s+(?:the\\s+)?${escapeRegExp(surface)}\\b`, 'i').exec(analysis.question)?.[1]?.toLowerCase();
    const inOrder = (ps: EngagePeriod[]) => !order || (order === 'after' ? startOf(ps[0]!) > startOf(own[0]!) : startOf(ps[0]!) < startOf(own[0]!));
    // (A stay still open has not finished its time: it may be shorter only once it has ended.)
    const beyond = [...byEntity.values()].filter(inOrder).filter((ps) => (longer ? total(ps) > mine : total(ps) < mine && ps.every((p) => p.exit))).sort((x, y) => (longer ? total(y) - total(x) : total(x) - total(y)));
    const yesNo = /^\W*(did|has|have|was|were|is|are)\b/i.test(analysis.question);
    const comparison = longer ? 'longer' : 'less time';
    const ownPhrase = `${own.map(periodPhrase).join(' and ')}, ${own.length === 1 ? periodDuration(own[0]!, index.newestRecordDate) : 'over ' + own.length + ' stays'}`;
    const kindName = (n: number) => (kinds.length === 1 ? (n === 1 ? KIND_WORDS[kinds[0]!][0] : KIND_WORDS[kinds[0]!][1]) : n === 1 ? 'force or service' : 'forces and services');
    // (With an order asked: "… went into Engage after the Met and spent longer in it than the
    // Met's 2 years and 7 months (from … to …)".)
    const measure = order
      ? `went into Engage ${order} ${nameOf(reference)} and spent ${comparison} in it than ${nameOf(reference)}'s ${own.length === 1 ? periodDuration(own[0]!, index.newestRecordDate) : 'stays'} (${own.map(periodPhrase).join(' and ')})`
      : `spent ${comparison} in Engage than ${nameOf(reference)} (${ownPhrase})`;
    const told =
      beyond.length === 0
        ? withVerdict(yesNo ? 'No: ' : '', `In the records held (2019 onwards), no ${kindName(1)} ${measure}.`)
        : withVerdict(yesNo ? 'Yes: ' : '', `${countWord(beyond.length)} ${kindName(beyond.length)} ${measure}:`);
    sentences.push({
      text: told.charAt(0).toUpperCase() + told.slice(1),
      cites: own.flatMap(cites),
      ...(beyond.length > 0 ? { items: beyond.slice(0, 8).map((ps) => ({ text: `${ps[0]!.entity.name} — ${ps.map((p) => `${periodPhrase(p)}, ${periodDuration(p, index.newestRecordDate)}${p.exit ? '' : ` ${asOfNewest}`}`).join('; ')}`, cites: ps.flatMap(cites) })) } : {}),
    });
    used.push(...own.flatMap((p) => [p.entry, ...(p.exit ? [p.exit] : [])]), ...beyond.slice(0, 8).flat().flatMap((p) => [p.entry, ...(p.exit ? [p.exit] : [])]));
    return { route: 'engage-compare', sentences, recordIds: used.map((e) => e.id), ...base };
  }

  if (frame.stillIn) periods = periods.filter((p) => !p.exit);
  if (window) periods = periods.filter((p) => overlaps({ start: startOf(p), end: endOf(p) }, window));

  if (frame.superlative?.kind === 'peak') return peakDraft(periods, kinds, startOf, endOf, cites, base, index);
  if (frame.superlative?.kind === 'busiest') return busiestYearDraft(frame.superlative.move, kinds, frame, base, index);

  if (frame.superlative?.kind === 'longest' || frame.superlative?.kind === 'shortest') {
    // The shortest stay is among stays that ended: one still open has not finished its time.
    if (frame.superlative.kind === 'shortest' && !frame.stillIn) periods = periods.filter((p) => p.exit);
    if (periods.length === 0) return undefined;
    const sorted = [...periods].sort((x, y) => endOf(y) - startOf(y) - (endOf(x) - startOf(x)));
    if (frame.superlative.kind === 'shortest') sorted.reverse();
    const top = sorted[0]!;
    const verdict = frame.rankChecked ? (top.entity.id === frame.rankChecked.id ? 'Yes: ' : 'No: ') : '';
    const scope = frame.stillIn ? `Of the ${kindWord} still in Engage ${asOfNewest}` : `Of the ${kindWord} in the records held (2019 onwards)`;
    sentences.push({
      text: `${withVerdict(verdict, scope)}, ${nameOf(top.entity)} ${top.exit ? 'spent' : 'has spent'} the ${frame.superlative.kind} time in Engage: ${periodPhrase(top)}, ${periodDuration(top, index.newestRecordDate)}${top.exit ? '' : ` ${asOfNewest}`}.`,
      cites: cites(top),
      items: sorted.slice(0, 5).map((p) => ({ text: `${p.entity.name} — ${periodPhrase(p)}, ${periodDuration(p, index.newestRecordDate)}${isConfirmed(p.entry) ? '' : ' (unconfirmed)'}`, cites: cites(p) })),
    });
    used.push(...sorted.slice(0, 5).flatMap((p) => [p.entry, ...(p.exit ? [p.exit] : [])]));
    return { route: 'engage-superlative', sentences, recordIds: used.map((e) => e.id), ...base };
  }

  // Moves ranked by date: the first or latest to enter or leave, or moves sharing a day.
  const moveType = frame.superlative?.move ?? (c.has('leave') && !c.has('enter') ? 'leave' : c.has('enter') && !c.has('leave') ? 'enter' : 'any');
  const events = index.engageEntities
    .filter((e) => kinds.includes(e.kind as EngageKind) && !frame.excluded.has(e.id))
    .flatMap((e) => index.eventsByEntity.get(e.id) ?? [])
    .filter((e) => moveType === 'any' || (moveType === 'enter') === (e.event === 'entered_engage'))
    .filter((e) => !window || overlaps(rangeOf(e.date), window as DayRange))
    .sort((x, y) => rangeOf(x.date).start - rangeOf(y.date).start);
  if (events.length === 0) return undefined;
  const when = onDate;
  const verb = (e: StatusEvent) => (e.event === 'entered_engage' ? 'entered' : 'left');
  const nameFor = (e: StatusEvent) => index.entities.get(e.entity)?.name ?? e.entity;

  if (frame.sameDay && frame.engageSubjects.length >= 2) {
    // "Were Staffs and Wiltshire let out on the same day?": yes or no for the two named.
    const named = frame.engageSubjects.slice(0, 2).map((e) => ({ e, move: events.filter((x) => x.entity === e.id).at(-1) }));
    if (named.some((n) => !n.move)) return undefined;
    const [a, b] = named as { e: (typeof named)[number]['e']; move: StatusEvent }[];
    const same = a!.move.date === b!.move.date && a!.move.date.length === 10;
    sentences.push({
      text: same
        ? `Yes: ${nameOf(a!.e)} and ${nameOf(b!.e)} both ${verb(a!.move)} Engage ${when(a!.move.date)}.`
        : `No: ${nameOf(a!.e)} ${verb(a!.move)} Engage ${when(a!.move.date)} and ${nameOf(b!.e)} ${when(b!.move.date)}.`,
      cites: [...citeEvent(a!.move, index, 2), ...citeEvent(b!.move, index, 2)],
    });
    return { route: 'engage-same-day', sentences, recordIds: [a!.move.id, b!.move.id], ...base };
  }
  if (frame.sameDay) {
    const byDate = new Map<string, StatusEvent[]>();
    for (const e of events) if (e.date.length === 10) byDate.set(`${e.event}:${e.date}`, [...(byDate.get(`${e.event}:${e.date}`) ?? []), e]);
    const shared = [...byDate.values()].filter((list) => list.length >= 2);
    if (shared.length === 0) {
      sentences.push({ text: `In the records held, no two ${kindWord} ${moveType === 'enter' ? 'entered' : moveType === 'leave' ? 'left' : 'moved into or out of'} Engage on the same day${window ? ` in ${analysis.dates[0]!.matched}` : ''}.`, cites: [] });
    }
    for (const list of shared) {
      sentences.push({
        text: `${joinList(list.map(nameFor))} ${verb(list[0]!)} Engage on the same day, ${formatDate(list[0]!.date)}.`,
        cites: list.flatMap((e) => citeEvent(e, index, 2)),
        items: list.map((e) => ({ text: `${nameFor(e)} — ${verb(e)} ${formatDate(e.date)}`, cites: citeEvent(e, index, 2) })),
      });
      used.push(...list);
    }
    return { route: 'engage-same-day', sentences, recordIds: used.map((e) => e.id), ...base };
  }

  const first = frame.superlative?.kind !== 'last';
  const pick = first ? events[0]! : events.at(-1)!;
  const ties = events.filter((e) => e.date === pick.date);
  const what = moveType === 'enter' ? 'to enter Engage' : moveType === 'leave' ? 'to leave Engage' : 'to move into or out of Engage';
  // (Within a time asked — "after Cleveland came out in September 2023" — the first of that time.)
  const introduced = analysis.dates[0] ? introduceDate(analysis.dates[0]) : undefined;
  const scopeWords = introduced ? introduced.charAt(0).toLowerCase() + introduced.slice(1) : 'in the records held (2019 onwards)';
  const lead = first ? `The first of the ${kindWord} ${scopeWords} ${what}` : `The most recent ${moveType === 'any' ? 'move recorded' : `of the ${kindWord} ${what}`}, ${asOfNewest},`;
  // "Was the Met the first?": yes or no first, then the record.
  const verdict = frame.rankChecked ? (ties.some((e) => e.entity === frame.rankChecked!.id) ? 'Yes: ' : 'No: ') : '';
  sentences.push({
    text: `${withVerdict(verdict, lead)} ${ties.length > 1 ? 'were' : 'was'} ${joinList(ties.map((e) => `${nameFor(e)}, which ${verb(e)} ${when(e.date)}${isConfirmed(e) ? '' : ' (unconfirmed)'}`))}.`,
    cites: ties.flatMap((e) => citeEvent(e, index, 3)),
  });
  used.push(...ties);
  // The runner-up gives a reporter the context ("… and the next was …").
  const next = first ? events.find((e) => e.date !== pick.date) : [...events].reverse().find((e) => e.date !== pick.date);
  if (next) {
    sentences.push({ text: `${first ? 'The next' : 'Before that'}, ${nameFor(next)} ${verb(next)} ${when(next.date)}.`, cites: citeEvent(next, index, 2) });
    used.push(next);
  }
  return { route: 'engage-superlative', sentences, recordIds: used.map((e) => e.id), ...base };
}

/**
 * "Has any area had its police force and its fire service in Engage at the same time?": pairs of
 * a police force and a fire and rescue service of one place whose stays overlap, with the overlap.
 */
function sameAreaDraft(analysis: QuestionAnalysis, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  const q = analysis.question;
  const bothKinds = (analysis.concepts.has('force') || /\bpolice\b/i.test(q)) && analysis.concepts.has('fire-service');
  if (!bothKinds || !/\b(same time|simultaneously|at once|both)\b/i.test(q) || !/\b(area|county|place|region|its|their|same)\b/i.test(q)) return undefined;
  const stays = index.engagePeriods;
  const newest = rangeOf(index.newestRecordDate).end;
  const span = (p: EngagePeriod) => ({ start: rangeOf(p.entry.date).start, end: p.exit ? rangeOf(p.exit.date).end : newest });
  const items: DraftSentence[] = [];
  const used: StatusEvent[] = [];
  for (const police of stays.filter((p) => p.entity.kind === 'police_force' && p.entity.place)) {
    for (const fire of stays.filter((p) => p.entity.kind === 'fire_rescue_service' && p.entity.place?.toLowerCase() === police.entity.place!.toLowerCase())) {
      const a = span(police);
      const b = span(fire);
      if (!overlaps(a, b)) continue;
      const from = a.start >= b.start ? police.entry.date : fire.entry.date;
      const untilEvent = !police.exit ? fire.exit : !fire.exit ? police.exit : a.end <= b.end ? police.exit : fire.exit;
      const until = untilEvent ? `to ${formatDate(untilEvent.date)}` : `on, as of ${formatDate(index.newestRecordDate)}`;
      items.push({
        text: `${police.entity.place}: ${police.entity.name} (${periodPhrase(police)}) and ${fire.entity.name} (${periodPhrase(fire)}), both in Engage from ${formatDate(from)} ${until}`,
        cites: [...citeEvent(police.entry, index, 1), ...citeEvent(fire.entry, index, 1), ...(police.exit ? citeEvent(police.exit, index, 1) : []), ...(fire.exit ? citeEvent(fire.exit, index, 1) : [])],
      });
      used.push(police.entry, fire.entry, ...(police.exit ? [police.exit] : []), ...(fire.exit ? [fire.exit] : []));
    }
  }
  const { coverage, matched } = coverageOf(analysis, weights, (t) => engageTermMatched(t, STATUS_CONCEPTS, index) || index.wordClass('ranking').has(t.key) || /^(area|counti|place|region|it|their|had|ha)$/.test(t.key));
  const sentences: DraftSentence[] =
    items.length === 0
      ? [{ text: 'In the records held (2019 onwards), no area has had its police force and its fire and rescue service in Engage at the same time.', cites: [] }]
      : [{ text: `In the records held (2019 onwards), ${countWord(items.length)} ${items.length === 1 ? 'area has had its police force and its' : 'areas have had their police force and their'} fire and rescue service in Engage at the same time:`, cites: [], items }];
  return { route: 'engage-same-area', sentences, coverage, score: coverage, matched, asOf: index.newestRecordDate, recordIds: used.map((e) => e.id), related: ['Which forces are in Engage now?', 'Which fire and rescue services have been in Engage?'] };
}
