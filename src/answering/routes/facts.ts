// Route: curated facts — findings, statements, people, bodies, the process. Candidates come from
// the rarest question terms; ranking by rarity-weighted coverage, then phrasing similarity. Pure.

import type { Fact } from '../../../knowledge/schema.ts';
import type { DraftSentence } from '../../citations.ts';
import { formatDate, rangeOf } from '../../dates.ts';
import { analyzeText, type IndexedFact, type KnowledgeIndex, type Term } from '../../knowledge-index.ts';
import { EVERYDAY_SPECIFICITY, type QuestionAnalysis } from '../understand.ts';
import { isStopWord, normalizeText, tokenize } from '../../text.ts';
import { quoteWords } from '../quoted-words.ts';
import { spellsOut } from '../acronyms.ts';
import { isEngageKind, type Draft } from '../draft.ts';
import type { QuestionFrame } from '../frame.ts';

import { answersType, QUOTED } from './fact-answer-types.ts';
import { categoryAsked, namesOneWhoIs, whatIsAsked } from './fact-asked.ts';
import { reportsWordsOf, speakerAsked } from './fact-speakers.ts';
const QUOTE_BONUS = 0.1;
/** What a quote from the question, carried word for word by a fact, weighs: a name's, as topic. */
const QUOTE_WEIGHT = 5;

