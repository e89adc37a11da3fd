// Unit tests for the Slack renderer (adapters/slack/render.ts): Block Kit layout, human dates,
// mrkdwn escaping of user and knowledge text, and Slack's limits (3,000-char sections and
// fallback text, 50 blocks, 10 context elements) without ever splitting a sentence's citations.

import { describe, expect, it } from 'vitest';
import { flattenMessage, renderAnswer, renderHelp, renderNotice, SHARE_ACTION_ID, SLACK_LIMITS, type SlackMessage } from '../../adapters/slack/render.ts';
import type { Answer, Citation } from '../../src/answer-types.ts';
import { createBotCore } from '../../src/create-bot-core.ts';
import { CITED_ANSWER, NO_ANSWER } from '../support/fake-core.ts';
import { loadBundledKnowledge } from '../support/knowledge.ts';

type AnyBlock = { type: string; text?: { text: string }; elements?: { type: string; text?: unknown; value?: string; action_id?: string }[] };
const blocksOf = (m: SlackMessage) => m.blocks as unknown as AnyBlock[];
const sections = (m: SlackMessage) => blocksOf(m).filter((b) => b.type === 'section').map((b) => b.text!.text);
const contexts = (m: SlackMessage) => blocksOf(m).filter((b) => b.type === 'context');

function citation(n: number, extra: Partial<Citation> = {}): Citation {
  return { n, sourceId: `s${n}`, title: `Source ${n}`, publisher: 'HMICFRS', published: '2024-12-06', url: `https://example.org/${n}`, locator: null, ...extra };
}

function longAnswer(sentenceCount: number, sentenceLength: number, citeFor: (i: number) => number[], citationCount: number): Answer {
  const sentences = Array.from({ length: sentenceCount }, (_, i) => {
    const head = `Sentence ${i} says`;
    return { text: `${head} ${'x'.repeat(Math.max(1, sentenceLength - head.length - 2))}.`, citations: citeFor(i) };
  });
  return {
    ...CITED_ANSWER,
    text: sentences.map((s) => `${s.text} ${s.citations.map((n) => `[${n}]`).join('')}`).join(' '),
    sentences,
    citations: Array.from({ length: citationCount }, (_, i) => citation(i + 1)),
  };
}

