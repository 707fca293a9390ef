/**
 * The local system for the benchmarks, started the way `npm start` starts it (startLocalSystem:
 * the deployed handlers behind the API Gateway v2 adapter, the fake Slack Web API, the stream
 * consumer), with two differences: DynamoDB Local is started first, so long courses can be
 * seeded before the handlers start (the stream consumer starts at the stream's end, so it does
 * not replay the seeding), and the handlers reach DynamoDB Local through a recording proxy
 * (dynamodb-recorder.ts) that counts their calls and the capacity consumed.
 *
 * Everything stops by itself: on return, on error and on Ctrl-C; the DynamoDB Local JVM is
 * checked to be gone.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_AWS, startDynamoDbLocal, type DynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { FAKE_SLACK_PATH } from '../../functions/local/fake-slack-api.ts';
import { LOCAL_SLACK, startLocalSystem, type LocalSystem } from '../../functions/local/local-system.ts';
import { SETTLED_PATH } from '../../functions/local/settled-route.ts';
import { slashCommandBody } from '../../functions/local/slack-requests.ts';
import { ensureEpisodesTable } from '../../functions/local/table-bootstrap.ts';
import { episodesTable } from '../../functions/episodes/table-definition.ts';
import { signedSlackHeaders } from '../../slack-bot/signing.ts';
import { startDynamoRecorder, type DynamoRecorder } from './dynamodb-recorder.ts';
import type { SeedStore } from './seed-course.ts';

/** The team of the local Slack channel and of the local developer token. */
export const BENCH_TEAM = LOCAL_SLACK.team;

export type Timed<T> = { readonly ms: number; readonly status: number; readonly body: T };

export type GraphqlResult = {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { readonly message: string }[];
};

export type BenchSystem = {
  readonly local: LocalSystem;
  readonly recorder: DynamoRecorder;
  /** The table, reached directly (not through the recorder). */
  readonly store: SeedStore;
  /** A GraphQL request with the local clinician's token, timed until the whole answer has arrived. */
  graphql(query: string, variables?: Record<string, unknown>, token?: string): Promise<Timed<GraphqlResult>>;
  /** A signed `/cart <text>` from the local channel, timed until the whole answer has arrived. */
  slack(
    text: string,
    options?: { readonly triggerId?: string; readonly userId?: string },
  ): Promise<Timed<string>>;
  /** Waits until the stream consumer has handled every change made so far. */
  settled(timeoutMs?: number): Promise<boolean>;
};

export type BenchStorage = {
  readonly dynamo: DynamoDbLocal;
  readonly store: SeedStore;
};

/** DynamoDB Local java processes still running that this process started or that use `port`. */
export const strayDynamoDbLocal = (port: string): string[] =>
  execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('DynamoDBLocal'))
    .filter((line) => {
      const [, ppid] = line.trim().split(/\s+/);
      return ppid === String(process.pid) || new RegExp(`-port ${port}(\\s|$)`).test(line);
    });

const timedFetch = async (
  url: string,
  init: RequestInit,
): Promise<{ ms: number; status: number; text: string }> => {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  return { ms: performance.now() - started, status: response.status, text };
};

/**
 * Runs `bench` with DynamoDB Local (`prepare` seeds it first) and then the local system on it,
 * and stops everything afterwards. Returns the process exit code: 1 if DynamoDB Local outlived it.
 */