/** For each candidate that carries some of the question's quotes word for word, which ones. */
function quotesCarried(analysis: QuestionAnalysis, candidates: Set<number>, index: KnowledgeIndex): Map<number, string[]> {
  const carried = new Map<number, string[]>();
  const quotes = (analysis.quotes ?? []).map(quoteWords).filter((q) => q.split(' ').some((w) => !isStopWord(w)));
  if (quotes.length === 0) return carried;
  for (const doc of candidates) {
    const fact = index.docs[doc]!.fact;
    const text = ` ${quoteWords(normalizeText([fact.text, ...fact.citations.map((c) => c.quote ?? '')].join(' ')))} `;
    const held = quotes.filter((q) => text.includes(` ${q} `));
    if (held.length > 0) carried.set(doc, held);
  }
  return carried;
}

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
  // A quote the asker gives ("the exact 'proud of' line") is one more thing asked for: a fact
  // that carries it word for word accounts for it. Only a quote some candidate carries counts,
  // so a misquote ("my copy says 'prompt measures'") still finds the nearest record.
  // (A quote that only points to an event, "hit back over the 'asleep at the wheel' jibe", is no
  // request for the words: only when the words are asked for or a claim is checked.)
  const quotes = frame.wordsAsked || analysis.claim ? quotesCarried(analysis, candidates, index) : new Map<number, string[]>();
  const quoteWeight = QUOTE_WEIGHT * new Set([...quotes.values()].flat()).size;
  totalWeight += quoteWeight;

  // "Which minister said …?": the noun after "which" is what the answer is, so a fact naming
  // someone who holds such a role ("Policing Minister Kit Malthouse") accounts for it.
  const category = categoryAsked(analysis);
  // "What's Roy Wilsher's background?": what a profile tells ("background", "career") is told by
  // the asked person's own profile, whatever its words.
  const head = whatIsAsked(analysis).head;
  const toldByProfile = head && (index.wordClass('life-story').has(head.term.key) || index.wordClass('profile-question').has(head.term.key)) ? head.term : undefined;
  const askedIds = new Set(analysis.entities.map((e) => e.id));
  const expansion = expansionAsked(analysis);
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
      if (toldByProfile && analysis.terms[i] === toldByProfile && index.docs[doc]!.fact.describes !== undefined && askedIds.has(index.docs[doc]!.fact.describes!)) {
        hit += termWeights[i]!;
        continue;
      }
      // "What does PEEL stand for?": a fact that spells the name out tells what it stands for.
      if (expansion && analysis.terms[i] === expansion.stand && expansion.acronyms.some((a) => spellsOut(index.docs[doc]!.fact.text, a))) {
        hit += termWeights[i]!;
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
    hit += QUOTE_WEIGHT * (quotes.get(doc)?.length ?? 0);
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

  const definitionWords = analysis.terms.filter((t) => t.kind === 'word' && !t.light && (index.specificity.get(t.key) ?? 1) >= EVERYDAY_SPECIFICITY).map((t) => t.key);
  // "Which HMI signed the letter?": the body named after "which" is the kind of person asked for,
  // so a fact about that body in general is no closer to the question than one about its member.
  const kindAsked = frame.asks === 'who' && /^\W*(?:which|what)\b/i.test(analysis.question) ? analysis.terms.find((t) => t.kind === 'entity' && t.position <= 2)?.key.slice(1) : undefined;
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
      const focus = d.fact.about[0] && entityIds.has(d.fact.about[0]) && d.fact.about[0] !== kindAsked ? 0.1 : 0;
      const profile = profileQuestion && d.fact.describes && entityIds.has(d.fact.describes) ? 0.3 : 0;
      // "What did X say?" is best answered in X's own published words: a fact that quotes them
      // beats a summary of the same statement.
      const words = frame.asks === 'said' && QUOTED.test(d.fact.text) ? QUOTE_BONUS : 0;
      // "PEEL stands for?", "what's a cause of concern?": a fact that opens on the thing asked
      // about defines it; one that mentions it in passing does not.
      const defines = frame.asks === 'what-is' && definitionWords.length > 0 && opensOn(d.fact.text, definitionWords) ? 0.1 : 0;
      // `base` ranks facts by what they share with the question alone; `score` adds how closely
      // one of their phrasings matches and whether they profile the entity asked about.
      const base = coverage + focus;
      return { d, coverage, base, phrasing, profile, score: base + 0.3 * phrasing + profile + words + defines - d.terms.size * 0.001 };
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
  // "Did Norfolk get more good grades than Suffolk?": a comparison needs a record of each side;
  // one side alone is half an answer, which would read as the whole.
  const comparing = frame.asks === 'compare' || /\b(more|fewer|less|better|worse|higher|lower)\b[^?]*\bthan\b/i.test(analysis.question);
  if (comparing && forces.length >= 2 && !forces.every((id) => ranked.some((r) => r.d.entityIds.includes(id) || r.d.terms.get('#' + id) === 1))) return [];
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
  // "The difference between the IOPC and HMICFRS": both sides, each by the best fact about it
  // (its own profile first), not the side that happened to rank first.
  if (frame.asks === 'compare' && entityIds.size >= 2) {
    for (const id of entityIds) {
      if (picked.some((r) => r.d.fact.describes === id || r.d.fact.about[0] === id)) continue;
      const profile = index.profiles.get(id);
      const ownProfile = profile ? index.docs.find((d) => d.fact === profile) : undefined;
      const side = ranked.find((r) => r.d.fact.describes === id) ?? (ownProfile ? { ...top, d: ownProfile } : undefined) ?? ranked.find((r) => r.d.fact.about[0] === id);
      if (side && !picked.some((r) => r.d === side.d)) picked.push(side);
    }
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
  // "Exact words from the HMIC spokesperson? need the quote": the fact tells it in our words; the
  // published words themselves follow, verbatim, from the source that carries them.
  // (So does "what was HMICFRS's statement on …?": a statement asked for is its words.)
  const asksWords = frame.wordsAsked || /\b(exact words|word for word|quoted|in (his|her|their) (own )?words|statement (on|about|to|after)|(his|her|its|their|'s) statement)\b/i.test(analysis.question);
  for (const { d } of picked) {
    add(d.fact);
    const quoted = asksWords ? d.fact.citations.find((c) => c.quote && c.quote.split(/\s+/).length >= 4 && !d.fact.text.includes(c.quote)) : undefined;
    if (quoted) sentences.push({ text: `In the source's own words: "${quoted.quote!.replace(/^['"‘“]|['"’”]$/g, '').replace(/[.]$/, '')}."`, cites: [quoted] });
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


/** A sentence saying a source does not say which items: "the release does not say which four were inadequate". */
const ABSENCE_OF_ITEMS = /\b(do|does|did)(n't| not) (say|name|list|give|specify) which\b|\b(sources?|records?|release|report)\b[^.]{0,40}\b(name|names|list|lists) no\b/i;
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
  // (It must speak of every force the question names: "the records name no inspector for the
  // other moves" is not about the two moves asked of.)
  const forcesNamed = analysis.entities.filter((e) => isEngageKind(index.entities.get(e.id))).map((e) => '#' + e.id);
  const onWhich = analysis.lead === 'which' ? sentences.find((x) => x.ofItems && x.matched.size >= 2 && forcesNamed.every((k) => x.matched.has(k))) : undefined;
  if (onWhich) return onWhich;
  const absence = leading.find((x) => x.absence && x.covered > 0);
  if (!absence) return undefined;
  // The absence must be of the kind of thing asked: "no source states the day" does not answer
  // "who made the call?".
  if (frame.asks === 'who' && !/\b(who|whom|names?|named|person|people|decid\w*|decision|inspector|chair\w*)\b/i.test(absence.text)) return undefined;
  if (frame.asks === 'when' && !/\b(when|date|day|month|year|dated)\b/i.test(absence.text)) return undefined;
  // The absence sentence alone accounts best for the question; or it says no source names who
  // does something, and the question asks who ("who sits on the PPOG?" with "who belongs to it
  // is not stated"): no other sentence names anyone for it.
  return leading.every((x) => x.absence) || (frame.asks === 'who' && /\bwho\b/i.test(absence.text)) ? absence : undefined;
}

/** Whether a fact's first words (its first sentence, up to a dozen words) hold one of the stems. */
function opensOn(text: string, stems: string[]): boolean {
  const first = text.split(/(?<=[.!?])\s/)[0] ?? text;
  return tokenize(first).slice(0, 12).some((t) => stems.includes(t.stem));
}

/**
 * "What does PEEL stand for?", "PPOG - short for?": the term "stand" and the short names that may
 * be spelt out (a single word of two to eight letters, or a name), when the question asks so.
 */
function expansionAsked(analysis: QuestionAnalysis): { stand: Term; acronyms: string[] } | undefined {
  const stand = analysis.terms.find((t) => t.kind === 'word' && t.key === 'stand');
  if (!stand || !/\bstands? for\b/i.test(analysis.corrected)) return undefined;
  const acronyms = analysis.terms.filter((t) => t !== stand && t.kind !== 'concept' && /^[a-z&]{2,8}$/i.test(t.surface)).map((t) => t.surface);
  return acronyms.length > 0 ? { stand, acronyms } : undefined;
}
