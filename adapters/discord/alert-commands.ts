// `/oversight alerts subscribe|unsubscribe|list [topic]` in Discord: the subcommand group's
// definition, the permission checks, running the command for the channel it was typed in, topic
// autocomplete, and the reply as embeds with mentions defused.
//
// Discord only honours default_member_permissions on a top-level command, so it cannot limit one
// subcommand group of /oversight without hiding ask/engage/help from everyone else. Instead the
// handler checks the member's permissions in this channel, which Discord computes (role and
// channel overwrites included) and sends with every interaction: only members who can manage the
// channel (Manage Channels) may change or list its alerts. Must not import @slack/* or another adapter.

import { PermissionFlagsBits } from 'discord.js';
import type { APIApplicationCommandOptionChoice, APIEmbed, ChatInputCommandInteraction, SlashCommandSubcommandGroupBuilder } from 'discord.js';
import type { CommandReply, SubscriptionCommands } from '../../src/alerts/subscriptions.ts';
import type { TopicResolver } from '../../src/alerts/topics.ts';
import { normalizeAlias } from '../../src/text.ts';
import { neutraliseMaskedLinks } from './format.ts';
import { CHOICE_LIMITS, renderNotice } from './render.ts';

export const ALERTS_GROUP = 'alerts';
export const ALERT_SUBCOMMANDS = { subscribe: 'subscribe', unsubscribe: 'unsubscribe', list: 'list' } as const;
export const TOPIC_OPTION = 'topic';

/** What the Discord adapter needs for alerts: the commands, and topics for autocomplete. */
export interface DiscordAlerts {
  commands: SubscriptionCommands;
  topics: () => TopicResolver;
}

/** The permission a member needs in the channel to change its alerts. */
export const ALERTS_MEMBER_PERMISSION = PermissionFlagsBits.ManageChannels;
/** What the bot needs in the channel to post alerts there. */
const BOT_NEEDS: [bigint, string][] = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

/** Adds the `alerts` subcommand group to /oversight. */
export function addAlertsGroup(group: SlashCommandSubcommandGroupBuilder): SlashCommandSubcommandGroupBuilder {
  const topic = (description: string) => (option: import('discord.js').SlashCommandStringOption) =>
    option.setName(TOPIC_OPTION).setDescription(description).setMaxLength(100).setAutocomplete(true);
  return group
    .setName(ALERTS_GROUP)
    .setDescription('Alerts in this channel when a force moves into or out of Engage (needs Manage Channels)')
    .addSubcommand((sub) =>
      sub
        .setName(ALERT_SUBCOMMANDS.subscribe)
        .setDescription('Post alerts in this channel')
        .addStringOption(topic('"engage" (default): every Engage move; a force or service by name; or "all"')),
    )
    .addSubcommand((sub) =>
      sub.setName(ALERT_SUBCOMMANDS.unsubscribe).setDescription('Stop alerts in this channel').addStringOption(topic('Which subscription to stop (default: engage)')),
    )
    .addSubcommand((sub) => sub.setName(ALERT_SUBCOMMANDS.list).setDescription("This channel's alert subscriptions"));
}

export interface AlertsCommandResult {
  /** Only the member who ran it sees the reply. */
  ephemeral: boolean;
  embeds: APIEmbed[];
  /** For the log line. */
  outcome: 'changed' | 'unchanged' | 'refused' | 'listed';
}

/** Runs `/oversight alerts <subcommand>` for the interaction's channel. Never throws for user input. */
export function runAlertsCommand(interaction: ChatInputCommandInteraction, subcommand: string | null, alerts: DiscordAlerts | undefined): AlertsCommandResult {
  const refuse = (title: string, message: string): AlertsCommandResult => ({ ephemeral: true, embeds: renderNotice(message, title), outcome: 'refused' });
  if (!alerts) return refuse('Alerts are not switched on', 'This copy of the bot does not send alerts. Ask whoever runs it to enable them (see docs/alerts.md).');
  if (!interaction.inGuild() || !interaction.channelId) return refuse('Alerts go to server channels', 'Run this in the server channel that should receive the alerts.');
  if (!interaction.memberPermissions?.has(ALERTS_MEMBER_PERMISSION)) {
    return refuse('Not allowed', 'Only members who can manage this channel (the Manage Channels permission) can change or list its alerts.');
  }
  const channelId = interaction.channelId;
  const topic = interaction.options.getString(TOPIC_OPTION, false);
  switch (subcommand) {
    case ALERT_SUBCOMMANDS.subscribe: {
      const missing = BOT_NEEDS.filter(([flag]) => interaction.appPermissions && !interaction.appPermissions.has(flag)).map(([, name]) => name);
      if (missing.length > 0) {
        return refuse('I cannot post here yet', `To post alerts in this channel I need these permissions here: ${missing.join(', ')}. Grant them and run the command again.`);
      }
      const reply = alerts.commands.subscribe('discord', channelId, topic, interaction.user.id);
      return { ephemeral: !reply.ok, embeds: renderReply(reply), outcome: reply.ok ? (reply.title === 'Already subscribed' ? 'unchanged' : 'changed') : 'refused' };
    }
    case ALERT_SUBCOMMANDS.unsubscribe: {
      const reply = alerts.commands.unsubscribe('discord', channelId, topic);
      return { ephemeral: !reply.ok, embeds: renderReply(reply), outcome: reply.ok ? 'changed' : 'refused' };
    }
    case ALERT_SUBCOMMANDS.list:
      return { ephemeral: true, embeds: renderReply(alerts.commands.list('discord', channelId)), outcome: 'listed' };
    default:
      return refuse('Not available', 'That alerts command is not available in this version of the bot. Try `/oversight alerts list`.');
  }
}

/** A command reply as one embed: a confirmation in the answer colour, a problem as a notice. */
export function renderReply(reply: CommandReply): APIEmbed[] {
  // Replies quote the topic as typed ("I don't know … called "[x](https://…)""): never a link.
  const [embed] = renderNotice(neutraliseMaskedLinks(reply.lines.join('\n\n')), reply.title);
  return [{ ...embed!, ...(reply.ok ? { color: 0x1d70b8 } : {}) }];
}

/** Autocomplete for the topic option: engage, all, then the forces and services matching what is typed. */
export function topicChoices(topics: TopicResolver, typed: string): APIApplicationCommandOptionChoice<string>[] {
  const fixed: APIApplicationCommandOptionChoice<string>[] = [
    { name: 'engage — every move into or out of Engage (default)', value: 'engage' },
    { name: 'all — every alert, including new and corrected facts', value: 'all' },
  ];
  const text = normalizeAlias(typed);
  const entities = [...topics.entities.values()];
  const matching = text
    ? entities.filter((e) => [e.name, ...e.aliases, ...e.weakAliases].some((n) => normalizeAlias(n).includes(text)))
    : entities;
  // A near miss ("lincolnshre") still offers the force it resolves to.
  const resolved = text ? topics.resolve(typed) : undefined;
  const best = resolved?.ok && resolved.topic.entityId ? topics.entities.get(resolved.topic.entityId) : undefined;
  const ordered = [...(best ? [best] : []), ...matching.filter((e) => e !== best).sort((a, b) => a.name.localeCompare(b.name))];
  const named = ordered.map((e) => ({ name: e.name.slice(0, CHOICE_LIMITS.length), value: e.name.slice(0, CHOICE_LIMITS.length) }));
  const shownFixed = text ? fixed.filter((c) => c.value.startsWith(text) || c.name.includes(text)) : fixed;
  return [...shownFixed, ...named].slice(0, CHOICE_LIMITS.choices);
}
