// End-to-end with the real discord.js Client against the fake Discord: `/oversight timeline`
// attaches the chart PNG to the reply (a multipart body with payload_json and the file), and a
// private answer's "Post to channel" button posts that answer for everyone, once.

import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.ts';
import type { ChatAdapter } from '../../src/chat-adapter.ts';
import type { DiscordConfig } from '../../src/config.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { CITED_ANSWER, createFakeCore, FAKE_STAYS } from '../support/fake-core.ts';
import { FAKE_APPLICATION_ID, FAKE_TOKEN, FAKE_USER_ID, FakeDiscord, flattenMessage } from '../support/fake-discord.ts';

const EPHEMERAL = 1 << 6;
const config: DiscordConfig = { token: FAKE_TOKEN, applicationId: FAKE_APPLICATION_ID };

describe('Discord: the timeline chart and sharing private answers', () => {
  let fake: FakeDiscord;
  let adapter: ChatAdapter;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    adapter = createDiscordAdapter({ config, core: createFakeCore(), logger: createMemoryLogger(), restApi: fake.restApi });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  async function run(interaction: any) {
    fake.dispatchInteraction(interaction);
    return fake.responseTo(interaction, 15_000);
  }

  it('/oversight timeline replies with the PNG as a multipart attachment and the sources beside it', async () => {
    const { callback, edit } = await run(fake.chatInput('timeline'));
    const sent = edit ?? callback;
    expect(String(sent.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    const files = sent.body.files as { name: string; filename: string; data: Buffer; contentType?: string }[];
    expect(files).toHaveLength(1);
    expect(files[0]!.filename).toBe('engage-timeline.png');
    const image = PNG.sync.read(files[0]!.data);
    expect(image.width).toBeGreaterThan(1000);
    const message = edit ? sent.body : sent.body.data;
    // discord.js names the part files[0] and lists it as attachment 0 in payload_json.
    expect(files[0]!.name).toBe('files[0]');
    expect(message.attachments).toEqual([expect.objectContaining({ id: '0' })]);
    const [embed] = message.embeds;
    expect(embed.image.url).toBe('attachment://engage-timeline.png');
    expect(embed.title).toMatch(/in HMICFRS Engage/);
    expect(embed.description).toContain('**Sources**');
    expect(embed.description).toContain(`(${FAKE_STAYS.citations[0]!.url})`);
    expect(embed.footer.text).toBe('As of 12 August 2025, the newest record held.');
    expect(message.flags ?? 0).toBe(0);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('refuses years outside the records privately, with no attachment', async () => {
    const { callback, edit } = await run(fake.chatInput('timeline', [{ name: 'from', type: 4, value: 2030 }]));
    const message = edit ? edit.body : callback.body.data;
    expect(flattenMessage(message)).toContain('The records run from 2019 to 2025; 2030 is outside them.');
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect((edit ?? callback).body.files).toBeUndefined();
  });

  it('a private answer carries "Post to channel"; clicking it posts the same answer publicly, once', async () => {
    const { callback } = await run(fake.chatInput('ask', [{ name: 'question', type: 3, value: 'Which forces are in Engage?' }, { name: 'private', type: 5, value: true }]));
    const data = callback.body.data;
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const button = data.components?.[0]?.components?.[0];
    expect(button).toMatchObject({ type: 2, label: 'Post to channel', style: 1 });
    expect(button.custom_id.length).toBeLessThanOrEqual(100);

    const click = fake.button(button.custom_id, { embeds: data.embeds, components: data.components });
    fake.dispatchInteraction(click);
    const update = await fake.waitForRequest((r) => r.path === `/api/v10/interactions/${click.id}/${click.token}/callback`);
    expect(update.body.type).toBe(7); // UPDATE_MESSAGE: the private copy loses its button
    expect(update.body.data.components).toEqual([]);
    const post = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${FAKE_APPLICATION_ID}/${click.token}`);
    expect(post.body.flags ?? 0).toBe(0);
    expect(post.body.content).toBe(`<@${FAKE_USER_ID}> shared this answer:`);
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(post.body.embeds[0].description).toBe(CITED_ANSWER.text);

    // A second click on the same button (a stale client) shares nothing twice.
    const again = fake.button(button.custom_id);
    const { callback: second } = await run(again);
    expect(second.body.type).toBe(4);
    expect(second.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(second.body.data.content).toMatch(/no longer have that answer/);
  });

  it('a public answer stays as it was: no button', async () => {
    const { callback } = await run(fake.chatInput('ask', [{ name: 'question', type: 3, value: 'Which forces are in Engage?' }]));
    expect(callback.body.data.components ?? []).toEqual([]);
  });
});
