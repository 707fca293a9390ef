/**
 * Cold starts of the Lambda handlers exactly as bundled (infra/lambda-bundling.ts), to their first
 * answer, beside a hello-world handler bundled the same way: every run spawns a fresh `node`
 * process that imports one bundle and calls its handler once with the API Gateway v2 event the
 * deployed route builds, with the deployed function's environment (prod stage; the source map
 * beside the bundle, read only to describe an error).
 * The cases take turns within each round (the order rotates), so a busy moment of the machine
 * falls on all of them alike. DynamoDB calls go to a DynamoDB Local started here, with one seeded
 * episode. The Slack credentials and the bot's ids are given as plain variables: deployed, the
 * first command also waits for one Secrets Manager read and, unless SLACK_BOT_USER_ID and
 * SLACK_BOT_ID are set, one auth.test call to Slack.
 *
 *   node test/bench/cold-start-bench.ts [--rounds 15] [--profile gradeCrs|episodeRead|slackHelp|hello]
 *
 * --profile adds one cold start of that case under `--cpu-prof` and prints its self time by owner
 * (package, repository folder, or V8's own buckets such as garbage collection).
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { createEpisodeService } from '../../functions/episodes/create-service.ts';
import { createGraphQLServer } from '../../functions/graphql/yoga.ts';
import { LOCAL_AWS, startDynamoDbLocal, type DynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { eventFromRequest } from '../../functions/local/http-api-event.ts';
import { ensureEpisodesTable } from '../../functions/local/table-bootstrap.ts';
import { configuredEnvironment } from '../../infra/config/function-environment.ts';
import { parseStageConfig } from '../../infra/config/stage-config.ts';
import type { LambdaId } from '../../infra/lambda-bundling.ts';
import { signedSlackHeaders } from '../../slack-bot/signing.ts';
import { newEpisodeInput } from '../support/episodes.ts';
import {
  invokeInFreshProcess,
  writeBundle,
  type FreshProcessRun,
  type WrittenBundle,
} from '../tools/bundle-size.ts';
import { summariseProfile } from './cpu-profile-summary.ts';
import { schema } from '../../schema/index.ts';

const caseIds = ['hello', 'gradeCrs', 'episodeRead', 'slackHelp'] as const;
type CaseId = (typeof caseIds)[number];

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    profile: { type: 'string' },
  },
});
const ROUNDS = Number(values.rounds);
const PROFILE = values.profile as CaseId | undefined;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1)
  throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);
if (PROFILE !== undefined && !caseIds.includes(PROFILE))
  throw new Error(`--profile must be one of ${caseIds.join(', ')}, got ${PROFILE}`);

/** Cold start to first answer, as a multiple of the hello-world handler's. */
const TARGET_RATIO: Readonly<Partial<Record<CaseId, number>>> = { gradeCrs: 4, episodeRead: 5, slackHelp: 4 };

const TABLE_NAME = 'cart-cold-start-bench';
const SIGNING_SECRET = `bench-${randomUUID()}`;
const TEAM = 'hem-a';
const CLINICIAN_CLAIMS = { sub: 'bench-clinician', 'cognito:groups': `[role:clinician team:${TEAM}]` };

// ------------------------------------------------------------------ the deployed environment

const prodConfig = parseStageConfig(
  'prod',
  (
    JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
      context: { stages: { prod: unknown } };
    }
  ).context.stages.prod,
);

/**
 * What infra/constructs/cart-function.ts (and the table and GraphQL constructs) give the function
 * on the prod stage, plus the variables Lambda itself sets; the table is DynamoDB Local's.
 */
const functionEnvironment = (lambdaId: LambdaId, dynamo: DynamoDbLocal): Record<string, string> => ({
  AWS_REGION: LOCAL_AWS.region,
  AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
  AWS_LAMBDA_FUNCTION_NAME: `cart-${lambdaId}`,
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
  STAGE: prodConfig.stage,
  LOG_LEVEL: prodConfig.logLevel,
  POWERTOOLS_SERVICE_NAME: `cart-${lambdaId}`,
  ...configuredEnvironment(prodConfig, lambdaId),
  ...(lambdaId === 'graphql' || lambdaId === 'publicGraphql' ? { GRAPHQL_MODE: prodConfig.graphqlMode } : {}),
  ...(lambdaId === 'publicGraphql' ? {} : { TABLE_NAME, DYNAMODB_ENDPOINT: dynamo.endpoint }),
});

