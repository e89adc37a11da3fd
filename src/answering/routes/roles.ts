// Route: who held an office — "who is the Home Secretary?", "who was Met Commissioner in June
// 2022?", "who is the chief inspector?" — from the dated role records (knowledge/roles.yaml),
// with the date the answer holds for. "Now" means the newest role record, said in words with the
// date sources were checked to. A phrase that can name more than one office or body is answered
// for each office it can mean, saying so, or asked about; never silently resolved. Pure.

import type { CitationRef, Office } from '../../../knowledge/schema.ts';
import type { DraftSentence } from '../../citations.ts';
import { describeDuration, formatDate, introduceDate, isoFromDay, onDate, rangeOf, type DateExpression } from '../../dates.ts';
import { nameOf } from '../../engage-timeline.ts';
import type { KnowledgeIndex, Term } from '../../knowledge-index.ts';
import { firstUncoveredSpan, officesMatching, permanentRecordsOf, roleHolderOn, roleHoldersDuring, type RoleHolding } from '../../roles.ts';
import { applyCorrections, type QuestionAnalysis } from '../understand.ts';
import { coverageOf, isEngageKind, type Draft } from '../draft.ts';
import { escapeRegExp, normalizeAlias, stem } from '../../text.ts';
import type { QuestionFrame } from '../frame.ts';


