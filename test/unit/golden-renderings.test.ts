// Golden renderings, per platform, of four answers that span what the bot says: a list answer,
// a single-force answer with quotes, a decline and the longest answer. Asserts structure (one
// line per item with its own citation numbers, every quote shown, one dateline) and the
// platform's limits, rather than exact bytes.

import { describe, expect, it } from 'vitest';
import wrap from 'wrap-ansi';
import { renderAnswer as renderTerminal } from '../../adapters/cli/render.ts';
import { EMBED_LIMITS, embedTextLength, renderAnswer as renderDiscord, renderDecline } from '../../adapters/discord/render.ts';
import { flattenMessage, renderAnswer as renderSlack, SLACK_LIMITS, type SlackMessage } from '../../adapters/slack/render.ts';
import { DECLINE_ANSWER, LIST_ANSWER, LONGEST_ANSWER, QUOTED_ANSWER } from '../support/answers.ts';

type AnyBlock = { type: string; text?: { text: string }; elements?: { text?: string }[] };
const blocks = (m: SlackMessage) => m.blocks as unknown as AnyBlock[];
const sectionText = (m: SlackMessage) => blocks(m).filter((b) => b.type === 'section').map((b) => b.text!.text).join('\n');
const today = new Date('2026-03-01T00:00:00Z');
const newestRecord = '2025-08-12';

