import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { addDays, calendarDateIn } from '#rules';
import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';
import { withActionKey } from '../support/action-keys.ts';

/**
 * Live updates against the started local system (npm start): a graphql-ws client (the `ws`
 * package as its WebSocket) with a token in the URL subscribes to an episode and to its team;
 * gradings, alerts and acknowledgements recorded over GraphQL reach it through the table's stream.
 * The delivery latency (mutation sent → update received) is measured and printed.
 */
const baseUrl = inject('baseUrl');
const socketUrl = (token: string): string =>
  `${baseUrl.replace(/^http/, 'ws')}/graphql?token=${encodeURIComponent(token)}`;
const TEAM = 'e2e-live';
const OTHER_TEAM = 'e2e-live-other';

const tokenFor = async (teams: readonly string[], userId = 'e2e-live-clinician') =>
  issueToken(await loadOrCreateSigningKey(inject('localAuthKeyFile')), { userId, role: 'clinician', teams });

type Update = {
  __typename: 'GradingAdded' | 'AlertRaised' | 'AlertAcknowledged';
  episodeId: string;
  team: string;
  grading?: { id: string; domain: string; grade: number | null };
  alert?: {
    id: string;
    escalationId: string;
    level: string;
    acknowledged: boolean;
    acknowledgedBy: { userId: string } | null;
  };
};
type Received = {
  readonly at: number;
  readonly result: FormattedExecutionResult<Record<string, Update>, unknown>;
};

const UPDATE_FIELDS = `__typename
  ... on GradingAdded { episodeId team grading { id domain grade } }
  ... on AlertRaised { episodeId team alert { id escalationId level acknowledged acknowledgedBy { userId } } }
  ... on AlertAcknowledged { episodeId team alert { id escalationId level acknowledged acknowledgedBy { userId } } }`;
const EPISODE_UPDATES = `subscription($id: ID!) { episodeUpdates(episodeId: $id) { ${UPDATE_FIELDS} } }`;
const TEAM_UPDATES = `subscription($team: ID!) { teamUpdates(team: $team) { ${UPDATE_FIELDS} } }`;

