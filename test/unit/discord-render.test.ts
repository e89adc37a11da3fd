// Unit tests for the pure Discord renderer and command definitions: layout of answers, dates
// for humans, mention defusing, and every Discord limit (embeds, fields, autocomplete choices).

import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { COMMAND_NAME, commandDefinitions } from '../../adapters/discord/commands.ts';
import { defuseMentions, humanDate, safeLinkUrl, truncate } from '../../adapters/discord/format.ts';
import {
  clampEmbeds,
  EMBED_LIMITS,
  embedTextLength,
  renderAnswer,
  renderDecline,
  renderHelp,
  renderNotice,
  suggestionChoices,
} from '../../adapters/discord/render.ts';
import type { Answer, Citation } from '../../src/answer-types.ts';
import { CITED_ANSWER, NO_ANSWER } from '../support/fake-core.ts';

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    sourceId: `s${n}`,
    title: `Source ${n}`,
    publisher: 'HMICFRS',
    published: '2024-12-06',
    url: `https://example.org/${n}`,
    locator: null,
    ...overrides,
  };
}

/** Asserts every Discord embed limit on one message's embeds. */
function expectWithinLimits(embeds: APIEmbed[]): void {
  expect(embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embeds);
  expect(embeds.reduce((sum, e) => sum + embedTextLength(e), 0)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
    }
  }
}

