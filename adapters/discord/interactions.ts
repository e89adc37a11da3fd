// Handles /oversight interactions: routes subcommands to the core, renders the result, and
// replies exactly once within Discord's 3-second window (deferring first when time is short).
// Every failure is logged and turned into a kind message; nothing here may throw to discord.js.

import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, MessageFlags, RESTJSONErrorCodes } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, AutocompleteInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
import type { BotCore } from '../../src/bot-core.ts';
import { createConversationMemory, type ConversationMemory } from '../conversation-memory.ts';
import { parseDateInput, parseDateInputChecked } from '../../src/dates.ts';
import type { Logger } from '../../src/logger.ts';
import { checkQuestion } from '../../src/question-input.ts';
import { ALERTS_GROUP, runAlertsCommand, TOPIC_OPTION, topicChoices, type DiscordAlerts } from './alert-commands.ts';
import { COMMAND_NAME, OPTIONS, SUBCOMMANDS } from './commands.ts';
import { escapeMarkdown, humanDate } from './format.ts';
import { CHOICE_LIMITS, clampEmbeds, renderAnswer, renderDecline, renderHelp, renderNotice, suggestionChoices } from './render.ts';
import { createShareCache, isShareButton, onShareButton, type ShareCache } from './share.ts';
import { buildTimelineReply } from './timeline.ts';

export interface InteractionHandlerOptions {
  core: BotCore;
  logger: Logger;
  /**
   * Once an interaction is this old (ms since Discord created it) and the reply is not ready,
   * acknowledge with deferReply first. Discord drops replies after 3 s; the margin covers the
   * round trip to Discord and clock skew.
   */
  deferAfterMs: number;
  now: () => number;
  /** `/oversight alerts …`; undefined when alerts are off. */
  alerts?: DiscordAlerts;
}

/** What to send back: embeds, and whether only the user sees them (ignored once deferred). */
interface Reply {
  embeds: APIEmbed[];
  ephemeral: boolean;
  /** A "Post to channel" button under a private answer. */
  components?: APIActionRowComponent<APIButtonComponent>[];
  /** Attachments (the timeline chart). */
  files?: { attachment: Buffer; name: string }[];
}

/** A subcommand resolved to its visibility and the (possibly slow) work that produces the reply. */
interface Plan {
  ephemeral: boolean;
  build: () => Reply | Promise<Reply>;
}

/** Mentions never ping, whatever the text says; the Client default is the same, this is belt and braces. */
const NO_MENTIONS = { parse: [] as [] };

const APOLOGY =
  'Sorry — something went wrong on my side while answering. Please try again in a moment; if it keeps happening, tell whoever runs this bot.';

/** Returns the interactionCreate listener. It never rejects. */
export function createInteractionHandler(options: InteractionHandlerOptions): (interaction: Interaction) => Promise<void> {
  const { logger } = options;
  const shares = createShareCache();
  // One person's questions in one channel are one conversation, for follow-ups ("why?").
  const memory = createConversationMemory();
  return async (interaction) => {
    try {
      if (interaction.isAutocomplete()) await onAutocomplete(interaction, options);
      else if (interaction.isChatInputCommand()) await onCommand(interaction, options, shares, memory);
      else if (interaction.isButton() && isShareButton(interaction.customId)) await onShareButton(interaction, shares, logger);
    } catch (error) {
      logger.error('discord: interaction handler failed', { interactionId: interaction.id, ...errorFields(error) });
    }
  };
}

async function onCommand(interaction: ChatInputCommandInteraction, options: InteractionHandlerOptions, shares: ShareCache, memory: ConversationMemory): Promise<void> {
  const { logger, now } = options;
  if (interaction.commandName !== COMMAND_NAME) {
    logger.debug('discord: ignoring unknown command', { command: interaction.commandName });
    return;
  }
  const started = now();
  const group = interaction.options.getSubcommandGroup(false);
  const subcommand = interaction.options.getSubcommand(false);
  const plan = planCommand(interaction, group, subcommand, options, shares, memory);
  const outcome = await respond(interaction, plan, options);
  logger.info('discord: command handled', {
    interactionId: interaction.id,
    subcommand: [group, subcommand].filter(Boolean).join(' ') || null,
    guildId: interaction.guildId,
    outcome,
    ms: now() - started,
  });
}

