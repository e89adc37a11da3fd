// Route: one force or service — is/was it in Engage, since when, why, how long, on a date.
// Answers from the status timeline only. Pure.

import type { Entity, StatusEvent } from '../../../knowledge/schema.ts';
import type { DraftSentence } from '../../citations.ts';
import { describeAsked, findDates, introduceDate, lengthInDays, rangeOf } from '../../dates.ts';
import { formatDate, onDate } from '../../dates.ts';
import { entrySentence, exitSentence, isConfirmed, nameOf, needsNote, noteSentence, overlap, periodDuration, periodPhrase, periodsOf, reasonsSentence } from '../../engage-timeline.ts';
import type { KnowledgeIndex, Term } from '../../knowledge-index.ts';
import type { QuestionAnalysis } from '../understand.ts';
import { citeEvent } from '../cite-event.ts';
import { asksWhatWasWrong, type QuestionFrame } from '../frame.ts';
import { noEngageRecordSentence } from '../../register.ts';
import { coverageOf, engageTermMatched, isEngageKind, overlaps, STATUS_CONCEPTS, withVerdict, type Draft } from '../draft.ts';

export function entityStatusDraft(analysis: QuestionAnalysis, frame: QuestionFrame, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  let c = analysis.concepts;
  // A force that dates the question ("was Staffs in at the same time as the Met?", "which were in
  // while the Met was?") is its reference, not its subject — unless it is the only force named
  // and the question is not a list ("how long was the Met in before it left?").
  const named = analysis.entities
    .filter((e) => !frame.excluded.has(e.id))
    .map((e) => index.entities.get(e.id))
    .filter((e): e is Entity => isEngageKind(e));
  const unanchored = named.filter((e) => !analysis.anchoredKeys?.has('#' + e.id));
  // (A list of what was wrong, "what were the causes of concern when Bucks went in?", is still
  // about the one force or service whose move dates it.)
  const whatWasWrong = asksWhatWasWrong(analysis, index);
  const listOfBodies = (frame.asks === 'list' && !c.has('cause-of-concern') && !whatWasWrong) || frame.asks === 'count';
  const subjects = unanchored.length > 0 || listOfBodies ? unanchored : named;
  if (subjects.length === 0) return undefined;
  // "What did HMICFRS flag when Lincs went in?", "why was it, when GMP came out?": the one move
  // that dates the question is the move asked about.
  const anchoredMove = unanchored.length === 0 ? analysis.anchors.find((a) => a.move === 'enter' || a.move === 'leave')?.move : undefined;
  if (anchoredMove && (frame.asks === 'why' || c.has('cause-of-concern') || whatWasWrong)) c = new Set([...c, anchoredMove, 'engage']);
  const changedToGetOut = changedToLeave(analysis, c, index);
  // "What were GMP's causes of concern?" is the reasons for its move; a particular one ("the extra
  // cause of concern in 2024", "still open when it left") is a fact's to answer.
  const generalConcerns = c.has('cause-of-concern') && analysis.dates.length === 0 && !/\b(extra|further|new|open|closed|still|another|third|second|remaining|outstanding)\b/i.test(analysis.question);
  // ("What were the inspectors unhappy about at Lincs?" asks what was wrong: the reasons for its move.)
  if (!(c.has('engage') || c.has('enter') || c.has('leave') || c.has('scan') || c.has('status') || generalConcerns || (whatWasWrong && frame.asks === 'why'))) return undefined;
  // "Which other forces were in Engage when the Met went in?" asks for a list; the Met is only
  // its reference point.
  // So does "who was already in Engage when the Met got put in?": "who" of the bodies in Engage,
  // when the one force named only dates the question.
  // And "within a month of the Met going in, did any fire service go in?": "any" of them.
  const asksBodies = frame.asks === 'list' || frame.asks === 'count' || (frame.asks === 'who' && unanchored.length === 0);
  if (asksBodies && /\b(other|others|still|already|remaining|alongside|besides|apart from|as well as|after|before|since)\b/i.test(analysis.question)) return undefined;
  if (unanchored.length === 0 && named.length > 0 && /\b(any|anyone|anybody)\b/i.test(analysis.question)) return undefined;
  // "How many times has Cleveland been in Engage?": its stays, counted from the timeline.
  if (frame.asks === 'count' && analysis.terms.some((t) => t.kind === 'word' && index.wordClass('stay').has(t.key))) return staysCount(analysis, subjects, index, weights);
  // "How many stop and searches did the Met carry out?" asks for a number no timeline holds;
  // "did West Mids accept it?" asks for a reaction, which facts hold.
  // (Unless the force or service named was never in Engage: "who was the HMI for Herts's move
  // into Engage?", "what did the Engage letter to Dorset say?" have no move to tell of, which is
  // what the reply says.)
  const neverIn = subjects.every((s) => !index.eventsByEntity.has(s.id)) && (c.has('enter') || c.has('leave') || c.has('engage'));
  if (frame.asks === 'count' || (frame.asks === 'said' && !neverIn)) return undefined;
  const asksWhoDecided = frame.asks === 'who' && (c.has('decide') || DECISION_WORDS.test(analysis.question));
  // "Who got sacked after the Met went in?" asks for a person; the timeline names none.
  if (frame.asks === 'who' && !asksWhoDecided && !neverIn) return undefined;

  const subjectIds = new Set(subjects.map((s) => s.id));
  // "Who decided …" is answered by the move's decision record, so the decision is accounted for.
  const { coverage, matched } = coverageOf(analysis, weights, (t) => engageTermMatched(t, STATUS_CONCEPTS, index) || (t.kind === 'entity' && subjectIds.has(t.key.slice(1))) || (asksWhoDecided && (t.key === '@decide' || t.key === '@letter')) || (frame.asks === 'when' && t.key === '@year'));
  const sentences: DraftSentence[] = [];
  const recordIds: string[] = [];
  const related: string[] = [];
  let asOf: string = index.newestRecordDate;
  let noRecord = 0;
  // Set when the question asks for something the records do not hold (the HM Inspector of a move).
  let unanswered = false;
  // The record's note sentence that opened the answer as a verdict, said once only.
  let openNoteSaid: string | undefined;
  // Whether the answer gives the reasons for a move, from the record.
  let gaveReasons = false;

  // A question that presumes a stay ("when did Humberside go in?", "why was Cumbria put in?").
  const presumption = frame.asks === 'why' || frame.asks === 'when' || frame.asks === 'how-long' || c.has('why') || c.has('enter') || c.has('leave');
  for (const [n, entity] of subjects.slice(0, 3).entries()) {
    const events = index.eventsByEntity.get(entity.id) ?? [];
    // "When did Lincolnshire Fire and Rescue join Lincs Police in Engage?": the subject asked
    // about has no stay, so the question as asked has no answer, whatever the others' records.
    if (events.length === 0 && n === 0 && presumption && frame.asks !== 'yes-no' && !analysis.claim) unanswered = true;
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
      // The register holds the force, the timeline no stay: say so for the period the records
      // cover, citing the lists they rest on, and never that it was never in Engage. A question
      // that presumes a stay ("why was Cumbria put in special measures?") hears that there is none.
      const presumed = frame.asks === 'when' ? 'date' : frame.asks === 'how-long' ? 'length' : frame.asks === 'who' ? 'person' : 'reason';
      const none = noEngageRecordSentence(index.data, entity.id, { presumption, presumed });
      if (none) for (const x of none.sentences) sentences.push({ text: x.text, cites: x.citations });
      else sentences.push({ text: `I have no record of ${nameOf(entity)} being in HMICFRS's Engage phase ("special measures") in the curated sources, so I can't say whether it was.`, cites: [] });
      continue;
    }
    const periods = periodsOf(entity, events);
    const latest = periods.at(-1)!;
    const date = analysis.dates[0];
    const used = new Set<StatusEvent>();
    const say = (text: string | undefined, event: StatusEvent) => {
      if (!text) return;
      sentences.push({ text: withVerdict(pending, text), cites: citeEvent(event, index) });
      pending = '';
      used.add(event);
    };
    // "Did D&C come out on 31 July 2025?", or a claim that it did: yes or no first, then the
    // record. The verdict opens the first sentence of the record it rests on.
    let pending = '';
    // So does a statement put as a question: "devon n cornwall exit was 31 july 2025?".
    const checksDate = frame.asks === 'yes-no' || analysis.claim === true || (analysis.lead === undefined && analysis.dates.length > 0 && /\b(was|were|is|came|went|left|entered)\b[^?]*\?\s*$/i.test(analysis.question));
    const verdict = (moves: StatusEvent[], asked: NonNullable<typeof date>) => {
      // "Did D&C go in before or after GMP came out?": which side of the other move, first.
      const either = /\b(before or after|after or before)\b/i.test(analysis.question);
      if (either && (asked.openWord === 'after' || asked.openWord === 'before') && moves.length > 0) {
        const other = rangeOf(asked.date);
        const own = rangeOf(moves[moves.length - 1]!.date);
        const side = own.end < other.start ? 'Before' : own.start > other.end ? 'After' : 'At about the same time as';
        const event = asked.matched.replace(/^\s*(after|before)\s+/i, '');
        // The other move is cited from its own record.
        const otherMove = [...(analysis.anchoredKeys ?? [])].flatMap((k) => index.eventsByEntity.get(k.slice(1)) ?? []).find((e) => e.date === asked.date);
        sentences.push({ text: `${side} ${event} (${formatDate(asked.date)}).`, cites: otherMove ? citeEvent(otherMove, index, 2) : [] });
        return;
      }
      // (A move checked against "the end of 2024" is checked against that year's last month.)
      const range = asked.around ?? asked.range;
      const onIt = moves.filter((m) => overlaps(rangeOf(m.date), range));
      const exact = onIt.some((m) => rangeOf(m.date).start >= range.start && rangeOf(m.date).end <= range.end);
      // A date the record's own note gives as the sources' other reading is a disagreement, not a "no".
      const disputed = onIt.length === 0 && moves.some((m) => m.note !== undefined && findDates(m.note).some((d) => overlaps(d.range, asked.range)));
      pending = disputed
        ? `The sources disagree on that date. `
        : onIt.length === 0
          ? `No, not ${describeAsked(asked)}: `
          : exact
            ? 'Yes: '
            : `Possibly: the record is less exact than ${describeAsked(asked)}. `;
      if (disputed) for (const m of moves) if (m.note) disputedMoves.add(m);
    };
    const disputedMoves = new Set<StatusEvent>();

    // "What improvements got X out" asks why it left, as much as "why did X leave" does.
    if (asksWhoDecided) {
      // Who took the decision, and who put it to the force: the decision-maker is recorded on
      // the event; the HM Inspector who wrote to the force is in the event's note.
      const leaving = c.has('leave') && !c.has('enter');
      const period = leaving ? [...periods].reverse().find((p) => p.exit) : latest;
      const event = period ? (leaving ? period.exit : period.entry) : undefined;
      if (event) {
        const decider = event.decidedBy ? index.entities.get(event.decidedBy) : undefined;
        // The HM Inspector who wrote to the force, or announced or recommended the move.
        const inspector = event.inspector ? index.entities.get(event.inspector) : undefined;
        say(leaving ? exitSentence(entity, event) : entrySentence(entity, event), event);
        if (inspector) say(`The HM Inspector who dealt with it was ${inspector.name}.`, event);
        if (decider) say(`The decision was ${decider.name}'s, as HM Chief Inspector.`, event);
        const note = noteSentence(event);
        if (note) say(note, event);
        else if (!decider && !inspector) sentences.push({ text: 'The records held do not say who took this decision.', cites: [] });
        // "Which HMI signed the letter taking Wiltshire out?": when no HM Inspector is named for
        // the move, the question is not answered, and the reply says what the records do hold.
        if (!inspector && /\b(hmi|inspector)\b/i.test(analysis.question) && !/\b(chief inspector|hmci)\b/i.test(analysis.question)) {
          sentences.unshift({ text: `The records held name no HM Inspector for this move; what they hold is this.`, cites: [] });
          unanswered = true;
        }
      }
    } else if (c.has('why') || c.has('cause-of-concern') || (c.has('improvement') && c.has('leave')) || changedToGetOut || frame.asks === 'why' || whatWasWrong) {
      const leaving = c.has('leave') && !c.has('enter');
      const period = leaving ? [...periods].reverse().find((p) => p.exit) : latest;
      // "Why was the Met put in in 2019?": the record's move is not of that time, and the answer says so first.
      if (date && period) {
        verdict([leaving ? period.exit : period.entry].filter((e): e is StatusEvent => e !== undefined), date);
        if (!pending.startsWith('No')) pending = ''; // a "why" is not answered "Yes"
        // "Why was GMP put back in in 2023?": no such move is on record, so there are no reasons
        // to give; what the records hold is said, as a decline of the question asked.
        else if (frame.asks === 'why' || c.has('why')) unanswered = true;
      }
      if (leaving && !period) {
        say(`As of ${formatDate(index.newestRecordDate)}, the newest record held, ${nameOf(entity)} has not left Engage; it entered ${onDate(latest.entry.date)}.`, latest.entry);
        // "Why did Lincs leave?" of a force that never has: no reasons to give.
        unanswered = true;
      } else if (period) {
        const event = leaving ? period.exit! : period.entry;
        // "Did D&C leave with causes of concern still open?" — yes, by the record's note; "was
        // everything fixed?" — no. The verdict opens the answer.
        const exitNote = leaving ? noteSentence(event) : undefined;
        const openLead = exitNote?.split(/(?<=[.!?])\s+/).find((x) => OPEN_CONCERNS.test(x));
        if (frame.asks === 'yes-no' && openLead) {
          const verdictWord = /\b(still open|open|outstanding|unresolved|left over|remaining|not (been )?(closed|fixed|resolved|cleared))\b/i.test(analysis.question) ? 'Yes: ' : /\b(fixed|cleared?|resolved|closed|everything|all)\b/i.test(analysis.question) ? 'No: ' : undefined;
          if (verdictWord) {
            sentences.push({ text: withVerdict(verdictWord, openLead), cites: citeEvent(event, index) });
            openNoteSaid = openLead;
          }
        }
        say(leaving ? exitSentence(entity, event) : entrySentence(entity, event), event);
        const reasons = reasonsSentence(entity, event);
        if (reasons) gaveReasons = true;
        say(reasons ?? `The records held give no reasons for this move.`, event);
        // "Did it clear all its causes of concern?", "was everything fixed?": an exit with
        // concerns still open says so, in the record's note.
        const note = leaving ? noteSentence(event) : undefined;
        if (note && OPEN_CONCERNS.test(note) && (openNoteSaid || c.has('cause-of-concern') || /\b(fixed|cleared?|resolved|everything|all)\b/i.test(analysis.question))) say(openNoteSaid ? note.replace(openNoteSaid, '').trim() || undefined : note, event);
        // "In when, out when, and what triggered it?": both moves were asked, so the way out is
        // said too (or that there has been none).
        if (!leaving && c.has('enter') && c.has('leave')) {
          if (period.exit) say(exitSentence(entity, period.exit), period.exit);
          else say(`As of ${formatDate(index.newestRecordDate)}, the newest record held, it has not left Engage.`, period.entry);
        }
      }
    } else if (c.has('how-long')) {
      // "Was Wilts in for about two years?": a length claimed is checked against the stay's, yes or no first.
      const claimed = claimedDays(analysis);
      for (const p of periods) {
        // (A move dated only to its month or year leaves the stay's length a range: "four years" for
        // Cleveland's 2019 to September 2023 is roughly right.)
        const exit = p.exit ? rangeOf(p.exit.date) : rangeOf(index.newestRecordDate);
        const shortest = exit.start - rangeOf(p.entry.date).end;
        const longest = exit.end - rangeOf(p.entry.date).start;
        const close = claimed !== undefined && claimed >= shortest * 0.88 - 30 && claimed <= longest * 1.12 + 30;
        const verdict = claimed === undefined || periods.length > 1 ? '' : close ? 'Roughly, yes: ' : 'No: ';
        const text = verdict + (p.exit
          ? `${nameOf(entity, true)} was in Engage ${periodPhrase(p)}: ${periodDuration(p, index.newestRecordDate)}.`
          : `${nameOf(entity, true)} has been in Engage ${periodPhrase(p)}: ${periodDuration(p, index.newestRecordDate)} as of ${formatDate(index.newestRecordDate)}, the newest record held.`);
        sentences.push({ text: verdict ? withVerdict(verdict, text.slice(verdict.length)) : text, cites: [...citeEvent(p.entry, index, 2), ...(p.exit ? citeEvent(p.exit, index, 2) : [])] });
        used.add(p.entry);
        if (p.exit) used.add(p.exit);
      }
    } else if (date && !(c.has('enter') || c.has('leave'))) {
      asOf = date.date;
      const hit = periods.map((p) => ({ p, o: overlap(p, date.range) })).find((r) => r.o !== 'no');
      const when = introduceDate(date);
      // "Was GMP still in special measures when the Met went in?": yes or no first.
      const yesNo = frame.asks === 'yes-no';
      if (!hit) {
        sentences.push({ text: withVerdict(yesNo ? 'No: ' : '', `${when}, ${nameOf(entity)} was not in Engage according to the records held; it was in Engage ${periods.map(periodPhrase).join(' and ')}.`), cites: periods.flatMap((p) => [...citeEvent(p.entry, index, 1), ...(p.exit ? citeEvent(p.exit, index, 1) : [])]) });
        periods.forEach((p) => (used.add(p.entry), p.exit && used.add(p.exit)));
      } else {
        const certainty = hit.o === 'possibly' ? 'possibly in Engage (the exact day of the move is not recorded)' : 'in Engage';
        const verdict = yesNo ? (hit.o === 'possibly' ? 'Possibly: ' : 'Yes: ') : '';
        sentences.push({ text: withVerdict(verdict, `${when}, ${nameOf(entity)} was ${certainty}: it was in Engage ${periodPhrase(hit.p)}.`), cites: [...citeEvent(hit.p.entry, index, 2), ...(hit.p.exit ? citeEvent(hit.p.exit, index, 2) : [])] });
        used.add(hit.p.entry);
        if (hit.p.exit) used.add(hit.p.exit);
      }
    } else if ((c.has('enter') && !c.has('leave')) || (frame.asks === 'when' && !c.has('leave'))) {
      if (checksDate && date) verdict(periods.map((p) => p.entry), date);
      // "When did the Met go back into Engage?" of a force with one stay: there was no return.
      else if (periods.length === 1 && RETURN_WORDS.test(analysis.question)) pending = `The records hold one stay in Engage for ${nameOf(entity)}, with no return to it: `;
      // "Has Notts ever been put in Engage?": yes, and when.
      else if (frame.asks === 'yes-no') pending = 'Yes: ';
      for (const p of periods) say(entrySentence(entity, p.entry), p.entry);
      if (ASKS_DAY.test(analysis.question) && periods.every((p) => p.entry.date.length < 10)) dayNotRecorded(sentences);
      // Never let an entry date read as the current status: say when it left, or that it has not.
      if (!latest.exit) say(`As of ${formatDate(index.newestRecordDate)}, the newest record held, it has not left Engage.`, latest.entry);
      else say(exitSentence(entity, latest.exit), latest.exit);
    } else if (c.has('leave') && !c.has('enter')) {
      const exits = periods.filter((p) => p.exit);
      if (checksDate && date) verdict(exits.map((p) => p.exit!), date);
      // "Has the Met been given the all-clear?": yes or no as of the newest record, then the record.
      // ("Is Lincs still in, or have they been let off?" offers both answers: no "yes" or "no" fits.)
      else if (frame.asks === 'yes-no' && !(/\bstill\b/i.test(analysis.question) && /\bor\b/i.test(analysis.question))) pending = latest.exit ? 'Yes: ' : 'No: ';
      if (ASKS_DAY.test(analysis.question) && exits.length > 0 && exits.every((p) => p.exit!.date.length < 10)) dayNotRecorded(sentences);
      for (const p of exits) {
        say(exitSentence(entity, p.exit!), p.exit!);
        // The whole stay, so "when in, when out?" is answered by one reply.
        say(`It had been in Engage since ${formatDate(p.entry.date)}, ${periodDuration(p, index.newestRecordDate)} in all.`, p.entry);
        // "D&C left with some concerns still open - which ones?": the record's note says.
        const note = noteSentence(p.exit!);
        if (note && OPEN_CONCERNS.test(note) && /\b(concerns?|open|outstanding|unresolved|fixed|cleared?|resolved)\b/i.test(analysis.question)) say(note, p.exit!);
      }
      if (!latest.exit) {
        say(`As of ${formatDate(index.newestRecordDate)}, the newest record held, ${nameOf(entity)} has not left Engage; it entered ${onDate(latest.entry.date)}.`, latest.entry);
        // "When did Lincs come out?" of a force that never has: there is no date to give, so the
        // question as asked goes unanswered, and the reply says what the record holds instead.
        if (exits.length === 0 && (frame.asks === 'when' || /\b(date|day|when)\b/i.test(analysis.question)) && !checksDate) unanswered = true;
      }
    } else {
      // Is / was / has X been in Engage: the status as of the newest record, then its history.
      if (!latest.exit && isConfirmed(latest.entry)) {
        // "Is Lincs still in, or have they been let off?" offers two answers: "yes" fits neither,
        // so the reply says which holds ("still in", with no exit recorded).
        const eitherOr = /\bor\b/i.test(analysis.question) && (c.has('leave') || /\b(out|off|left)\b/i.test(analysis.question));
        const still = eitherOr || /\bstill\b/i.test(analysis.question) ? 'still ' : '';
        say(`${eitherOr ? '' : 'Yes. '}As of ${formatDate(index.newestRecordDate)}, the newest record held, ${nameOf(entity)} is ${still}in Engage ("special measures"), ${periodPhrase(latest)}${eitherOr ? '; no exit is recorded' : ''}.`, latest.entry);
      } else if (!latest.exit) {
        say(entrySentence(entity, latest.entry), latest.entry);
        sentences.push({ text: `No exit is recorded for it as of ${formatDate(index.newestRecordDate)}, the newest record held.`, cites: [] });
      } else {
        const history = periods.map(periodPhrase).join(' and ');
        // "Is the Met still in special measures?" — no; "was GMP ever in Engage?" — yes.
        const presentTense = /^(is|are|isn't|isnt|aren't|arent)\b/i.test(analysis.question.trim()) || c.has('now');
        // "Has Cleveland been in Engage twice?" of one stay: no.
        const presumesReturn = periods.length === 1 && RETURN_WORDS.test(analysis.question);
        const lead = frame.asks === 'yes-no' ? (presentTense || presumesReturn ? 'No: ' : 'Yes: ') : '';
        sentences.push({
          text: withVerdict(lead, `${nameOf(entity, true)} was in Engage ("special measures") ${history}; as of ${formatDate(index.newestRecordDate)}, the newest record held, it is no longer in Engage.`),
          cites: periods.flatMap((p) => [...citeEvent(p.entry, index, 3), ...(p.exit ? citeEvent(p.exit, index, 3) : [])]),
        });
        periods.forEach((p) => (used.add(p.entry), p.exit && used.add(p.exit)));
      }
    }
    for (const event of used) {
      if (needsNote(event) || disputedMoves.has(event)) {
        // (Less the sentence that already opened the answer as its verdict.)
        const note = openNoteSaid ? noteSentence(event)?.replace(openNoteSaid, '').trim() || undefined : noteSentence(event);
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
  // The reasons given are what the inspectorate found wrong, so the words of "the problems the
  // inspectors found", "the main worry", "the list of concerns" are accounted for by them.
  const findings = (t: Term) => gaveReasons && (t.key === '@inspector' || t.key === '@cause-of-concern' || t.key === '@list' || (t.kind === 'word' && (index.wordClass('found-wrong').has(t.key) || (changedToGetOut && index.wordClass('status-change').has(t.key)))));
  const spoken = coverageOf(analysis, weights, (t) => matched.has(t.key) || findings(t));
  const covered = Math.max(coverage, spoken.coverage);
  for (const key of spoken.matched) matched.add(key);
  return {
    route: 'entity-status',
    sentences,
    coverage: covered,
    score: covered,
    asOf,
    recordIds,
    matched,
    related,
    ...(noRecord === Math.min(subjects.length, 3) || unanswered ? { status: 'no_answer' as const } : {}),
  };
}


/** A second stay presumed: "go back into", "re-enter", "again", "a second time". */
const RETURN_WORDS = /\b(re-?enter\w*|re-?join\w*|(go|went|gone|put|placed|sent|moved|come|came) back (in|into)|back into engage|back in engage|again|second (time|stint|spell|stay)|twice|more than once|two times)\b/i;

/** "On what exact day …", "what date exactly …": the day is asked for, not the month or year. */
const ASKS_DAY = /\b(exact|precise|actual)\b[^?]{0,15}\b(day|date)\b|\b(day|date)\b[^?]{0,10}\b(exactly|precisely)\b|\bwhich day\b|\bwhat day\b/i;

/**
 * Says first that the records give no day for the move: the month or year they hold still
 * answers a reporter, who must not print a day.
 */
function dayNotRecorded(sentences: DraftSentence[]): void {
  sentences.unshift({ text: 'The records held do not give the exact day of this move, only what follows.', cites: [] });
}

/** "LFB got out in March 2024 - what had changed?": what changed to get out is what improved. */
function changedToLeave(analysis: QuestionAnalysis, c: Set<string>, index: KnowledgeIndex): boolean {
  return c.has('leave') && !c.has('enter') && /\bwhat\b/i.test(analysis.question) && analysis.terms.some((t) => t.kind === 'word' && index.wordClass('status-change').has(t.key));
}

const OPEN_CONCERNS = /\b(still open|stayed open|remained open|not been closed|not closed|unresolved|outstanding)\b/i;

/** Words that ask who took or put forward a decision ("who decided", "who recommended", "signed it off", "which HMI wrote"). */
const DECISION_WORDS = /\b(decid\w*|decision|recommend\w*|sign\w*|approv\w*|fronted|front\w* the|wrote|letter|handled|in charge|moved|put|placed|took|taken|removed|released)\b/i;

/** The number of stays in Engage of each named force, with each stay's dates. */
function staysCount(analysis: QuestionAnalysis, subjects: Entity[], index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  const ids = new Set(subjects.map((s) => s.id));
  const { coverage, matched } = coverageOf(analysis, weights, (t) => engageTermMatched(t, STATUS_CONCEPTS, index) || (t.kind === 'entity' && ids.has(t.key.slice(1))));
  const sentences: DraftSentence[] = [];
  const recordIds: string[] = [];
  for (const entity of subjects.slice(0, 3)) {
    const periods = periodsOf(entity, index.eventsByEntity.get(entity.id) ?? []);
    if (periods.length === 0) return undefined;
    const times = periods.length === 1 ? 'once' : periods.length === 2 ? 'twice' : `${periods.length} times`;
    sentences.push({
      text: `In the records held (2019 to ${formatDate(index.newestRecordDate)}), ${nameOf(entity)} has been in Engage ${times}: ${periods.map(periodPhrase).join('; ')}.`,
      cites: periods.flatMap((p) => [...citeEvent(p.entry, index, 2), ...(p.exit ? citeEvent(p.exit, index, 1) : [])]),
    });
    recordIds.push(...periods.flatMap((p) => [p.entry.id, ...(p.exit ? [p.exit.id] : [])]));
  }
  return { route: 'entity-status', sentences, coverage, score: coverage, asOf: index.newestRecordDate, recordIds, matched, related: ['Which forces are in Engage now?'] };
}


/** A length of time the question states ("about 2 years", "18 months"), in days, if it states one. */
function claimedDays(analysis: QuestionAnalysis): number | undefined {
  // (The how-long term understanding read from a stated length keeps its words as its surface.)
  for (const t of analysis.terms) {
    const days = t.key === '@how-long' ? lengthInDays(t.surface.split(/\s+/)) : undefined;
    if (days !== undefined) return days;
  }
  return undefined;
}