function expectSlackLimits(m: SlackMessage): void {
  expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  for (const b of blocks(m)) {
    if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (b.type === 'context') {
      expect(b.elements!.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
      for (const e of b.elements!) expect(String(e.text).length).toBeLessThanOrEqual(SLACK_LIMITS.contextElementText);
    }
  }
}

function expectDiscordLimits(embeds: ReturnType<typeof renderDiscord>): void {
  expect(embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embeds);
  expect(embeds.reduce((n, e) => n + embedTextLength(e), 0)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  for (const e of embeds) {
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
  }
}

const ITEM_LINES = ['• Lincolnshire Police — since 6 December 2024 [1]', '• Devon and Cornwall Police — since October 2023 [2][3]', '• Wiltshire Police — since 2023 [4]'];

describe('a list answer', () => {
  it('Slack: a lead with the count and date, then one bullet line per item with its own numbers', () => {
    const m = renderSlack(LIST_ANSWER, { today, newestRecord });
    const lines = sectionText(m).split('\n');
    expect(lines[0]).toBe('As of 12 August 2025, three police forces are in Engage:');
    expect(lines.slice(1)).toEqual(ITEM_LINES);
    expect(flattenMessage(m)).toContain(':calendar: Newest record 12 August 2025; sources checked to January 2026.');
    expect(m.text.split('\n').slice(1)).toEqual(ITEM_LINES);
    expectSlackLimits(m);
  });

  it('Discord: description lines, one per item with its own numbers; the dateline in the footer', () => {
    const [embed] = renderDiscord(LIST_ANSWER, { title: 'Which forces are in Engage?', today, newestRecord });
    const lines = embed!.description!.split('\n');
    expect(lines[0]).toBe('As of 12 August 2025, three police forces are in Engage:');
    expect(lines.slice(1)).toEqual(ITEM_LINES);
    expect(embed!.footer!.text).toBe('Newest record 12 August 2025; sources checked to January 2026');
    expect(embed!.fields!.map((f) => f.name.slice(0, 3))).toEqual(['[1]', '[2]', '[3]', '[4]']);
    expectDiscordLimits([embed!]);
  });

  it('terminal: one line per item with its own numbers', () => {
    const lines = renderTerminal(LIST_ANSWER, { width: 80, today, newestRecord, wrap }).split('\n');
    expect(lines.slice(1, 4)).toEqual(ITEM_LINES.map((l) => `  ${l}`));
  });
});

describe('a single-force answer with quotes', () => {
  const quotes = ['We can confirm that we are now monitoring the Metropolitan Police Service', 'The watchdog said it had substantial and persistent concerns'];

  it('Slack: every quote as a quoted line under its source, the long one cut at a word', () => {
    const m = renderSlack(QUOTED_ANSWER, { today, newestRecord });
    const flat = flattenMessage(m);
    for (const q of quotes) expect(flat).toContain(`>“${q}`);
    expect(flat).toMatch(/>“The watchdog said[^”]*\w…”/);
    expect(flat).toContain('para. 2; para. 4');
    // An answer about 2022 is not "old": it says its date once, plainly.
    expect(flat).toContain(':calendar: As of 28 June 2022.');
    expectSlackLimits(m);
  });

  it('Discord: every quote under its source field', () => {
    const [embed] = renderDiscord(QUOTED_ANSWER, { title: 'Why was the Met put in special measures?', today, newestRecord });
    for (const [i, q] of quotes.entries()) expect(embed!.fields![i]!.value).toContain(`> “${q}`);
    expect(embed!.fields![1]!.value).toMatch(/…”$/);
    expectDiscordLimits([embed!]);
  });

  it('terminal: every quote, under its source', () => {
    const out = renderTerminal(QUOTED_ANSWER, { width: 120, wrap }).replace(/\n +/g, ' ');
    for (const q of quotes) expect(out).toContain(`“${q}`);
  });
});

describe('a decline', () => {
  it('offers the suggestions on every platform, with no sources and no share button', () => {
    const slack = renderSlack(DECLINE_ANSWER, { shareValue: '{"q":"x"}' });
    expect(blocks(slack).some((b) => b.type === 'actions')).toBe(false);
    expect(flattenMessage(slack)).toContain('• Which forces are in Engage?');
    const [embed] = renderDecline(DECLINE_ANSWER);
    expect(embed!.description).toContain('• Which forces are in Engage?');
    expect(embed!.fields).toBeUndefined();
    expect(renderTerminal(DECLINE_ANSWER)).toContain('• Which forces are in Engage?');
  });
});

describe('the longest answer', () => {
  it('Slack: holds every limit; each kept item keeps its own numbers; a note says it was shortened', () => {
    const m = renderSlack(LONGEST_ANSWER, { question: 'Which forces have been in Engage?', shareValue: '{"q":"x"}', today, newestRecord });
    expectSlackLimits(m);
    const items = sectionText(m).split('\n').filter((l) => l.startsWith('• '));
    expect(items.length).toBeGreaterThanOrEqual(30);
    items.forEach((line, i) => expect(line).toMatch(new RegExp(`^• Force number ${i + 1} .* \\[${i + 1}\\]\\[${i + 21}\\]$`)));
  });

  it('Discord: holds every limit, whole items only, and keeps at least one source', () => {
    const embeds = renderDiscord(LONGEST_ANSWER, { title: 'Which forces have been in Engage?', today, newestRecord });
    expectDiscordLimits(embeds);
    const lines = embeds[0]!.description!.split('\n');
    const items = lines.filter((l) => l.startsWith('• '));
    expect(items.length).toBeGreaterThan(10);
    for (const line of items) expect(line).toMatch(/— from 15 January 2019 to 20 September 2023 \[\d+\]\[\d+\]$/);
    expect(lines.at(-1)).toMatch(/shortened to fit Discord/);
    expect(embeds[0]!.fields!.length).toBeGreaterThanOrEqual(1);
  });

  it('terminal: prints everything, each item with its numbers', () => {
    const out = renderTerminal(LONGEST_ANSWER, { width: 80, wrap }).replace(/\n {4}(?!\[)/g, ' ');
    for (let i = 1; i <= 40; i += 1) expect(out).toContain(`Force number ${i} with a fairly long name Constabulary — from 15 January 2019 to 20 September 2023 [${i}][${i + 20}]`);
  });
});

describe('the longest real answer (golden questions, bundled knowledge)', () => {
  it('renders within every platform limit, each marker pointing at a listed source', async () => {
    const { createBotCore } = await import('../../src/create-bot-core.ts');
    const { loadBundledKnowledge } = await import('../support/knowledge.ts');
    const { GOLDEN } = await import('../golden/golden-questions.ts');
    const core = createBotCore(loadBundledKnowledge());
    const answers = GOLDEN.map((g) => core.ask(g.q)).filter((a) => a.status === 'answered');
    const longest = answers.reduce((a, b) => (b.text.length + b.citations.length * 200 > a.text.length + a.citations.length * 200 ? b : a));
    expect(longest.citations.length).toBeGreaterThan(5);

    const slack = renderSlack(longest, { question: 'q', shareValue: '{"q":"q"}', newestRecord: core.newestRecordDate });
    expectSlackLimits(slack);
    const embeds = renderDiscord(longest, { title: 'q', newestRecord: core.newestRecordDate });
    expectDiscordLimits(embeds);
    const terminal = renderTerminal(longest, { width: 80, newestRecord: core.newestRecordDate, wrap });
    for (const n of new Set([...terminal.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))) expect(terminal).toContain(`  [${n}] `);
    // Discord lists a source field for every number its description uses, or says how many more.
    const listed = new Set((embeds[0]!.fields ?? []).map((f) => Number(/^\[(\d+)\]/.exec(f.name)![1])));
    const used = new Set([...embeds[0]!.description!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    const missing = [...used].filter((n) => !listed.has(n));
    if (missing.length > 0) expect(embeds[0]!.footer!.text).toMatch(new RegExp(`\\+${longest.citations.length - listed.size} more source`));
  });
});