function planCommand(
  interaction: ChatInputCommandInteraction,
  group: string | null,
  subcommand: string | null,
  { core, alerts }: InteractionHandlerOptions,
  shares: ShareCache,
  memory: ConversationMemory,
): Plan {
  if (group === ALERTS_GROUP) {
    // A quick local database change: run it now, so the reply's visibility is known up front.
    const result = runAlertsCommand(interaction, subcommand, alerts);
    return { ephemeral: result.ephemeral, build: () => ({ embeds: result.embeds, ephemeral: result.ephemeral }) };
  }

  const wantsPrivate = interaction.options.getBoolean(OPTIONS.private, false) ?? false;

  if (group === null && subcommand === SUBCOMMANDS.ask) {
    const check = checkQuestion(interaction.options.getString(OPTIONS.question, false));
    if (!check.ok) return notice(check.error.message, 'Please check your question');
    const question = check.question;
    return {
      ephemeral: wantsPrivate,
      build: () => {
        const conversation = `${interaction.channelId}:${interaction.user.id}`;
        const answer = core.ask(question, memory.get(conversation));
        memory.remember(conversation, answer);
        // A decline only helps the person who asked, so it does not clutter the channel.
        if (answer.status !== 'answered') return { embeds: renderDecline(answer), ephemeral: true };
        return shareable(renderAnswer(answer, { title: question, newestRecord: core.newestRecordDate }), wantsPrivate, shares);
      },
    };
  }

  if (group === null && subcommand === SUBCOMMANDS.engage) {
    const rawDate = interaction.options.getString(OPTIONS.date, false)?.trim() || undefined;
    const checked = rawDate === undefined ? undefined : parseDateInputChecked(rawDate);
    // "2023-02-31" gets "There is no 31 February 2023."; unreadable text the usual hint.
    if (checked && !checked.ok) {
      return notice(
        checked.impossible
          ? `${checked.problem.message} Try a day, month or year, e.g. 2023-01-15, December 2022 or 2021 — or leave the date out for the newest record.`
          : `I couldn't read "${escapeMarkdown(rawDate!.slice(0, 60))}" as a date. Try a day, month or year, e.g. 2023-01-15, December 2022 or 2021 — or leave the date out for the newest record.`,
        'Please check the date',
      );
    }
    const parsed = checked?.ok ? parseDateInput(rawDate!) : undefined;
    if (rawDate !== undefined && parsed === undefined) {
      return notice(`Give a day, month or year here, e.g. 2023-01-15, December 2022 or 2021 — or leave the date out for the newest record.`, 'Please check the date');
    }
    return {
      ephemeral: wantsPrivate,
      build: () => {
        const answer = core.engageStatus(parsed?.date);
        if (answer.status !== 'answered') return { embeds: renderDecline(answer), ephemeral: true };
        const title = parsed ? `In Engage on ${humanDate(parsed.date)}` : 'In Engage now';
        return shareable(renderAnswer(answer, { title, newestRecord: core.newestRecordDate }), wantsPrivate, shares);
      },
    };
  }

  if (group === null && subcommand === SUBCOMMANDS.timeline) {
    const kind = interaction.options.getString(OPTIONS.bodies, false);
    const fromYear = interaction.options.getInteger(OPTIONS.from, false);
    const toYear = interaction.options.getInteger(OPTIONS.to, false);
    return {
      ephemeral: wantsPrivate,
      build: async () => {
        const reply = await buildTimelineReply(core, {
          ...(kind === 'police' || kind === 'fire' ? { kind } : {}),
          ...(fromYear !== null ? { fromYear } : {}),
          ...(toYear !== null ? { toYear } : {}),
        });
        if (!reply.ok) return { embeds: renderNotice(reply.message, 'No chart for that'), ephemeral: true };
        return { embeds: reply.embeds, files: reply.files, ephemeral: wantsPrivate };
      },
    };
  }

  if (group === null && subcommand === SUBCOMMANDS.help) {
    // Help is for the person asking; keep it out of the channel.
    return { ephemeral: true, build: () => ({ embeds: renderHelp(core.help()), ephemeral: true }) };
  }

  // A subcommand this version does not know (e.g. registered by a newer release): say so kindly.
  return notice('That command is not available in this version of the bot. Try `/oversight help` to see what I can do.', 'Not available');
}

/** A private answer gets a "Post to channel" button carrying it; a public one stays as it is. */
function shareable(embeds: APIEmbed[], ephemeral: boolean, shares: ShareCache): Reply {
  if (!ephemeral) return { embeds, ephemeral };
  return { embeds, ephemeral, components: shares.offer({ embeds: clampEmbeds(embeds) }) };
}

function notice(message: string, title: string): Plan {
  const embeds = renderNotice(message, title);
  return { ephemeral: true, build: () => ({ embeds, ephemeral: true }) };
}

type Outcome = 'replied' | 'deferred-then-edited' | 'failed';

/**
 * Replies exactly once. Replies directly when the answer is ready in time; otherwise (the
 * interaction was already old when it reached us, or the answer is slow) defers first and edits
 * the deferred reply. If the core throws, the user gets an apology, the log gets the details.
 */
