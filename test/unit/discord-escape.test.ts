// Discord markdown escaping (issue 9 #16): text a user typed, echoed in an ephemeral notice, must
// show as typed — no headings, lists, quotes or disguised ("masked") links. Uses discord.js's
// escapeMarkdown underneath; these tests pin what the hand-written one missed.

import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/discord/alert-commands.ts';
import { escapeLinkText, escapeMarkdown, neutraliseMaskedLinks } from '../../adapters/discord/format.ts';

/** A masked link as Discord parses it: "[text](url)" with no escape before "[" or "(". */
const MASKED_LINK = /(?<!\\)\[[^\]]*(?<!\\)\]\((?!\\)/;

describe('escapeMarkdown', () => {
  it('keeps inline styles literal', () => {
    expect(escapeMarkdown('*Draft* report __under__ ~~struck~~ ||spoiler|| `code`')).toBe('\\*Draft\\* report \\_\\_under\\_\\_ \\~\\~struck\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`');
  });

  it('escapes headings, lists, quotes and subtext at the start of a line', () => {
    expect(escapeMarkdown('# Breaking')).toBe('\\# Breaking');
    expect(escapeMarkdown('### Small')).toBe('\\### Small');
    expect(escapeMarkdown('- one\n* two\n1. three')).toBe('\\- one\n\\* two\n1\\. three');
    expect(escapeMarkdown('> quoted')).toBe('\\> quoted');
    expect(escapeMarkdown('-# tiny')).toBe('\\-# tiny');
  });

  it('neutralises every masked link, not only the first on a line', () => {
    const typed = '[Official results](https://evil.example) and [more](https://evil.example/2)';
    const escaped = escapeMarkdown(typed);
    expect(escaped).not.toMatch(MASKED_LINK);
    expect(escaped.replace(/\\/g, '')).toBe(typed); // reads the same once Discord drops the escapes
  });

  it('escapes backslashes so an escape cannot be undone by the text itself', () => {
    expect(escapeMarkdown('\\*not bold\\*')).toBe('\\\\\\*not bold\\\\\\*');
  });
});

describe('escapeLinkText', () => {
  it('escapes brackets once, with markdown inside', () => {
    expect(escapeLinkText('Report [draft] *v2*')).toBe('Report \\[draft\\] \\*v2\\*');
  });
});

describe('alerts command replies quoting the typed topic', () => {
  it('never render the topic as a link', () => {
    const [embed] = renderReply({ ok: false, title: 'Unknown topic', lines: ['I don\'t know a police force called "[Lincolnshire](https://evil.example)".'] });
    expect(embed!.description).not.toMatch(MASKED_LINK);
    expect(neutraliseMaskedLinks('[a](b)')).toBe('[a]\\(b)');
  });
});