function expectWithinLimits(m: SlackMessage): void {
  expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  for (const s of sections(m)) expect(s.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  for (const c of contexts(m)) {
    expect(c.elements!.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
    for (const e of c.elements!) expect(String(e.text).length).toBeLessThanOrEqual(SLACK_LIMITS.contextElementText);
  }
}

describe('renderAnswer', () => {
  it('lays out question, answer, as-of line, citations, related questions and the share button', () => {
    const m = renderAnswer(CITED_ANSWER, { question: 'which forces are in Engage?', shareValue: '{"q":"x"}' });
    // No separate "As of" line: the answer text already opens with that date (said once).
    expect(blocksOf(m).map((b) => b.type)).toEqual(['context', 'section', 'context', 'context', 'actions']);
    expect(sections(m)[0]).toBe(
      'As of 12 August 2025, one police force is in Engage: Lincolnshire Police, since 6 December 2024. [1][2]',
    );
    const flat = flattenMessage(m);
    expect(flat).toContain('You asked: which forces are in Engage?');
    expect(flat).not.toContain(':calendar:');
    expect(flat).toContain('When did Lincolnshire Police enter Engage?');
    const button = blocksOf(m).at(-1)!.elements![0]!;
    expect(button).toMatchObject({ type: 'button', action_id: SHARE_ACTION_ID, value: '{"q":"x"}' });
    // The fallback already names the date, so it is not repeated.
    expect(m.text).toBe(CITED_ANSWER.text);
  });

  it('shows citations with title, publisher, human date and locator, linked only when there is a URL', () => {
    const m = renderAnswer(CITED_ANSWER);
    const [first, second] = contexts(m).find((c) => String(c.elements![0]!.text).startsWith('*[1]*'))!.elements!;
    expect(first!.text).toBe(
      '*[1]* <https://hmicfrs.justiceinspectorates.gov.uk/publication-html/lincolnshire-police-moved-into-enhanced-monitoring/|Lincolnshire Police: move to enhanced phase of monitoring> — HMICFRS, 6 December 2024',
    );
    expect(second!.text).toBe(
      '*[2]* Metropolitan Police placed in special measures by watchdog — publisher not verified, 28 June 2022, para. 3\n' +
        '>“We can confirm that we are now monitoring the Metropolitan Police Service through our Engage process”',
    );
  });

  it('formats dates by their precision: day, month or year', () => {
    const m = renderAnswer({
      ...CITED_ANSWER,
      asOf: '2022-06',
      citations: [citation(1, { published: '2019' }), citation(2, { published: '2022-06' }), citation(3, { published: null })],
    });
    const flat = flattenMessage(m);
    expect(flat).toContain('As of June 2022');
    expect(flat).toContain('*[1]* <https://example.org/1|Source 1> — HMICFRS, 2019');
    expect(flat).toContain('*[2]* <https://example.org/2|Source 2> — HMICFRS, June 2022');
    expect(flat).toContain('*[3]* <https://example.org/3|Source 3> — HMICFRS\n');
    expect(m.text).toMatch(/\(as of June 2022\)$/);
  });

  it('omits the as-of line for a timeless answer', () => {
    const m = renderAnswer({ ...CITED_ANSWER, asOf: null });
    expect(flattenMessage(m)).not.toContain(":calendar:");
    expect(m.text).toBe(CITED_ANSWER.text);
  });

  it('escapes &, < and > in every piece of user and knowledge text, and defuses broadcasts', () => {
    const m = renderAnswer(
      {
        ...CITED_ANSWER,
        text: 'x',
        sentences: [{ text: 'Smith & Jones <!channel> said <https://evil.example|this> > @here.', citations: [1] }],
        citations: [citation(1, { title: 'A <b> & @everyone', publisher: 'P&Q <x>', locator: 'para. <3>' })],
        related: ['Is <!here> in Engage?'],
      },
      { question: 'why <!channel> & @channel?', sharedBy: 'U0EDITOR' },
    );
    const flat = flattenMessage(m);
    expect(flat).toContain('Smith &amp; Jones &lt;!channel&gt; said &lt;https://evil.example|this&gt; &gt; @\u200Bhere. [1]');
    expect(flat).toContain('<https://example.org/1|A &lt;b&gt; &amp; @\u200Beveryone> — P&amp;Q &lt;x&gt;, 6 December 2024, para. &lt;3&gt;');
    expect(flat).toContain('Is &lt;!here&gt; in Engage?');
    expect(flat).toContain('<@U0EDITOR> asked: why &lt;!channel&gt; &amp; @\u200Bchannel?');
    // The only "<…>" tokens left are the ones we made: the citation link and the sharer mention.
    expect(flat.match(/<[^<>]*>/g)).toEqual(['<@U0EDITOR>', '<https://example.org/1|A &lt;b&gt; &amp; @\u200Beveryone>']);
    expect(m.text).not.toMatch(/<|@here/);
  });

  it('never links a non-http URL and encodes characters that would break the link token', () => {
    const m = renderAnswer({
      ...CITED_ANSWER,
      citations: [citation(1, { url: 'javascript:alert(1)' }), citation(2, { url: 'https://example.org/a?b=1&c=2|x>y' })],
    });
    const flat = flattenMessage(m);
    expect(flat).toContain('*[1]* Source 1 — HMICFRS');
    expect(flat).toContain('*[2]* <https://example.org/a?b=1&amp;c=2%7Cx%3Ey|Source 2>');
  });

  it('does not trust a sharer id that is not a Slack user id', () => {
    const m = renderAnswer(CITED_ANSWER, { question: 'q?', sharedBy: '!channel' });
    expect(flattenMessage(m)).toContain('You asked: q?');
    expect(flattenMessage(m)).not.toContain('<!channel>');
  });

  it('leaves out the share button when no value is given or the value is too long for Slack', () => {
    expect(blocksOf(renderAnswer(CITED_ANSWER)).some((b) => b.type === 'actions')).toBe(false);
    const tooLong = 'x'.repeat(SLACK_LIMITS.buttonValue + 1);
    expect(blocksOf(renderAnswer(CITED_ANSWER, { shareValue: tooLong })).some((b) => b.type === 'actions')).toBe(false);
  });

  it('packs a long answer into sections of at most 3,000 characters without splitting a sentence or its markers', () => {
    const answer = longAnswer(300, 180, (i) => [(i % 3) + 1, ((i + 1) % 3) + 1], 3);
    const m = renderAnswer(answer, { question: 'long?', shareValue: '{}' });
    expectWithinLimits(m);
    const all = sections(m);
    expect(all.length).toBeGreaterThan(15);
    for (const s of answer.sentences) {
      const unit = `${s.text} ${s.citations.map((n) => `[${n}]`).join('')}`;
      expect(all.filter((text) => text.includes(unit))).toHaveLength(1);
    }
    // The fallback text keeps whole sentences only.
    expect(m.text).toMatch(/\] … \(as of 12 August 2025\)$/);
    expect(m.text.replace(/ … \(as of 12 August 2025\)$/, '').split(/(?<=\]) /).every((u) => /^Sentence \d+ says x+\. \[\d\]\[\d\]$/.test(u))).toBe(true);
  });

  it('splits a single over-long sentence at spaces and keeps its markers at the end', () => {
    const words = Array.from({ length: 1400 }, (_, i) => `w${i}`).join(' '); // ~7,000 characters
    const m = renderAnswer({ ...CITED_ANSWER, sentences: [{ text: words, citations: [1, 2] }] });
    expectWithinLimits(m);
    const parts = sections(m);
    expect(parts.length).toBe(3);
    expect(parts.slice(0, -1).some((p) => p.includes('['))).toBe(false);
    expect(parts.at(-1)!.endsWith('[1][2]')).toBe(true);
    expect(parts.join(' ').replace(/ \[1\]\[2\]$/, '')).toBe(words);
  });

  it('never cuts an escaped entity in half', () => {
    const m = renderAnswer({ ...CITED_ANSWER, sentences: [{ text: '&'.repeat(4_000), citations: [1] }] });
    expectWithinLimits(m);
    for (const s of sections(m)) expect(s.replace(/&amp;/g, '')).toMatch(/^( ?\[1\])?$/);
    expect(m.text.replace(/&amp;/g, '')).toBe('… (as of 12 August 2025)');
  });

  it('shortens an answer too long for 50 blocks, and keeps exactly the citations the kept sentences use', () => {
    const answer = longAnswer(1_000, 2_900, (i) => [i < 500 ? 1 : 2], 2);
    const m = renderAnswer(answer, { question: 'everything?', shareValue: '{}' });
    expectWithinLimits(m);
    expect(m.blocks.length).toBe(SLACK_LIMITS.blocks);
    const flat = flattenMessage(m);
    expect(flat).toContain('Answer shortened to fit in Slack');
    expect(flat).toContain('*[1]* <https://example.org/1|Source 1>');
    expect(flat).not.toContain('*[2]*');
    expect(blocksOf(m).at(-1)!.type).toBe('actions'); // the share button survives
  });

  it('puts at most ten citations in a context block and folds a very long list', () => {
    const m = renderAnswer({ ...CITED_ANSWER, citations: Array.from({ length: 120 }, (_, i) => citation(i + 1)) });
    expectWithinLimits(m);
    const citationBlocks = contexts(m).filter((c) => /^\*\[\d+\]\*|^_…and/.test(String(c.elements![0]!.text)));
    expect(citationBlocks).toHaveLength(10);
    expect(flattenMessage(m)).toContain('_…and 21 more sources_');
  });

  it('trims a citation with an absurdly long title but keeps its link and provenance', () => {
    const m = renderAnswer({ ...CITED_ANSWER, citations: [citation(1, { title: 'T'.repeat(5_000) })] });
    expectWithinLimits(m);
    expect(flattenMessage(m)).toMatch(/\*\[1\]\* <https:\/\/example\.org\/1\|T+…> — HMICFRS, 6 December 2024/);
  });
});