export function roleDraft(analysis: QuestionAnalysis, frame: QuestionFrame, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  if (!(frame.asks === 'who' || frame.asks === 'when' || frame.asks === 'other' || frame.asks === 'yes-no' || frame.asks === 'how-long')) return undefined;
  const mention = officesMatching(index.data, analysis.corrected)[0];
  // "Who else was in Engage when Rowley started as commissioner?": the office belongs to the time
  // clause (a holder's start or end), so the question asks something else.
  // The anchor took the office with it ("… started as commissioner"), so it is read off the anchor.
  if (mention && analysis.anchors.some((a) => (a.move === 'take-office' || a.move === 'leave-office') && normalizeAlias(applyCorrections(a.matched, analysis.corrections)).includes(mention.words))) return undefined;
  // "When did Priti Patel become Home Secretary?", "when did Matt Parr leave HMICFRS?": a named
  // holder's start or end in an office.
  // (A phrase with several senses, "chief inspector", still narrows a named holder's offices to
  // the one sense they held: Cooke's holding as HM Chief Inspector, not as HM Inspector.)
  const personHeld = (id: string) => (index.data.roles ?? []).some((r) => r.office === id && analysis.entities.some((e) => e.id === r.holder));
  const sense = mention?.ambiguous?.candidates.filter(personHeld);
  const tenureOffice = mention?.office ?? (sense?.length === 1 ? index.data.offices?.find((o) => o.id === sense[0]) : undefined);
  const tenure = tenureDraft(analysis, frame, tenureOffice, index, weights);
  if (tenure) return tenure;
  if (frame.asks === 'how-long') return undefined;
  if (!mention) return (frame.asks === 'who' ? ownOfficeSuccessionDraft(analysis, index, weights) : undefined) ?? personRolesDraft(analysis, frame, index, weights);
  // "HMI" inside "the HMI Monitoring Group" names a body, not the office.
  if (analysis.entities.some((e) => e.surface.length > mention.words.length && e.surface.includes(mention.words) && index.entities.get(e.id)?.kind !== 'person')) return undefined;
  // The office's own name counts too: "HMCI fire & rescue" names the HM Chief Inspector of
  // Constabulary and of Fire & Rescue Services in two of its words.
  const officeWords = new Set([...mention.words.split(' '), ...(mention.office?.name.toLowerCase().split(' ') ?? [])]);
  const matcher = (t: Term) =>
    t.surface.split(' ').every((w) => officeWords.has(w)) ||
    t.key === '@now' ||
    t.key === '@inspector' ||
    t.key === '@commissioner' ||
    index.wordClass('role-question').has(t.key) ||
    // ("The permanent chief constable": whether the holder is acting is part of the answer.)
    t.key === 'perman' ||
    (t.kind === 'entity' && t.surface.split(' ').some((w) => officeWords.has(w))) ||
    // "Who was Home Secretary when the Met got let out of special measures in Jan 2025?": the
    // move in the time clause says when, so its subject and its Engage words are accounted for.
    (analysis.anchors.some((a) => a.move === 'enter' || a.move === 'leave') && (analysis.anchoredKeys?.has(t.key) || ['@engage', '@enter', '@leave'].includes(t.key) || (t.kind === 'entity' && analysis.anchors.some((a) => normalizeAlias(a.subjectText).includes(normalizeAlias(t.surface))))));
  const { coverage, matched } = coverageOf(analysis, weights, matcher);
  const base = { coverage, score: coverage, matched };
  const date: DateExpression | undefined = analysis.dates[0];

  // "Who was chief inspector before Cooke?": a phrase with several senses, beside a person who
  // held just one of them, means that one.
  const heldSense = sense?.length === 1 ? index.data.offices?.find((o) => o.id === sense[0]) : undefined;
  if (mention.ambiguous && !heldSense) {
    const ambiguous = mention.ambiguous;
    const offices = ambiguous.candidates.map((id) => index.data.offices?.find((o) => o.id === id)).filter((o): o is Office => o !== undefined);
    const answers = offices.map((o) => ({ o, said: holderSentences(o, date, index) })).filter((x) => x.said !== undefined && !x.said.none);
    if (answers.length === 0) {
      return {
        route: 'role-ambiguous',
        sentences: [{ text: `"${ambiguous.alias}" names more than one office, so I won't pick one for you. Please say which you mean.`, cites: [] }],
        ...base,
        asOf: null,
        recordIds: [],
        related: [],
        status: 'no_answer',
      };
    }
    const sentences: DraftSentence[] = [];
    for (const { o, said } of answers) sentences.push(...said!.sentences.map((x, i) => (i === 0 ? { ...x, text: `If you mean the ${o.name}: ${x.text.charAt(0).toLowerCase()}${x.text.slice(1)}` } : x)));
    const others = ambiguous.candidates.filter((id) => !offices.some((o) => o.id === id)).map((id) => index.entities.get(id)).filter((e) => e !== undefined);
    const senses = [...others.map((e) => nameOf(e)), ...(ambiguous.alsoMeans ? [ambiguous.alsoMeans] : [])];
    if (senses.length > 0) sentences.push({ text: `"${ambiguous.alias}" can also mean ${senses.join(' or ')}.`, cites: [] });
    return { route: 'role', sentences, ...base, asOf: answers[0]!.said!.asOf, recordIds: answers.flatMap((x) => x.said!.recordIds), related: ['Which forces are in Engage now?'] };
  }

  const office = mention.office ?? heldSense!;
  // "Which HM Inspector was in charge of Cleveland Police when it went in?": an office several
  // people hold at once is not held for one force in the role records, so they cannot say
  // which holder dealt with a named force or service.
  if (office.shared && analysis.entities.some((e) => e.id !== office.body && isEngageKind(index.entities.get(e.id)))) return undefined;
  // "Who became Home Secretary after Braverman?": the holder who followed (or came before) a named one.
  const succession = successionSentences(office, analysis, index);
  if (succession) {
    const people = new Set(succession.people.map((id) => '#' + id));
    const covered = coverageOf(analysis, weights, (t) => matcher(t) || people.has(t.key) || t.key === '@appoint' || t.key === '@resign' || SUCCESSION_STEMS.test(t.key));
    return { route: 'role', sentences: succession.sentences, coverage: covered.coverage, score: covered.coverage, matched: covered.matched, asOf: succession.asOf, recordIds: succession.recordIds, related: ['Which forces are in Engage now?'], ...(succession.none ? { status: 'no_answer' as const } : {}) };
  }
  // "Who was the acting commissioner?": the acting holdings, not the holder now.
  // ("The interim Met commissioner" is also an alias of the person who was: the words are read here.)
  if ((/\b(acting|interim|caretaker|temporary)\b/i.test(analysis.question) || analysis.concepts.has('interim')) && !date) {
    const acting = (index.data.roles ?? []).filter((r) => r.office === office.id && r.acting);
    const sentences = acting.flatMap((r) => {
      const holder = index.entities.get(r.holder);
      if (!holder) return [];
      // For one acting holder: the curated fact that tells of the acting holding (with the story's
      // own sources), and who the holder is, from their profile, as for the holder now.
      const story = acting.length === 1 ? storyOf(holder.id, ['@interim'], index) : undefined;
      const profile = acting.length === 1 ? index.profiles.get(holder.id) : undefined;
      return [
        { text: `${nameOf(holder, true)} was acting ${office.name} ${periodWords(r)}.`.replace(/ \./, '.'), cites: r.citations.slice(0, 3) },
        ...(story ? [{ text: story.fact.text, cites: story.fact.citations }] : []),
        ...(profile ? [{ text: profile.text, cites: profile.citations }] : []),
      ];
    });
    if (sentences.length > 0) {
      const covered = coverageOf(analysis, weights, (t) => matcher(t) || t.key === 'act');
      return { route: 'role', sentences, coverage: covered.coverage, score: covered.coverage, matched: covered.matched, asOf: null, recordIds: acting.map((r) => r.id), related: ['Which forces are in Engage now?'] };
    }
  }
  // "Which HMI handled Derbyshire's time in Engage?": a question about a force, whose answer is
  // not whoever holds a shared office now. Several people hold a shared office at once, so "the
  // HM Inspector now" names no one in particular.
  if (office.shared && !date) return undefined;
  // (A force whose move dates the question is its time, not its subject.)
  if (analysis.entities.some((e) => isEngageKind(index.entities.get(e.id)) && e.id !== office.body && !analysis.anchoredKeys?.has('#' + e.id))) {
    const body = office.body ? index.entities.get(office.body) : undefined;
    if (!body || !isEngageKind(body)) return undefined;
  }
  const said = holderSentences(office, date, index, /\b(permanent(ly)?|for good|substantive)\b/i.test(analysis.question));
  if (!said) return undefined;
  if (said.none) return { route: 'role', sentences: said.sentences, ...base, asOf: null, recordIds: [], related: [], status: 'no_answer' };
  return { route: 'role', sentences: said.sentences, ...base, asOf: said.asOf, recordIds: said.recordIds, related: [`Who was ${office.name} in June 2022?`, 'Which forces are in Engage now?'] };
}

