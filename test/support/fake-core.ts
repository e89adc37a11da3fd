// A BotCore with canned answers, for adapter tests that must not depend on the knowledge
// base's wording. Records every question it was asked.

import type { Answer } from '../../src/answer-types.ts';
import type { BotCore } from '../../src/bot-core.ts';
import type { EngageStays } from '../../src/engage-stays.ts';

export const CITED_ANSWER: Answer = {
  status: 'answered',
  text: 'As of 12 August 2025, one police force is in Engage: Lincolnshire Police, since 6 December 2024. [1][2]',
  sentences: [
    { text: 'As of 12 August 2025, one police force is in Engage: Lincolnshire Police, since 6 December 2024.', citations: [1, 2] },
  ],
  confidence: 0.92,
  citations: [
    {
      n: 1,
      sourceId: 'hmicfrs-2024-12-06-lincolnshire-police-move-enhanced-phase',
      title: 'Lincolnshire Police: move to enhanced phase of monitoring',
      publisher: 'HMICFRS',
      published: '2024-12-06',
      url: 'https://hmicfrs.justiceinspectorates.gov.uk/publication-html/lincolnshire-police-moved-into-enhanced-monitoring/',
      locator: null,
    },
    {
      n: 2,
      sourceId: 'article-2022-06-28-watchdog',
      title: 'Metropolitan Police placed in special measures by watchdog',
      publisher: null,
      published: '2022-06-28',
      url: null,
      locator: 'para. 3',
      quote: 'We can confirm that we are now monitoring the Metropolitan Police Service through our Engage process',
    },
  ],
  asOf: '2025-08-12',
  related: ['When did Lincolnshire Police enter Engage?', 'Which forces left Engage in 2025?'],
};

export const NO_ANSWER: Answer = {
  status: 'no_answer',
  text: "I don't have that in my knowledge base. I can answer questions about HMICFRS's Engage phase (\"special measures\"): who is in it, since when and why.",
  sentences: [],
  confidence: 0.1,
  citations: [],
  asOf: null,
  related: ['Which forces are in Engage?', 'Why was the Met put in special measures?'],
};

/** Three stays: one closed police stay, one open police stay, one unconfirmed fire stay. */
export const FAKE_STAYS: EngageStays = {
  newestRecordDate: '2025-08-12',
  stays: [
    { entityId: 'cleveland-police', name: 'Cleveland Police', kind: 'police', entry: '2019', exit: '2023-09-20', confirmed: true, citations: [1] },
    { entityId: 'lincolnshire-police', name: 'Lincolnshire Police', kind: 'police', entry: '2024-12-06', exit: null, confirmed: true, citations: [1] },
    { entityId: 'devon-and-somerset-fire', name: 'Devon and Somerset Fire and Rescue Service', kind: 'fire', entry: '2022-06', exit: '2024-03', confirmed: false, citations: [2] },
  ],
  citations: [CITED_ANSWER.citations[0]!, CITED_ANSWER.citations[1]!],
};

export interface FakeCore extends BotCore {
  asked: string[];
  /** Replace the answer given to the next questions. */
  answerWith(answer: Answer): void;
}

export function createFakeCore(): FakeCore {
  let next: Answer | undefined;
  const asked: string[] = [];
  return {
    asked,
    revision: 'fake-revision',
    newestRecordDate: '2025-08-12',
    answerWith(answer) {
      next = answer;
    },
    ask(question) {
      asked.push(question);
      if (next) return next;
      return /engage|special measures/i.test(question) ? CITED_ANSWER : NO_ANSWER;
    },
    engageStatus() {
      return CITED_ANSWER;
    },
    suggest(partial, limit = 25) {
      const all = ['Which forces are in Engage?', 'When did the Met leave Engage?', 'Why was Lincolnshire Police moved into Engage?'];
      return all.filter((q) => q.toLowerCase().includes(partial.toLowerCase().trim())).slice(0, limit);
    },
    engageStays() {
      return FAKE_STAYS;
    },
    help() {
      return { summary: 'I answer questions about HMICFRS Engage ("special measures").', examples: ['Which forces are in Engage?'] };
    },
  };
}