describe('renderAnswer for no_answer', () => {
  it('declines kindly with the core\'s related questions and no share button', () => {
    const m = renderAnswer(NO_ANSWER, { shareValue: '{}' });
    const flat = flattenMessage(m);
    expect(flat).toContain("I don't have that in my knowledge base.");
    expect(flat).toContain('*You could ask:*\n• Which forces are in Engage?\n• Why was the Met put in special measures?');
    expect(blocksOf(m).some((b) => b.type === 'actions')).toBe(false);
    expect(m.text).toContain('You could ask: Which forces are in Engage?');
    expectWithinLimits(m);
  });

  it('falls back to the given suggestions when the core has no related questions', () => {
    const m = renderAnswer({ ...NO_ANSWER, related: [] }, { fallbackSuggestions: ['Who is in Engage?'] });
    expect(flattenMessage(m)).toContain('• Who is in Engage?');
  });
});

describe('renderHelp and renderNotice', () => {
  it('explains what the bot answers, with examples as slash commands', () => {
    const m = renderHelp({ summary: 'I answer questions about Engage & special measures.', examples: ['Which forces are in Engage?', 'Is <!here> ok?'] });
    const flat = flattenMessage(m);
    expect(flat).toContain('*What I can answer*\nI answer questions about Engage &amp; special measures.');
    expect(flat).toContain('• /oversight Which forces are in Engage?\n• /oversight Is &lt;!here&gt; ok?');
    expect(flat).toContain('Mention me in a channel');
    expectWithinLimits(m);
  });

  it('shows an input problem kindly, with suggestions', () => {
    const m = renderNotice('That question is 600 characters long; please keep it under 500.', ['Which forces are in Engage?']);
    expect(flattenMessage(m)).toBe('That question is 600 characters long; please keep it under 500.\n*You could ask:*\n• Which forces are in Engage?');
  });
});

describe('rendering the real core\'s answers', () => {
  // Real wording and real lengths: every answer fits Slack and every marker has its source shown.
  const core = createBotCore(loadBundledKnowledge());
  const questions = [...core.help().examples, 'Which forces have ever been in Engage?', 'What happened to the Met in June 2022?', 'cake recipe please'];

  it.each(questions)('renders "%s" within Slack\'s limits with every cited source listed', (question) => {
    const answer = core.ask(question);
    const m = renderAnswer(answer, { question, shareValue: '{"q":"x"}' });
    expectWithinLimits(m);
    const flat = flattenMessage(m);
    const markers = new Set(sections(m).flatMap((t) => [...t.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]))));
    for (const n of markers) expect(flat).toContain(`*[${n}]* `);
    if (answer.status === 'answered') expect(markers.size).toBeGreaterThan(0);
  });
});
