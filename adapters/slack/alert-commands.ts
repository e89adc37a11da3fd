// `/oversight subscribe [topic]`, `/oversight unsubscribe [topic]` and `/oversight subscriptions`
// in Slack: recognises them in the slash command's text, runs them for the channel the command
// was typed in, and renders the reply with the adapter's escaping. A confirmation that changes
// what the channel receives is posted to the channel; lists and problems only to the person who
// asked. Must not import discord.js or another adapter.

import type { types } from '@slack/bolt';
import type { CommandReply, SubscriptionCommands } from '../../src/alerts/subscriptions.ts';
import { escapeMrkdwn, isSlackUserId, truncateMrkdwn } from './format.ts';
import { SLACK_LIMITS, type SlackMessage } from './render.ts';

export type AlertsCommand = { action: 'subscribe' | 'unsubscribe'; topic: string } | { action: 'list' };

/** Reads "subscribe glos fire", "unsubscribe", "subscriptions" from the command text; undefined for a question. */
export function parseAlertsCommand(text: string): AlertsCommand | undefined {
  const match = /^\s*(subscribe|unsubscribe|subscriptions)\b\s*(.*)$/is.exec(text);
  if (!match) return undefined;
  const action = match[1]!.toLowerCase();
  if (action === 'subscriptions') return { action: 'list' };
  return { action: action as 'subscribe' | 'unsubscribe', topic: match[2]!.trim() };
}

export interface SlackAlertsReply extends SlackMessage {
  /** Post to the channel (in_channel) rather than only to the person who asked. */
  inChannel: boolean;
}

/** Runs the command for `channelId`; `channelName` is what Slack sent ("directmessage", "privategroup", …). */
export function runAlertsCommand(
  commands: SubscriptionCommands | undefined,
  command: AlertsCommand,
  where: { channelId: string; channelName?: string; userId?: string },
): SlackAlertsReply {
  if (!commands) {
    return { ...render({ ok: false, title: 'Alerts are not switched on', lines: ['This copy of the bot does not send alerts. Ask whoever runs it to enable them (see docs/alerts.md).'] }), inChannel: false };
  }
  if (where.channelName === 'directmessage' || where.channelName === 'mpdm' || /^D/.test(where.channelId)) {
    return {
      ...render({ ok: false, title: 'Alerts go to channels', lines: ['Run this in the channel that should receive the alerts, e.g. your newsdesk channel.'] }),
      inChannel: false,
    };
  }
  if (command.action === 'list') return { ...render(commands.list('slack', where.channelId)), inChannel: false };
  const reply =
    command.action === 'subscribe'
      ? commands.subscribe('slack', where.channelId, command.topic, where.userId ?? null)
      : commands.unsubscribe('slack', where.channelId, command.topic);
  if (reply.ok && command.action === 'subscribe' && where.channelName === 'privategroup') {
    reply.lines.push('This is a private channel: invite me with /invite @oversight, or the alerts cannot be posted here.');
  }
  const by = reply.ok && isSlackUserId(where.userId) ? where.userId : undefined;
  return { ...render(reply, by), inChannel: reply.ok && reply.title !== 'Already subscribed' };
}

/** A reply as Block Kit: bold title, one paragraph per line, and who made the change. */
export function render(reply: CommandReply, by?: string): SlackMessage {
  const body = truncateMrkdwn(reply.lines.map(escapeMrkdwn).join('\n'), SLACK_LIMITS.sectionText - 200);
  const blocks: types.KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(reply.title)}*\n${body}` } }];
  if (by) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Changed by <@${by}>` }] });
  return { text: truncateMrkdwn(`${escapeMrkdwn(reply.title)}: ${reply.lines.map(escapeMrkdwn).join(' ')}`, SLACK_LIMITS.fallbackText), blocks };
}
