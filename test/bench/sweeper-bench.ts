/**
 * The sweeper on a backlog of due alerts (as after a Slack outage): DynamoDB Local (fresh, in
 * memory), the real delivery store and team settings, and the fake Slack Web API on loopback
 * reached through the real Web API client. Seeds the alerts, times one sweep, and checks that every
 * alert was posted exactly once, in queue order within each channel, with each team's settings
 * read once.
 *
 *   node test/bench/sweeper-bench.ts [--alerts 1000] [--teams 10] [--runs 1]
 *
 * Target: 1 000 due alerts delivered in under 5 s.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { AlertDeliverer } from '../../functions/alerts/delivery.ts';
import { createWebClient, webApiPoster } from '../../functions/alerts/slack-web-api.ts';
import { AlertDeliveryStore } from '../../functions/episodes/alert-delivery-store.ts';
import { OverdueVitalsMonitor } from '../../functions/episodes/overdue-vitals.ts';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import { TeamSettingsService } from '../../functions/episodes/team-settings.ts';
import { TeamSettingsRepository } from '../../functions/episodes/team-settings-repository.ts';
import { LOCAL_AWS, startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { ensureEpisodesTable } from '../../functions/local/table-bootstrap.ts';
import { sweep } from '../../functions/sweeper/sweep.ts';
import {
  benchChannelOf,
  configureTeams,
  countingTeamReads,
  seedDueAlerts,
  startLoopbackSlack,
} from '../support/due-alerts.ts';

const { values } = parseArgs({
  options: {
    alerts: { type: 'string', default: '1000' },
    teams: { type: 'string', default: '10' },
    runs: { type: 'string', default: '1' },
  },
});
const ALERTS = Number(values.alerts);
const TEAMS = Number(values.teams);
const RUNS = Number(values.runs);
const TARGET_MS = 5000;

const dynamo = await startDynamoDbLocal();
/** DynamoDB Local's CPU time so far (user + system, from /proc on Linux; NaN elsewhere). */
const emulatorCpuMs = (): number => {
  try {
    const fields =
      readFileSync(`/proc/${String(dynamo.process.pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    // utime and stime are the 12th and 13th fields after the command name, in clock ticks (100 a second).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
};
const slack = await startLoopbackSlack();
const failures: string[] = [];
try {
  for (let run = 1; run <= RUNS; run += 1) {
    const raw = new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint });
    const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
    const tableName = `bench-sweeper-${String(run)}`;
    await ensureEpisodesTable(raw, tableName);
    const teams = Array.from({ length: TEAMS }, (_, i) => `hem-${String(i + 1)}`);
    const store = countingTeamReads(new TeamSettingsRepository(client, tableName));
    await configureTeams(new TeamSettingsService(store), teams);
    store.teamReads.length = 0;
    const seeded = await seedDueAlerts(client, tableName, {
      count: ALERTS,
      teams,
      raisedAt: new Date(Date.now() - 10 * 60_000),
    });
    const repository = new EpisodeRepository(client, tableName);
    const deliverer = new AlertDeliverer({
      store: new AlertDeliveryStore(client, tableName),
      settings: new TeamSettingsService(store),
      slack: webApiPoster(createWebClient('xoxb-bench', slack.apiUrl)),
      renotifyMinutes: 15,
    });
    const before = slack.api.calls().at(-1)?.seq ?? 0;

    const cpuBefore = { node: process.cpuUsage(), emulator: emulatorCpuMs() };
    const started = performance.now();
    const result = await sweep(
      {
        repository,
        deliverer,
        monitor: new OverdueVitalsMonitor({ repository, newId: monotonicFactory() }),
        log: (level, message, details) => {
          if (level !== 'info') console.error(level, message, details);
        },
      },
      new Date(),
    );
    const ms = performance.now() - started;
    const nodeCpu = process.cpuUsage(cpuBefore.node);
    const emulatorCpu = emulatorCpuMs() - cpuBefore.emulator;

    const posts = slack.api.calls().filter((c) => c.seq > before && c.method === 'chat.postMessage');
    const texts = posts.map((c) => JSON.stringify(c.args.blocks));
    const duplicates = texts.length - new Set(texts).size;
    // Within a channel, alerts are posted in the order they were raised (the queue's order).
    const outOfOrder = teams.filter((team) => {
      const order = seeded.filter((a) => a.team === team).map((a) => a.id);
      const postedOrder = posts
        .filter((c) => c.args.channel === benchChannelOf(team))
        .map((c) => order.find((id) => JSON.stringify(c.args.blocks).includes(id)));
      return JSON.stringify(postedOrder) !== JSON.stringify(order);
    });
    console.log(
      [
        `run ${String(run)}: ${String(ALERTS)} due alerts over ${String(TEAMS)} team channel(s)`,
        `  sweep            ${ms.toFixed(0)} ms (${((ALERTS / ms) * 1000).toFixed(0)} alerts/s; target < ${String(TARGET_MS)} ms)`,
        `  result           ${JSON.stringify(result)}`,
        `  CPU              this process ${((nodeCpu.user + nodeCpu.system) / 1000).toFixed(0)} ms (the sweep and the fake Slack API), DynamoDB Local ${Number.isNaN(emulatorCpu) ? 'unknown' : `${emulatorCpu.toFixed(0)} ms`} (2 cores: ${(2 * ms).toFixed(0)} ms available)`,
        `  chat.postMessage ${String(posts.length)} (duplicates ${String(duplicates)})`,
        `  settings reads   ${String(store.teamReads.length)} (teams ${String(TEAMS)})`,
        `  channel order    ${outOfOrder.length === 0 ? 'as raised' : `out of order in ${outOfOrder.join(', ')}`}`,
      ].join('\n'),
    );
    if (result.delivered !== ALERTS || posts.length !== ALERTS || duplicates > 0)
      failures.push(`run ${String(run)}: not every alert posted exactly once`);
    if (ms >= TARGET_MS) failures.push(`run ${String(run)}: ${ms.toFixed(0)} ms ≥ ${String(TARGET_MS)} ms`);
    raw.destroy();
  }
} finally {
  await slack.close();
  await dynamo.stop();
}
if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exitCode = 1;
}
