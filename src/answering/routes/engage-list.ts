// Route: who is / was in Engage — now, on a date, in a period, ever — and who entered or left
// in a window. Answers from the status timeline only. Pure.

import type { StatusEvent } from '../../../knowledge/schema.ts';
import type { DraftSentence } from '../../citations.ts';
import { formatDate, introduceDate, onDate, rangeOf, type DateExpression, type DayRange } from '../../dates.ts';
import { entrySentence, isConfirmed, nameOf, overlap, periodPhrase, periodsOf, type EngagePeriod } from '../../engage-timeline.ts';
import type { KnowledgeIndex, Term } from '../../knowledge-index.ts';
import { escapeRegExp, stem } from '../../text.ts';
import type { QuestionAnalysis } from '../understand.ts';
import type { QuestionFrame } from '../frame.ts';
import { citeEvent, engagePageCitations } from '../cite-event.ts';
import { neverInEngage } from '../../register.ts';
import { countWord, coverageOf, engageTermMatched, GENERIC_BODY, isEngageKind, KIND_WORDS, kindFilter, LIST_CONCEPTS, overlaps, STATUS_CONCEPTS, withVerdict, type Draft, type EngageKind } from '../draft.ts';

export function engageListDraft(analysis: QuestionAnalysis, frame: QuestionFrame, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  // "Who was Bucks' chief fire officer when it left?" asks for a person, not the forces in Engage then.
  if (frame.personInRole) return undefined;
  // "What did State of Policing 2025-26 say about forces in Engage?" asks for a report's words,
  // which no list of forces gives.
  if (frame.asks === 'said' && !analysis.claim) return undefined;
  // "Which forces were in Engage in 2019 and 2021?": two separate periods, a list for each.
  const periodsAsked = separatePeriods(analysis);
  if (periodsAsked) {
    const drafts = periodsAsked.map((d) => engageListDraft({ ...analysis, dates: [d] }, frame, index, weights));
    if (drafts.every((d): d is Draft => d !== undefined && d.status !== 'no_answer' && d.route === drafts[0]?.route)) {
      const [first, ...rest] = drafts as Draft[];
      return {
        ...first!,
        sentences: drafts.flatMap((d) => d!.sentences),
        recordIds: [...new Set(drafts.flatMap((d) => d!.recordIds))],
        coverage: Math.min(...drafts.map((d) => d!.coverage)),
        score: Math.min(...drafts.map((d) => d!.score)),
        asOf: rest.at(-1)?.asOf ?? first!.asOf,
      };
    }
  }
  // "Who puts a force into special measures?", "what happens when a fire service goes in?": a
  // force or service in general, with no time, asks how the process works, not who is in.
  if (GENERIC_BODY.test(analysis.question) && analysis.dates.length === 0 && analysis.entities.length === 0 && !/\b(ever|any|which|how many)\b/i.test(analysis.question)) return undefined;
  // "Which forces have NOT left Engage?", "who is yet to come out?": those still in, now.
  // So does "are all the forces out of Engage?" or "has every force come out?": the answer is who is still in.
  const notLeft = /\b(not|n't|never|yet to|still to)\s+(yet\s+)?(left|leave|come out|came out|got out|get out|exited|exit|been let out|been taken out)\b/i.test(analysis.corrected) || /^\W*(are|is|has|have)\s+(all|every|each)\b[^?]*\b(out|left|come out|got out)\b/i.test(analysis.corrected);
  const c = notLeft ? new Set([...analysis.concepts].filter((x) => x !== 'leave').concat('now', 'engage')) : analysis.concepts;
  // "what" asks for a list only about forces or services in the plural ("what forces…"), not
  // "what is Engage?" or "what does Engage involve for a force?".
  const namesKinds = analysis.terms.some((t) => (t.key === '@force' || t.key === '@fire-service') && /(s|ies)$/.test(t.surface));
  // "What happened in Engage in 2021?", "any movement in 2023?": the moves of a period, both ways.
  const changeWords = index.wordClass('status-change');
  // ("What changed between Sept and Dec 2022 - entries and exits?": both ways, named.)
  const asksChanges = analysis.dates.length > 0 && ((c.has('engage') && !c.has('enter') && !c.has('leave')) || (c.has('enter') && c.has('leave'))) && analysis.terms.some((t) => t.kind === 'word' && changeWords.has(t.key));
  // "How many officers did Lincs have …?" counts officers, not forces: no list of forces answers it.
  const countTerm = analysis.terms.find((t) => t.key === '@count');
  const counted = countTerm ? analysis.terms.find((t) => t.position > countTerm.position && t.position <= countTerm.position + 3 && t.kind !== 'concept') : undefined;
  if (counted && counted.kind === 'word' && !KIND_WORDS_STEMS.has(counted.key) && !index.wordClass('engage-question').has(counted.key) && !index.wordClass('stay').has(counted.key)) return undefined;
  const asksForList =
    asksChanges ||
    frame.asks === 'list' ||
    // "What's the current state of play on Engage?": the state of Engage is who is in it.
    (c.has('status') && c.has('engage') && analysis.entities.length === 0) ||
    frame.asks === 'count' ||
    ['which', 'who', 'list', 'name', 'show', 'give', 'tell'].includes(analysis.lead ?? '') ||
    (analysis.lead === 'what' && namesKinds) ||
    // "What went into Engage in late 2023?": "what" is the subject of a move, so it asks which bodies.
    (analysis.lead === 'what' && (c.has('enter') || c.has('leave')) && /^\W*what\s+(went|came|got|entered|left|moved|exited|was put|were put|was moved|were moved|has gone|have gone|has come|have come)\b/i.test(analysis.question)) ||
    c.has('count') ||
    (analysis.lead === undefined && namesKinds) ||
    // "Exits from enhanced monitoring during 2024?", "entries into Engage in 2023?": a message
    // that is only a move and a time asks for the moves of that time.
    (analysis.lead === undefined && (c.has('enter') || c.has('leave')) && analysis.dates.length > 0 && analysis.entities.length === 0) ||
    // "In Engage at Christmas 2024, police and fire?", "Engage list, Easter 2023?": Engage and a
    // time, and nothing else asked, is who was in then.
    (analysis.lead === undefined && c.has('engage') && analysis.dates.length > 0 && analysis.entities.length === 0 && analysis.terms.every((t) => engageTermMatched(t, STATUS_CONCEPTS, index) || t.key === '@force' || t.key === '@fire-service')) ||
    (['are', 'is', 'were', 'was', 'has', 'have', 'did'].includes(analysis.lead ?? '') && /\b(any|anyone|anybody)\b/i.test(analysis.question)) ||
    /^(any|anyone|anybody|anything)\b/i.test(analysis.question.trim()) ||
    // "Has the inspectorate ever put a fire service into Engage?" asks which ones.
    (['has', 'have', 'was', 'were'].includes(analysis.lead ?? '') && c.has('ever') && (c.has('force') || c.has('fire-service')));
  // A force the question sets aside ("other than Lincs") is not its subject.
  // Nor is a force whose move dates the question ("after the Met went in, which …").
  const statusEntities = analysis.entities.filter((e) => !frame.excluded.has(e.id) && !analysis.anchoredKeys?.has('#' + e.id) && (index.eventsByEntity.has(e.id) || isEngageKind(index.entities.get(e.id)))).map((e) => e.id);
  // "Which forces shared the Met's status in June 2022?": a named force is the reference point of
  // a list on a date, not the subject of the question.
  const referenceWords =
    // (Read with typos corrected: "alredy" is "already".)
    /\b(other|others|share|shared|sharing|alongside|besides|same|as well as|apart from|already|still|remaining|at the time|too)\b/i.test(analysis.corrected) ||
    // "How many forces were in Engage when the Met joined?": the named force's move dates the list.
    // So does "When Notts went in, which forces were in?"; "when did …" asks when.
    (/\bwhen\b/i.test(analysis.question) && !/^\s*when\s+(did|does|do|was|were|is|are|has|have|had|will|would)\b/i.test(analysis.question) && !/^\s*when\b[^,]*$/i.test(analysis.question));
  // "When Scotland Yard went into special measures, which other forces were already in there?":
  // the named force's own move is the reference date.
  // "After West Mids got out in Sept 2024, which forces were still in?": the move's own day is
  // more exact than the month written beside it, so it wins when the two agree.
  // "Other than Lincs, is anyone in Engage?" sets Lincs aside; it does not date the question.
  const move = asksForList && referenceWords && frame.excluded.size === 0 ? referenceMove(analysis, frame, index) : undefined;
  const written = analysis.dates[0];
  // A stay written as the time ("while the Met was in special measures") is the whole stay, not its first day.
  // (A bounded time from the move — "within a month of the Met going in" — is the time asked, not the move's day.)
  const spanFromMove = written !== undefined && written.openWord !== undefined && written.open === undefined && written.range.end > written.range.start && written.precision === 'range';
  // ("After the Met went in, did any other force go in?" asks for the moves after it, not who was in that day.)
  const movesAfterMove = written?.open !== undefined && analysis.anchors.some((a) => a.index === written.index) && (c.has('enter') || c.has('leave'));
  const reference = move && !spanFromMove && !movesAfterMove && written?.openWord !== 'during' && (!written || (written.range.start <= move.date.range.end + 1 && written.range.end >= move.date.range.start - 1)) ? move : undefined;
  const relative = !written && !reference && asksForList ? relativeToMove(analysis, frame, index) : undefined;
  // "While Lincs was in": the named force's stay is the time asked about, so it is a reference too.
  const comparedOnDate = ((analysis.dates.length > 0 || reference !== undefined) && referenceWords) || relative !== undefined || written?.openWord === 'during';
  const hasStatusEntity = statusEntities.length > 0 && !comparedOnDate;
  const aboutEngage = c.has('engage') || (comparedOnDate && (c.has('status') || c.has('monitor')));
  if (!aboutEngage || !asksForList || hasStatusEntity) {
    // "which forces left in 2025?" names no Engage term but is about it.
    // Nor does "who came out in 2023?": in this domain, who moves in or out is a force or service.
    // Nor does a bare "exits in 2024?": the domain's moves are moves into and out of Engage.
    // Nor "after West Mids came out, did anyone go in?": "anyone" who moves is a force or service.
    const anyone = /\b(any|anyone|anybody)\b/i.test(analysis.question) || whichOnes(analysis, index);
    if (!(asksForList && !hasStatusEntity && (c.has('enter') || c.has('leave')) && (c.has('force') || c.has('fire-service') || ((analysis.lead === 'who' || analysis.lead === 'what' || analysis.lead === undefined || anyone) && analysis.dates.length > 0)))) return undefined;
  }
  // "Which forces have never been in Engage?": the register less the timeline, with the caveat
  // that the records cannot show a negative.
  // ("Which forces have never left?" asks who is still in: that is `notLeft`, not this.)
  if (!notLeft && /\b(never|not (yet |ever )?been|haven'?t (ever )?been|hasn'?t (ever )?been|not once)\b/i.test(analysis.question)) return neverDraft(analysis, index, weights);
  // "Only three forces in Engage in June 2022, right?": the count claimed is what the list checks.
  const claimedNumber = analysis.claim && claimedCount(analysis.question) !== undefined;
  const { coverage, matched } = coverageOf(
    analysis,
    weights,
    // A force the question sets aside is accounted for by leaving it out.
    (t) =>
      (claimedNumber && t.kind === 'word' && (NUMBER_WORDS[t.surface.toLowerCase()] !== undefined || /^\d{1,2}$/.test(t.surface))) || engageTermMatched(t, LIST_CONCEPTS, index) || (asksChanges && changeWords.has(t.key)) || (t.kind === 'entity' && frame.excluded.has(t.key.slice(1))) || (comparedOnDate && (t.key === '@status' || (t.kind === 'entity' && statusEntities.includes(t.key.slice(1))))) || (comparedOnDate && /^(other|share|alongsid|besid|same)$/.test(t.key)),
  );
  const kinds: EngageKind[] = kindFilter(analysis, index) ? [kindFilter(analysis, index)!] : ['police_force', 'fire_rescue_service'];
  const date = reference?.date ?? analysis.dates[0] ?? relative;
  const sentences: DraftSentence[] = [];
  const recordIds: string[] = [];
  let route = 'engage-current';
  let asOf: string = index.newestRecordDate;

  // The reference force and any the question sets aside are not part of the list.
  // So is the force whose move dates it when the question asks for the others ("which other forces
  // were in when the Met went in?", "who was already in?"), though a plain "which forces were in
  // when the Met went in?" counts the Met too.
  const anchoredReference = /\b(other|others|else|already|besides|alongside|apart from|as well as)\b/i.test(analysis.corrected)
    ? analysis.entities.filter((e) => analysis.anchoredKeys?.has('#' + e.id) && isEngageKind(index.entities.get(e.id))).map((e) => e.id)
    : [];
  const leftOut = new Set([...frame.excluded, ...(comparedOnDate ? statusEntities : []), ...anchoredReference]);
  const periods = leftOut.size === 0 ? index.engagePeriods : index.engagePeriods.filter((p) => !leftOut.has(p.entity.id));
  // "Did anyone go in or come out in 2024?" asks for the moves both ways, each listed on its own;
  // with no time given, the two words together describe a stay ("in and out"), not moves.
  const bothWays = (c.has('enter') && c.has('leave')) || asksChanges;
  const wantsMoves = !reference && (c.has('enter') || c.has('leave') || asksChanges) && (!bothWays || date !== undefined);
  if (wantsMoves && (date || c.has('ever') || !c.has('now'))) {
    route = 'engage-moves';
    const types: ('entered_engage' | 'left_engage')[] = bothWays ? ['entered_engage', 'left_engage'] : [c.has('enter') ? 'entered_engage' : 'left_engage'];
    const window = date?.range;
    for (const type of types) {
      // Kinds with no such move share one sentence: "no police force or fire and rescue service …".
      const none: EngageKind[] = [];
      const when = date ? `${introduceDate(date)}, ` : 'In the records held (2019 onwards), ';
      // "… and are still in": only the stays still open, and the sentence says so.
      const stillOpen = frame.stillIn && type === 'entered_engage';
      // "By the end of 2023, three forces had left": a count up to a date is a perfect.
      const had = date?.open === 'before' && date.openWord === 'by' ? 'had ' : '';
      const said = (n: number) =>
        `${had}${type === 'entered_engage' ? 'entered' : 'left'} Engage${stillOpen ? ` and ${n === 1 ? 'is' : 'are'} still in it as of ${formatDate(index.newestRecordDate)}, the newest record held` : ''}`;
      let listed = 0;
      for (const kind of kinds) {
        const events = periods
          // "Which went in in 2024 and are still in?": entries whose stay is still open.
          .filter((p) => p.entity.kind === kind && !(frame.stillIn && type === 'entered_engage' && p.exit))
          .map((p) => ({ p, e: type === 'entered_engage' ? p.entry : p.exit }))
          .filter((x): x is { p: EngagePeriod; e: StatusEvent } => x.e !== undefined && (!window || overlaps(rangeOf(x.e.date), window)));
        events.sort((a, b) => rangeOf(a.e.date).start - rangeOf(b.e.date).start);
        if (events.length === 0) {
          none.push(kind);
          continue;
        }
        // A list is a list: the lead states the count and the time, each item its own record.
        sentences.push({
          text: `${when}${countWord(events.length)} ${KIND_WORDS[kind][events.length === 1 ? 0 : 1]} ${said(events.length)}:`,
          cites: [],
          items: events.map(({ e, p }) => ({ text: `${p.entity.name} — ${formatDate(e.date)}${isConfirmed(e) ? '' : ' (unconfirmed)'}`, cites: citeEvent(e, index, 2) })),
        });
        recordIds.push(...events.map(({ e }) => e.id));
        listed += events.length;
      }
      // "How many forces and fire services went in in 2022?": the total of both lists, said once.
      if (c.has('count') && kinds.length === 2 && none.length === 0) sentences.push({ text: `That makes ${countWord(listed)} in all, police and fire together.`, cites: [] });
      if (none.length > 0) {
        const nothing = { text: `${when}no ${none.map((k) => KIND_WORDS[k][0]).join(' or ')} ${said(1)}.`, cites: [] };
        // Said where the kind would have been listed, so the police line still comes first.
        const listedSince = sentences.length - (kinds.length - none.length);
        sentences.splice(none[0] === kinds[0] ? listedSince : sentences.length, 0, nothing);
        // "Anyone put into Engage in 2025?" — none; a reporter's next question is when the last
        // one was, so an empty period says which move came last before it.
        const before = window && none.length === kinds.length ? lastMoveBefore(periods, type, kinds, window.start) : undefined;
        if (before) {
          sentences.push({ text: `The most recent ${type === 'entered_engage' ? 'move into' : 'move out of'} Engage before then was ${nameOf(before.p.entity)}'s, ${onDate(before.e.date)}.`, cites: citeEvent(before.e, index, 2) });
          recordIds.push(before.e.id);
        }
      }
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
      const when = date ? `${introduceDate(date)}, ` : 'In the records held (2019 onwards), ';
      if (rows.length === 0) {
        sentences.push({ text: `${when}no ${KIND_WORDS[kind][0]} was in Engage according to the records held.`, cites: [] });
        // "Was any fire service in Engage in June 2022?" — none; the first to go in after that
        // time is the reporter's next question.
        const next = date ? periods.filter((p) => p.entity.kind === kind && rangeOf(p.entry.date).start > window.end).sort((a, b) => rangeOf(a.entry.date).start - rangeOf(b.entry.date).start)[0] : undefined;
        // (Only when that kind is what was asked about, or nothing at all was in: a police list
        // with no fire service beside it needs no fire footnote.)
        const allEmpty = kinds.every((k) => !periods.some((p) => p.entity.kind === k && overlap(p, window) !== 'no'));
        if (next && date?.open !== 'after' && (kinds.length === 1 || allEmpty)) {
          sentences.push({ text: `The first ${KIND_WORDS[kind][0]} to go into Engage after then was ${nameOf(next.entity)}, ${onDate(next.entry.date)}.`, cites: citeEvent(next.entry, index, 2) });
          recordIds.push(next.entry.id);
        }
        continue;
      }
      const items = rows.map(({ p, o }) => ({
        text: `${p.entity.name} — ${periodPhrase(p)}${o === 'possibly' ? ' (possibly: the exact day is not recorded)' : ''}${isConfirmed(p.entry) ? '' : ' (unconfirmed)'}`,
        cites: [...citeEvent(p.entry, index, 2), ...(p.exit ? citeEvent(p.exit, index, 1) : [])],
      }));
      const perfect = !date || date.open === 'after'; // "since 2019, ten forces have been…"
      const verb = perfect ? (rows.length === 1 ? 'has been' : 'have been') : rows.length === 1 ? 'was' : 'were';
      // The reference force ("alongside the Met") is left out of the list, and the count says so.
      const other = comparedOnDate && statusEntities.some((id) => index.entities.get(id)?.kind === kind) ? 'other ' : '';
      sentences.push({
        text: `${when}${countWord(rows.length)} ${other}${KIND_WORDS[kind][rows.length === 1 ? 0 : 1]} ${verb} in Engage:`,
        cites: [],
        items,
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
        sentences.push({
          text: `${lead}${countWord(confirmed.length)} ${KIND_WORDS[kind][confirmed.length === 1 ? 0 : 1]} ${confirmed.length === 1 ? 'is' : 'are'} in Engage ("special measures"):`,
          cites: [],
          items: confirmed.map((p) => ({ text: `${p.entity.name} — ${periodPhrase(p)}`, cites: citeEvent(p.entry, index, 2) })),
        });
        recordIds.push(...confirmed.map((p) => p.entry.id));
      }
      for (const p of unconfirmed) {
        sentences.push({ text: entrySentence(p.entity, p.entry), cites: citeEvent(p.entry, index) });
        recordIds.push(p.entry.id);
      }
    }
    // "Now" is the newest record; say how far sources were checked beyond it, in plain words.
    const checkedTo = index.data.meta?.checkedTo;
    if (checkedTo) sentences.push({ text: `No later change was found in sources checked up to ${formatDate(checkedTo)}.`, cites: (index.data.meta?.citations ?? []).slice(0, 2) });
    else sentences.push({ text: `No later record has been added, so check the inspectorate's "in Engage" pages for changes after ${formatDate(index.newestRecordDate)}.`, cites: engagePageCitations(index) });
  }
  // Say what was set aside, so "no police force is in Engage" is not read as the whole picture.
  // (The force that dates the list is left out as "besides": it was in Engage then too.)
  // (Moves after it need no such word: the force's own move is not after itself.)
  const setAside = frame.excluded.size > 0 ? [...frame.excluded] : route === 'engage-moves' ? [] : anchoredReference;
  if (setAside.length > 0 && sentences[0]) {
    const names = setAside.map((id) => index.entities.get(id)).filter((e) => e !== undefined).map((e) => nameOf(e));
    const first = sentences[0];
    sentences[0] = { ...first, text: `${frame.excluded.size > 0 ? 'Apart from' : 'Besides'} ${names.join(' and ')}: ${first.text.charAt(0).toLowerCase()}${first.text.slice(1)}` };
  }
  // "A story said only three other forces were in Engage alongside the Met — right?": the count
  // claimed against the count listed, yes or no first.
  const claimed = analysis.claim ? claimedCount(analysis.question) : undefined;
  const listed = sentences.find((x) => x.items !== undefined);
  if (claimed !== undefined && listed?.items) {
    const n = listed.items.length;
    const verdict = n === claimed ? 'Yes: ' : `No: the records hold ${n > claimed ? 'more' : 'fewer'} than ${countWord(claimed)}. `;
    const at = sentences.indexOf(listed);
    sentences[at] = { ...listed, text: withVerdict(verdict, listed.text) };
    // Where the knowledge records the claim itself ("a report on 28 June 2022 named just three
    // other forces …"), it is said too: it explains where the wrong count came from.
    const recorded = recordedClaim(claimed, date, index);
    if (recorded) {
      sentences.push({ text: recorded.text, cites: recorded.citations });
      recordIds.push(recorded.id);
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


/** A fact that reports the same count of forces or services for the time asked about, if one does. */
function recordedClaim(claimed: number, date: DateExpression | undefined, index: KnowledgeIndex) {
  const count = new RegExp(`\\b(${claimed}|${countWord(claimed)})\\s+(?:other\\s+)?(?:police\\s+)?(?:forces?|services?)\\b`, 'i');
  return index.data.facts.find((f) => count.test(f.text) && (!date || (f.date !== undefined && overlaps(rangeOf(f.date), date.range))));
}

/** The last move of a type, by a body of the kinds asked about, dated wholly before a day. */
function lastMoveBefore(periods: readonly EngagePeriod[], type: 'entered_engage' | 'left_engage', kinds: EngageKind[], day: number): { p: EngagePeriod; e: StatusEvent } | undefined {
  let best: { p: EngagePeriod; e: StatusEvent } | undefined;
  for (const p of periods) {
    const e = type === 'entered_engage' ? p.entry : p.exit;
    if (!e || !kinds.includes(p.entity.kind as EngageKind) || rangeOf(e.date).end >= day) continue;
    if (!best || rangeOf(e.date).end > rangeOf(best.e.date).end) best = { p, e };
  }
  return best;
}

/**
 * The day a named force's own move sets for a list: its entry ("when the Met went in") or the
 * day after its exit ("after West Mids got out"), from the timeline.
 */
function referenceMove(analysis: QuestionAnalysis, frame: QuestionFrame, index: KnowledgeIndex): { date: DateExpression } | undefined {
  const subject = frame.engageSubjects[0];
  if (!subject) return undefined;
  const periods = periodsOf(subject, index.eventsByEntity.get(subject.id) ?? []);
  const leaving = analysis.concepts.has('leave') && !analysis.concepts.has('enter');
  const period = leaving ? periods.filter((p) => p.exit).at(-1) : periods.at(-1);
  const event = leaving ? period?.exit : period?.entry;
  if (!event || event.date.length !== 10) return undefined;
  const day = rangeOf(event.date).start + (leaving ? 1 : 0);
  const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
  return { date: { date: iso, range: { start: day, end: day }, matched: '', index: 0 } };
}

/** Two or three periods asked side by side ("in 2019 and 2021", "in 2020 or 2023"), none open-ended. */
function separatePeriods(analysis: QuestionAnalysis): DateExpression[] | undefined {
  const dates = analysis.dates;
  if (dates.length < 2 || dates.length > 3 || dates.some((d) => d.open || d.openWord === 'during')) return undefined;
  for (let i = 1; i < dates.length; i++) {
    const between = analysis.question.slice(dates[i - 1]!.index + dates[i - 1]!.matched.length, dates[i]!.index);
    if (!/^\s*(,|and|or|&|, and|, or)\s*(in\s+|on\s+)?$/i.test(between)) return undefined;
  }
  return dates;
}

function neverDraft(analysis: QuestionAnalysis, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  const kind = kindFilter(analysis, index);
  const never = neverInEngage(index.data, kind);
  if (!never) return undefined;
  const { coverage, matched } = coverageOf(analysis, weights, (t) => engageTermMatched(t, LIST_CONCEPTS, index) || /^(never|been|not|ever|onc)$/.test(t.key));
  const [lead, ...rest] = never.sentences;
  const sentences: DraftSentence[] = [
    {
      text: `${lead!.text.replace(/\.$/, '')}:`,
      cites: lead!.citations,
      // The lead cites the lists the register is read against; a citation per body would bury them.
      items: never.bodies.map((b) => ({ text: b.entity.name, cites: [] })),
    },
    ...rest.map((x) => ({ text: x.text, cites: x.citations })),
  ];
  return { route: 'engage-never', sentences, coverage, score: coverage, asOf: index.newestRecordDate, recordIds: [], matched, related: ['Which forces are in Engage now?', 'Which forces have been in Engage since 2019?'] };
}

/**
 * "Which forces entered Engage after the Met?": the named force's own move of the same kind is
 * the start (or end) of the window, and the force itself is left out of the list.
 */
function relativeToMove(analysis: QuestionAnalysis, frame: QuestionFrame, index: KnowledgeIndex): DateExpression | undefined {
  const subject = frame.engageSubjects[0];
  const c = analysis.concepts;
  if (!subject || !(c.has('enter') !== c.has('leave'))) return undefined;
  const q = analysis.question.toLowerCase();
  const surface = analysis.entities.find((e) => e.id === subject.id)?.surface;
  if (!surface) return undefined;
  const m = new RegExp(`\\b(after|before|since)\\s+(the\\s+)?${escapeRegExp(surface)}\\b`).exec(q);
  if (!m) return undefined;
  const periods = periodsOf(subject, index.eventsByEntity.get(subject.id) ?? []);
  const event = c.has('enter') ? periods.at(-1)?.entry : periods.filter((p) => p.exit).at(-1)?.exit;
  if (!event) return undefined;
  const day = rangeOf(event.date);
  const after = m[1] !== 'before';
  return {
    date: event.date,
    range: after ? { start: m[1] === 'since' ? day.start : day.end + 1, end: Number.POSITIVE_INFINITY } : { start: Number.NEGATIVE_INFINITY, end: day.start - 1 },
    matched: m[0],
    index: m.index,
    open: after ? 'after' : 'before',
    openWord: 'relative-move',
    label: `${after ? 'after' : 'before'} ${nameOf(subject)}'s ${c.has('enter') ? 'entry' : 'exit'} (${formatDate(event.date)})`,
  };
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** The number of forces or services a claim states ("only three other forces"), if it states one. */
function claimedCount(claim: string): number | undefined {
  const m = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?:other\s+)?(?:police\s+)?(?:forces?|services?|fire (?:and rescue )?services?)\b/i.exec(claim);
  if (!m) return undefined;
  const w = m[1]!.toLowerCase();
  return NUMBER_WORDS[w] ?? Number(w);
}

/** Words that name what an Engage list counts: forces, services, constabularies, brigades. */
const KIND_WORDS_STEMS = new Set(['forc', 'servic', 'polic', 'constabulari', 'brigad', 'frss', 'frs', 'on', 'other']);

/** "Which ones got let off in spring '25?", "which outfits went in?": "which" with a word that stands for any body. */
function whichOnes(analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const next = /^\W*which\s+([a-z]+)\b/i.exec(analysis.corrected)?.[1]?.toLowerCase();
  return next !== undefined && (next === 'ones' || next === 'one' || index.wordClass('general-nouns').has(stem(next)));
}
