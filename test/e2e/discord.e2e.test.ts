// End-to-end tests of the Discord adapter: the real discord.js Client, connected to a fake
// Discord on 127.0.0.1 (REST + gateway, test/support/fake-discord.ts). Assertions are on what
// the fake received: interaction callbacks, deferred edits, registration PUTs.

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.ts';
import { commandDefinitions } from '../../adapters/discord/commands.ts';
import { registerDiscordCommands } from '../../adapters/discord/register.ts';
import { EMBED_LIMITS, embedTextLength } from '../../adapters/discord/render.ts';
import type { Answer, Citation } from '../../src/answer-types.ts';
import type { ChatAdapter } from '../../src/chat-adapter.ts';
import type { DiscordConfig } from '../../src/config.ts';
import { OversightError } from '../../src/errors.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { CITED_ANSWER, createFakeCore } from '../support/fake-core.ts';
import { FAKE_APPLICATION_ID, FAKE_GUILD_ID, FAKE_TOKEN, FakeDiscord, flattenMessage } from '../support/fake-discord.ts';

const EPHEMERAL = 1 << 6;
const config: DiscordConfig = { token: FAKE_TOKEN, applicationId: FAKE_APPLICATION_ID };
const question = (value: unknown) => ({ name: 'question', type: 3, value });