/** Words of taking up an office, and of leaving one ("became", "took over", "stepped down"), as stems. */
const TAKE_OFFICE = /^(becom|becam|join|start|began|begin|took|take|sworn|@appoint)$/;
const LEAVE_OFFICE = /^(@resign|@leave|retir|end|finish|stop)$/;

/**
 * A named person's start or end in an office, from the role records: "when did Priti Patel first
 * become Home Secretary?", "when did Matt Parr leave HMICFRS?", "how long was Patel Home
 * Secretary?". When the end asked for is not on record, it says so and declines.
 */
function tenureDraft(analysis: QuestionAnalysis, frame: QuestionFrame, office: Office | undefined, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  if (frame.asks === 'yes-no' && /\bstill\b/i.test(analysis.question)) return stillInOfficeDraft(analysis, office, index, weights);
  if (frame.asks !== 'when' && frame.asks !== 'how-long') return undefined;
  const keys = analysis.terms.map((t) => t.key);
  const takes = keys.some((k) => TAKE_OFFICE.test(k));
  const leaves = keys.some((k) => LEAVE_OFFICE.test(k));
  if (frame.asks === 'when' && !takes && !leaves) return undefined;
  const person = askedPerson(analysis, index);
  if (!person) return undefined;
  const records = holdingsOf(person.id, office, index);
  if (records.length === 0) return undefined;
  // "First became": the earliest holding; otherwise each holding, at most three.
  const chosen = /\bfirst\b/i.test(analysis.question) ? records.slice(0, 1) : records.slice(0, 3);
  const sentences: DraftSentence[] = [];
  let missing = false;
  const checkedTo = index.data.meta?.checkedTo ?? index.newestRecordDate;
  for (const r of chosen) {
    const held = officeOf(r.office, index);
    const title = held?.name ?? r.office;
    const role = `${r.acting ? 'acting ' : ''}${title}`;
    const cites = r.citations.slice(0, 3);
    if (frame.asks === 'how-long') {
      if (!r.from) continue;
      const end = r.until ? rangeOf(r.until).end : undefined;
      sentences.push({
        text: r.until
          ? `${nameOf(person, true)} was ${role} from ${formatDate(r.from)} to ${formatDate(r.until)}: ${describeDuration(rangeOf(r.from).start, end!)}.`
          : `${nameOf(person, true)} has been ${role} since ${formatDate(r.from)}, with no end found in sources checked up to ${formatDate(checkedTo)}: ${describeDuration(rangeOf(r.from).start, rangeOf(checkedTo).end)} by then.`,
        cites,
      });
      continue;
    }
    if (takes || !leaves) {
      // Whom they followed, when the records hold the holder before ("who did he replace?").
      const before = r.from && !r.acting && !held?.shared
        ? (index.data.roles ?? []).filter((x) => x.office === r.office && !x.acting && x.until && rangeOf(x.until).end <= rangeOf(r.from!).end).sort((x, y) => rangeOf(y.until!).start - rangeOf(x.until!).start)[0]
        : undefined;
      const predecessor = before ? index.entities.get(before.holder) : undefined;
      const followed = predecessor ? `, succeeding ${nameOf(predecessor)}` : '';
      sentences.push({ text: r.from ? `${nameOf(person, true)} became ${role} ${onDate(r.from)}${followed}.` : `${nameOf(person, true)} was ${role} as of ${formatDate(r.asOf!)}; the records held do not say when the holding began.`, cites: before ? [...cites, ...before.citations.slice(0, 1)] : cites });
      if (!r.from) missing = true;
    }
    if (leaves) {
      if (r.until) sentences.push({ text: `${nameOf(person, true)}'s time as ${role} ended ${onDate(r.until)}.`, cites });
      else {
        missing = true;
        sentences.push({ text: `No end of ${nameOf(person)}'s time as ${role} is recorded in the sources held${r.from ? ` (in office from ${formatDate(r.from)})` : ''}.`, cites });
      }
    }
    if (r.note) sentences.push({ text: r.note, cites });
  }
  if (sentences.length === 0) return undefined;
  // A curated fact about the person telling of the move itself ("Dick announced her resignation
  // in February 2022 …"), when one holds it: the record's sources and the story's, side by side.
  const moveKeys = analysis.terms.filter((t) => t.kind === 'concept' && (TAKE_OFFICE.test(t.key) || LEAVE_OFFICE.test(t.key))).map((t) => t.key);
  const story = storyOf(person.id, moveKeys, index);
  if (story && !missing) sentences.push({ text: story.fact.text, cites: story.fact.citations });
  const officeWords = new Set(chosen.flatMap((r) => (officeOf(r.office, index)?.name ?? '').toLowerCase().split(' ')));
  // The office as the question names it, in any of its curated forms ("HMCI", "Met commissioner").
  const officeNames = new Set(chosen.flatMap((r) => officeOf(r.office, index)?.aliases ?? []).map((a) => a.toLowerCase()));
  const { coverage, matched } = coverageOf(
    analysis,
    weights,
    (t) => t.key === '#' + person.id || TAKE_OFFICE.test(t.key) || LEAVE_OFFICE.test(t.key) || t.key === 'first' || t.key === '@how-long' || t.key === '@inspector' || t.key === '@commissioner' || t.surface.split(' ').every((w) => officeWords.has(w)) || officeNames.has(t.surface.toLowerCase()) || index.wordClass('role-question').has(t.key) || (t.kind === 'entity' && chosen.some((r) => officeOf(r.office, index)?.body === t.key.slice(1))),
  );
  return {
    route: 'role',
    sentences,
    coverage,
    score: coverage,
    matched,
    asOf: null,
    recordIds: [...chosen.map((r) => r.id), ...(story && !missing ? [story.fact.id] : [])],
    related: ['Who is the Home Secretary?'],
    ...(missing ? { status: 'no_answer' as const } : {}),
  };
}