export const withBenchSystem = async (
  prepare: (storage: BenchStorage) => Promise<void>,
  bench: (system: BenchSystem) => Promise<void>,
): Promise<number> => {
  const scratch = mkdtempSync(join(tmpdir(), 'cart-bench-'));
  process.env.LOCAL_SWEEP_MINUTES = '0';
  process.env.LOCAL_AUTH_KEY_FILE = join(scratch, 'local-auth-key.json');
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const tableName = process.env.TABLE_NAME ?? episodesTable.defaultName;

  let dynamo: DynamoDbLocal | undefined;
  let recorder: DynamoRecorder | undefined;
  let local: LocalSystem | undefined;
  let client: DynamoDBClient | undefined;
  const stop = async (): Promise<void> => {
    await local?.stop();
    await recorder?.close();
    client?.destroy();
    await dynamo?.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the local system and DynamoDB Local`);
    void stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    // A busy machine can take DynamoDB Local a while to start.
    dynamo = await startDynamoDbLocal({ readyTimeoutMs: 120_000 });
    client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint });
    await ensureEpisodesTable(client, tableName);
    const store: SeedStore = { client, tableName };
    await prepare({ dynamo, store });

    recorder = await startDynamoRecorder(dynamo.endpoint);
    local = await startLocalSystem({ port: 0, dynamoDbEndpoint: recorder.endpoint, tableName });
    const started = local;
    const system: BenchSystem = {
      local: started,
      recorder,
      store,
      graphql: async (query, variables = {}, token = started.devToken) => {
        const reply = await timedFetch(`${started.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'accept-language': 'en',
            authorization: `Bearer ${token}`,
          },
          body: JSON.stringify({ query, variables }),
        });
        let body: GraphqlResult;
        try {
          body = JSON.parse(reply.text) as GraphqlResult;
        } catch {
          body = { errors: [{ message: `HTTP ${reply.status}: ${reply.text.slice(0, 300)}` }] };
        }
        return { ms: reply.ms, status: reply.status, body };
      },
      slack: async (text, options = {}) => {
        const body = slashCommandBody({
          text,
          channelId: LOCAL_SLACK.channelId,
          userId: options.userId ?? LOCAL_SLACK.adminUserId,
          responseUrl: `${started.url}${FAKE_SLACK_PATH}/response/${LOCAL_SLACK.channelId}.${randomUUID()}`,
          ...(options.triggerId ? { triggerId: options.triggerId } : {}),
        });
        const reply = await timedFetch(`${started.url}/slack/events`, {
          method: 'POST',
          headers: signedSlackHeaders(started.signingSecret, body),
          body,
        });
        return { ms: reply.ms, status: reply.status, body: reply.text };
      },
      settled: async (timeoutMs = 30_000) => {
        const response = await fetch(`${started.url}${SETTLED_PATH}?timeoutMs=${timeoutMs}`);
        return ((await response.json()) as { settled: boolean }).settled;
      },
    };
    await bench(system);
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    await stop();
  }
  const stray = strayDynamoDbLocal(String(dynamo.port));
  if (stray.length > 0) {
    console.error(`DynamoDB Local still running after stop:\n${stray.join('\n')}`);
    return 1;
  }
  console.log('Stopped: the local system, the recorder and DynamoDB Local (no java process left running).');
  return 0;
};

/** A command's answer is the bot's reply about the episode (a recording is posted in the channel). */
export const slackProblem = (
  reply: { readonly status: number; readonly body: string },
  episodeId: string,
  recording = false,
): string | undefined => {
  const ok =
    reply.status === 200 &&
    reply.body.includes(episodeId) &&
    (!recording || reply.body.includes('"response_type":"in_channel"'));
  return ok ? undefined : `HTTP ${reply.status}: ${reply.body.slice(0, 400)}`;
};

/**
 * DynamoDB Local's own latency: GetItem of an episode head from this process, directly and
 * through the recorder (what the recorder adds to every call the handlers make).
 */
export const getItemBaseline = async (
  system: BenchSystem,
  episodeIds: readonly string[],
  samples: number,
): Promise<{ readonly direct: number[]; readonly recorded: number[] }> => {
  const recordedClient = new DynamoDBClient({ ...LOCAL_AWS, endpoint: system.recorder.endpoint });
  const getHead = (client: DynamoDBClient, episodeId: string) =>
    client.send(
      new GetItemCommand({
        TableName: system.store.tableName,
        Key: { PK: { S: `EP#${episodeId}` }, SK: { S: 'META' } },
        ConsistentRead: true,
      }),
    );
  const direct: number[] = [];
  const recorded: number[] = [];
  try {
    for (let i = 0; i < samples + 5; i += 1) {
      const episodeId = episodeIds[i % episodeIds.length] ?? '';
      for (const [client, into] of [
        [system.store.client, direct],
        [recordedClient, recorded],
      ] as const) {
        const started = performance.now();
        await getHead(client, episodeId);
        if (i >= 5) into.push(performance.now() - started);
      }
    }
  } finally {
    recordedClient.destroy();
  }
  return { direct, recorded };
};
