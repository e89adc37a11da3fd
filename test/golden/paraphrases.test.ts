// Three question sets written independently from the sources (not from our knowledge files):
// reporters' phrasings, typos, nicknames and dates, plus questions to decline. Measured unseen,
// the bot scored 73.7% / 80% (first set), 67.5% / 80% (second) and 62.5% / 81% (third, longer
// questions); all were then used to find general weaknesses, so they now guard against
// regressions rather than measure unseen questions. Thresholds sit just below today's combined
// scores (89% answered, 93% declined). A fourth set (independent-2026-12.jsonl, 150 questions)
// was written in December 2026 by a helper who saw only the sources and research; measured once
// unseen at 81.8% / 87.5%, it now guards too (83.6% / 92.5% at the end of that session, 91.8% /
// 100% at the end of the next). A fifth (independent-2026-12b.jsonl, 160 questions) was written
// the same way in the next session: unseen it scored 80.9% / 91.1%; its odd ids were then used to
// find weaknesses and its even ids only measured (81.7% / 100% at the end); it guards now too.
// Three more (independent-2026-12c/d/e.jsonl: 160, 170 and 150 questions) were written the same
// way in the session after: c for general coverage, d for unusual question shapes, e mostly for
// questions to decline (near misses above all). Measured unseen they scored 79.2% / 90.0%,
// 73.9% / 89.1% and 81.4% / 75.0%; they were then worked on, and guard against regressions.
// Three more came in the third December session: near-misses-2026-12.jsonl (80 questions, 70% /
// 48.3% when written), independent-2026-12f.jsonl (150, 80.0% / 76.4% unseen) and
// independent-2026-12g.jsonl (150, written for people, findings and near misses: 69.4% / 86.2%
// unseen). They were worked on too, and now guard. The fourth December session added three more
// written the same way: independent-2026-12h.jsonl (150, general: 81.0% / 86.0% unseen),
// independent-2026-12i.jsonl (150, people, findings, fire and near misses: 80.0% / 70.9%) and
// independent-2026-12j.jsonl (150, fragments and long messages: 80.0% / 96.0%); worked on, they
// guard as well. The fifth added two working sets written the same way: independent-2026-12k.jsonl
// (160, a broad mix in Slack shorthand: 76.0% / 95.0% when first run) and
// independent-2026-12l.jsonl (160, people, process and findings: 81.0% / 95.0%). The sixth added
// independent-2026-12m.jsonl (130, structure and dates — superlatives, dates relative to events
// and to today, exclusions, counts, claims, questions after the records: 75.8% / 82.9% when first
// run, 92.6% / 97.1% after it was worked on). The seventh added independent-2026-12n.jsonl (120,
// harder phrasings of the same kinds: 77.4% / 100% when first run, 82.8% / 100% after the
// session's general fixes). The eighth session added three more: independent-2026-12o.jsonl
// (120, conversational phrasings and questions after the records: 69.3% / 77.8% when first run,
// 82.7% / 84.4% after), independent-2026-12p.jsonl (130, a general mix: 85.6% / 90.0% → 95.6% /
// 97.5%) and independent-2026-12q.jsonl (120, people, process, periods and near misses: 60.0% /
// 90.0% → 74.3% / 92.0%). The ninth added independent-2026-12r.jsonl (120, fire services, process,
// comparisons and two-subject follow-ons: 81.4% / 91.2% when first run, 83.7% / 97.1% after) and
// independent-2026-12s.jsonl (120, people and roles at dates, quotes and periods: 66.3% / 88.2% →
// 72.1% / 88.2%; two of its refusals ask for Home Secretaries its writers' research lacked and the
// knowledge base holds, so they are answered). The tenth added independent-2026-12z1.jsonl (120,
// one force's status, past lists, process and people: 84.7% / 88.6% when first run, 91.8% / 91.4%
// after), independent-2026-12z2.jsonl (120, long newsroom messages with context around the ask:
// 74.1% / 82.9% → 83.5% / 85.7%) and independent-2026-12z3.jsonl (100, past lists, process and
// one force: 81.3% / 95.0% → 91.3% / 95.0%). Questions relative to today are read against a fixed
// clock (3 December 2026, when the newest sets were written), so the scores do not drift.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBotCore } from '../../src/create-bot-core.ts';
import { evaluate, parseEvalCases } from '../../src/evaluate.ts';
import { PROJECT_ROOT, loadBundledKnowledge } from '../support/knowledge.ts';

