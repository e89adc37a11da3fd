// Route: curated facts — findings, statements, people, bodies, the process. Candidates come from
// the rarest question terms; ranking by rarity-weighted coverage, then phrasing similarity. Pure.

import type { Entity, Fact } from '../../../knowledge/schema.ts';
import type { DraftSentence } from '../../citations.ts';
import { formatDate, rangeOf } from '../../dates.ts';
import { analyzeText, type IndexedFact, type KnowledgeIndex, type Term } from '../../knowledge-index.ts';
import { wordProfile } from '../../lexicon/word-profile.ts';
import { escapeRegExp, isStopWord, stem, tokenize } from '../../text.ts';
import { EVERYDAY_SPECIFICITY, type QuestionAnalysis } from '../understand.ts';
import { isEngageKind, type Draft } from '../draft.ts';
import { PERSON_NOUNS, type QuestionFrame } from '../frame.ts';


/** A quoted span in a fact's text: the curated form of someone's published words. */
const QUOTED = /["“][^"”]{3,}["”]/;
const QUOTE_BONUS = 0.1;

export function factDrafts(analysis: QuestionAnalysis, frame: QuestionFrame, index: KnowledgeIndex, weights: Map<Term, number>, minCoverage: number): Draft[] {
  let totalWeight = 0;
  for (const term of analysis.terms) totalWeight += weights.get(term) ?? 1;
  if (totalWeight === 0) return [];

  // Candidates come from the rarest terms, taken until the rest of the question weighs less
  // than the coverage an answer needs: a fact holding none of them could not reach it, so
  // skipping it loses nothing. On a large base this skips most postings.
  // A term with related words can be reached through them, at their (lower) weight.
  const reachable = (t: Term) => (index.postings.has(t.key) ? 1 : Math.max(0, ...(t.alternatives ?? []).filter((a) => index.postings.has(a.key)).map((a) => a.weight)));
  const unknownWeight = analysis.terms.reduce((sum, t) => sum + (weights.get(t) ?? 1) * (1 - reachable(t)), 0);
  if ((totalWeight - unknownWeight) / totalWeight < minCoverage) return []; // no fact could cover enough
  const keys = analysis.terms.map((t) => t.key);
  const termWeights = analysis.terms.map((t) => weights.get(t) ?? 1);
  // Each term's postings, and its related words' postings, as candidate generators.
  const alternatives = analysis.terms.map((t) => (t.alternatives ?? []).filter((a) => index.postings.has(a.key)));
  const order = analysis.terms
    .map((t, i) => ({ i, df: (index.postings.get(t.key)?.length ?? 0) + alternatives[i]!.reduce((n, a) => n + index.postings.get(a.key)!.length, 0) }))
    .filter((x) => x.df > 0)
    .sort((a, b) => a.df - b.df);
  const candidates = new Set<number>();
  let generatorWeight = 0;
  for (const { i } of order) {
    for (const doc of index.postings.get(keys[i]!) ?? []) candidates.add(doc);
    for (const a of alternatives[i]!) for (const doc of index.postings.get(a.key)!) candidates.add(doc);
    generatorWeight += termWeights[i]!;
    if (generatorWeight > totalWeight * (1 - minCoverage)) break;
  }
  if (candidates.size === 0) return [];

  // "Which minister said …?": the noun after "which" is what the answer is, so a fact naming
  // someone who holds such a role ("Policing Minister Kit Malthouse") accounts for it.
  const category = categoryAsked(analysis);
  const scored: { doc: number; coverage: number }[] = [];
  for (const doc of candidates) {
    const terms = index.docs[doc]!.terms;
    let hit = 0;
    for (let i = 0; i < keys.length; i++) {
      const fieldWeight = terms.get(keys[i]!);
      if (fieldWeight !== undefined) {
        hit += termWeights[i]! * fieldWeight;
        continue;
      }
      if (category && analysis.terms[i] === category && namesOneWhoIs(index.docs[doc]!, category.key, analysis, index)) {
        hit += termWeights[i]!;
        continue;
      }
      let related = 0;
      for (const a of alternatives[i]!) {
        const w = terms.get(a.key);
        if (w !== undefined && w * a.weight > related) related = w * a.weight;
      }
      hit += termWeights[i]! * related;
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
  const contentWords = analysis.terms.filter((t) => t.kind !== 'entity' && !index.wordClass('profile-question').has(t.key) && t.key !== '@now');
  const profileQuestion = entityIds.size > 0 && contentWords.length === 0;

  const ranked = shortlist
    // What the question asks for must be what the fact gives: a fact that shares its words but
    // not its answer type (no date for "when", no force for "which forces") is not an answer.
    .filter(({ doc }) => answersType(index.docs[doc]!, frame, analysis, index))
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
      // "What did X say?" is best answered in X's own published words: a fact that quotes them
      // beats a summary of the same statement.
      const words = frame.asks === 'said' && QUOTED.test(d.fact.text) ? QUOTE_BONUS : 0;
      // `base` ranks facts by what they share with the question alone; `score` adds how closely
      // one of their phrasings matches and whether they profile the entity asked about.
      const base = coverage + focus;
      return { d, coverage, base, phrasing, profile, score: base + 0.3 * phrasing + profile + words - d.terms.size * 0.001 };
    })
    .sort((a, b) => b.score - a.score);

  // "What did Keir Starmer say about Engage?": a statement of theirs, not a fact that mentions them.
  const speaker = frame.asks === 'said' ? speakerAsked(analysis, index) : undefined;
  if (speaker) {
    const theirs = ranked.filter((r) => reportsWordsOf(r.d, speaker, index));
    if (theirs.length === 0) return [];
    ranked.splice(0, ranked.length, ...theirs);
  }
  if (ranked.length === 0) return [];
  let top = ranked[0]!;
  // Answers about a named entity must be about that entity, not merely share words with it.
  // A fact whose own text names the entity counts ("… HM Inspector Matt Parr's letter …").
  // When a force or service is named, it is the subject: a fact about the inspectorate alone
  // ("what did the inspectorate find at GMP?") is not about it.
  const forces = [...entityIds].filter((id) => isEngageKind(index.entities.get(id)));
  const subjects = forces.length > 0 ? forces : [...entityIds];
  const concerns = (d: IndexedFact) => subjects.some((id) => d.entityIds.includes(id) || d.terms.get('#' + id) === 1);
  if (subjects.length > 0 && !concerns(top.d)) {
    const alternative = ranked.find((r) => concerns(r.d));
    if (!alternative || alternative.coverage < top.coverage * 0.8) return [];
    // The best fact about the subject answers, and only facts about it join it: "how many crimes
    // went unrecorded at GMP?" is not answered with the Met's figure.
    top = alternative;
    ranked.splice(0, ranked.length, ...ranked.filter((r) => concerns(r.d)));
  }
  // The best fact may say the records hold no answer ("The sources do not say who chairs the
  // PPOG"): that is a decline, with its sources, not an answer.
  const absence = absenceSentence(top.d, analysis, frame, weights, index);
  if (absence) {
    const sentence = { text: absence.text, cites: top.d.fact.citations };
    return [{ route: 'fact', status: 'no_answer', sentences: [sentence], coverage: top.coverage, score: top.score, asOf: latestDate([top.d.fact], index), recordIds: [top.d.fact.id], matched: absence.matched, related: relatedFacts([top.d.fact], index) }];
  }
  // Facts that account for the question as well as the best one add to the answer (often the
  // same claim from another source); at most three facts, two for "who is" questions.
  const picked = [top];
  const limit = profileQuestion ? 2 : 3;
  // "What did X say?": every statement given is X's, not another speaker's words about X.
  const voice = frame.asks === 'said' && top.d.fact.about[0] && entityIds.has(top.d.fact.about[0]) ? top.d.fact.about[0] : undefined;
  for (const r of ranked.slice(1, 12)) {
    if (picked.length >= limit) break;
    if (voice && r.d.fact.about[0] !== voice) continue;
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
  // How clearly the chosen fact beats the best one not picked with it: a near tie means the
  // question could be about either, and the answer's confidence says so.
  const rival = ranked.find((r) => !picked.includes(r));
  return [
    {
      route: 'fact',
      sentences,
      coverage: top.coverage,
      score: top.score,
      evidence: { phrasing: top.phrasing, profile: top.profile > 0, margin: rival ? top.score - rival.score : 1 },
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


/** The entities a fact is about or names in its text. */
function mentioned(doc: IndexedFact, index: KnowledgeIndex) {
  const ids = new Set([...doc.fact.about, ...[...doc.terms.keys()].filter((k) => k.startsWith('#')).map((k) => k.slice(1))]);
  return [...ids].map((id) => index.entities.get(id)).filter((e) => e !== undefined);
}

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A fact's text without its dates: "6 December 2024" is not a count. */
function withoutDates(text: string): string {
  return text
    .replace(new RegExp(`\\b\\d{1,2}(st|nd|rd|th)? (${MONTH_NAMES})( \\d{4})?\\b`, 'g'), ' ')
    .replace(new RegExp(`\\b(${MONTH_NAMES}) \\d{4}\\b`, 'g'), ' ')
    .replace(/\b(19|20)\d\d\b/g, ' ');
}

const NUMBER = /\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?)\b/gi;

/** Whether a number in the text is followed, within a few words, by the thing counted (or a related word). */
function numberCounts(text: string, counted: Term, index: KnowledgeIndex): boolean {
  const keys = new Set([counted.key, ...(counted.alternatives ?? []).map((a) => a.key)]);
  const plain = withoutDates(text);
  for (const m of plain.matchAll(NUMBER)) {
    const after = plain.slice(m.index! + m[0].length).split(/[.;:]/)[0]!.split(/\s+/).slice(0, 6).join(' ');
    if (analyzeText(after, index, { strongAliasesOnly: false }).some((t) => keys.has(t.key))) return true;
    // "… of the crimes reported to the force, an estimated 80,100, were never recorded": the thing
    // counted may come first, in the same sentence.
    const before = plain.slice(0, m.index!).split(/[.;:]/).at(-1)!.split(/\s+/).slice(-12).join(' ');
    if (/,\s*(an estimated|about|around|some|nearly|almost|roughly)?\s*$/i.test(plain.slice(0, m.index!)) && analyzeText(before, index, { strongAliasesOnly: false }).some((t) => keys.has(t.key))) return true;
  }
  return false;
}

/** Whether a fact states the exact figure asked for: a percentage, a day, or a number the question did not already give. */
function givesExactly(kind: string, text: string, question: string): boolean {
  if (/day|date/i.test(kind)) return /\b\d{1,2}(st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(text);
  if (/per ?cent|percentage|rate/i.test(kind)) return /\d\s*(%|per ?cent)/i.test(text);
  const asked = new Set(question.match(/\d[\d,.]*/g) ?? []);
  return (withoutDates(text).match(/\d[\d,.]*/g) ?? []).some((n) => !asked.has(n) && !/^(19|20)\d\d$/.test(n));
}

/**
 * A finding reported: what a review, inquiry or inspection found or concluded. ("No record … has
 * been found" reports a search, not a finding; "the newest found," names no finding.)
 */
const FINDING = /\b(?<!(?:been|not|no|never) )(found|finds|find that|concluded|concludes|conclusion|judged|judges|ruled|rules that|decided|determined|established|identified|uncovered|revealed|recommended|graded|rated|assessed)\b(?!\s*[,.;:)])/i;

/** Words for what was said or done out of public view. */
const PRIVATE = /\b(privately|in private|behind closed doors|secretly|in secret|off the record|confidentially|in confidence)\b/i;

/** Concepts that shape a question rather than name what is counted. */
const SHAPE_KEYS = new Set(['@count', '@now', '@ever', '@how-long', '@year', '@why', '@say', '@list', '@meaning', '@status', '@percent', '@amount']);

/** A sum of money or a quantity: "£1.2 million", "$300", "40,000 pounds". A date is not an amount. */
const AMOUNT = /[£$€]\s?\d|\b\d[\d,.]*\s*(pounds|million|billion|bn|m)\b/i;

const PERSON_OR_BODY = new Set(['person', 'oversight_body', 'government']);
const PERSON = new Set(['person']);
/** A question about who leads something, answered by a person. */
const LEADERSHIP = /\b(in charge of|head of|heads|headed|leads|led|runs|ran|boss of|chairs|chaired|chair of)\b/i;
const YEAR = /\b(19|20)\d\d\b/;

/** Whether a fact can answer the kind of thing the question asks for. */
export function answersType(doc: IndexedFact, frame: QuestionFrame, analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const fact = doc.fact;
  const aboutEngage = analysis.concepts.has('engage') || analysis.concepts.has('enter') || analysis.concepts.has('leave');
  // "What was the outcome of …", "what was the score in …": the noun asked for must be what the
  // fact gives (its word or a related one), not only the things it is asked about. So is "give me
  // X's home address": the thing asked of X — though X's own profile answers "X's background".
  const { head, predicate, role, leadership } = whatIsAsked(analysis);
  if (head) {
    const profileOfAsked = fact.describes !== undefined && analysis.entities.some((e) => e.id === fact.describes);
    const gives = head.compound
      ? new RegExp(`\\b${head.compound.split(' ').map((w) => escapeRegExp(stem(w))).join('\\w*\\s+')}`, 'i').test(fact.text)
      : doc.terms.has(head.term.key) || (head.term.alternatives ?? []).some((a) => doc.terms.has(a.key));
    // "What is the role of the PPOG?", "X's background": what a profile tells, which X's profile answers.
    const told = index.wordClass('life-story').has(head.term.key) || index.wordClass('profile-question').has(head.term.key);
    if (!gives && !(profileOfAsked && told)) return false;
  }
  // "What did the review find?", "what did the IOPC conclude?", "what was the outcome?": a
  // finding is asked for, so a fact that only says the review was ordered or the case reopened
  // does not answer it. The fact must report a finding.
  // (Only when the finding is what is asked: "had it released its findings?" asks about publishing.)
  // So does "what did the PPOG decide?": a decision is asked for, so the fact must report one.
  const asksFinding = analysis.terms.some((t) => t.kind === 'word' && index.wordClass('finding').has(t.key)) || (analysis.concepts.has('decide') && !/^\W*who\b/i.test(analysis.question));
  if ((analysis.lead === 'what' || analysis.lead === 'how') && asksFinding && !FINDING.test(fact.text)) return false;
  // "What exactly did Guildford say?": their words, so a fact that only reports that they
  // disagreed does not answer it.
  // So does "give me Khan's exact quote from his statement", however the question is framed.
  const asksWords = /\b(exact words|verbatim|word for word|quote|quotes|quoted|quotation)\b/i.test(analysis.question) || (frame.asks === 'said' && /\bexactly\b/i.test(analysis.question));
  if (asksWords && !QUOTED.test(fact.text) && !fact.citations.some((c) => c.quote)) return false;
  // "Give me Craig Guildford's exact quote …": words quoted in a sentence that names him, not
  // any quoted phrase ("special measures") in a fact about his force.
  if (asksWords && !fact.citations.some((c) => c.quote)) {
    const people = analysis.entities.map((e) => index.entities.get(e.id)).filter((e) => e?.kind === 'person');
    if (people.length > 0 && !fact.text.split(/(?<=[.!?])\s+/).some((s) => QUOTED.test(s) && people.some((p) => new RegExp(`\\b${escapeRegExp(p!.name.split(' ').at(-1)!)}\\b|\\b(he|she)\\b`, 'i').test(s)))) return false;
  }
  // "What time of day did HMICFRS send the letter?": a clock time, which the records rarely give.
  if (/\b(what time|time of day|at what time|which time)\b/i.test(analysis.question) && !/\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(am|pm|a\.m\.|p\.m\.)/i.test(fact.text)) return false;
  // "What did House privately think of the letter?", "what did Patel tell Khan in private?":
  // the records hold published words and decisions, so only a fact that itself reports something
  // said or done in private answers.
  if (PRIVATE.test(analysis.question) && !PRIVATE.test(fact.text)) return false;
  // "What was the name of Port's first victim?": a name the question does not already give.
  if (/^\W*what(?:'s| is| was| are| were)\s+the\s+names?\s+of\b/i.test(analysis.question)) {
    const asked = new Set(analysis.entities.map((e) => e.id));
    const named = mentioned(doc, index).some((e) => !asked.has(e.id) && e.kind !== 'police_force' && e.kind !== 'fire_rescue_service');
    if (!named && !/\b(called|named|known as|titled)\b/i.test(fact.text)) return false;
  }
  // "The exact percentage", "the actual number", "what exact day": a figure, not a rounding of it
  // ("fewer than half") nor a month for a day.
  const exact = /\b(exact|exactly|precise|precisely|actual)\b[^?]{0,20}\b(percentage|per ?cent|figure|number|rate|total|count|day|date|how many)\b|\bhow many\b[^?]{0,30}\b(exactly|precisely)\b/i.exec(analysis.question)?.slice(2).find(Boolean);
  if (exact && !givesExactly(exact, fact.text, analysis.question)) return false;
  // "How old was Rowley?", "what share of 101 calls …?": an age, a proportion.
  if (analysis.concepts.has('age') && !/\b(aged?\s+\d{2}|\d{2}[- ]years?[- ]old|born (in|on)\b)/i.test(fact.text)) return false;
  if (analysis.concepts.has('percent') && !/%|\bper ?cent\b|\b(half|third|quarter|fifth|tenth|two-thirds|three-quarters|one in \w+|proportion|majority|minority)\b/i.test(fact.text)) return false;
  switch (frame.asks) {
    case 'list':
    case 'superlative':
    case 'count':
      if (!timely(fact, analysis, index)) return false;
      // "How many …" is answered by a number, in figures or words.
      // …and by a number of the thing counted: "how many officers" is not answered by a count of forces.
      if (frame.asks === 'count') {
        const count = analysis.terms.find((t) => t.key === '@count');
        const first = count ? analysis.terms.find((t) => t.position === count.position + count.surface.split(' ').length) : undefined;
        // "How many police officers": the head of the noun phrase ("officers") is what is counted.
        const after = first ? analysis.terms.find((t) => t.position === first.position + first.surface.split(' ').length && t.kind === 'word') : undefined;
        const counted = first?.kind === 'word' && after ? after : first;
        // "How many people did Port kill?": an everyday noun ("people", "men") is counted by what
        // the question says they underwent: "four killings" answers it, "43 forces" does not.
        const generic = counted?.kind === 'word' && (index.specificity.get(counted.key) ?? 1) < EVERYDAY_SPECIFICITY;
        const countedAs = generic ? analysis.terms.filter((t) => t.kind === 'concept' && t !== counted && !SHAPE_KEYS.has(t.key)) : counted ? [counted] : [];
        if (counted && counted.kind !== 'entity' && !countedAs.some((c) => doc.terms.has(c.key) || (c.alternatives ?? []).some((a) => doc.terms.has(a.key)))) return false;
        // The number must count that thing: "69,000 crimes" counts crimes; "43 police forces"
        // does not count police officers.
        if (counted && counted.kind !== 'entity' && !countedAs.some((c) => numberCounts(fact.text, c, index))) return false;
      }
      if (frame.asks === 'count' && !/\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|half|quarter|all|none|no)\b/i.test(withoutDates(fact.text))) return false;
      // "Which forces …", "how many services …" about Engage: the fact must be about such a body,
      // one the question does not already name ("which force was Couzens in before the Met?").
      if (aboutEngage && frame.kinds.length > 0) {
        const asked = new Set(analysis.entities.map((e) => e.id));
        return mentioned(doc, index).some((e) => frame.kinds.includes(e.kind as never) && !asked.has(e.id));
      }
      return true;
    case 'who': {
      // The answer to "who chairs the PPOG?" is someone other than the PPOG: a person or body the
      // question does not already name…
      // ("Which policing minister accused Khan …?": the office after "which" is the kind of person
      // asked for, though it reads as its holder; it is not someone the question names.)
      // So is the office in "who was the acting Met commissioner who got Parr's letter?".
      const kindAsked = (/^\W*(?:which|what)\s+(.+)$/i.exec(analysis.question) ?? /^\W*who(?:'s|s| is| was| are| were)\s+(?:the\s+)?(.+)$/i.exec(analysis.question))?.[1]?.toLowerCase();
      // (Up to the clause that follows it: "GMP's chief constable | when the force went in".)
      const rolePhrase = kindAsked?.replace(/['’]s\b/g, '').split(/\s+(?:when|who|whom|which|that|after|before|while|during|in|on|at)\s+/)[0];
      const asked = new Set(analysis.entities.filter((e) => !(rolePhrase?.includes(e.surface.toLowerCase()) && index.entities.get(e.id)?.kind === 'person')).map((e) => e.id));
      // "Who is in charge of the IOPC?", "who heads …", "who runs …": a person, not another body.
      // So is "who's the Lincolnshire PCC?", "who is London's deputy mayor?": a role a person holds.
      const kinds = leadership || frame.personInRole ? PERSON : PERSON_OR_BODY;
      if (!timely(fact, analysis, index) || !mentioned(doc, index).some((e) => kinds.has(e.kind) && !asked.has(e.id))) return false;
      // …doing what the question asks about: the verb after "who" is the relation asked for, so a
      // fact about the PPOG that says nothing of chairing it does not say who chairs it.
      if (predicate && !doc.terms.has(predicate.key) && !(predicate.alternatives ?? []).some((a) => doc.terms.has(a.key))) return false;
      // "Who's the prime minister?": the fact must name someone in that role, not merely mention the role.
      return role.every((r) => namesOneWhoIs(doc, r.key, analysis, index));
    }
    case 'when':
      // "When was the Met's 2023–25 PEEL report published?": a fact dated outside the time the
      // question names is about something else.
      return (fact.date !== undefined || YEAR.test(fact.text)) && timely(fact, analysis, index);
    case 'how-long':
      return /\b(months?|years?|weeks?|days?)\b/.test(fact.text) || (fact.text.match(/\b(19|20)\d\d\b/g)?.length ?? 0) >= 2;
    default:
      // "How much …", "what salary …": an amount, so the fact must state one.
      if (analysis.concepts.has('amount') && !AMOUNT.test(fact.text)) return false;
      return timely(fact, analysis, index);
  }
}

/**
 * Who a "what did X say?" question asks about: a person the knowledge base holds (by id and
 * surname), or a name it does not ("what did Keir Starmer say?", by surname alone). Not a body
 * ("what did the Met say?"), which other checks handle.
 */
function speakerAsked(analysis: QuestionAnalysis, index: KnowledgeIndex): { id?: string; surname: string } | undefined {
  const people = analysis.entities.filter((e) => index.entities.get(e.id)?.kind === 'person');
  if (people.length === 1) return { id: people[0]!.id, surname: index.entities.get(people[0]!.id)!.name.split(' ').at(-1)! };
  if (people.length > 0) return undefined;
  const named = /^\W*what (?:did|has|have) ([a-z]+(?: [a-z]+){1,2}) (?:say|said|tell|told|write|wrote)\b/i.exec(analysis.question)?.[1];
  if (!named || /^the\b/i.test(named) || analysis.entities.some((e) => named.toLowerCase().includes(e.surface))) return undefined;
  return { surname: named.split(' ').at(-1)! };
}

/** Verbs of a speaker's statement, after their name ("Patel said", "Khan … welcomed"). */
const SAYING_VERBS = 'said|says|told|wrote|warned|added|argued|described|called|welcomed|criticised|accepted|disagreed|backed';

/** Words that report what someone said, wrote or found, anywhere in a fact. */
const REPORTING_WORDS = `${SAYING_VERBS}|saying|recommended|advised|spoke|answered|decided|decision|tells|writes|warns|argues|found|finds|judged|concluded|announced|stated|claimed|pointed|urged|insisted|promised|admitted|denied|apologised|responded|replied|set out|letter|statement|quoted|“|"`;


/**
 * Whether a fact reports the speaker's own words or findings. A reporting word ("said",
 * "found", a quotation mark) belongs to the nearest person named before it, or referred to as
 * he or she: "HM Inspector Matt Parr found …" is Parr's; "… a successor to Dick, though Ms Patel
 * said …" is Patel's. And a mention after a reporting word is the object of others' words:
 * "HMICFRS wrote to him", "one report says she had 'no choice'". In a fact not about the speaker
 * only a saying verb counts. "Guildford retired in January 2026" reports nothing he said.
 */
function reportsWordsOf(doc: IndexedFact, speaker: { id?: string; surname: string }, index: KnowledgeIndex): boolean {
  const ownFact = speaker.id !== undefined && doc.fact.about.includes(speaker.id);
  // A fact curated as about the speaker that never names them ("the inspectorate found …", of a
  // decision the HM Chief Inspector took) reports their findings, whatever its wording.
  if (ownFact && !new RegExp(`\\b${escapeRegExp(speaker.surname)}\\b`, 'i').test(doc.fact.text) && new RegExp(`\\b(${REPORTING_WORDS})`, 'i').test(doc.fact.text)) return true;
  const people = mentioned(doc, index).filter((e) => e.kind === 'person' && e.id !== speaker.id).map((e) => e.name.split(' ').at(-1)!);
  const SPEAKER = '\u0000';
  const names = [speaker.surname, ...people].map(escapeRegExp).join('|');
  const words = ownFact ? REPORTING_WORDS : SAYING_VERBS;
  const tokens = new RegExp(`\\b(${names})\\b|\\b(he|she)\\b|(?:\\b|(?=[“"]))(${words})`, 'gi');
  for (const sentence of doc.fact.text.split(/(?<=[.!?])\s+(?=[A-Z“"])/)) {
    // The person each reporting word belongs to: the last one named (a pronoun keeps the last
    // named person; in a fact about the speaker, with no one named yet, it is the speaker).
    // People joined by "and" speak together ("Guildford, and … Foster, both disagreed").
    let last = new Set<string>();
    let lastEnd = 0;
    let reportedBeforeSpeaker = false;
    for (const m of sentence.matchAll(tokens)) {
      if (m[1]) {
        const who = m[1].toLowerCase() === speaker.surname.toLowerCase() ? SPEAKER : m[1];
        const between = sentence.slice(lastEnd, m.index);
        // Someone written to or sent something is not the one writing: "Parr sent its acting
        // Commissioner, Sir Stephen House, a letter" is Parr's letter.
        if (RECIPIENT.test(between)) continue;
        last = last.size > 0 && /\band\b/.test(between) && !/\b(though|but|while|whereas|after|before|when|since)\b/i.test(between) ? new Set([...last, who]) : new Set([who]);
        lastEnd = m.index! + m[0].length;
      } else if (m[2]) {
        if (last.size === 0 && ownFact) last = new Set([SPEAKER]);
      } else if (last.has(SPEAKER) && !reportedBeforeSpeaker) return true;
      // A verb of someone unnamed before the speaker ("one report says she …"); a noun ("in a
      // Commons statement, … Malthouse said") is not one.
      else if (last.size === 0 && !/^(letter|statement|[“"])$/i.test(m[3]!)) reportedBeforeSpeaker = true;
    }
  }
  return false;
}

/** What comes before someone written to or sent something: "to the Met's acting Commissioner, Sir" (not "to confirm"). */
const RECIPIENT = /\b(?:[Tt]o|[Ss]ent|[Tt]old|[Aa]sked|[Ff]or)\s+(?:the|a|an|its|his|her|their|[A-Z]\S*)(?:\s+\S+){0,5}\s+$/;

/** A sentence saying a source does not say which items: "the release does not say which four were inadequate". */
const ABSENCE_OF_ITEMS = /\b(do|does|did)(n't| not) (say|name|list|give|specify) which\b/i;
/** A sentence saying the sources do not hold something: "… is not stated in the sources." */
const ABSENCE = /\b(sources?|records?|research)\b[^.]{0,40}\b(do|does|did)(n't| not) (say|state|give|name|record|show|mention|list)\b|\bis not (stated|given|recorded|named|published) in\b|\bno source\b[^.]{0,20}\b(says|states|gives|names)\b/i;

/**
 * The fact's sentence that says its sources do not hold what is asked, when that sentence
 * accounts for the question at least as well as every other sentence of the fact.
 */
function absenceSentence(doc: IndexedFact, analysis: QuestionAnalysis, frame: QuestionFrame, weights: Map<Term, number>, index: KnowledgeIndex): { text: string; matched: Set<string> } | undefined {
  if (!ABSENCE.test(doc.fact.text) && !(analysis.lead === 'which' && ABSENCE_OF_ITEMS.test(doc.fact.text))) return undefined;
  // What the fact is about is what every one of its sentences is about ("the group" is the PPOG).
  const subject = new Set(doc.fact.about.map((id) => '#' + id));
  const sentences = doc.fact.text.split(/(?<=[.!?])\s+(?=[A-Z])/).map((text) => {
    const keys = new Set(analyzeText(text, index, { strongAliasesOnly: false }).map((t) => t.key));
    const matched = new Set(analysis.terms.filter((t) => subject.has(t.key) || keys.has(t.key) || (t.alternatives ?? []).some((a) => keys.has(a.key))).map((t) => t.key));
    const covered = analysis.terms.reduce((sum, t) => sum + (matched.has(t.key) ? (weights.get(t) ?? 1) : 0), 0);
    return { text, matched, covered, absence: ABSENCE.test(text), ofItems: ABSENCE_OF_ITEMS.test(text) };
  });
  const best = Math.max(...sentences.map((x) => x.covered));
  const leading = sentences.filter((x) => x.covered === best);
  // "Who chairs the PPOG that forces report to?": the relation asked ("chairs") is what the
  // absence sentence speaks of, however much the fact's other sentences share the rest.
  const predicate = frame.asks === 'who' ? whatIsAsked(analysis).predicate : undefined;
  const onPredicate = predicate ? sentences.find((x) => x.absence && /\bwho\b/i.test(x.text) && x.matched.has(predicate.key)) : undefined;
  if (onPredicate) return onPredicate;
  // "Which four areas was Lincolnshire rated inadequate in?" with "the release does not say which
  // four were inadequate": the absence is of the very items asked for.
  const onWhich = analysis.lead === 'which' ? sentences.find((x) => x.ofItems && x.matched.size >= 2) : undefined;
  if (onWhich) return onWhich;
  const absence = leading.find((x) => x.absence && x.covered > 0);
  if (!absence) return undefined;
  // The absence sentence alone accounts best for the question; or it says no source names who
  // does something, and the question asks who ("who sits on the PPOG?" with "who belongs to it
  // is not stated"): no other sentence names anyone for it.
  return leading.every((x) => x.absence) || (frame.asks === 'who' && /\bwho\b/i.test(absence.text)) ? absence : undefined;
}

/**
 * What the question's wording asks for, read once per question (answersType runs for every
 * shortlisted fact): the attribute asked of something, the relation after "who", the role after
 * "who is the …", and whether it asks who leads something.
 */
const askedCache = new WeakMap<QuestionAnalysis, { head: ReturnType<typeof askedAttribute>; predicate: Term | undefined; role: Term[]; leadership: boolean }>();
function whatIsAsked(analysis: QuestionAnalysis) {
  let asked = askedCache.get(analysis);
  if (!asked) askedCache.set(analysis, (asked = { head: askedAttribute(analysis), predicate: whoPredicate(analysis), role: roleAsked(analysis), leadership: LEADERSHIP.test(analysis.question) }));
  return asked;
}

function askedAttribute(analysis: QuestionAnalysis): { term: Term; possessive: boolean; compound?: string } | undefined {
  const q = analysis.question;
  // "what is the crime rate in …": a compound ("crime rate") is asked as a whole.
  const of = /^\W*what(?:'s| is| was| are| were)\s+(?:the|their|its|his|her)\s+(?:([a-z]+)\s+)?([a-z]+)\s+(?:of|in|for|from|on|at|to|about|behind|after|when|while|during|against)\b/i.exec(q);
  const ofForm = of?.[2];
  // "give me Priti Patel's home address", "what is Lee Freeman's salary?": the last noun.
  // (A time clause may follow: "what was D&C's 101 call abandonment rate when it came out?")
  const possessive = ofForm ? undefined : /^\W*(?:what(?:'s| is| was| are| were)|give me|tell me|show me|send me|find)\s+[^?]{1,60}?['’]s\s+(?:[a-z0-9]+\s+){0,3}([a-z]+)(?:\s+(?:when|while|as|after|before|during|in|on|at|by|since)\b[^?]*)?\s*[?.!]*\s*$/i.exec(q)?.[1];
  const head = (ofForm ?? possessive)?.toLowerCase();
  if (!head) return undefined;
  // The attribute is a noun ("rate"), not the end of a clause ("… call handlers getting wrong").
  if (possessive && wordProfile().available && wordProfile().pos(head) !== 'n') return undefined;
  const term = analysis.terms.find((t) => t.kind === 'word' && t.surface.toLowerCase() === head);
  const modifier = ofForm ? of?.[1]?.toLowerCase() : undefined;
  return term ? { term, possessive: possessive !== undefined, ...(modifier && !isStopWord(modifier) ? { compound: `${modifier} ${head}` } : {}) } : undefined;
}

/**
 * The role a "who is the …?" question names, in its plain words: "who's the prime minister?"
 * (prime, minister); "who was chief fire officer at Bucks when it left?" (chief, fire, officer);
 * "who is London's deputy mayor for policing?" (deputy, mayor). The fact must name someone whose
 * title holds every one of them: the Mayor of London is not London's deputy mayor.
 */
function roleAsked(analysis: QuestionAnalysis): Term[] {
  // "who was the chief fire officer at Bucks …", or "who was Bucks Fire & Rescue's chief fire officer when …"
  const ofBody =
    /^\W*who(?:'s|s| is| was| are| were)\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?([a-z ]+?)\s+(?:at|of|for|in charge at)\s/i.exec(analysis.question)?.[1] ??
    /^\W*who(?:'s|s| is| was| are| were)\s+(?:the\s+)?[^?]{1,40}?['’]s\s+([a-z ]+?)(?=\s+(?:when|while|who|in|at|during|after|before|on|as)\b|\s*[?.!]*\s*$)/i.exec(analysis.question)?.[1];
  const alone = /^\W*who(?:'s|s| is| was| are| were)\s+(?:the|a|an)\s+([a-z ]+?)\s*[?.!]*\s*$/i.exec(analysis.question)?.[1];
  const phrase = analysis.entities.length > 0 || !alone ? ofBody : alone;
  const words = phrase?.trim().toLowerCase().split(/\s+/) ?? [];
  const terms = words.map((w) => analysis.terms.find((t) => t.kind === 'word' && t.surface.toLowerCase() === w)).filter((t): t is Term => t !== undefined);
  // With a body named, only a role the question spells out in its own words: an office the
  // knowledge base names is read as its holders, and the roles route answers it.
  if (analysis.entities.length > 0 && (terms.length === 0 || terms.some((t) => t.alternatives?.some((a) => a.key.startsWith('#'))))) return [];
  if (analysis.entities.length === 0 && !alone) return [];
  return terms;
}

/** The plain word after a leading "which" ("which minister", "which inspector"): the kind of answer asked for. */
function categoryAsked(analysis: QuestionAnalysis): Term | undefined {
  const next = /^\W*which\s+([a-z]+)/i.exec(analysis.question)?.[1]?.toLowerCase();
  return next ? analysis.terms.find((t) => t.kind === 'word' && t.surface.toLowerCase() === next) : undefined;
}

/** Whether the fact names someone the question does not, whose role or name holds the word (a stem). */
function namesOneWhoIs(doc: IndexedFact, key: string, analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const asked = new Set(analysis.entities.map((e) => e.id));
  return mentioned(doc, index).some((e) => !asked.has(e.id) && titleStems(e).has(key));
}

/** The stems of an entity's name and role titles ("Policing Minister" → polic, minist), computed once. */
const titleCache = new WeakMap<Entity, Set<string>>();
function titleStems(e: Entity): Set<string> {
  let stems = titleCache.get(e);
  if (!stems) {
    stems = new Set([e.name, ...(e.roles ?? []).flatMap((r) => [r.title, ...r.aliases])].flatMap((title) => tokenize(title).map((t) => stem(t.word))));
    titleCache.set(e, stems);
  }
  return stems;
}

/**
 * The plain word right after a leading "who" ("who chairs …", "who signed off …"): the relation
 * asked about. "Who is/was/did …" has none; nor has a concept or a name ("who leads …" is a role).
 */
function whoPredicate(analysis: QuestionAnalysis): Term | undefined {
  // "Which HMI signed the letter …", "which chief fire officer was running Bucks …": the same,
  // after the kind of person asked for; "was running" is the relation "running".
  const category = new RegExp(`^\\W*(?:which|what)\\s+(?:(?!(?:did|do|does|is|was|are|were|has|have|had)\\s)[a-z]+\\s+){0,2}(?:${PERSON_NOUNS})s?\\s+([a-z ]+)`, 'i').exec(analysis.question);
  const after = ((category ?? /^\W*who\s+([a-z ]+)/i.exec(analysis.question))?.[1]?.toLowerCase().split(' ') ?? []).filter(Boolean);
  if (category && /^(was|were|is|are)$/.test(after[0] ?? '') && /(ing|ed)$/.test(after[1] ?? '')) after.shift();
  // "Who actually decided?": an adverb modifies the relation; the verb after it is the relation.
  const profile = wordProfile();
  // "Who gets to decide …": a carrier verb and its "to" carry the verb after them.
  const words = after;
  let k = words.findIndex((w) => profile.pos(w) !== 'r');
  while (k >= 0 && words[k + 1] === 'to' && analysis.terms.some((t) => t.light && t.surface.toLowerCase() === words[k])) k += 2;
  const next = k >= 0 ? words[k] : undefined;
  if (!next) return undefined;
  // An unknown verb is still the relation asked: no fact holds it. (After "which HMI …" only a
  // verb the knowledge base uses is held to: "fronted" may be a reporter's word for "spoke for".)
  const term = analysis.terms.find((t) => t.kind === 'word' && t.surface.toLowerCase() === next);
  return category && term?.unknown ? undefined : term;
}

/**
 * A question about a time ("in 2019", "in June 2022") is not answered by a fact dated outside
 * it: facts are time-bound. Undated facts are not ruled out.
 */
function timely(fact: Fact, analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  const newestRecord = index.newestRecordDate;
  // "What is Cressida Dick doing now?": a fact dated years before the newest record is not what
  // a person is doing now.
  if (analysis.concepts.has('now') && (fact.validTo ?? fact.date) && analysis.entities.some((e) => index.entities.get(e.id)?.kind === 'person')) {
    const until = rangeOf((fact.validTo ?? fact.date)!).end;
    if (until < rangeOf(newestRecord).end - 365) return false;
  }
  const window = analysis.dates[0]?.range;
  const own = fact.date ?? fact.validFrom;
  if (!window || !own) return true;
  // A fact dated later may still tell of the time asked about ("… a further cause of concern in May 2024").
  for (const m of fact.text.matchAll(/\b(19|20)\d\d\b/g)) {
    const year = rangeOf(m[0]);
    if (year.start <= window.end && year.end >= window.start) return true;
  }
  const from = rangeOf(own);
  const until = fact.validTo ? rangeOf(fact.validTo).end : fact.date ? from.end : Number.POSITIVE_INFINITY;
  return from.start <= window.end && until >= window.start;
}
