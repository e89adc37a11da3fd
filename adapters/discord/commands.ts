// The /oversight slash command, built with discord.js's SlashCommandBuilder: the single source of
// truth for what `npm run discord:register` uploads and what the interaction handler expects.
// Subcommands: ask, engage, help, timeline (the chart), and the `alerts` subcommand group.

import { SlashCommandBuilder } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody, SlashCommandSubcommandsOnlyBuilder } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../../src/question-input.ts';
import { addAlertsGroup } from './alert-commands.ts';

export const COMMAND_NAME = 'oversight';

export const SUBCOMMANDS = {
  ask: 'ask',
  engage: 'engage',
  help: 'help',
  timeline: 'timeline',
} as const;

export const OPTIONS = {
  question: 'question',
  date: 'date',
  private: 'private',
  bodies: 'bodies',
  from: 'from',
  to: 'to',
} as const;

/** Dates are short ("2023-01-15", "end of June 2022"); a cap stops essays reaching the parser. */
export const MAX_DATE_LENGTH = 40;

/** Builds the /oversight command definition. */
export function buildOversightCommand(): SlashCommandSubcommandsOnlyBuilder {
  const command = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Answers about UK police oversight (HMICFRS Engage, "special measures"), with sources')
    // No setContexts: Discord's default (servers and DMs with the bot) is what we want, and
    // `contexts` is only valid on global commands, while development registers to one guild.
    .addSubcommand((sub) =>
      sub
        .setName(SUBCOMMANDS.ask)
        .setDescription('Ask a question; every sentence of the answer comes with its source')
        .addStringOption((option) =>
          option
            .setName(OPTIONS.question)
            .setDescription('e.g. "Which forces are in Engage?" — start typing for suggestions')
            .setRequired(true)
            .setMaxLength(MAX_QUESTION_LENGTH)
            .setAutocomplete(true),
        )
        .addBooleanOption((option) =>
          option.setName(OPTIONS.private).setDescription('Only you see the answer (default: everyone in the channel)'),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName(SUBCOMMANDS.engage)
        .setDescription('The police forces and fire services in Engage, now or on a date')
        .addStringOption((option) =>
          option
            .setName(OPTIONS.date)
            .setDescription('e.g. 2023-01-15, December 2022 or 2021 (default: the newest record)')
            .setMaxLength(MAX_DATE_LENGTH),
        )
        .addBooleanOption((option) =>
          option.setName(OPTIONS.private).setDescription('Only you see the answer (default: everyone in the channel)'),
        ),
    )
    .addSubcommand((sub) => sub.setName(SUBCOMMANDS.help).setDescription('What this bot can answer, with examples'))
    .addSubcommand((sub) =>
      sub
        .setName(SUBCOMMANDS.timeline)
        .setDescription('A chart of every Engage stay since 2019, with its sources')
        .addStringOption((option) =>
          option
            .setName(OPTIONS.bodies)
            .setDescription('Police forces, fire and rescue services, or both (default)')
            .addChoices({ name: 'Police forces only', value: 'police' }, { name: 'Fire and rescue services only', value: 'fire' }),
        )
        .addIntegerOption((option) => option.setName(OPTIONS.from).setDescription('First year shown, e.g. 2021').setMinValue(2019).setMaxValue(2100))
        .addIntegerOption((option) => option.setName(OPTIONS.to).setDescription('Last year shown, e.g. 2023').setMinValue(2019).setMaxValue(2100))
        .addBooleanOption((option) => option.setName(OPTIONS.private).setDescription('Only you see the chart (default: everyone in the channel)')),
    )
    // Alerts for this channel; limited to members who can manage the channel (see alert-commands.ts).
    .addSubcommandGroup(addAlertsGroup);
  return command;
}

/** The JSON bodies registered with Discord (PUT replaces the application's whole command list). */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [buildOversightCommand().toJSON()];
}

/** The /oversight command definition, for callers that want the builder itself. */
export const oversightCommand = buildOversightCommand();
