import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';

type WriteRequests = NonNullable<BatchWriteCommandInput['RequestItems']>[string];
import { monotonicFactory } from 'ulid';
import { collectEscalations, type EscalationTrigger } from '#rules';
import { alertRecord, type WriteContext } from '../../functions/episodes/record-builder.ts';
import type { AlertRecord } from '../../functions/episodes/records.ts';
import type { TeamSettingsService, TeamSettingsStore } from '../../functions/episodes/team-settings.ts';
import {
  createFakeSlackApi,
  FAKE_SLACK_PATH,
  type FakeSlackApi,
} from '../../functions/local/fake-slack-api.ts';

/**
 * A backlog of alerts due in the sweeper's `ALERT#OPEN` queue (as after a Slack outage), written
 * straight to the table as the episode service writes them, and the fake Slack Web API served on
 * loopback: what the sweeper benchmark and its integration test deliver.
 */

/** CRS rising 1 → 3 fires ESC-CRS3 (critical); 0 → 2 fires ESC-CRS2 (urgent). */
const TRIGGERS: readonly EscalationTrigger[] = [
  ...collectEscalations({ crsGrades: { previousGrade: 1, currentGrade: 3 } }).slice(0, 1),
  ...collectEscalations({ crsGrades: { previousGrade: 0, currentGrade: 2 } }).slice(0, 1),
];

export const benchChannelOf = (team: string): string =>
  `C0${team.toUpperCase().replace(/[^A-Z0-9]/g, '')}`.slice(0, 20);

export type DueAlertsPlan = {
  readonly count: number;
  readonly teams: readonly string[];
  /** When the alerts were raised (they are due two minutes later). */
  readonly raisedAt: Date;
  /** Alerts per episode (each episode's alerts belong to one team). */
  readonly perEpisode?: number;
};

/**
 * Writes `count` alerts, PENDING and due, spread round-robin over the teams' episodes (critical and
 * urgent alternating), 25 per BatchWriteItem. Returns them in the order they were written.
 */
export const seedDueAlerts = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  plan: DueAlertsPlan,
): Promise<AlertRecord[]> => {
  const newId = monotonicFactory();
  const perEpisode = plan.perEpisode ?? 2;
  const alerts: AlertRecord[] = [];
  for (let i = 0; i < plan.count; i += 1) {
    const episodeNumber = Math.floor(i / perEpisode) + 1;
    const team = plan.teams[(episodeNumber - 1) % plan.teams.length] ?? 'hem-a';
    const trigger = TRIGGERS[i % TRIGGERS.length];
    if (!trigger) throw new Error('no escalation trigger fired');
    const context: WriteContext = {
      episodeId: `EP-${episodeNumber}`,
      // One millisecond apart, so the queue's order is the order written.
      now: new Date(plan.raisedAt.getTime() + i).toISOString(),
      author: { userId: 'system:seed', role: 'clinician', via: 'system' },
      newId: () => newId(),
    };
    alerts.push(alertRecord(trigger, newId(), team, context));
  }
  for (let start = 0; start < alerts.length; start += 25) {
    let requests: WriteRequests | undefined = alerts
      .slice(start, start + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    while (requests && requests.length > 0) {
      const result: BatchWriteCommandOutput = await client.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
      );
      requests = result.UnprocessedItems?.[tableName];
    }
  }
  return alerts;
};

/** Maps each team to its own channel (an administrator's `/cart setup`), English, with an on-call group. */
export const configureTeams = async (
  settings: TeamSettingsService,
  teams: readonly string[],
): Promise<void> => {
  for (const team of teams)
    await settings.configure(
      { userId: 'U0ADMIN', admin: true },
      { team, channelId: benchChannelOf(team), oncallUserGroupId: 'S0ONCALL1', language: 'en' },
    );
};

/** A settings store whose reads by team are counted (the rest passes through). */
export const countingTeamReads = (
  store: TeamSettingsStore,
): TeamSettingsStore & { readonly teamReads: string[] } => {
  const teamReads: string[] = [];
  return {
    teamReads,
    byTeam: (team) => {
      teamReads.push(team);
      return store.byTeam(team);
    },
    byChannel: (channelId) => store.byChannel(channelId),
    byChannels: (ids) => store.byChannels(ids),
    save: (next, previous) => store.save(next, previous),
  };
};

export type LoopbackSlack = {
  readonly api: FakeSlackApi;
  /** The Web API base URL (`slackApiUrl` of a WebClient). */
  readonly apiUrl: string;
  close(): Promise<void>;
};

/** The fake Slack Web API on a loopback port. */
export const startLoopbackSlack = async (): Promise<LoopbackSlack> => {
  const api = createFakeSlackApi();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void api.route(request, Buffer.concat(chunks), response).then((handled) => {
        if (!handled) {
          response.writeHead(404);
          response.end();
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    api,
    apiUrl: `http://127.0.0.1:${port}${FAKE_SLACK_PATH}/api/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
};

/** Makes the loopback Slack fail the next matching calls (see fake-slack-api.ts). */
export const injectSlackFailure = async (
  slack: LoopbackSlack,
  failure: { method?: string; channel?: string; count: number; status: number | string; retryAfter?: number },
): Promise<void> => {
  const response = await fetch(slack.apiUrl.replace(/\/api\/$/, '/control/failures'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(failure),
  });
  if (!response.ok) throw new Error(`fake Slack refused the failure: ${String(response.status)}`);
};
