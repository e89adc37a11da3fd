// `npm run discord:register`: uploads the /oversight command definitions through discord.js REST.
// With DISCORD_GUILD_ID the commands go to that one server (they appear instantly, for
// development); without it they are registered globally (all servers the bot is in).

import { DiscordAPIError, REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../src/config.ts';
import { OversightError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { commandDefinitions } from './commands.ts';

export interface RegisterDiscordCommandsOptions {
  config: DiscordConfig;
  logger: Logger;
  /** Test seam: the REST base URL (default https://discord.com/api). */
  restApi?: string;
}

/**
 * Registers (replaces) the bot's slash commands. Throws an OversightError saying what to fix
 * when Discord refuses (bad token, bot not in the guild, wrong application id).
 */
export async function registerDiscordCommands(options: RegisterDiscordCommandsOptions): Promise<void> {
  const { config, logger } = options;
  // Registration is a one-off command-line call: fail fast instead of retrying for minutes.
  const rest = new REST({ version: '10', retries: 1, timeout: 15_000, ...(options.restApi ? { api: options.restApi } : {}) }).setToken(config.token);
  const body = commandDefinitions();
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const scope = config.guildId ? `guild ${config.guildId}` : 'all servers (global)';

  logger.info('discord: registering commands', { scope, commands: body.map((c) => c.name) });
  let registered: unknown;
  try {
    registered = await rest.put(route, { body });
  } catch (error) {
    throw explainRegistrationError(error, config);
  }
  const count = Array.isArray(registered) ? registered.length : body.length;
  logger.info('discord: commands registered', {
    scope,
    count,
    note: config.guildId ? 'they appear in that server straight away' : 'global commands can take a few minutes to appear',
  });
}

function explainRegistrationError(error: unknown, config: DiscordConfig): Error {
  if (error instanceof DiscordAPIError || isHttpError(error)) {
    const status = (error as { status: number }).status;
    const code = error instanceof DiscordAPIError ? error.code : undefined;
    if (status === 401) {
      return new OversightError('CONFIG_INVALID', 'Discord rejected the bot token while registering commands.', [
        'DISCORD_TOKEN: reset the token on the Developer Portal\'s "Bot" page and paste the new one (see docs/discord.md)',
      ]);
    }
    if (status === 403 || code === 50001) {
      return new OversightError('CONFIG_INVALID', 'Discord refused to register the commands (missing access).', [
        config.guildId
          ? `DISCORD_GUILD_ID: invite the bot to server ${config.guildId} with the "bot" and "applications.commands" scopes, or unset DISCORD_GUILD_ID to register globally`
          : 'DISCORD_APPLICATION_ID: must be the Application ID of the application that owns DISCORD_TOKEN',
      ]);
    }
    if (status === 404) {
      return new OversightError('CONFIG_INVALID', 'Discord does not know that application or server.', [
        'DISCORD_APPLICATION_ID: copy it from the Developer Portal ("General Information" → Application ID)',
        ...(config.guildId ? ['DISCORD_GUILD_ID: right-click the server with Developer Mode on → Copy Server ID'] : []),
      ]);
    }
    // 400 (a definition Discord rejects) or 5xx (Discord trouble): not something config can fix.
    const detail = error instanceof Error ? error.message : String(error);
    return new Error(`Discord refused the command registration (HTTP ${status}${code !== undefined ? `, code ${code}` : ''}): ${detail}`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`Could not reach Discord to register commands: ${message}`, { cause: error });
}

function isHttpError(error: unknown): boolean {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}