describe('renderAnswer', () => {
  it('lays out the answer: question as title, text with markers, one linked field per citation, as-of footer', () => {
    const [embed, ...rest] = renderAnswer(CITED_ANSWER, { title: 'Which forces are in Engage?' });
    expect(rest).toHaveLength(0);
    expect(embed!.title).toBe('Which forces are in Engage?');
    expect(embed!.description).toBe(CITED_ANSWER.text);
    expect(embed!.fields).toEqual([
      {
        name: '[1] HMICFRS · 6 December 2024',
        value: `[Lincolnshire Police: move to enhanced phase of monitoring](${CITED_ANSWER.citations[0]!.url})`,
      },
      {
        name: '[2] Publisher not verified · 28 June 2022',
        value:
          '*Metropolitan Police placed in special measures by watchdog* · para. 3\n> “We can confirm that we are now monitoring the Metropolitan Police Service through our Engage process”',
      },
    ]);
    // The text already opens "As of 12 August 2025": the date is said once, not again in a footer.
    expect(embed!.footer).toBeUndefined();
  });

  it('formats dates as a newsroom would, at the precision the source gives', () => {
    expect(humanDate('2022-06-28')).toBe('28 June 2022');
    expect(humanDate('2022-06')).toBe('June 2022');
    expect(humanDate('2019')).toBe('2019');
    const answer: Answer = {
      ...CITED_ANSWER,
      asOf: '2023-03',
      citations: [citation(1, { published: '2019' }), citation(2, { published: null, publisher: null })],
    };
    const [embed] = renderAnswer(answer, { title: 'q' });
    expect(embed!.fields!.map((f) => f.name)).toEqual(['[1] HMICFRS · 2019', '[2] Publisher not verified · undated']);
    expect(embed!.footer!.text).toBe('As of March 2023');
  });

  it('has no footer for a timeless answer with every source shown', () => {
    const [embed] = renderAnswer({ ...CITED_ANSWER, asOf: null }, { title: 'What is Engage?' });
    expect(embed!.footer).toBeUndefined();
  });

  it('links only http(s) URLs and escapes link text', () => {
    const answer: Answer = {
      ...CITED_ANSWER,
      citations: [
        citation(1, { url: 'javascript:alert(1)', title: 'Evil' }),
        citation(2, { url: 'https://example.org/a_(b)', title: 'Report [draft] on *Engage*' }),
      ],
    };
    const [embed] = renderAnswer(answer, { title: 'q' });
    expect(embed!.fields![0]!.value).toBe('*Evil*');
    expect(embed!.fields![1]!.value).toBe('[Report \\[draft\\] on \\*Engage\\*](https://example.org/a_%28b%29)');
    expect(safeLinkUrl('ftp://example.org')).toBeNull();
    expect(safeLinkUrl('not a url')).toBeNull();
  });

  it('shows plain text as written: markdown in the question, answer, publisher and quote is escaped', () => {
    const answer: Answer = {
      ...CITED_ANSWER,
      text: 'The *interim* chief_constable said ~so~ `x` ||y||. [1]',
      citations: [citation(1, { publisher: 'The_Guardian', url: null, title: '*Draft* report', quote: 'it is **not** good enough' })],
    };
    const [embed] = renderAnswer(answer, { title: 'Is the *Met* in Engage?' });
    expect(embed!.title).toBe('Is the \\*Met\\* in Engage?');
    expect(embed!.description).toBe('The \\*interim\\* chief\\_constable said \\~so\\~ \\`x\\` \\|\\|y\\|\\|. [1]');
    expect(embed!.fields![0]).toEqual({
      name: '[1] The\\_Guardian · 6 December 2024',
      value: '*\\*Draft\\* report*\n> “it is \\*\\*not\\*\\* good enough”',
    });
  });

  it('defuses mentions in the echoed question and in the answer text', () => {
    const answer: Answer = { ...CITED_ANSWER, text: 'I have no record of <!channel> or @everyone or <@&123456789012345678>. [1]' };
    const [embed] = renderAnswer(answer, { title: '@everyone @here <@123456789012345678> is the Met in Engage?' });
    const text = `${embed!.title}\n${embed!.description}`;
    expect(text).not.toMatch(/@everyone|@here|<@|<!|<#/);
    expect(text.replace(/\u200b/g, '')).toContain('@everyone @here <@123456789012345678> is the Met in Engage?');
  });

  it('keeps a huge answer within every limit, dropping whole citations and saying "+N more sources"', () => {
    const citations = Array.from({ length: 60 }, (_, i) =>
      citation(i + 1, {
        title: `A very long report title number ${i + 1} `.repeat(12).trim(),
        url: `https://example.org/reports/${i + 1}/${'y'.repeat(200)}`,
        locator: `para. ${i + 1}`,
        quote: 'Quoted words from the report. '.repeat(20).trim(),
      }),
    );
    const sentences = Array.from({ length: 200 }, (_, i) => ({ text: `Sentence number ${i + 1} about Engage and the forces in it.`, citations: [(i % 60) + 1, 1] }));
    const answer: Answer = { ...CITED_ANSWER, text: sentences.map((s) => `${s.text} [${s.citations[0]}][1]`).join(' '), sentences, citations };
    const embeds = renderAnswer(answer, { title: 'Why? '.repeat(200) });
    expectWithinLimits(embeds);

    const [embed] = embeds;
    expect(embed!.title!.length).toBeLessThanOrEqual(256);
    const fields = embed!.fields!;
    expect(fields.length).toBeGreaterThan(0);
    // Shown citations are whole and in order: the same field the citation renders to on its own.
    fields.forEach((field, i) => {
      const alone = renderAnswer({ ...CITED_ANSWER, citations: [citations[i]!] }, { title: 'q' })[0]!.fields![0];
      expect(field).toEqual(alone);
      expect(field.value).toContain(`](${citations[i]!.url})`);
    });
    expect(embed!.footer!.text).toBe(`As of 12 August 2025 · +${60 - fields.length} more sources`);
    // The text was shortened at a sentence boundary: every sentence shown keeps its markers.
    const description = embed!.description!;
    expect(description).toMatch(/\n… \(shortened to fit Discord/);
    const shown = description.split('\n…')[0]!;
    for (const part of shown.split(/(?<=\]) (?=Sentence)/)) expect(part).toMatch(/^Sentence number \d+ about Engage and the forces in it\. \[\d+\]\[1\]$/);
  });

  it('shows at most 25 citations even when they are short', () => {
    const answer: Answer = { ...CITED_ANSWER, citations: Array.from({ length: 30 }, (_, i) => citation(i + 1)) };
    const [embed] = renderAnswer(answer, { title: 'q' });
    expect(embed!.fields).toHaveLength(25);
    expect(embed!.footer!.text).toBe('+5 more sources');
    const [one] = renderAnswer({ ...answer, citations: Array.from({ length: 26 }, (_, i) => citation(i + 1)) }, { title: 'q' });
    expect(one!.footer!.text).toBe('+1 more source');
  });

  it('keeps at least the first citation visible even beside a maximal answer text', () => {
    const answer: Answer = {
      ...CITED_ANSWER,
      text: 'x'.repeat(10_000),
      sentences: [],
      citations: [citation(1, { title: 'T'.repeat(1_000), quote: 'Q'.repeat(1_000) })],
    };
    const embeds = renderAnswer(answer, { title: 'q'.repeat(300) });
    expectWithinLimits(embeds);
    expect(embeds[0]!.fields).toHaveLength(1);
    expect(embeds[0]!.footer!.text).toBe('As of 12 August 2025');
  });

  it('turns a no_answer into a decline', () => {
    expect(renderAnswer(NO_ANSWER, { title: 'cake?' })).toEqual(renderDecline(NO_ANSWER));
  });
});

describe('renderDecline, renderHelp, renderNotice', () => {
  it('declines kindly, offering the related questions and /oversight help, without the word "error"', () => {
    const [embed] = renderDecline({ ...NO_ANSWER, related: [...NO_ANSWER.related, 'Which forces are in Engage?', 'a?', 'b?', 'c?', 'd?'] });
    expect(embed!.description).toContain(NO_ANSWER.text);
    expect(embed!.description).toContain('• Which forces are in Engage?\n• Why was the Met put in special measures?');
    expect(embed!.description!.match(/^• /gm)).toHaveLength(5); // deduplicated, at most five
    expect(embed!.description).toContain('/oversight help');
    expect(JSON.stringify(embed)).not.toMatch(/error|exception|stack/i);
  });

  it('help lists the summary, examples and commands', () => {
    const embeds = renderHelp({ summary: 'I answer questions about Engage.', examples: ['Which forces are in Engage?', 'Why was the Met put in special measures?'] });
    expectWithinLimits(embeds);
    const [embed] = embeds;
    expect(embed!.description).toBe('I answer questions about Engage.');
    expect(embed!.fields![0]).toEqual({ name: 'Try asking', value: '• Which forces are in Engage?\n• Why was the Met put in special measures?' });
    expect(embed!.fields![1]!.value).toMatch(/\/oversight ask[\s\S]*\/oversight engage[\s\S]*\/oversight help[\s\S]*private:True/);
  });

  it('help stays within limits with many long examples', () => {
    expectWithinLimits(renderHelp({ summary: 's'.repeat(5_000), examples: Array.from({ length: 50 }, (_, i) => `Example ${i} `.repeat(30)) }));
  });

  it('a notice is just the message', () => {
    expect(renderNotice('Please keep it under 500.', 'Please check your question')[0]).toMatchObject({
      title: 'Please check your question',
      description: 'Please keep it under 500.',
    });
  });
});

describe('suggestionChoices', () => {
  it('offers at most 25 unique choices of 1–100 characters, leaving out (not cutting) longer ones', () => {
    const long = 'q'.repeat(101);
    const choices = suggestionChoices(['', '  ', long, 'Which forces are in Engage?', 'which forces are in engage?', ...Array.from({ length: 40 }, (_, i) => `Q${i}?`)]);
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: 'Which forces are in Engage?', value: 'Which forces are in Engage?' });
    expect(choices.map((c) => c.value)).not.toContain(long);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value).toBe(c.name);
    }
    expect(suggestionChoices(['x'.repeat(100)])).toHaveLength(1);
  });
});

