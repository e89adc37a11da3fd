// The operator's `oversight alerts …` commands: status (subscriptions; pending, sent and failed
// deliveries; feeds), preview (what the current knowledge change would announce, without sending
// anything), and subscribe/unsubscribe for a channel by id. Works on the same SQLite file as the
// running bot (WAL lets both use it at once). Gets config and knowledge from the composition root;
// never reads the environment and never imports a chat adapter.

import type { KnowledgeData } from '../../knowledge/schema.ts';
import { isPlatform, type Alert, type Platform } from '../../src/alerts/alert-types.ts';
import { createAlertsService } from '../../src/alerts/alerts-service.ts';
import { createAlertStore, type AlertStore, type StoreStatus } from '../../src/alerts/store.ts';
import type { AppConfig } from '../../src/config.ts';
import { formatDate } from '../../src/dates.ts';
import { OversightError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { parseCommandArgs } from './args.ts';

export const ALERTS_USAGE = `Usage:
  oversight alerts status [--json]        subscriptions; pending, sent and failed deliveries; news feeds
  oversight alerts preview [--json]       what the current knowledge change would announce (sends nothing)
  oversight alerts subscribe --platform slack|discord --channel ID [--topic T]
  oversight alerts unsubscribe --platform slack|discord --channel ID [--topic T]
      T: "engage" (default: every move into or out of Engage), a force or service name, or "all"`;


export interface AlertsCliDeps {
  config: Pick<AppConfig, 'dataDir'>;
  loadKnowledge: () => KnowledgeData;
  io: { out: (text: string) => void; err: (text: string) => void };
  logger: Logger;
}

/** Runs `oversight alerts <args>`; resolves to the exit code. Usage problems throw USAGE. */
export async function runAlertsCli(args: string[], deps: AlertsCliDeps): Promise<number> {
  const [sub, ...rest] = args;
  const flags = parseFlags(rest);
  switch (sub) {
    case 'status':
      return withStore(deps, (store) => status(store, flags.has('json'), deps));
    case 'preview':
      return withStore(deps, (store) => preview(store, flags.has('json'), deps));
    case 'subscribe':
    case 'unsubscribe': {
      // Checked before the store is opened: a typo must not create DATA_DIR/oversight.db.
      const target = changeTarget(flags);
      return withStore(deps, (store) => change(sub, store, target, flags, deps));
    }
    default:
      throw new OversightError('USAGE', sub ? `Unknown alerts command "${sub}".\n\n${ALERTS_USAGE}` : ALERTS_USAGE);
  }
}

function withStore(deps: AlertsCliDeps, work: (store: AlertStore) => number): number {
  const store = createAlertStore({ dataDir: deps.config.dataDir });
  try {
    return work(store);
  } finally {
    store.close();
  }
}

function status(store: AlertStore, json: boolean, { io }: AlertsCliDeps): number {
  const s = store.status();
  if (json) {
    io.out(JSON.stringify(s, null, 2));
    return 0;
  }
  io.out(`Alerts database: ${s.path}`);
  io.out(`Announced knowledge revision: ${s.announcedRevision ?? 'none yet (the next start records a baseline and sends nothing)'}`);
  io.out('');
  io.out(formatSubscriptions(s));
  io.out('');
  io.out('Deliveries:');
  for (const platform of ['slack', 'discord'] as Platform[]) {
    const d = s.deliveries[platform];
    io.out(`  ${platform.padEnd(8)} pending ${d.pending}   sent ${d.sent}   failed ${d.failed}`);
  }
  if (s.retrying.length > 0) {
    io.out('  Being retried:');
    for (const r of s.retrying) io.out(`    ${r.platform} ${r.channelId}  ${r.alertId}  attempts ${r.attempts}, next ${new Date(r.nextAttemptAt).toISOString()}: ${r.error ?? ''}`);
  }
  if (s.recentFailures.length > 0) {
    io.out('  Recent failures:');
    for (const f of s.recentFailures) io.out(`    ${f.platform} ${f.channelId}  ${f.alertId}  ${f.at ?? ''}: ${f.error ?? ''}`);
  }
  io.out('');
  io.out(`Alerts stored: ${s.alerts}`);
  if (s.feeds.length > 0) {
    io.out('News feeds:');
    for (const f of s.feeds) {
      io.out(`  ${f.url}  last checked ${f.lastCheckedAt ?? 'never'}${f.baselineAt ? '' : ' (no baseline yet)'}${f.lastError ? `  — last error: ${f.lastError}` : ''}`);
    }
  }
  return 0;
}

function formatSubscriptions(s: StoreStatus): string {
  const active = s.subscriptions.filter((x) => x.status === 'active').length;
  const disabled = s.subscriptions.length - active;
  if (s.subscriptions.length === 0) return 'Subscriptions: none';
  const lines = [`Subscriptions (${active} active${disabled ? `, ${disabled} disabled` : ''}):`];
  for (const x of s.subscriptions) {
    const state = x.status === 'active' ? 'active' : `DISABLED — ${x.disabledReason ?? 'no reason recorded'}`;
    lines.push(`  ${x.platform.padEnd(8)} ${x.channelId.padEnd(20)} ${x.label.padEnd(40)} ${state}  (since ${x.createdAt.slice(0, 10)}${x.createdBy ? ` by ${x.createdBy}` : ''})`);
  }
  return lines.join('\n');
}

function preview(store: AlertStore, json: boolean, deps: AlertsCliDeps): number {
  const knowledge = deps.loadKnowledge();
  const service = createAlertsService({ store, logger: deps.logger, knowledge, senders: {} });
  const p = service.preview();
  if (json) {
    deps.io.out(JSON.stringify(p, null, 2));
    return 0;
  }
  if (p.baseline) {
    deps.io.out(`No knowledge revision has been announced yet. The next start records the current knowledge (revision ${p.revision}) as the baseline and sends nothing.`);
    return 0;
  }
  if (p.announcedRevision === p.revision) {
    deps.io.out(`Nothing to announce: the knowledge (revision ${p.revision}) is what was last announced.`);
    return 0;
  }
  if (p.alerts.length === 0) {
    deps.io.out(`The knowledge changed (revision ${p.announcedRevision} → ${p.revision}), but nothing in the change is an alert (no new, corrected or withdrawn status event or newsworthy fact).`);
    return 0;
  }
  deps.io.out(`The knowledge changed (revision ${p.announcedRevision} → ${p.revision}). The next start, or the running bot within seconds, would announce ${p.alerts.length} alert(s):`);
  for (const { alert, channels } of p.alerts) {
    deps.io.out('');
    deps.io.out(formatAlert(alert));
    deps.io.out(`  → ${channels} subscribed channel${channels === 1 ? '' : 's'}`);
  }
  return 0;
}

/** An alert as plain text for the terminal: title, text with markers, then its sources. */
export function formatAlert(alert: Alert): string {
  const lines = [`[${alert.kind}] ${alert.title}`, `  ${alert.text}`];
  for (const c of alert.citations) {
    const details = [c.publisher ?? 'publisher not verified', c.published ? formatDate(c.published) : null, c.locator].filter(Boolean).join(', ');
    lines.push(`  [${c.n}] ${c.title} — ${details}${c.url ? ` <${c.url}>` : ''}`);
  }
  return lines.join('\n');
}

/** The platform and channel of a subscribe/unsubscribe, validated; throws USAGE. */
function changeTarget(flags: Map<string, string>): { platform: Platform; channel: string } {
  const platform = flags.get('platform');
  const channel = flags.get('channel');
  if (!platform || !isPlatform(platform)) throw new OversightError('USAGE', `--platform must be slack or discord.\n\n${ALERTS_USAGE}`);
  if (!channel) throw new OversightError('USAGE', `--channel is required: the channel's id.\n\n${ALERTS_USAGE}`);
  const looksRight = platform === 'slack' ? /^[CG][A-Z0-9]{6,}$/.test(channel) : /^\d{17,20}$/.test(channel);
  if (!looksRight) {
    throw new OversightError(
      'USAGE',
      platform === 'slack'
        ? `"${channel}" does not look like a Slack channel id (e.g. C0123ABCDEF: open the channel's details, the id is at the bottom).`
        : `"${channel}" does not look like a Discord channel id (17–20 digits: turn on Developer Mode, right-click the channel → Copy Channel ID).`,
    );
  }
  return { platform, channel };
}

function change(action: 'subscribe' | 'unsubscribe', store: AlertStore, { platform, channel }: { platform: Platform; channel: string }, flags: Map<string, string>, deps: AlertsCliDeps): number {
  const knowledge = deps.loadKnowledge();
  const service = createAlertsService({ store, logger: deps.logger, knowledge, senders: {} });
  const commands = service.commands({
    subscribe: `npx oversight alerts subscribe --platform ${platform} --channel ${channel} --topic`,
    unsubscribe: `npx oversight alerts unsubscribe --platform ${platform} --channel ${channel} --topic`,
    list: 'npx oversight alerts status',
    quoteTopic: true,
  });
  const topic = flags.get('topic');
  const reply = action === 'subscribe' ? commands.subscribe(platform, channel, topic, 'operator (CLI)') : commands.unsubscribe(platform, channel, topic);
  (reply.ok ? deps.io.out : deps.io.err)(`${reply.title}: ${platform} channel ${channel}\n${reply.lines.map((l) => `  ${l}`).join('\n')}`);
  return reply.ok ? 0 : 1;
}

/** "--name value", "--name=value" and bare "--json" flags, through util.parseArgs (strict). */
function parseFlags(args: string[]): Map<string, string> {
  const options = { platform: { type: 'string' }, channel: { type: 'string' }, topic: { type: 'string' }, json: { type: 'boolean' } } as const;
  const { values } = parseCommandArgs(args, options, ALERTS_USAGE);
  return new Map(Object.entries(values).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)] as [string, string]])));
}