// ------------------------------------------------------------------ events

type RequestShape = {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly claims?: Record<string, string>;
};

/** The API Gateway v2 event of a request, built as functions/local builds it for the handlers. */
const apiEvent = (request: RequestShape): APIGatewayProxyEventV2 =>
  eventFromRequest(
    {
      url: request.path,
      headers: { host: 'bench.execute-api.local', 'user-agent': 'cold-start-bench', ...request.headers },
      httpVersion: '1.1',
      socket: { remoteAddress: '127.0.0.1' },
    } as unknown as IncomingMessage,
    Buffer.from(request.body),
    { method: request.method, path: request.path },
    request.claims,
  );

const graphqlRequest = (
  path: string,
  query: string,
  variables: Record<string, unknown>,
  claims?: Record<string, string>,
): RequestShape => ({
  method: 'POST',
  path,
  headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' },
  body: JSON.stringify({ query, variables }),
  ...(claims ? { claims } : {}),
});

/** The public calculator: 38.9 °C, SBP 84 mmHg on norepinephrine, 70 kg (CRS grade 3). */
const GRADE_CRS = `query ($input: CrsAssessmentInput!) {
  gradeCrs(input: $input) {
    grade drivers recommendations { ruleId text dose { drug mg } } citations { section source }
  }
}`;
const CRS_INPUT = {
  temperatureCelsius: 38.9,
  systolicBp: 84,
  vasopressors: ['NOREPINEPHRINE'],
  weightKg: 70,
};

/** What the ward's screen reads for one episode: its current state and latest records. */
const EPISODE_READ = `query ($id: ID!) {
  episode(id: $id) {
    __typename
    ... on Episode {
      id episodeId patientRef team status product weightKg infusionDate version
      currentState { crsGrade icansGrade lastVitalsAt daysSinceInfusion openAlertCount
        openAlerts { id escalationId level text }
        tocilizumab { doseMg status dosesGiven earliestNextDoseAt } }
      observations(first: 10) { edges { node { __typename id clinicalTime current } } }
      gradings(first: 10) { edges { node { id domain grade status } } }
    }
    ... on Error { message }
  }
}`;

/** The form Slack posts for `/cart help` typed in a channel, signed now. */
const slackHelpRequest = (): RequestShape => {
  const body = new URLSearchParams({
    token: 'bench',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'bench',
    user_id: 'U0BENCH',
    user_name: 'bench-user',
    command: '/cart',
    text: 'help',
    api_app_id: 'A0BENCH',
    response_url: 'https://hooks.slack.invalid/commands/bench',
    trigger_id: `${Date.now()}.${randomUUID()}`,
  }).toString();
  return { method: 'POST', path: '/slack/events', headers: signedSlackHeaders(SIGNING_SECRET, body), body };
};

// ------------------------------------------------------------------ the seeded episode

const VITALS = `mutation ($input: RecordVitalsInput!, $key: String!) {
  recordVitals(input: $input, idempotencyKey: $key) { __typename ... on Error { message } }
}`;
const CREATE = `mutation ($input: CreateEpisodeInput!, $key: String!) {
  createEpisode(input: $input, idempotencyKey: $key) { __typename ... on CreateEpisodeSuccess { episode { episodeId } } ... on Error { message } }
}`;

