// The contract every chat adapter passes: one suite, run against each adapter's harness with
// the real platform library pointed at a fake server. See slack/discord/cli *.contract.test.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** What an adapter's test harness must offer to run the contract. */
export interface AdapterHarness {
  /** Starts the adapter (and whatever fake platform it talks to). */
  start(): Promise<void>;
  /** Stops the adapter. Must be safe to call twice. */
  stop(): Promise<void>;
  /** Sends `question` as a user would and resolves with the text the user saw (all of it, flattened). */
  ask(question: string): Promise<string>;
  /** Tears down fakes after the suite. */
  dispose(): Promise<void>;
}

export function runAdapterContract(name: string, makeHarness: () => Promise<AdapterHarness>): void {
  describe(`${name} adapter contract`, () => {
    let harness: AdapterHarness;
    beforeAll(async () => {
      harness = await makeHarness();
      await harness.start();
    });
    afterAll(async () => {
      await harness?.stop();
      await harness?.dispose();
    });

    it('answers an Engage question with the answer, an as-of date and a citation', async () => {
      const seen = await harness.ask('which forces are in Engage?');
      expect(seen).toMatch(/Lincolnshire/);
      expect(seen).toMatch(/as of/i);
      expect(seen).toMatch(/HMICFRS|Inspectorate/);
    });

    it('declines an out-of-scope question politely, with suggestions and no error', async () => {
      const seen = await harness.ask('Give me a cake recipe');
      expect(seen).not.toMatch(/error|exception|stack/i);
      expect(seen).toMatch(/\?/); // at least one suggested question
    });

    it('never lets a question ping everyone', async () => {
      const seen = await harness.ask('@everyone @here <!channel> is the Met in Engage?');
      expect(seen).not.toMatch(/(^|[^`\w])@everyone|<!channel>|<!here>|<!everyone>/);
    });

    it('explains an over-long question kindly (checkQuestion\'s message), never as an error', async () => {
      const seen = await harness.ask('Why was the force put in Engage? '.repeat(20));
      expect(seen).toMatch(/under 500/);
      expect(seen).not.toMatch(/error|exception|stack/i);
    });

    it('can be stopped twice and started again', async () => {
      await harness.stop();
      await harness.stop();
      await harness.start();
      const seen = await harness.ask('which forces are in Engage?');
      expect(seen).toMatch(/Lincolnshire/);
    });
  });
}