describe('Discord adapter, end to end against a fake Discord', () => {
  let fake: FakeDiscord;
  let adapter: ChatAdapter;
  const core = createFakeCore();
  const logger = createMemoryLogger();

  /** Dispatches an interaction and returns what the bot sent back for it. */
  async function run(interaction: any) {
    fake.dispatchInteraction(interaction);
    return fake.responseTo(interaction);
  }

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    adapter = createDiscordAdapter({ config, core, logger, restApi: fake.restApi });
    await adapter.start();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    await adapter?.stop(); // destroys the discord.js Client before the fake goes away
    await fake?.close();
  });

  it('connects over gateway v10 JSON with only the Guilds intent, uncompressed', () => {
    expect(fake.identifies).toHaveLength(1);
    const identify = fake.identifies[0];
    expect(identify.token).toBe(FAKE_TOKEN);
    expect(identify.intents).toBe(1); // GatewayIntentBits.Guilds, nothing privileged
    expect(identify.compress).toBe(false);
    const url = new URL(fake.gatewayUrls[0]!, 'ws://x');
    expect(url.searchParams.get('v')).toBe('10');
    expect(url.searchParams.get('encoding')).toBe('json');
    expect(url.searchParams.has('compress')).toBe(false);
    expect(fake.requestsTo('/gateway/bot')[0]?.headers.authorization).toBe(`Bot ${FAKE_TOKEN}`);
  });

  it('/oversight ask replies publicly with an embed: answer, linked citation fields, as-of footer', async () => {
    const interaction = fake.chatInput('ask', [question('Which forces are in Engage?')]);
    const { callback, edit } = await run(interaction);

    expect(edit).toBeUndefined();
    expect(callback.body.type).toBe(4);
    const data = callback.body.data;
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.embeds).toHaveLength(1);
    const embed = data.embeds[0];
    expect(embed.title).toBe('Which forces are in Engage?');
    expect(embed.description).toBe(CITED_ANSWER.text);
    expect(embed.fields).toEqual([
      {
        name: '[1] HMICFRS · 6 December 2024',
        value:
          '[Lincolnshire Police: move to enhanced phase of monitoring](https://hmicfrs.justiceinspectorates.gov.uk/publication-html/lincolnshire-police-moved-into-enhanced-monitoring/)',
      },
      {
        name: '[2] Publisher not verified · 28 June 2022',
        value:
          '*Metropolitan Police placed in special measures by watchdog* · para. 3\n> “We can confirm that we are now monitoring the Metropolitan Police Service through our Engage process”',
      },
    ]);
    // The date is said once: the text opens "As of 12 August 2025"; the footer adds only how old that is.
    expect(embed.footer.text).toMatch(/^Newest record 12 August 2025, \d+ months? ago; later changes may be missing$|^As of 12 August 2025$/);
    expect(core.asked).toContain('Which forces are in Engage?');
  });

  it('private:true makes the answer ephemeral', async () => {
    const { callback } = await run(fake.chatInput('ask', [question('Which forces are in Engage?'), { name: 'private', type: 5, value: true }]));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].description).toMatch(/Lincolnshire/);
  });

  it('a question containing @everyone or a role mention pings nobody', async () => {
    const { message } = await run(fake.chatInput('ask', [question('@everyone <@&777777777777777777> @here is the Met in Engage?')]));
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const seen = flattenMessage(message);
    expect(seen).toMatch(/is the Met in Engage\?/);
    expect(seen).not.toMatch(/@everyone|@here|<@&/);
  });

  it('a question with no answer gets a friendly, private decline with suggestions', async () => {
    const { callback, message } = await run(fake.chatInput('ask', [question('Give me a cake recipe')]));
    expect(callback.body.type).toBe(4);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    const seen = flattenMessage(message);
    expect(seen).toMatch(/Which forces are in Engage\?/);
    expect(seen).toMatch(/Why was the Met put in special measures\?/);
    expect(seen).not.toMatch(/error|exception|stack/i);
  });

  it('an over-long question gets checkQuestion\'s message, privately, and never reaches the core', async () => {
    const asked = core.asked.length;
    const { message } = await run(fake.chatInput('ask', [question('why '.repeat(160))]));
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(flattenMessage(message)).toMatch(/639 characters long; please keep it under 500/);
    expect(core.asked.length).toBe(asked);
  });

  it('autocomplete answers with up to 25 choices of at most 100 characters, well within 3 seconds', async () => {
    const long = 'Which forces '.repeat(10) + '?';
    const suggest = vi.spyOn(core, 'suggest').mockImplementation((_partial, limit = 25) =>
      [long, ...Array.from({ length: 40 }, (_, i) => `Question ${i} about Engage?`)].slice(0, limit + 10),
    );
    const interaction = fake.autocomplete('ask', { name: 'question', value: '  engage\u200b ' });
    const sentAt = Date.now();
    fake.dispatchInteraction(interaction);
    const { callback } = await fake.responseTo(interaction);
    expect(Date.now() - sentAt).toBeLessThan(3_000);

    expect(suggest).toHaveBeenCalledWith('engage', 25);
    expect(callback.body.type).toBe(8);
    const choices = callback.body.data.choices as { name: string; value: string }[];
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    expect(choices.map((c) => c.value)).not.toContain(long); // too long to offer whole; never cut
    expect(choices[0]).toMatchObject({ name: 'Question 0 about Engage?', value: 'Question 0 about Engage?' });
  });

  it('autocomplete with nothing typed still suggests, and a failing core gives an empty list, not silence', async () => {
    const first = await run(fake.autocomplete('ask', { name: 'question', value: '' }));
    expect(first.callback.body.type).toBe(8);
    expect(first.callback.body.data.choices.length).toBeGreaterThan(0);

    vi.spyOn(core, 'suggest').mockImplementation(() => {
      throw new Error('index not loaded');
    });
    const second = await run(fake.autocomplete('ask', { name: 'question', value: 'met' }));
    expect(second.callback.body).toEqual({ type: 8, data: { choices: [] } });
    expect(logger.lines.some((l) => l.includes('suggestions failed') && l.includes('index not loaded'))).toBe(true);
  });

  it('/oversight engage lists who is in Engage, now or on a given date', async () => {
    const engage = vi.spyOn(core, 'engageStatus');
    const now = await run(fake.chatInput('engage'));
    expect(engage).toHaveBeenLastCalledWith(undefined);
    expect(now.message.embeds[0].title).toBe('In Engage now');
    expect(now.message.embeds[0].description).toMatch(/Lincolnshire Police, since 6 December 2024/);
    expect(now.message.embeds[0].footer.text).toMatch(/^(Newest record|As of) 12 August 2025/);
    expect(now.message.flags ?? 0).toBe(0);

    const past = await run(fake.chatInput('engage', [{ name: 'date', type: 3, value: 'December 2022' }]));
    expect(engage).toHaveBeenLastCalledWith('2022-12');
    expect(past.message.embeds[0].title).toBe('In Engage on December 2022');
  });

  it('/oversight engage with an unreadable date explains, privately, without asking the core', async () => {
    const engage = vi.spyOn(core, 'engageStatus');
    const { message } = await run(fake.chatInput('engage', [{ name: 'date', type: 3, value: 'next tuesday-ish' }]));
    expect(engage).not.toHaveBeenCalled();
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(flattenMessage(message)).toMatch(/couldn't read "next tuesday-ish" as a date/);
  });

  it('/oversight help shows what it answers, with examples, privately', async () => {
    const { message } = await run(fake.chatInput('help'));
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    const seen = flattenMessage(message);
    expect(seen).toMatch(/I answer questions about HMICFRS Engage/);
    expect(seen).toMatch(/• Which forces are in Engage\?/);
    expect(seen).toMatch(/\/oversight engage/);
  });

  it('an unknown subcommand (e.g. from a newer registration) gets a kind note, not silence', async () => {
    const { message } = await run(fake.chatInput('alerts'));
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(flattenMessage(message)).toMatch(/not available in this version/);
  });

  it('defers first when the interaction is already close to the 3-second limit, then edits @original once', async () => {
    const interaction = fake.chatInput('ask', [question('Which forces are in Engage?')], { createdAt: Date.now() - 2_500 });
    const { callback, edit } = await run(interaction);
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(callback.query.get('with_response')).toBe('false');
    expect(edit).toBeDefined();
    expect(edit!.path).toBe(`/api/v10/webhooks/${FAKE_APPLICATION_ID}/${interaction.token}/messages/%40original`);
    expect(edit!.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit!.body.embeds[0].description).toMatch(/Lincolnshire/);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.requestsTo(interaction.token)).toHaveLength(2); // one callback, one edit: never a second reply
  });

  it('keeps a huge answer within every embed limit, dropping whole citations with "+N more sources"', async () => {
    const citations: Citation[] = Array.from({ length: 60 }, (_, i) => ({
      n: i + 1,
      sourceId: `source-${i + 1}`,
      title: `Report number ${i + 1} on police oversight and the Engage process `.repeat(4).trim(),
      publisher: 'HMICFRS',
      published: '2023-03',
      url: `https://example.org/reports/${i + 1}/${'x'.repeat(120)}`,
      locator: `para. ${i + 1}`,
      quote: 'A long verbatim quote from the report. '.repeat(12).trim(),
    }));
    const sentences = Array.from({ length: 120 }, (_, i) => ({ text: `Sentence ${i + 1} says something about the Engage phase at length.`, citations: [(i % 60) + 1] }));
    const huge: Answer = {
      ...CITED_ANSWER,
      text: sentences.map((s) => `${s.text} [${s.citations[0]}]`).join(' '),
      sentences,
      citations,
    };
    vi.spyOn(core, 'ask').mockReturnValue(huge);
    const { message } = await run(fake.chatInput('ask', [question('Tell me everything about Engage')]));

    expect(message.embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embeds);
    const total = message.embeds.reduce((sum: number, e: any) => sum + embedTextLength(e), 0);
    expect(total).toBeLessThanOrEqual(EMBED_LIMITS.total);
    const embed = message.embeds[0];
    expect(embed.description.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(embed.fields.length).toBeGreaterThan(0);
    expect(embed.fields.length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    embed.fields.forEach((field: any, i: number) => {
      expect(field.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
      expect(field.name).toBe(`[${i + 1}] HMICFRS · March 2023`);
      expect(field.value).toContain(`(${citations[i]!.url})`); // the link is whole
    });
    expect(embed.footer.text).toMatch(new RegExp(`^(Newest record|As of) 12 August 2025.* · \\+${60 - embed.fields.length} more sources$`));
  });

  it('when the core throws, the user gets an apology with no stack trace, and the log gets the details', async () => {
    vi.spyOn(core, 'ask').mockImplementation(() => {
      throw new Error('kaboom in the index');
    });
    const { message } = await run(fake.chatInput('ask', [question('Which forces are in Engage?')]));
    const seen = flattenMessage(message);
    expect(seen).toMatch(/Sorry — something went wrong on my side/);
    expect(seen).not.toMatch(/kaboom|Error|at .*\.ts/);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(logger.lines.some((l) => l.includes('answering failed') && l.includes('kaboom in the index') && l.includes('"stack"'))).toBe(true);
  });

  it('survives REST errors on the reply (expired interaction, Discord 500s) and keeps answering', async () => {
    const expired = fake.chatInput('ask', [question('Which forces are in Engage?')]);
    fake.respondWith((r) => r.path.includes(`/interactions/${expired.id}/`), { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    fake.dispatchInteraction(expired);
    await fake.waitForRequest((r) => r.path.includes(`/interactions/${expired.id}/`));

    const broken = fake.chatInput('ask', [question('Which forces are in Engage?')]);
    fake.respondWith((r) => r.path.includes(`/interactions/${broken.id}/`), { status: 500, body: { message: 'oops' } }, 10);
    fake.dispatchInteraction(broken);
    await vi.waitFor(() => expect(logger.lines.some((l) => l.includes('could not send to Discord') && l.includes(broken.id))).toBe(true));
    expect(logger.lines.some((l) => l.includes('interaction expired') && l.includes(expired.id))).toBe(true);
    // The REST client retries a 5xx a few times, but the adapter never answers the same interaction by another route.
    expect(fake.requestsTo(broken.token).every((r) => r.path.endsWith('/callback'))).toBe(true);

    const { callback } = await run(fake.chatInput('ask', [question('Which forces are in Engage?')]));
    expect(callback.body.type).toBe(4);
  });

  it('survives a gateway disconnect: logs it, resumes the session and keeps answering', async () => {
    await vi.waitFor(() => expect(fake.heartbeats).toBeGreaterThan(0), { timeout: 2_000 }); // heartbeats are ACKed
    fake.dropGatewayConnections(4000);
    await vi.waitFor(() => expect(fake.resumes.length).toBe(1), { timeout: 5_000 });
    await fake.waitForConnections(1);
    expect(fake.resumes[0]).toMatchObject({ token: FAKE_TOKEN, session_id: 'fake-session-1' });
    expect(logger.lines.some((l) => l.includes('gateway disconnected; reconnecting'))).toBe(true);

    const { callback } = await run(fake.chatInput('ask', [question('Which forces are in Engage?')]));
    expect(callback.body.type).toBe(4);
    expect(fake.identifies).toHaveLength(1); // resumed, not re-identified
  });
});

describe('Discord adapter start-up', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('reports a rejected token as a configuration problem instead of crashing', async () => {
    fake.respondWith((r) => r.path === '/api/v10/gateway/bot', { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const logger = createMemoryLogger();
    const adapter = createDiscordAdapter({ config, core: createFakeCore(), logger, restApi: fake.restApi });
    const failure = await adapter.start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(OversightError);
    expect((failure as OversightError).code).toBe('CONFIG_INVALID');
    expect((failure as OversightError).describe()).toMatch(/DISCORD_TOKEN/);
    await adapter.stop(); // safe after a failed start
    expect(fake.identifies).toHaveLength(0);
  });

  it('gives up with a clear error when the gateway never becomes ready, leaving no connection open', async () => {
    const hanging = await FakeDiscord.start({ sendReady: false });
    try {
      const adapter = createDiscordAdapter({ config, core: createFakeCore(), logger: createMemoryLogger(), restApi: hanging.restApi, readyTimeoutMs: 300 });
      await expect(adapter.start()).rejects.toThrow(/Could not connect to Discord: the Discord gateway did not become ready within 300 ms/);
      expect(hanging.identifies).toHaveLength(1);
      await vi.waitFor(() => expect(hanging.gatewaySockets()).toHaveLength(0));
      // No zombie: @discordjs/ws would reconnect 500 ms after a destroy during the READY wait.
      await new Promise((r) => setTimeout(r, 800));
      expect(hanging.gatewayUrls).toHaveLength(1);
      expect(hanging.identifies).toHaveLength(1);
      await adapter.stop();
    } finally {
      await hanging.close();
    }
  });

  it('can stop before starting, stop twice, and start again on a fresh connection', async () => {
    const adapter = createDiscordAdapter({ config, core: createFakeCore(), logger: createMemoryLogger(), restApi: fake.restApi });
    await adapter.stop();
    await adapter.start();
    await adapter.stop();
    await adapter.stop();
    expect(fake.readyConnections).toBe(0);
    await adapter.start();
    await fake.waitForConnections(1);
    await adapter.stop();
  });
});

describe('registerDiscordCommands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('PUTs the command definitions to the guild route when DISCORD_GUILD_ID is set', async () => {
    const logger = createMemoryLogger();
    await registerDiscordCommands({ config: { ...config, guildId: FAKE_GUILD_ID }, logger, restApi: fake.restApi });
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/api/v10/applications/${FAKE_APPLICATION_ID}/guilds/${FAKE_GUILD_ID}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${FAKE_TOKEN}`);
    expect(put.body).toEqual(commandDefinitions());
    expect(put.body[0].name).toBe('oversight');
    expect(put.body[0].options.map((o: any) => o.name)).toEqual(['ask', 'engage', 'help', 'timeline', 'alerts']);
    expect(logger.lines.some((l) => l.includes('commands registered'))).toBe(true);
  });

  it('PUTs to the global route without a guild id', async () => {
    await registerDiscordCommands({ config, logger: createMemoryLogger(), restApi: fake.restApi });
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.at(-1)!.path).toBe(`/api/v10/applications/${FAKE_APPLICATION_ID}/commands`);
  });

  it('explains a refusal in terms of what to fix', async () => {
    fake.respondWith((r) => r.method === 'PUT', { status: 403, body: { message: 'Missing Access', code: 50001 } });
    const error = await registerDiscordCommands({ config: { ...config, guildId: FAKE_GUILD_ID }, logger: createMemoryLogger(), restApi: fake.restApi }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OversightError);
    expect((error as OversightError).describe()).toMatch(/applications\.commands/);
  });
});