/** One episode through the GraphQL API (in this process): created, then two sets of vital signs. */
const seedEpisode = async (dynamo: DynamoDbLocal): Promise<string> => {
  // The SDK's default credential chain reads these (DynamoDB Local accepts any).
  process.env.AWS_REGION = LOCAL_AWS.region;
  process.env.AWS_ACCESS_KEY_ID = LOCAL_AWS.credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = LOCAL_AWS.credentials.secretAccessKey;
  const yoga = createGraphQLServer({
    schema,
    mode: 'production',
    revealErrors: true,
    episodes: createEpisodeService({ ...process.env, TABLE_NAME, DYNAMODB_ENDPOINT: dynamo.endpoint }),
    logger: { info: () => undefined, error: () => undefined, warn: () => undefined },
  });
  const run = async (query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const response = await yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      },
      {
        event: apiEvent(graphqlRequest('/graphql', query, variables, CLINICIAN_CLAIMS)),
        lambdaContext: {} as Context,
      },
    );
    const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (!json.data || json.errors) throw new Error(`seeding failed: ${JSON.stringify(json)}`);
    return json.data;
  };
  const created = (await run(CREATE, { input: newEpisodeInput(TEAM), key: randomUUID() })) as {
    createEpisode: { __typename: string; episode?: { episodeId: string }; message?: string };
  };
  const episodeId = created.createEpisode.episode?.episodeId;
  if (!episodeId) throw new Error(`seeding failed: ${JSON.stringify(created)}`);
  const now = Date.now();
  for (const [hoursAgo, temperatureCelsius, systolicBp] of [
    [4, 38.4, 112],
    [0, 38.9, 84],
  ] as const) {
    const recorded = (await run(VITALS, {
      key: randomUUID(),
      input: {
        episodeId,
        measuredAt: new Date(now - hoursAgo * 3_600_000).toISOString(),
        temperatureCelsius,
        systolicBp,
        heartRate: 118,
        spo2Percent: 95,
        oxygen: 'ROOM_AIR',
        vasopressors: systolicBp < 90 ? ['NOREPINEPHRINE'] : [],
      },
    })) as { recordVitals: { __typename: string } };
    if (recorded.recordVitals.__typename !== 'RecordVitalsSuccess')
      throw new Error(`seeding failed: ${JSON.stringify(recorded)}`);
  }
  return episodeId;
};

// ------------------------------------------------------------------ the cases

type Case = {
  readonly id: CaseId;
  readonly label: string;
  readonly bundle: WrittenBundle;
  readonly env: Record<string, string>;
  /** A fresh event for each run (Slack's signature must be new each time). */
  readonly event: () => APIGatewayProxyEventV2;
  readonly expect: RegExp;
};

const coldStart = async (bench: Case, nodeArgs: readonly string[] = []): Promise<FreshProcessRun> => {
  const run = await invokeInFreshProcess(bench.bundle, [bench.event()], bench.env, { nodeArgs });
  const reply = run.replies[0];
  if (reply?.statusCode !== 200 || !bench.expect.test(reply.body))
    throw new Error(
      `${bench.label}: unexpected first answer (HTTP ${String(reply?.statusCode)}): ${reply?.body.slice(0, 600) ?? ''}\n${run.log.slice(0, 2000)}`,
    );
  return run;
};

// ------------------------------------------------------------------ statistics and output

const median = (samples: readonly number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};
const ms = (value: number): string => `${value.toFixed(1)} ms`.padStart(10);