/** A subscription's results as they arrive, with when each arrived; `done` settles on complete/error. */
const follow = (client: Client, query: string, variables: Record<string, unknown>) => {
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  let failure: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe<Record<string, Update>>(
      { query, variables },
      {
        next: (result) => {
          received.push({ at: performance.now(), result });
          for (const wake of waiters) wake();
        },
        error: (error) => {
          failure = error;
          resolve();
        },
        complete: resolve,
      },
    );
  });
  /** The first update (after `from`) matching, within `timeoutMs`. */
  const waitFor = async (
    match: (update: Update) => boolean,
    from = 0,
    timeoutMs = 10_000,
  ): Promise<Received> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = received.find(
        (r) => r.at >= from && Object.values(r.result.data ?? {}).some((update) => match(update)),
      );
      if (found) return found;
      const left = deadline - performance.now();
      if (left <= 0)
        throw new Error(`no matching update within ${timeoutMs} ms: ${JSON.stringify(received)}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        waiters.add(() => {
          clearTimeout(timer);
          wake();
        });
      });
      waiters.clear();
    }
  };
  return { received, done, waitFor, failure: () => failure };
};

const graphql = async <T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> => {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: withActionKey(query, variables) }),
  });
  const result = (await response.json()) as { data?: T; errors?: unknown };
  expect(result.errors).toBeUndefined();
  return result.data as T;
};

const day = (offset: number): string => addDays(calendarDateIn(new Date()), offset);
const CREATE = `mutation($input: CreateEpisodeInput!, $key: String!) { createEpisode(input: $input, idempotencyKey: $key) {
  ... on CreateEpisodeSuccess { episode { episodeId } } } }`;
const VITALS = `mutation($input: RecordVitalsInput!, $key: String!) { recordVitals(input: $input, idempotencyKey: $key) {
  __typename ... on RecordVitalsSuccess { gradings { id domain grade } alerts { id escalationId } } } }`;
const ACK = `mutation($input: AcknowledgeAlertInput!) { acknowledgeAlert(input: $input) { __typename } }`;

type Recorded = {
  recordVitals: {
    __typename: string;
    gradings: { id: string; domain: string }[];
    alerts: { id: string; escalationId: string }[];
  };
};

const clients: Client[] = [];
const connect = (token: string): Client => {
  const client = createClient({
    url: socketUrl(token),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return client;
};
afterAll(() => {
  for (const client of clients) void client.dispose();
});

describe('live updates over graphql-ws (local system)', () => {
  it('delivers gradings, alerts and acknowledgements of an episode and of its team, with the latency printed', async () => {
    const token = await tokenFor([TEAM]);
    const { createEpisode } = await graphql<{ createEpisode: { episode: { episodeId: string } } }>(
      token,
      CREATE,
      {
        input: {
          patientRef: 'P-E2E-LIVE-1',
          team: TEAM,
          weightKg: 70,
          heightCm: 170,
          product: 'CARTITUDE_1',
          lymphodepletionStartDate: day(-7),
          lymphodepletionEndDate: day(-5),
          infusionDate: day(-2),
        },
      },
    );
    const episodeId = createEpisode.episode.episodeId;
    const client = connect(token);
    const episode = follow(client, EPISODE_UPDATES, { id: episodeId });
    const team = follow(client, TEAM_UPDATES, { team: TEAM });

    // A first, afebrile recording: its grading arriving shows both subscriptions are listening.
    const calm = {
      episodeId,
      temperatureCelsius: 36.8,
      systolicBp: 120,
      heartRate: 80,
      spo2Percent: 98,
      oxygen: 'ROOM_AIR',
    };
    const first = await graphql<Recorded>(token, VITALS, { input: calm });
    const firstGrading = first.recordVitals.gradings[0]?.id;
    await episode.waitFor((u) => u.grading?.id === firstGrading, 0, 15_000);
    await team.waitFor((u) => u.grading?.id === firstGrading, 0, 15_000);

    // Febrile and hypotensive on a vasopressor: CRS grade 3 (CRS-GRADE) and a critical alert (ESC-CRS3).
    const sent = performance.now();
    const recorded = await graphql<Recorded>(token, VITALS, {
      input: {
        ...calm,
        temperatureCelsius: 38.9,
        systolicBp: 84,
        heartRate: 124,
        vasopressors: ['NOREPINEPHRINE'],
      },
    });
    const answered = performance.now();
    expect(recorded.recordVitals.__typename).toBe('RecordVitalsSuccess');
    const crs = recorded.recordVitals.gradings.find((g) => g.domain === 'CRS');
    const alert = recorded.recordVitals.alerts.find((a) => a.escalationId === 'ESC-CRS3');
    if (!crs || !alert) throw new Error(`expected a CRS grading and ESC-CRS3: ${JSON.stringify(recorded)}`);

    const grading = await episode.waitFor(
      (u) => u.__typename === 'GradingAdded' && u.grading?.id === crs.id,
      sent,
    );
    const raised = await episode.waitFor(
      (u) => u.__typename === 'AlertRaised' && u.alert?.id === alert.id,
      sent,
    );
    const teamRaised = await team.waitFor(
      (u) => u.__typename === 'AlertRaised' && u.alert?.id === alert.id,
      sent,
    );
    expect(Object.values(grading.result.data ?? {})[0]).toMatchObject({
      episodeId,
      team: TEAM,
      grading: { domain: 'CRS', grade: 3 },
    });
    expect(Object.values(raised.result.data ?? {})[0]).toMatchObject({
      alert: { escalationId: 'ESC-CRS3', level: 'CRITICAL', acknowledged: false },
    });

    const ackSent = performance.now();
    await graphql(token, ACK, { input: { episodeId, alertId: alert.id } });
    const acknowledged = await episode.waitFor((u) => u.__typename === 'AlertAcknowledged', ackSent);
    await team.waitFor((u) => u.__typename === 'AlertAcknowledged' && u.alert?.id === alert.id, ackSent);
    expect(Object.values(acknowledged.result.data ?? {})[0]).toMatchObject({
      alert: { id: alert.id, acknowledged: true, acknowledgedBy: { userId: 'cognito:e2e-live-clinician' } },
    });

    const ms = (value: number): string => `${value.toFixed(0)} ms`;
    console.log(
      `[live updates] delivery latency (mutation sent → update received): grading ${ms(grading.at - sent)}, alert ${ms(raised.at - sent)} (team ${ms(teamRaised.at - sent)}), acknowledgement ${ms(acknowledged.at - ackSent)}; after the mutation's answer: ${ms(raised.at - answered)}`,
    );
    expect(raised.at - sent).toBeLessThan(5_000);
    // Each update arrives once per subscription.
    expect(
      episode.received.filter(
        (r) => Object.values(r.result.data ?? {})[0]?.__typename === 'AlertAcknowledged',
      ),
    ).toHaveLength(1);
  });

  it("refuses another team's episode (NOT_FOUND, as the episode query) and another team (FORBIDDEN)", async () => {
    const owner = await tokenFor([TEAM]);
    const { createEpisode } = await graphql<{ createEpisode: { episode: { episodeId: string } } }>(
      owner,
      CREATE,
      {
        input: {
          patientRef: 'P-E2E-LIVE-2',
          team: TEAM,
          weightKg: 70,
          heightCm: 170,
          product: 'CARTITUDE_1',
          lymphodepletionStartDate: day(-7),
          lymphodepletionEndDate: day(-5),
          infusionDate: day(-2),
        },
      },
    );
    const outsider = connect(await tokenFor([OTHER_TEAM], 'e2e-live-outsider'));
    const episode = follow(outsider, EPISODE_UPDATES, { id: createEpisode.episode.episodeId });
    const team = follow(outsider, TEAM_UPDATES, { team: TEAM });
    await Promise.all([episode.done, team.done]);
    expect(episode.received.map((r) => r.result.errors?.[0])).toEqual([
      expect.objectContaining({
        message: `Episode ${createEpisode.episode.episodeId} not found`,
        extensions: { code: 'NOT_FOUND', typename: 'NotFoundError' },
      }),
    ]);
    expect(team.received.map((r) => r.result.errors?.[0])).toEqual([
      expect.objectContaining({
        message: `You are not a member of team ${TEAM}`,
        extensions: { code: 'FORBIDDEN', typename: 'ForbiddenError' },
      }),
    ]);
  });

  it('refuses the WebSocket handshake without a valid token (401, like HTTP)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(socketUrl('not-a-jwt'), 'graphql-transport-ws');
      // Aborting the refused handshake reports an error on the socket: expected here.
      socket.on('error', () => undefined);
      socket.once('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        socket.terminate();
      });
      socket.once('open', () => {
        reject(new Error('opened without a valid token'));
      });
    });
    expect(status).toBe(401);
  });

  it('answers a malformed subscription with a graphql-ws error message and keeps the connection', async () => {
    const client = connect(await tokenFor([TEAM]));
    const bad = follow(client, 'subscription { episodeUpdates(episodeId: "EP-1") { nope } }', {});
    await bad.done;
    expect(String((bad.failure() as { message?: string }[] | undefined)?.[0]?.message)).toMatch(/nope/);
    const query = follow(client, '{ __typename }', {});
    await query.done;
    expect(String((query.failure() as { message?: string }[] | undefined)?.[0]?.message)).toMatch(
      /Only subscriptions are served over WebSocket/,
    );
  });
});