/**
 * "Is Wendy Williams still an HM Inspector?", "is Rowley still Met commissioner?": yes or no
 * first, from the person's holding of the office (the one named, or their latest).
 */
function stillInOfficeDraft(analysis: QuestionAnalysis, office: Office | undefined, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  const person = askedPerson(analysis, index);
  if (!person) return undefined;
  const records = holdingsOf(person.id, office, index);
  const r = records.at(-1);
  if (!r) return undefined;
  const title = officeOf(r.office, index)?.name ?? r.office;
  const role = `${r.acting ? 'acting ' : ''}${title}`;
  const checked = formatDate(index.data.meta?.checkedTo ?? index.newestRecordDate);
  const sentences: DraftSentence[] = [
    r.until
      ? { text: `No: ${nameOf(person)}'s time as ${role} ended ${onDate(r.until)}${r.from ? ` (in office from ${formatDate(r.from)})` : ''}.`, cites: r.citations.slice(0, 3) }
      : { text: `As far as the records held show, yes: ${nameOf(person)} has been ${role}${r.from ? ` since ${formatDate(r.from)}` : ` as of ${formatDate(r.asOf!)}`}, with no end found in sources checked up to ${checked}.`, cites: r.citations.slice(0, 3) },
  ];
  if (r.note) sentences.push({ text: r.note, cites: r.citations.slice(0, 3) });
  const officeWords = new Set(title.toLowerCase().split(' ').map(stem));
  const { coverage, matched } = coverageOf(
    analysis,
    weights,
    (t) =>
      t.key === '#' + person.id ||
      t.key === 'still' ||
      t.key === 'on' ||
      t.key === '@now' ||
      t.key === '@inspector' ||
      t.key === '@commissioner' ||
      t.surface.split(' ').every((w) => officeWords.has(stem(w))) ||
      index.wordClass('role-question').has(t.key) ||
      t.key === '#' + (officeOf(r.office, index)?.body ?? ''),
  );
  return { route: 'role', sentences, coverage, score: coverage, matched, asOf: null, recordIds: [r.id], related: ['Who is the Home Secretary?'] };
}

