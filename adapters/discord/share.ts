// "Post to channel" for private Discord answers, like Slack's: a button under the private
// answer; clicking it removes the button and posts the very same answer in the channel, saying
// who shared it (shown as a mention, never a ping). Answers are kept in memory to share as seen.

import { randomUUID } from 'node:crypto';
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, ButtonInteraction } from 'discord.js';
import type { Logger } from '../../src/logger.ts';

/** custom_id prefix of the share button; the rest is the cached answer's id (custom_id ≤ 100 chars). */
export const SHARE_PREFIX = 'oversight_share:';
/** How many private answers are kept for sharing; older ones say "ask again". */
const CACHE_SIZE = 500;

export interface SharedAnswer {
  embeds: APIEmbed[];
}

/** A bounded, insertion-ordered cache of private answers waiting to be shared. */
export function createShareCache(size = CACHE_SIZE) {
  const entries = new Map<string, SharedAnswer>();
  return {
    /** Keeps the answer and returns the button row to put under it. */
    offer(answer: SharedAnswer): APIActionRowComponent<APIButtonComponent>[] {
      const id = randomUUID();
      entries.set(id, answer);
      while (entries.size > size) entries.delete(entries.keys().next().value!);
      return [shareButtonRow(id)];
    },
    take(id: string): SharedAnswer | undefined {
      const answer = entries.get(id);
      entries.delete(id);
      return answer;
    },
  };
}
export type ShareCache = ReturnType<typeof createShareCache>;

export function shareButtonRow(id: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Post to channel', custom_id: `${SHARE_PREFIX}${id}` }],
  };
}

/** Whether a button interaction is ours. */
export function isShareButton(customId: string): boolean {
  return customId.startsWith(SHARE_PREFIX);
}

/**
 * Handles a click: removes the button from the private copy (so it cannot be posted twice),
 * then posts the answer for everyone. An answer no longer held gets a kind private note.
 */
export async function onShareButton(interaction: ButtonInteraction, cache: ShareCache, logger: Logger): Promise<void> {
  const shared = cache.take(interaction.customId.slice(SHARE_PREFIX.length));
  if (!shared) {
    await interaction.reply({
      content: 'I no longer have that answer to share (it is too old, or I restarted). Ask again and share the new answer.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
    return;
  }
  await interaction.update({ components: [] });
  await interaction.followUp({ content: `<@${interaction.user.id}> shared this answer:`, embeds: shared.embeds, allowedMentions: { parse: [] } });
  logger.info('discord: shared a private answer', { interactionId: interaction.id, guildId: interaction.guildId });
}
