// Text helpers for Slack's mrkdwn, in both directions: escaping text we send (user questions and
// knowledge text alike) so it can never form a mention, broadcast or link, and turning the markup
// Slack sends us back into the plain question the core expects. Pure.

import { formatDate } from '../../src/dates.ts';

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Escapes text for a mrkdwn field. Slack only treats `<…>` as markup (links, `<!channel>`,
 * `<@U…>`), so escaping `&`, `<` and `>` is enough to stop injected links and pings; the
 * zero-width space after "@" in @channel/@here/@everyone is defence in depth against clients or
 * future settings (`link_names`) that would turn the bare words into broadcasts.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, `@${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Turns Slack's message markup into the plain text a user meant: the bot's own mention is
 * dropped, other mentions and channels become "@name"/"#name", links their label, and the
 * `&amp;`/`&lt;`/`&gt;` Slack always sends are decoded. Broadcasts come back as the bare words
 * ("@here"), which escapeMrkdwn defuses if we ever echo them.
 */
export function slackTextToPlain(text: string, botUserId?: string): string {
  const withoutMarkup = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = splitOnce(inner, '|');
    if (target.startsWith('@')) {
      const id = target.slice(1);
      if (botUserId !== undefined && id === botUserId) return ' ';
      return label ? `@${label.replace(/^@/, '')}` : '@someone';
    }
    if (target.startsWith('#')) return label ? `#${label}` : '#channel';
    if (target.startsWith('!')) {
      const keyword = target.slice(1);
      if (keyword === 'here' || keyword === 'channel' || keyword === 'everyone') return `@${keyword}`;
      // <!subteam^S123|@team>, <!date^…|fallback>: the label is what the user saw.
      return label ?? '';
    }
    return label ?? target;
  });
  return withoutMarkup.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * A mrkdwn link to `url` labelled `label`, or the escaped label alone when the URL is not a
 * plain http(s) URL. Characters that would end the `<url|label>` token early are encoded.
 */
export function mrkdwnLink(url: string | null, label: string): string {
  const text = escapeMrkdwn(label);
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return text;
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${text}>`;
}

/** A source date for people: "28 June 2022", "June 2022", "2019"; odd values are shown as given. */
export function humanDate(date: string): string {
  return /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(date) ? formatDate(date) : date;
}

/** A Slack user id we may safely wrap in `<@…>`. */
export function isSlackUserId(value: string | undefined): value is string {
  return value !== undefined && /^[UW][A-Z0-9]{2,}$/.test(value);
}

/**
 * Cuts escaped mrkdwn to at most `max` characters at a word boundary, never inside an entity
 * such as `&amp;`, and marks the cut with "…".
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  cut = dropPartialEntity(cut);
  return cut.trimEnd() + '…';
}

/** Removes a trailing `&…` that lost its `;` to a cut, so no half entity reaches Slack. */
export function dropPartialEntity(text: string): string {
  const amp = text.lastIndexOf('&');
  if (amp !== -1 && text.indexOf(';', amp) === -1 && text.length - amp <= 5) return text.slice(0, amp);
  return text;
}

/** Cuts plain text (button labels and other plain_text fields) to `max` characters. */
export function truncatePlain(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}