/** An office by id. */
function officeOf(id: string, index: KnowledgeIndex): Office | undefined {
  return index.data.offices?.find((o) => o.id === id);
}

/** The first person the question names. */
function askedPerson(analysis: QuestionAnalysis, index: KnowledgeIndex) {
  return analysis.entities.map((e) => index.entities.get(e.id)).find((e) => e?.kind === 'person');
}

/** A person's holdings (of one office, if given), earliest first. */
function holdingsOf(personId: string, office: Office | undefined, index: KnowledgeIndex) {
  return (index.data.roles ?? [])
    .filter((r) => r.holder === personId && (!office || r.office === office.id))
    .sort((a, b) => rangeOf(a.from ?? a.asOf!).start - rangeOf(b.from ?? b.asOf!).start);
}

/** The first curated fact about a person (their own, not one naming them in passing) that holds one of the concepts. */
function storyOf(personId: string, conceptKeys: string[], index: KnowledgeIndex) {
  if (conceptKeys.length === 0) return undefined;
  return (index.postings.get('#' + personId) ?? []).map((i) => index.docs[i]!).find((d) => d.fact.about[0] === personId && conceptKeys.some((k) => d.terms.has(k)));
}

/** The curated fact about a person dated closest to a period, within about six weeks of it. */
function factNear(personId: string, date: DateExpression, index: KnowledgeIndex) {
  let best: { fact: ReturnType<KnowledgeIndex['facts']['get']>; gap: number } | undefined;
  for (const doc of index.postings.get('#' + personId) ?? []) {
    const fact = index.docs[doc]!.fact;
    if (!fact.date || fact.about[0] !== personId) continue;
    const r = rangeOf(fact.date);
    const gap = r.end < date.range.start ? date.range.start - r.end : r.start > date.range.end ? r.start - date.range.end : 0;
    if (gap <= 45 && (!best || gap < best.gap)) best = { fact, gap };
  }
  return best?.fact;
}

/** A holding's time in words: "from 10 April 2022 to 12 September 2022", "since …", "as of …". */
function periodWords(p: { from?: string | undefined; until?: string | undefined; asOf?: string | undefined }): string {
  if (p.from) return p.until ? `from ${formatDate(p.from)} to ${formatDate(p.until)}` : `since ${formatDate(p.from)}`;
  return p.asOf ? `as of ${formatDate(p.asOf)}` : '';
}

/** The office's role record nearest a day with no holder on record, within a month of it. */
function nearestRecord(officeId: string, day: string, index: KnowledgeIndex) {
  const asked = rangeOf(day);
  let best: { id: string; holder: NonNullable<ReturnType<KnowledgeIndex['entities']['get']>>; when: string; citations: CitationRef[]; gap: number } | undefined;
  for (const r of index.data.roles ?? []) {
    if (r.office !== officeId) continue;
    const holder = index.entities.get(r.holder);
    if (!holder) continue;
    for (const [d, when] of [[r.asOf, onDate], [r.from, (x: string) => `from ${formatDate(x)}`], [r.until, (x: string) => `until ${formatDate(x)}`]] as const) {
      if (!d) continue;
      const span = rangeOf(d);
      const gap = span.start > asked.end ? span.start - asked.end : asked.start > span.end ? asked.start - span.end : 0;
      if (gap <= 31 && (!best || gap < best.gap)) best = { id: r.id, holder, when: when(d), citations: r.citations, gap };
    }
  }
  return best;
}

