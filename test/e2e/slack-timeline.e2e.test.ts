// End-to-end: `/oversight timeline` and "@oversight timeline" with the real Bolt App against the
// fake Slack. The fake must receive files.getUploadURLExternal, the PNG upload, then
// files.completeUploadExternal (in that order) with the sources as text beside the image.

import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCore, FAKE_STAYS } from '../support/fake-core.ts';
import { eventBody, slashCommandBody } from '../support/fake-slack.ts';
import { BOT_USER_ID, startSlackUnderTest, type SlackUnderTest } from '../support/slack-harness.ts';

let slack: SlackUnderTest;

beforeAll(async () => {
  slack = await startSlackUnderTest(createFakeCore());
  await slack.adapter.start();
});

afterAll(async () => {
  await slack?.dispose();
});

const uploadCalls = () => slack.fake.requests.filter((r) => ['/api/files.getUploadURLExternal', '/api/files.completeUploadExternal'].includes(r.path) || r.path.startsWith('/upload/'));

describe('the timeline in Slack', () => {
  it('/oversight timeline uploads the chart in the channel: get URL, upload the PNG, complete with the sources', async () => {
    const before = uploadCalls().length;
    const ack = await slack.sendForm(slashCommandBody({ text: 'timeline', responseUrl: slack.fake.responseUrl('tl-1'), channelId: 'C0NEWSDESK' }));
    expect(ack.status).toBe(200);
    await slack.fake.waitFor((r) => r.path === '/api/files.completeUploadExternal', { timeoutMs: 15_000 });
    const calls = uploadCalls().slice(before);
    expect(calls.map((r) => (r.path.startsWith('/upload/') ? 'upload' : r.path))).toEqual(['/api/files.getUploadURLExternal', 'upload', '/api/files.completeUploadExternal']);

    const [getUrl, upload, complete] = calls as [typeof calls[0], typeof calls[0], typeof calls[0]];
    expect(getUrl.body.filename).toBe('engage-timeline.png');
    expect(Number(getUrl.body.length)).toBe(upload.file!.length);
    const image = PNG.sync.read(upload.file!);
    expect(image.width).toBeGreaterThan(1000);

    expect(complete.body.channel_id).toBe('C0NEWSDESK');
    const files = complete.body.files as { id: string; title: string }[];
    expect(files[0]!.id).toBe(upload.path.slice('/upload/'.length));
    expect(files[0]!.title).toMatch(/in HMICFRS Engage/);
    const blocks = JSON.stringify(complete.body.blocks);
    expect(blocks).toContain('As of 12 August 2025, the newest record held.');
    expect(blocks).toContain('Lincolnshire Police: move to enhanced phase of monitoring');
    expect(blocks).toContain(FAKE_STAYS.citations[0]!.url!);
    // No private reply when the chart went up.
    expect(slack.fake.calls('/response/tl-1')).toHaveLength(0);
  });

  it('answers bad options privately and uploads nothing', async () => {
    const before = uploadCalls().length;
    const { response } = await slack.slash('timeline bananas');
    expect(response.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(response.body.blocks)).toContain('I don\'t know \\"bananas\\" for a timeline');
    expect(uploadCalls().length).toBe(before);
  });

  it('says privately, without a trace, when the bot is not in the channel', async () => {
    slack.fake.answer('files.completeUploadExternal', { ok: false, error: 'not_in_channel' });
    try {
      const { response } = await slack.slash('timeline police');
      expect(JSON.stringify(response.body.blocks)).toContain('invite me to this channel');
    } finally {
      slack.fake.answer('files.completeUploadExternal', { ok: true, files: [] });
    }
  });

  it('"@oversight timeline fire" uploads into the thread of the mention', async () => {
    const ts = '1700000999.000100';
    const before = uploadCalls().length;
    await slack.sendJson(eventBody({ type: 'app_mention', user: 'U0REPORTER', text: `<@${BOT_USER_ID}> timeline fire`, ts, channel: 'C0NEWSROOM', event_ts: ts }, 'EvTIMELINE1'));
    await slack.fake.waitFor((r) => r.path === '/api/files.completeUploadExternal' && r.body.thread_ts === ts, { timeoutMs: 15_000 });
    const complete = uploadCalls().slice(before).find((r) => r.path === '/api/files.completeUploadExternal')!;
    expect(complete.body.channel_id).toBe('C0NEWSROOM');
    expect(JSON.stringify(complete.body.blocks)).toContain('Fire and rescue services in HMICFRS Engage');
  });
});