describe('clampEmbeds (the last line of defence)', () => {
  it('brings any embed set within Discord limits', () => {
    const big: APIEmbed = {
      title: 't'.repeat(500),
      description: 'd'.repeat(5_000),
      footer: { text: 'f'.repeat(3_000) },
      fields: Array.from({ length: 30 }, () => ({ name: 'n'.repeat(300), value: 'v'.repeat(2_000) })),
    };
    const out = clampEmbeds(Array.from({ length: 12 }, () => big));
    expectWithinLimits(out);
    expect(out.length).toBeGreaterThan(0);
  });

  it('leaves embeds that are already within limits untouched', () => {
    const embeds = renderAnswer(CITED_ANSWER, { title: 'Which forces are in Engage?' });
    expect(clampEmbeds(embeds)).toEqual(embeds);
  });
});

describe('format helpers', () => {
  it('truncates at a word boundary with an ellipsis, never splitting an emoji', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('alpha beta gamma delta', 20)).toBe('alpha beta gamma…');
    expect(truncate('one two three four five', 12)).toBe('one two thr…'); // no space near the end: hard cut
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    const cut = truncate('aaa😀bbb', 5);
    expect(cut).toBe('aaa…');
  });

  it('defuses every mention form', () => {
    expect(defuseMentions('@everyone @HERE <@1> <@!1> <@&1> <#1> <!channel>')).not.toMatch(/@everyone|@here|<@|<#|<!/i);
    expect(defuseMentions('email me at press@example.org')).toBe('email me at press@example.org');
  });
});

describe('command definitions', () => {
  it('defines /oversight with ask (autocompleted question, private), engage (date, private), help, timeline and the alerts group', () => {
    const [command, ...others] = commandDefinitions();
    expect(others).toHaveLength(0);
    expect(command!.name).toBe(COMMAND_NAME);
    const options = command!.options as any[];
    expect(options.map((o) => [o.name, o.type])).toEqual([
      ['ask', 1],
      ['engage', 1],
      ['help', 1],
      ['timeline', 1],
      ['alerts', 2],
    ]);
    expect(options[3].options.map((o: any) => [o.name, o.type])).toEqual([
      ['bodies', 3],
      ['from', 4],
      ['to', 4],
      ['private', 5],
    ]);
    expect(options[4].options.map((o: any) => [o.name, o.options?.map((x: any) => [x.name, x.required ?? false, x.autocomplete ?? false]) ?? []])).toEqual([
      ['subscribe', [['topic', false, true]]],
      ['unsubscribe', [['topic', false, true]]],
      ['list', []],
    ]);
    // Discord applies default_member_permissions to a whole top-level command only, so /oversight
    // stays open to everyone and the alerts group checks Manage Channels when it runs.
    expect(command!.default_member_permissions ?? null).toBeNull();
    const [question, isPrivate] = options[0].options;
    expect(question).toMatchObject({ name: 'question', type: 3, required: true, autocomplete: true, max_length: 500 });
    expect(isPrivate).toMatchObject({ name: 'private', type: 5, required: false });
    expect(options[1].options.map((o: any) => o.name)).toEqual(['date', 'private']);
    expect(options[1].options[0]).toMatchObject({ type: 3, required: false });
  });
});