/** Scores one of the project's question sets; the misses are listed if a threshold fails. */
function score(file: string) {
  const knowledge = loadBundledKnowledge();
  const core = createBotCore(knowledge, { now: () => new Date('2026-12-03T12:00:00Z') });
  const cases = parseEvalCases(readFileSync(resolve(PROJECT_ROOT, 'test', 'golden', file), 'utf8'));
  const summary = evaluate(cases, (q) => core.ask(q), knowledge);
  const misses = summary.results.filter((r) => !r.ok).map((r) => `${r.case.id} ${r.case.q}: ${r.why}`).join('\n');
  return { answered: summary.answered.right / summary.answered.total, refused: summary.refused.right / summary.refused.total, misses };
}

describe('independent paraphrase set', () => {
  it('answers at least 87% and declines at least 97%', () => {
    const { answered, refused, misses } = score('paraphrases.jsonl');
    expect(answered, misses).toBeGreaterThanOrEqual(0.87);
    expect(refused, misses).toBeGreaterThanOrEqual(0.97);
  });

  it('the December 2026 independent set: answers at least 89% and declines at least 97%', () => {
    const { answered, refused, misses } = score('independent-2026-12.jsonl');
    expect(answered, misses).toBeGreaterThanOrEqual(0.89);
    expect(refused, misses).toBeGreaterThanOrEqual(0.97);
  });

  it('the second December 2026 independent set: answers at least 90% and declines at least 95%', () => {
    const { answered, refused, misses } = score('independent-2026-12b.jsonl');
    expect(answered, misses).toBeGreaterThanOrEqual(0.9);
    expect(refused, misses).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['independent-2026-12c.jsonl', 0.92, 0.95],
    ['independent-2026-12d.jsonl', 0.92, 0.94],
    ['independent-2026-12e.jsonl', 0.92, 0.92],
    // Written in the third December session and worked on there: general, then people, findings
    // and near misses.
    ['independent-2026-12f.jsonl', 0.94, 0.96],
    ['independent-2026-12g.jsonl', 0.9, 0.94],
    // Written in the fourth December session and worked on there.
    ['independent-2026-12h.jsonl', 0.92, 0.92],
    ['independent-2026-12i.jsonl', 0.84, 0.9],
    ['independent-2026-12j.jsonl', 0.93, 0.98],
    // Written in the fifth December session and worked on there.
    ['independent-2026-12k.jsonl', 0.92, 0.95],
    ['independent-2026-12l.jsonl', 0.88, 0.93],
    // Written in the sixth December session (structure and dates) and worked on there.
    ['independent-2026-12m.jsonl', 0.9, 0.91],
    // Written in the seventh December session (harder phrasings of structure and dates).
    ['independent-2026-12n.jsonl', 0.8, 0.96],
    // Written in the eighth December session: conversational phrasings and refusals after the
    // records (o), a general mix (p), and the hardest kinds — people, process, periods (q).
    ['independent-2026-12o.jsonl', 0.8, 0.82],
    ['independent-2026-12p.jsonl', 0.93, 0.95],
    ['independent-2026-12q.jsonl', 0.72, 0.9],
    // Written in the ninth December session: fire services, process, comparisons and two-subject
    // follow-ons (r); people and roles at dates, quotes and periods (s).
    ['independent-2026-12r.jsonl', 0.84, 0.95],
    ['independent-2026-12s.jsonl', 0.75, 0.85],
    // Written in the tenth December session: one force, past lists, process, people (z1); long
    // newsroom messages with context round the ask (z2); past lists and process (z3).
    ['independent-2026-12z1.jsonl', 0.89, 0.88],
    ['independent-2026-12z2.jsonl', 0.81, 0.82],
    ['independent-2026-12z3.jsonl', 0.88, 0.9],
    // Near misses only: questions about real subjects that ask for a detail the records lack.
    // The weakest kind; held here so it cannot slip back.
    ['near-misses-2026-12.jsonl', 0.9, 0.75],
  ])('%s: answers at least %s and declines at least %s', (file, answerAt, refuseAt) => {
    const { answered, refused, misses } = score(file);
    expect(answered, misses).toBeGreaterThanOrEqual(answerAt);
    expect(refused, misses).toBeGreaterThanOrEqual(refuseAt);
  });
});
