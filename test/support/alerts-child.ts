// The crash test's child process: the bot's alerts runtime (the same createAlertsRuntime the
// composition root uses, with the real Slack and Discord senders) pointed at the parent's fake
// servers. It announces the knowledge change in its knowledge folder, delivers the outbox until
// nothing is pending, prints DONE and exits. The parent SIGKILLs it mid-fan-out and starts it again.
//
// Usage: node bin/run-ts.js test/support/alerts-child.ts '<json: dataDir, knowledgeDir, slackApiUrl, discordRestApi>'

import { createAlertsRuntime } from '../../adapters/alerts-runtime.ts';
import { loadKnowledge } from '../../src/knowledge-loader.ts';
import { createLogger } from '../../src/logger.ts';

interface ChildArgs {
  dataDir: string;
  knowledgeDir: string;
  slackApiUrl: string;
  discordRestApi: string;
}

// argv: node, bin/run-ts.js, this script, then our JSON.
const args = JSON.parse(process.argv[3] ?? '{}') as ChildArgs;
const logger = createLogger('info', (line) => process.stderr.write(line + '\n'));
const runtime = await createAlertsRuntime({
  config: {
    dataDir: args.dataDir,
    slack: { botToken: 'xoxb-test-token', mode: 'http', signingSecret: 'test-signing-secret-0123456789', port: 0 },
    discord: { token: 'fake-discord-token-for-tests-only.abcdefghijklmnop', applicationId: '111111111111111111' },
    alertFeeds: [],
    alertFeedIntervalSeconds: 3600,
  },
  knowledge: loadKnowledge(args.knowledgeDir),
  logger,
  slackApiUrl: args.slackApiUrl,
  discordRestApi: args.discordRestApi,
});
const check = runtime.start();
process.stdout.write(`CHECK ${check.outcome} ${check.alerts.length} ${check.deliveries}\n`);
await runtime.service.worker.drain(30_000);
await runtime.stop();
process.stdout.write('DONE\n');