/** Who held the office now (the newest role record) or on the date asked about, in sentences. */
function holderSentences(office: Office, date: DateExpression | undefined, index: KnowledgeIndex, permanentAsked = false): { sentences: DraftSentence[]; asOf: string | null; recordIds: string[]; none?: true } | undefined {
  const title = office.name;
  const day = date?.date;
  const sentences: DraftSentence[] = [];
  const cite = (h: RoleHolding): CitationRef[] => h.citations.slice(0, 3);
  const period = (h: RoleHolding) => periodWords(h.period);
  if (!day) {
    const now = roleHolderOn(index.data, office.id);
    if (!now) return undefined;
    // "As of" the newest role records: for a holder still in post, that is as far as sources
    // were checked, which is said in words; the start date alone would read as stale.
    const asOf = now.checkedTo ?? now.asOf;
    // "Who's the permanent chief constable now — did Green get the job for good?": an acting
    // holder is not the permanent one the question asks for, and none is on record.
    if (permanentAsked && now.acting) {
      const checked = now.checkedTo ? ` in sources checked up to ${formatDate(now.checkedTo)}` : '';
      return {
        sentences: [{ text: `No permanent ${title} is recorded${checked}: ${nameOf(now.holder)} holds the post on an acting basis, ${period(now).replace(/^since/, 'in office since')}.`, cites: cite(now) }],
        asOf,
        recordIds: [now.record.id],
        none: true,
      };
    }
    sentences.push({
      text: `As of the newest role records held, the ${title} is ${nameOf(now.holder)}${now.acting ? ' (acting)' : ''}, ${period(now).replace(/^since/, 'in office since')}.`,
      cites: cite(now),
    });
    if (now.checkedTo) sentences.push({ text: `No later change was found in sources checked up to ${formatDate(now.checkedTo)}.`, cites: (index.data.meta?.citations ?? []).slice(0, 2) });
    // Who the holder is, from their curated profile, so the name comes with its context.
    const profile = index.profiles.get(now.holder.id);
    if (profile) sentences.push({ text: profile.text, cites: profile.citations });
    return { sentences, asOf, recordIds: [now.record.id, ...(profile ? [profile.id] : [])] };
  }
  // One holder for the day or month asked about, or the holders of a month the office changed hands in.
  // "Since 2019", "after June 2022": every holder of the open period.
  const single = date?.open ? undefined : roleHolderOn(index.data, office.id, day);
  const holders = single ? [single] : roleHoldersDuring(index.data, office.id, date?.open ? date.range : day);
  const when = date && date.range.start === date.range.end ? `On ${formatDate(isoFromDay(date.range.start))}` : date?.open ? introduceDate(date) : `In ${date?.label ?? formatDate(day)}`;
  if (holders.length === 0) {
    const none: DraftSentence[] = [{ text: `I hold no record of who was ${title} ${when.charAt(0).toLowerCase()}${when.slice(1)}.`, cites: [] }];
    // A record close by is worth saying, as what it is: "the nearest record shows Kit Malthouse
    // in the office on 29 June 2022", never as the answer for the day asked.
    const near = nearestRecord(office.id, day, index);
    if (near) none.push({ text: `The nearest record I hold shows ${nameOf(near.holder)} as ${title} ${near.when}.`, cites: near.citations.slice(0, 2) });
    return { sentences: none, asOf: null, recordIds: near ? [near.id] : [], none: true };
  }
  // A time the records only partly cover ("in 2019", when they begin in July 2019): the holder on
  // record is not the whole answer, so it is given with what is missing, as no answer.
  // (A holder known only "as of" a day is no tenure to measure the gap by: said as it is.)
  const uncovered = date?.open || holders.some((h) => h.period.from === undefined) ? undefined : firstUncoveredSpan(index.data, office.id, day);
  if (uncovered !== undefined) {
    const gap = uncovered.start === uncovered.end ? `on ${formatDate(isoFromDay(uncovered.start))}` : `from ${formatDate(isoFromDay(uncovered.start))} to ${formatDate(isoFromDay(uncovered.end))}`;
    return {
      sentences: [
        { text: `I can't say who was ${title} throughout ${date?.label ?? formatDate(day)}: no record I hold covers the office ${gap}.`, cites: [] },
        { text: `The records show ${holders.map((h) => `${nameOf(h.holder)}${h.acting ? ' (acting)' : ''}, ${period(h)}`).join('; ')}.`, cites: holders.flatMap(cite).slice(0, 4) },
      ],
      asOf: null,
      recordIds: holders.map((h) => h.record.id),
      none: true,
    };
  }
  if (holders.length === 1) {
    const h = holders[0]!;
    sentences.push({ text: `${when}, the ${title} was ${nameOf(h.holder)}${h.acting ? ' (acting)' : ''}, ${period(h)}.`, cites: cite(h) });
    // What the record shows the holder doing in the office at that time, when a fact holds it.
    const nearby = factNear(h.holder.id, date!, index);
    if (nearby) sentences.push({ text: nearby.text, cites: nearby.citations });
  } else {
    sentences.push({
      text: `${when}, the office of ${title} changed hands:`,
      cites: [],
      items: holders.map((h) => ({ text: `${h.holder.name}${h.acting ? ' (acting)' : ''} — ${period(h)}`, cites: cite(h) })),
    });
  }
  return { sentences, asOf: day, recordIds: holders.map((h) => h.record.id) };
}