async function respond(interaction: ChatInputCommandInteraction, plan: Plan, options: InteractionHandlerOptions): Promise<Outcome> {
  const { logger, now, deferAfterMs } = options;
  const age = Math.max(0, now() - interaction.createdTimestamp);

  if (age >= deferAfterMs && !(await defer(interaction, plan.ephemeral, logger))) return 'failed';

  // Run the work asynchronously so a slow (or, later, async) core can be raced against the clock.
  const work = Promise.resolve().then(plan.build);
  work.catch(() => undefined); // awaited below; this only stops an "unhandled rejection" meanwhile

  if (!interaction.deferred) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deferAfterMs - age));
    });
    const first = await Promise.race([work.then(() => 'ready' as const, () => 'ready' as const), timedOut]);
    clearTimeout(timer);
    if (first === 'timeout' && !(await defer(interaction, plan.ephemeral, logger))) return 'failed';
  }

  let reply: Reply;
  try {
    reply = await work;
  } catch (error) {
    logger.error('discord: answering failed', { interactionId: interaction.id, ...errorFields(error) });
    reply = { embeds: renderNotice(APOLOGY, 'Sorry'), ephemeral: true };
  }
  const wasDeferred = interaction.deferred;
  return (await deliver(interaction, reply, logger)) ? (wasDeferred ? 'deferred-then-edited' : 'replied') : 'failed';
}

async function defer(interaction: ChatInputCommandInteraction, ephemeral: boolean, logger: Logger): Promise<boolean> {
  if (interaction.deferred || interaction.replied) return true;
  try {
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    return true;
  } catch (error) {
    logDeliveryFailure(logger, interaction.id, 'defer', error);
    return false;
  }
}

/** Sends the reply through whichever path is still open: reply, edit the deferred reply, or follow up. */
async function deliver(interaction: ChatInputCommandInteraction, reply: Reply, logger: Logger): Promise<boolean> {
  const embeds = clampEmbeds(reply.embeds);
  const flags = reply.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  const extras = { ...(reply.components ? { components: reply.components } : {}), ...(reply.files ? { files: reply.files } : {}) };
  try {
    if (interaction.replied) await interaction.followUp({ embeds, allowedMentions: NO_MENTIONS, ...extras, ...flags });
    else if (interaction.deferred) await interaction.editReply({ embeds, allowedMentions: NO_MENTIONS, ...extras });
    else await interaction.reply({ embeds, allowedMentions: NO_MENTIONS, ...extras, ...flags });
    return true;
  } catch (error) {
    logDeliveryFailure(logger, interaction.id, 'reply', error);
    return false;
  }
}

async function onAutocomplete(interaction: AutocompleteInteraction, { core, logger, alerts }: InteractionHandlerOptions): Promise<void> {
  if (interaction.commandName !== COMMAND_NAME || interaction.responded) return;
  let choices: ReturnType<typeof suggestionChoices> = [];
  try {
    const focused = interaction.options.getFocused(true);
    if (focused.name === OPTIONS.question) {
      const partial = autocompletePartial(String(focused.value));
      if (partial !== undefined) choices = suggestionChoices(core.suggest(partial, CHOICE_LIMITS.choices));
    } else if (focused.name === TOPIC_OPTION && alerts) {
      choices = topicChoices(alerts.topics(), String(focused.value).slice(0, 100));
    }
  } catch (error) {
    // No suggestions is better than no response: the user can still type a question.
    logger.warn('discord: suggestions failed', { interactionId: interaction.id, ...errorFields(error) });
  }
  try {
    await interaction.respond(choices);
  } catch (error) {
    logDeliveryFailure(logger, interaction.id, 'autocomplete', error);
  }
}

/** What the user has typed so far, cleaned like a question; undefined when it is too long to match. */
function autocompletePartial(raw: string): string | undefined {
  const check = checkQuestion(raw);
  if (check.ok) return check.question;
  return check.error.code === 'QUESTION_EMPTY' ? '' : undefined;
}

/** Logs a failed call to Discord with a hint for the failures that have a known cause. */
function logDeliveryFailure(logger: Logger, interactionId: string, step: string, error: unknown): void {
  const fields = { interactionId, step, ...errorFields(error) };
  if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction) {
    logger.warn('discord: the interaction expired before we responded (Discord allows 3 seconds)', fields);
  } else if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) {
    logger.warn('discord: the interaction was already answered — is a second copy of the bot running with the same token?', fields);
  } else if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.InteractionAlreadyReplied) {
    logger.warn('discord: tried to answer an interaction twice; kept the first answer', fields);
  } else {
    logger.error('discord: could not send to Discord', fields);
  }
}

/** Log fields for an error: name, message, Discord status/code, and the stack (logs only, never users). */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const fields: Record<string, unknown> = { error: error.message, errorName: error.name };
  if (error instanceof DiscordAPIError) {
    fields.status = error.status;
    fields.code = error.code;
    fields.method = error.method;
  }
  if (error.stack) fields.stack = error.stack;
  return fields;
}