const printProfile = async (bench: Case): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'cart-cold-profile-'));
  try {
    const run = await coldStart(bench, ['--cpu-prof', '--cpu-prof-dir', dir]);
    const profile = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!profile) throw new Error('node wrote no CPU profile');
    const shares = summariseProfile(join(dir, profile), bench.bundle.file);
    const total = shares.reduce((sum, share) => sum + share.ms, 0);
    console.log(
      `\nCPU profile of one cold start of ${bench.label} (first answer after ${run.firstReplyMs.toFixed(0)} ms under the profiler; self time by owner):`,
    );
    for (const share of shares.slice(0, 15))
      console.log(
        `  ${ms(share.ms)}  ${((100 * share.ms) / total).toFixed(0).padStart(3)} %  ${share.owner}`,
      );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const main = async (): Promise<void> => {
  const started = performance.now();
  // Bundling runs while DynamoDB Local starts; whatever started is stopped or removed on failure.
  const [bundling, starting] = await Promise.allSettled([
    Promise.all([
      writeBundle({ name: 'hello', entry: 'test/bench/hello-handler.ts' }),
      writeBundle('publicGraphql'),
      writeBundle('graphql'),
      writeBundle('slack'),
    ]),
    startDynamoDbLocal({ readyTimeoutMs: 90_000 }),
  ]);
  if (bundling.status === 'rejected' || starting.status === 'rejected') {
    if (starting.status === 'fulfilled') await starting.value.stop();
    if (bundling.status === 'fulfilled') await Promise.all(bundling.value.map((bundle) => bundle.remove()));
    throw bundling.status === 'rejected' ? bundling.reason : (starting as PromiseRejectedResult).reason;
  }
  const bundles = bundling.value;
  const dynamo = starting.value;
  const [hello, publicGraphql, graphql, slack] = bundles;
  try {
    const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint });
    await ensureEpisodesTable(client, TABLE_NAME);
    client.destroy();
    const episodeId = await seedEpisode(dynamo);

    const cases: Case[] = [
      {
        id: 'hello',
        label: 'hello world',
        bundle: hello,
        env: functionEnvironment('publicGraphql', dynamo),
        event: () => apiEvent({ method: 'GET', path: '/hello', headers: {}, body: '' }),
        expect: /"hello":"world"/,
      },
      {
        id: 'gradeCrs',
        label: 'gradeCrs (public calculator, GraphQL)',
        bundle: publicGraphql,
        env: functionEnvironment('publicGraphql', dynamo),
        event: () => apiEvent(graphqlRequest('/public/graphql', GRADE_CRS, { input: CRS_INPUT })),
        expect: /"grade":3/,
      },
      {
        id: 'episodeRead',
        label: `episode read (GraphQL, DynamoDB)`,
        bundle: graphql,
        env: functionEnvironment('graphql', dynamo),
        event: () => apiEvent(graphqlRequest('/graphql', EPISODE_READ, { id: episodeId }, CLINICIAN_CLAIMS)),
        expect: new RegExp(`"episodeId":"${episodeId}"`),
      },
      {
        id: 'slackHelp',
        label: '/cart help (Slack, DynamoDB)',
        bundle: slack,
        env: {
          ...functionEnvironment('slack', dynamo),
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_BOT_TOKEN: 'xoxb-bench',
          // With the bot's ids known, Bolt makes no auth.test call (nothing reaches Slack).
          SLACK_BOT_USER_ID: 'U0BENCHBOT',
          SLACK_BOT_ID: 'B0BENCHBOT',
        },
        event: () => apiEvent(slackHelpRequest()),
        expect: /\/cart/,
      },
    ];

    console.log(
      `Cold start to first answer: ${ROUNDS} rounds, each case once per round in a fresh node process (order rotating); Node ${process.version}, DynamoDB Local at ${dynamo.endpoint}, episode ${episodeId}`,
    );
    console.log(
      `Bundles: ${Object.entries({ hello, publicGraphql, graphql, slack })
        .map(([name, bundle]) => `${name} ${(bundle.bytes / 1024).toFixed(1)} KB`)
        .join(', ')}\n`,
    );
    // One unmeasured run each: the files are in the page cache, as on a warm Lambda host.
    for (const bench of cases) await coldStart(bench);
    const runs = new Map<CaseId, FreshProcessRun[]>(cases.map((bench) => [bench.id, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let i = 0; i < cases.length; i += 1) {
        const bench = cases[(round + i) % cases.length];
        if (bench) runs.get(bench.id)?.push(await coldStart(bench));
      }
    }

    const helloMedian = median((runs.get('hello') ?? []).map((run) => run.firstReplyMs));
    console.log(
      `  ${'handler'.padEnd(40)} ${'first answer'.padStart(12)} ${'× hello'.padStart(8)} ${'target'.padStart(7)}   ${'node boot'.padStart(10)} ${'import'.padStart(10)} ${'1st call'.padStart(10)}   (medians)`,
    );
    let missed = 0;
    for (const bench of cases) {
      const caseRuns = runs.get(bench.id) ?? [];
      const first = median(caseRuns.map((run) => run.firstReplyMs));
      const ratio = first / helloMedian;
      const target = TARGET_RATIO[bench.id];
      const verdict = target === undefined ? '' : ratio <= target ? 'ok' : 'OVER TARGET';
      if (target !== undefined && ratio > target) missed += 1;
      console.log(
        `  ${bench.label.padEnd(40)} ${ms(first).padStart(12)} ${`${ratio.toFixed(2)}×`.padStart(8)} ${(target === undefined ? '' : `≤ ${target}×`).padStart(7)}   ${ms(median(caseRuns.map((run) => run.bootMs)))} ${ms(median(caseRuns.map((run) => run.importMs)))} ${ms(median(caseRuns.map((run) => run.replies[0]?.ms ?? NaN)))}   ${verdict}`,
      );
    }
    console.log(
      `\n"first answer": from spawning node until the handler's result arrived; "node boot": until the invoker's first line ran. ${missed === 0 ? 'All targets met' : `${missed} target(s) missed`}.`,
    );

    const profiled = cases.find((bench) => bench.id === PROFILE);
    if (profiled) await printProfile(profiled);
  } finally {
    await dynamo.stop();
    await Promise.all(bundles.map((bundle) => bundle.remove()));
  }
  console.log(`(bench took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
};

await main();