/**
 * Words that ask for the holder after (or before) a named one: verbs ("replaced", "took over
 * from"), "who did X replace?", and the nouns for the person ("X's successor", "her predecessor").
 */
const SUCCESSION = /\b(after|succeeded|replaced|followed|took over from|before|preceded|successors?|predecessors?|replacement)\b|\bdid\b.*\b(replace|succeed|follow)\b/i;

/** The question words a succession answer accounts for, as stems ("replaced" → replac). */
const SUCCESSION_STEMS = /^(becam|becom|after|befor|replac|succeed|successor|predecessor|follow|took|take|over|next|previou|perman)$/;

/**
 * "Who is Andy Cooke's successor?", "who replaced Priti Patel?": a succession asked about a named
 * holder without naming the office is asked about the office (or offices) they held.
 */
function ownOfficeSuccessionDraft(analysis: QuestionAnalysis, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  if (!SUCCESSION.test(analysis.corrected)) return undefined;
  const people = analysis.entities.filter((e) => index.entities.get(e.id)?.kind === 'person');
  if (people.length !== 1) return undefined;
  const offices = [...new Set((index.data.roles ?? []).filter((r) => r.holder === people[0]!.id && !r.acting).map((r) => r.office))]
    .map((id) => index.data.offices?.find((o) => o.id === id))
    .filter((o): o is Office => o !== undefined && !o.shared);
  const said = offices.map((o) => successionSentences(o, analysis, index)).filter((x) => x !== undefined);
  if (said.length === 0) return undefined;
  // (Of several offices, those with a recorded holder after or before are said; "none" only when no office has one.)
  const known = said.filter((x) => !x.none);
  const chosen = known.length > 0 ? known : said;
  const named = new Set(chosen.flatMap((x) => x.people.map((id) => '#' + id)));
  const covered = coverageOf(analysis, weights, (t) => named.has(t.key) || t.key === '@appoint' || t.key === '@resign' || index.wordClass('role-question').has(t.key) || SUCCESSION_STEMS.test(t.key) || t.key === 'did');
  return {
    route: 'role',
    sentences: chosen.flatMap((x) => x.sentences),
    coverage: covered.coverage,
    score: covered.coverage,
    matched: covered.matched,
    asOf: null,
    recordIds: chosen.flatMap((x) => x.recordIds),
    related: ['Who is the Home Secretary?'],
    ...(known.length === 0 ? { status: 'no_answer' as const } : {}),
  };
}

