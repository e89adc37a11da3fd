// Hand-built Answers for the golden renderings: a list answer (items with their own citations),
// a single-force answer with verbatim quotes, a decline and the longest answer we can imagine.
// Built by hand so renderer tests do not move when the core's wording does.

import type { Answer, Citation } from '../../src/answer-types.ts';

const hmicfrs = (n: number, title: string, published: string, url: string, extra: Partial<Citation> = {}): Citation => ({
  n,
  sourceId: `source-${n}`,
  title,
  publisher: 'HMICFRS',
  published,
  url,
  locator: null,
  ...extra,
});

/** "Which forces are in Engage?": a lead stating the count and the date, one item per force. */
export const LIST_ANSWER: Answer = {
  status: 'answered',
  text:
    'As of 12 August 2025, three police forces are in Engage:\n' +
    '• Lincolnshire Police — since 6 December 2024 [1]\n' +
    '• Devon and Cornwall Police — since October 2023 [2][3]\n' +
    '• Wiltshire Police — since 2023 [4]',
  sentences: [
    {
      text: 'As of 12 August 2025, three police forces are in Engage:',
      citations: [1, 2, 3, 4],
      items: [
        { text: 'Lincolnshire Police — since 6 December 2024', citations: [1] },
        { text: 'Devon and Cornwall Police — since October 2023', citations: [2, 3] },
        { text: 'Wiltshire Police — since 2023', citations: [4] },
      ],
    },
  ],
  confidence: 0.93,
  citations: [
    hmicfrs(1, 'Lincolnshire Police: move to enhanced phase of monitoring', '2024-12-06', 'https://hmicfrs.justiceinspectorates.gov.uk/news/lincolnshire-police-engage/'),
    hmicfrs(2, 'Devon and Cornwall Police moved into Engage', '2023-10', 'https://hmicfrs.justiceinspectorates.gov.uk/news/devon-and-cornwall-engage/', { locator: 'para. 2; para. 5' }),
    { n: 3, sourceId: 'source-3', title: 'Force placed in special measures', publisher: 'BBC News', published: '2023-10-12', url: 'https://www.bbc.co.uk/news/uk-england-devon-00000000', locator: null },
    hmicfrs(4, 'Police forces in Engage', '2025-08', 'https://hmicfrs.justiceinspectorates.gov.uk/our-work/article/police-forces-in-engage/'),
  ],
  asOf: '2025-08-12',
  checkedTo: '2026-01',
  related: ['Why was Lincolnshire Police moved into Engage?', 'Which forces left Engage in 2025?'],
};

/** "Why was the Met put in special measures?": sentences with quotes behind them. */
export const QUOTED_ANSWER: Answer = {
  status: 'answered',
  text:
    'The Metropolitan Police Service was moved into Engage on 28 June 2022. [1] ' +
    "The inspectorate's concerns included its failure to record crimes and to supervise investigations. [1][2]",
  sentences: [
    { text: 'The Metropolitan Police Service was moved into Engage on 28 June 2022.', citations: [1] },
    { text: "The inspectorate's concerns included its failure to record crimes and to supervise investigations.", citations: [1, 2] },
  ],
  confidence: 0.88,
  citations: [
    hmicfrs(1, 'Letter to the Commissioner of the Metropolitan Police Service', '2022-06-28', 'https://hmicfrs.justiceinspectorates.gov.uk/publications/letter-met-engage/', {
      locator: 'para. 2; para. 4',
      quote: 'We can confirm that we are now monitoring the Metropolitan Police Service through our Engage process',
    }),
    {
      n: 2,
      sourceId: 'source-2',
      title: 'Met Police placed in special measures',
      publisher: 'The Guardian',
      published: '2022-06-28',
      url: 'https://www.theguardian.com/uk-news/2022/jun/28/met-police-special-measures',
      locator: 'para. 6',
      quote:
        'The watchdog said it had substantial and persistent concerns about the force, ' +
        'including its failure to answer emergency calls quickly enough and the way it dealt with victims of crime, ' +
        'and that it would now be subject to closer scrutiny, with regular reviews of its progress until inspectors were satisfied that the problems had been put right and were unlikely to return in any form at all.',
    },
  ],
  asOf: '2022-06-28',
  related: ['When did the Met leave Engage?'],
};

/** A decline with suggestions. */
export const DECLINE_ANSWER: Answer = {
  status: 'no_answer',
  text: "I don't have that in my knowledge base. I can answer questions about HMICFRS's Engage phase (\"special measures\"): who is in it, since when and why.",
  sentences: [],
  confidence: 0.12,
  citations: [],
  asOf: null,
  related: ['Which forces are in Engage?', 'Why was the Met put in special measures?'],
};

/**
 * Longer than any real answer: 40 list items each with its own two sources, 60 citations each
 * with a long title, URL and a 400-character quote, and a follow-up sentence.
 */
export const LONGEST_ANSWER: Answer = (() => {
  const quote = ('This is a verbatim passage from the inspectorate that runs on for a long time about causes of concern ').repeat(4).slice(0, 400).trim();
  const citations: Citation[] = Array.from({ length: 60 }, (_, i) =>
    hmicfrs(i + 1, `A very long report title number ${i + 1} about the force and its causes of concern in the Engage phase of monitoring`, '2024-01-15', `https://hmicfrs.justiceinspectorates.gov.uk/publications/a-long-report-${i + 1}-with-a-long-path/`, {
      locator: `para. ${i + 1}`,
      quote,
    }),
  );
  const items = Array.from({ length: 40 }, (_, i) => ({
    text: `Force number ${i + 1} with a fairly long name Constabulary — from 15 January 2019 to 20 September 2023`,
    citations: [i + 1, i + 21],
  }));
  const lead = 'As of 12 August 2025, 40 police forces and fire and rescue services were in Engage at some time between 2019 and 2025:';
  const follow = { text: 'No later record has been added, so check the inspectorate\'s "in Engage" pages for changes after 12 August 2025.', citations: [60] };
  return {
    status: 'answered',
    text: [lead, ...items.map((it) => `• ${it.text} [${it.citations[0]}][${it.citations[1]}]`), `${follow.text} [60]`].join('\n'),
    sentences: [{ text: lead, citations: citations.slice(0, 60).map((c) => c.n), items }, follow],
    confidence: 0.8,
    citations,
    asOf: '2025-08-12',
    checkedTo: null,
    related: ['Which forces are in Engage?'],
  };
})();