/** The holders before or after a named holder of the office, one per stint of theirs. */
function successionSentences(office: Office, analysis: QuestionAnalysis, index: KnowledgeIndex): { sentences: DraftSentence[]; asOf: string | null; recordIds: string[]; people: string[]; none?: true } | undefined {
  // (Read on the corrected text: "befor Cooke" is "before Cooke".)
  const m = SUCCESSION.exec(analysis.corrected);
  if (!m) return undefined;
  // "Who did Cooke replace?" asks for the holder before; "who replaced Cooke?", the one after.
  const didReplace = m[1] === undefined;
  const after = !didReplace && !/^(before|preceded|predecessors?)$/i.test(m[1]!);
  const records = permanentRecordsOf(index.data, office.id);
  const person = analysis.entities.map((e) => index.entities.get(e.id)).find((e) => e?.kind === 'person' && records.some((r) => r.holder === e.id));
  if (!person) return undefined;
  // "Before Cooke", "replaced Hopkins": the holder named right after the word. "Before becoming
  // an HMI" is a time in the person's own life, not a succession.
  // (The person may be named twice, once through the office: "took over as GMP chief constable
  // after Ian Hopkins left" names Hopkins by name after "after".)
  const surfaces = [...analysis.entities.filter((e) => e.id === person.id).map((e) => e.surface), ...[person.name, ...person.aliases].map(normalizeAlias)].filter(Boolean);
  const rest = analysis.corrected.slice(m.index + m[0].length).toLowerCase();
  if (/^(before|after)$/i.test(m[1] ?? '') && !surfaces.some((surface) => new RegExp(`^\\W*(?:\\w+\\W+){0,2}?${escapeRegExp(surface)}`).test(rest))) return undefined;
  const sentences: DraftSentence[] = [];
  const recordIds: string[] = [];
  records.forEach((r, i) => {
    if (r.holder !== person.id) return;
    const other = records[after ? i + 1 : i - 1];
    const otherHolder = other ? index.entities.get(other.holder) : undefined;
    if (!other || !otherHolder) return;
    const when = formatDate((after ? other.from : r.from) ?? other.asOf ?? r.asOf!);
    sentences.push({
      text: after
        ? `${nameOf(otherHolder)} followed ${nameOf(person)} as ${office.name} on ${when}.`
        : `${nameOf(otherHolder)} was ${office.name}${other.from ? ` from ${formatDate(other.from)}` : ''} before ${nameOf(person)}, who took over on ${when}.`,
      cites: [...r.citations.slice(0, 1), ...other.citations.slice(0, 2)],
    });
    recordIds.push(r.id, other.id);
    // An acting holder between the two ("who ran the Met before Rowley?": Dick, then House acting).
    const [earlier, later] = after ? [r, other] : [other, r];
    const gapStart = earlier.until ? rangeOf(earlier.until).start : undefined;
    const gapEnd = later.from ? rangeOf(later.from).end : undefined;
    if (gapStart === undefined || gapEnd === undefined) return;
    for (const a of index.data.roles ?? []) {
      if (a.office !== office.id || !a.acting || !a.from) continue;
      const holder = index.entities.get(a.holder);
      if (!holder || rangeOf(a.from).start < gapStart || rangeOf(a.from).start > gapEnd) continue;
      sentences.push({ text: `In between, ${nameOf(holder)} was acting ${office.name} ${periodWords(a)}.`, cites: a.citations.slice(0, 2) });
      recordIds.push(a.id);
    }
  });
  // The named holder is on record but whoever came next (or before) is not: say so, never the
  // holder "now" in their place.
  if (sentences.length === 0) {
    const own = records.find((r) => r.holder === person.id)!;
    // An acting holder who followed is said ("Scott Green became acting Chief Constable"); it
    // answers "who replaced X?", though not "who replaced X permanently?".
    const acting = after && own.until ? (index.data.roles ?? []).find((r) => r.office === office.id && r.acting && r.from && rangeOf(r.from).start >= rangeOf(own.until!).start) : undefined;
    const actingHolder = acting ? index.entities.get(acting.holder) : undefined;
    const said: DraftSentence[] = actingHolder
      ? [{ text: `After ${nameOf(person)}, ${nameOf(actingHolder)} became acting ${office.name} ${onDate(acting!.from!)}; no permanent successor is recorded in the sources held.`, cites: acting!.citations.slice(0, 2) }]
      : [{ text: `The records held do not say who ${after ? 'followed' : 'came before'} ${nameOf(person)} as ${office.name}.`, cites: own.citations.slice(0, 2) }];
    const permanent = /\bpermanent(ly)?\b/i.test(analysis.question);
    return {
      sentences: said,
      asOf: null,
      recordIds: [own.id, ...(acting ? [acting.id] : [])],
      people: [person.id, ...(actingHolder ? [actingHolder.id] : [])],
      ...(actingHolder && !permanent ? {} : { none: true as const }),
    };
  }
  return { sentences, asOf: null, recordIds, people: [person.id] };
}

/**
 * "What did Yvette Cooper do?", "who is Shabana Mahmood?": a person the records know only from
 * role records is answered with the offices they held and when.
 */
function personRolesDraft(analysis: QuestionAnalysis, frame: QuestionFrame, index: KnowledgeIndex, weights: Map<Term, number>): Draft | undefined {
  if (!(frame.asks === 'who' || frame.asks === 'other' || frame.asks === 'what-is')) return undefined;
  const person = askedPerson(analysis, index);
  if (!person) return undefined;
  const records = (index.data.roles ?? []).filter((r) => r.holder === person.id);
  if (records.length === 0) return undefined;
  const { coverage, matched } = coverageOf(analysis, weights, (t) => (t.kind === 'entity' && t.key === '#' + person.id) || index.wordClass('role-question').has(t.key) || /^(do|did|job|work|role)$/.test(t.key));
  const sentences: DraftSentence[] = records.map((r) => {
    const office = officeOf(r.office, index);
    const span = r.from ? (r.until ? `from ${formatDate(r.from)} to ${formatDate(r.until)}` : `from ${formatDate(r.from)}, with no end found in sources checked up to ${formatDate(index.data.meta?.checkedTo ?? index.newestRecordDate)}`) : `as of ${formatDate(r.asOf!)}`;
    return { text: `${nameOf(person, true)} was ${r.acting ? 'acting ' : ''}${office?.name ?? r.office} ${span}.`, cites: r.citations.slice(0, 2) };
  });
  // A curated profile, when there is one, says more than the offices alone; the fact route has it.
  if (index.profiles.has(person.id)) return undefined;
  return { route: 'role', sentences, coverage, score: coverage, matched, asOf: null, recordIds: records.map((r) => r.id), related: ['Who is the Home Secretary?'] };
}
