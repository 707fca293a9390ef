import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { userIdFor } from '../../functions/episodes/actor.ts';
import { idempotencyItemKey } from '../../functions/episodes/keys.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLServer } from '../../functions/graphql/yoga.ts';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local.ts';
import { countingDocumentClient, createTestTable, type TestTable } from '../support/dynamodb.ts';
import { newEpisodeInput, serviceFor, testClock } from '../support/episodes.ts';
import { withActionKey } from '../support/action-keys.ts';
import { schema } from '../../schema/index.ts';

/**
 * The episode API through the real yoga server and schema, on DynamoDB Local, with every SDK
 * command counted: reading an episode with its current state and the first page of each
 * connection is 1 Query; each recording is 1 Query + 1 TransactWriteItems; a list is 1 Query.
 */

let table: TestTable;
const clock = testClock('2026-03-03T02:00:00+08:00');
const commands: string[] = [];
/**
 * An episode read: the head (1 GetItem), then the newest records of each kind (4 Queries with a
 * Limit), the same on day 1 and day 40; only a cursor beyond that window reads more.
 */
const HEAD_AND_WINDOW = ['GetItemCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand'];
let yoga: ReturnType<typeof createGraphQLServer>;

/** A document client whose commands are counted by name (real DynamoDB Local behind it). */
const countingClient = (endpoint: string) => countingDocumentClient(endpoint, commands);

beforeAll(async () => {
  table = await createTestTable('graphql');
  yoga = createGraphQLServer({
    schema,
    mode: 'development',
    episodes: serviceFor(table, clock.now, countingClient(table.endpoint)),
  });
});
afterAll(async () => table.drop());

type Role = 'clinician' | 'nurse' | 'viewer';
type User = { readonly role: Role; readonly teams?: readonly string[]; readonly userId?: string } | null;
const clinician: User = { role: 'clinician' };
const nurse: User = { role: 'nurse' };
const viewer: User = { role: 'viewer' };

/** Claims as API Gateway's JWT authorizer passes them (groups as "[a b]"). */
const eventFor = (user: User): APIGatewayProxyEventV2 =>
  ({
    requestContext: {
      requestId: 'graphql-integration',
      ...(user
        ? {
            authorizer: {
              jwt: {
                claims: {
                  sub: user.userId ?? `${user.role}-1`,
                  'cognito:groups': `[role:${user.role} ${(user.teams ?? ['hem-a']).map((t) => `team:${t}`).join(' ')}]`,
                },
              },
            },
          }
        : {}),
    },
  }) as unknown as APIGatewayProxyEventV2;

type Issue = { field: string; allowed: string; received: string | null; message: string };
/** A result union member: the success type's fields, or a typed error's message and issues. */
type Outcome<S> = S & { __typename: string; message?: string; issues?: Issue[] };
type Author = { userId: string; role: string; via?: string };
type Dose = { drug: string; mg: number; route?: string };
type Grading = {
  id: string;
  domain: string;
  grade: number | null;
  drivers: { code: string }[];
  recommendations: { ruleId: string; dose: Dose | null }[];
  basedOnRecord?: { id: string } | null;
};
type Alert = {
  id: string;
  escalationId: string;
  level: string;
  acknowledged: boolean;
  acknowledgedBy?: Author;
};
type ClinicalRecord = {
  id: string;
  recordId: string;
  measuredAt: string;
  clinicalTime: string;
  current: boolean;
  supersededBy: string | null;
};
type PageInfo = {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
};
type Connection<T> = { edges: { cursor: string; node: T }[]; pageInfo: PageInfo };
type CurrentState = { crsGrade: number | null; openAlertCount: number; openAlerts: Alert[] };
type Episode = {
  id: string;
  episodeId: string;
  version: number;
  currentState: CurrentState;
  observations: Connection<ClinicalRecord>;
  gradings: Connection<Grading>;
  doses: Connection<Dose>;
  alerts: Connection<Alert>;
};
type Recording = {
  replayed: boolean;
  episode: Episode;
  gradings: Grading[];
  alerts: Alert[];
  observation: ClinicalRecord;
  record: ClinicalRecord;
};

type CreateData = { createEpisode: Outcome<{ episode: { id: string; episodeId: string } }> };
type VitalsData = { recordVitals: Outcome<Recording> };
type DoseData = { recordDose: Outcome<Recording> };
type AckData = { acknowledgeAlert: Outcome<{ alreadyAcknowledged: boolean; alert: Alert }> };
type EpisodeData = { episode: Outcome<Episode> };
type ListData = { episodes: Connection<Episode> };
type CorrectData = { correctRecord: Outcome<Recording> };

type Response<T> = {
  readonly data?: T;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
};

/** Runs an operation as a user and returns the JSON response and the SDK commands it cost. */
const run = async <T = Record<string, unknown>>(
  user: User,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Response<T> & { readonly commands: string[] }> => {
  commands.length = 0;
  const response = await yoga.fetch(
    'http://localhost/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ query, variables: withActionKey(query, variables) }),
    },
    { event: eventFor(user), lambdaContext: {} as Context },
  );
  const json = (await response.json()) as Response<T>;
  return { ...json, commands: [...commands] };
};

/** A value the test needs to go on with. */
const must = <T>(value: T | null | undefined): T => {
  if (value == null) throw new Error('expected a value');
  return value;
};

/** The data of a response that must have no errors. */
const dataOf = <T>(result: Response<T>): T => {
  expect(result.errors).toBeUndefined();
  if (result.data === undefined) throw new Error('no data');
  return result.data;
};

const ERRORS = `
  ... on Error { __typename message }
  ... on ValidationError { issues { field allowed received message } }
`;

const CREATE = `mutation Create($input: CreateEpisodeInput!, $key: String!) {
  createEpisode(input: $input, idempotencyKey: $key) {
    __typename
    ... on CreateEpisodeSuccess { episode { id episodeId status team version } }
    ${ERRORS}
  }
}`;

const createEpisode = async (team = 'hem-a'): Promise<{ id: string; episodeId: string }> => {
  const result = await run<CreateData>({ role: 'clinician', teams: [team] }, CREATE, {
    input: newEpisodeInput(team),
  });
  expect(result.data?.createEpisode.__typename).toBe('CreateEpisodeSuccess');
  return result.data?.createEpisode.episode as { id: string; episodeId: string };
};

const RECORDING = `
  replayed
  episode { episodeId version currentState { crsGrade icansGrade lastVitalsAt openAlertCount tocilizumab { status dosesGiven doseMg earliestNextDoseAt } } }
  gradings { id domain grade status drivers { code text } recommendations { ruleId text dose { drug mg route basis } citation { section source } } citations { section } }
  alerts { id escalationId level text acknowledged delivery { status } }
`;

const RECORD_VITALS = `mutation Vitals($input: RecordVitalsInput!, $key: String!) {
  recordVitals(input: $input, idempotencyKey: $key) {
    __typename
    ... on RecordVitalsSuccess { ${RECORDING} observation { id recordId measuredAt temperatureCelsius systolicBp vasopressors oxygen hypotension current supersededBy recordedBy { userId role via } } }
    ${ERRORS}
  }
}`;

const RECORD_DOSE = `mutation Dose($input: RecordDoseInput!, $key: String!) {
  recordDose(input: $input, idempotencyKey: $key) {
    __typename
    ... on RecordDoseSuccess { ${RECORDING} dose { id drug mg route givenAt current } }
    ${ERRORS}
  }
}`;

const ACKNOWLEDGE = `mutation Ack($input: AcknowledgeAlertInput!) {
  acknowledgeAlert(input: $input) {
    __typename
    ... on AcknowledgeAlertSuccess { alreadyAcknowledged alert { id acknowledged acknowledgedAt acknowledgedBy { userId role } } episode { currentState { openAlertCount } } }
    ${ERRORS}
  }
}`;

/** The whole episode: current state and the first page of every connection. */
const EPISODE = `query Episode($id: ID!, $today: Date) {
  episode(id: $id) {
    __typename
    ... on Episode {
      id episodeId patientRef team status product weightKg infusionDate version
      createdBy { userId role via }
      currentState(today: $today) {
        crsGrade crsGradedAt icansGrade lastVitalsAt daysSinceInfusion openAlertCount
        crsGrading { grade drivers { code } recommendations { ruleId dose { drug mg } } }
        icansGrading { grade }
        tocilizumab { doseMg status dosesGiven earliestNextDoseAt lastDoseAt citations { section } }
        openAlerts { id escalationId level text }
        nextFollowUpVisit { date label }
      }
      observations(first: 10) {
        edges { cursor node { __typename id recordId clinicalTime current supersededBy correction { corrects reason retracted }
          ... on VitalsObservation { temperatureCelsius systolicBp vasopressors }
          ... on NeuroAssessment { ice { total } consciousness }
          ... on LabResult { iggGPerL } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
      gradings(first: 10) { edges { cursor node { id domain grade status basedOn basedOnRecord { id } recordedAt } } pageInfo { hasNextPage endCursor } }
      doses(first: 10) { edges { node { id drug mg givenAt current } } pageInfo { hasNextPage } }
      alerts(first: 10) { edges { node { id escalationId level acknowledged acknowledgedBy { userId } } } pageInfo { hasNextPage } }
    }
    ${ERRORS}
  }
}`;

const febrileHypotensiveOnNorepinephrine = (episodeId: string) => ({
  episodeId,
  measuredAt: '2026-03-03T02:00:00+08:00',
  temperatureCelsius: 38.9,
  systolicBp: 84,
  heartRate: 124,
  spo2Percent: 95,
  // EPI-2: room air is said, never assumed.
  oxygen: 'ROOM_AIR',
  vasopressors: ['NOREPINEPHRINE'],
});

describe('an episode through GraphQL, from creation to the acknowledged critical alert', () => {
  it('grades CRS 3 with management and a critical alert, records tocilizumab, acknowledges, and reads the timeline back', async () => {
    const episode = await createEpisode();
    expect(episode.episodeId).toMatch(/^EP-\d+$/);
    expect(episode.id).toBe(encodeGlobalID('Episode', episode.episodeId));

    // A nurse records a febrile hypotensive patient on norepinephrine.
    const vitals = await run<VitalsData>(nurse, RECORD_VITALS, {
      input: febrileHypotensiveOnNorepinephrine(episode.episodeId),
    });
    const recorded = dataOf(vitals).recordVitals;
    expect(recorded.__typename).toBe('RecordVitalsSuccess');
    expect(vitals.commands).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
    expect(recorded.observation).toMatchObject({
      temperatureCelsius: 38.9,
      systolicBp: 84,
      vasopressors: ['NOREPINEPHRINE'],
      oxygen: 'ROOM_AIR',
      current: true,
      supersededBy: null,
      recordedBy: { userId: 'cognito:nurse-1', role: 'NURSE', via: 'GRAPHQL' },
    });
    const crs = must(recorded.gradings.find((g) => g.domain === 'CRS'));
    expect(crs).toMatchObject({ grade: 3, status: 'GRADED' });
    expect(crs.drivers.map((d) => d.code)).toContain('fever');
    const toci = must(crs.recommendations.find((r) => r.dose?.drug.toLowerCase() === 'tocilizumab'));
    expect(toci.dose).toMatchObject({ mg: 560, route: 'IV' }); // 8 mg/kg × 70 kg (TOCI-1)
    const critical = must(recorded.alerts.find((a) => a.escalationId === 'ESC-CRS3'));
    expect(critical).toMatchObject({
      level: 'CRITICAL',
      acknowledged: false,
      delivery: { status: 'PENDING' },
    });
    expect(recorded.episode.currentState).toMatchObject({
      crsGrade: 3,
      openAlertCount: recorded.alerts.length,
      tocilizumab: { status: 'ALLOWED', dosesGiven: 0, doseMg: 560 },
    });

    // The clinician gives tocilizumab 15 minutes later.
    clock.advanceMinutes(20);
    const dose = await run<DoseData>(clinician, RECORD_DOSE, {
      input: {
        episodeId: episode.id,
        drug: 'TOCILIZUMAB',
        mg: 560,
        route: 'IV',
        givenAt: '2026-03-03T02:15:00+08:00',
      },
    });
    expect(dose.data?.recordDose).toMatchObject({
      __typename: 'RecordDoseSuccess',
      dose: { drug: 'TOCILIZUMAB', mg: 560, route: 'IV', current: true },
      episode: {
        currentState: {
          // TOCI-2: the next dose no sooner than 8 h after this one.
          tocilizumab: { status: 'TOO_SOON', dosesGiven: 1, earliestNextDoseAt: '2026-03-03T02:15:00.000Z' },
        },
      },
    });
    expect(dose.commands).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);

    // The clinician acknowledges the critical alert; repeating it is harmless.
    const ack = await run<AckData>(clinician, ACKNOWLEDGE, {
      input: { episodeId: episode.episodeId, alertId: critical.id },
    });
    expect(ack.data?.acknowledgeAlert).toMatchObject({
      __typename: 'AcknowledgeAlertSuccess',
      alreadyAcknowledged: false,
      alert: {
        id: critical.id,
        acknowledged: true,
        acknowledgedAt: clock.now().toISOString(),
        acknowledgedBy: { userId: 'cognito:clinician-1', role: 'CLINICIAN' },
      },
    });
    // The head and the alert it points at (2 GetItems), one transaction.
    expect(ack.commands).toEqual(['GetItemCommand', 'GetItemCommand', 'TransactWriteItemsCommand']);
    const again = await run<AckData>(clinician, ACKNOWLEDGE, {
      input: { episodeId: episode.episodeId, alertId: critical.id },
    });
    expect(again.data?.acknowledgeAlert.alreadyAcknowledged).toBe(true);
    expect(again.commands).toEqual(['GetItemCommand', 'GetItemCommand']);

    // A viewer reads the timeline back: the head, then the newest records of each kind.
    const read = await run<EpisodeData>(viewer, EPISODE, { id: episode.id, today: '2026-03-03' });
    expect(read.errors).toBeUndefined();
    expect(read.commands).toEqual(HEAD_AND_WINDOW);
    const state = dataOf(read).episode;
    expect(state).toMatchObject({
      __typename: 'Episode',
      episodeId: episode.episodeId,
      status: 'ACTIVE',
      product: 'CARTITUDE_1',
      infusionDate: '2026-03-01',
      version: 4,
      createdBy: { userId: 'cognito:clinician-1', role: 'CLINICIAN', via: 'GRAPHQL' },
      currentState: {
        crsGrade: 3,
        icansGrade: null,
        icansGrading: null,
        lastVitalsAt: '2026-03-03T02:00:00+08:00',
        daysSinceInfusion: 2,
        crsGrading: { grade: 3 },
        tocilizumab: {
          doseMg: 560,
          status: 'TOO_SOON',
          dosesGiven: 1,
          lastDoseAt: '2026-03-02T18:15:00.000Z',
        },
        nextFollowUpVisit: { date: '2026-03-15', label: expect.stringContaining('14') as unknown },
      },
    });
    expect(state.currentState.openAlerts.map((a) => a.escalationId)).not.toContain('ESC-CRS3');
    expect(state.currentState.openAlertCount).toBe(state.currentState.openAlerts.length);
    const [vitalsEdge, ...others] = state.observations.edges;
    expect(others).toEqual([]);
    expect(must(vitalsEdge).cursor).toBe(must(vitalsEdge).node.recordId);
    expect(state.doses.edges.map((e) => e.node.drug)).toEqual(['TOCILIZUMAB']);
    const alerts = state.alerts.edges.map((e) => e.node);
    expect(alerts.find((a) => a.escalationId === 'ESC-CRS3')).toMatchObject({
      acknowledged: true,
      acknowledgedBy: { userId: 'cognito:clinician-1' },
    });
    // Newest first: the tocilizumab check was graded after the CRS grade.
    const domains = state.gradings.edges.map((e) => e.node.domain);
    expect(domains.indexOf('TOCILIZUMAB')).toBeLessThan(domains.indexOf('CRS'));
    const crsGrading = must(state.gradings.edges.find((e) => e.node.domain === 'CRS')).node;
    expect(crsGrading.basedOnRecord).toEqual({ id: must(vitalsEdge).node.id });
  });
});

describe('efficiency (SDK commands counted)', () => {
  it('creating an episode is 1 GetItem (its idempotency key) + 1 UpdateItem (the episode number) + 1 TransactWriteItems', async () => {
    const created = await run<CreateData>(clinician, CREATE, { input: newEpisodeInput() });
    expect(dataOf(created).createEpisode.__typename).toBe('CreateEpisodeSuccess');
    // The key is looked up first, so a replayed creation takes no episode number.
    expect(created.commands).toEqual(['GetItemCommand', 'UpdateItemCommand', 'TransactWriteItemsCommand']);
  });

  it('every recording mutation is 1 GetItem (the head) + 1 TransactWriteItems', async () => {
    const episode = await createEpisode();
    const neuro = await run(
      nurse,
      `mutation($input: RecordNeuroAssessmentInput!, $key: String!) { recordNeuroAssessment(input: $input, idempotencyKey: $key) { __typename
        ... on RecordNeuroAssessmentSuccess { ${RECORDING} observation { id ice { total } consciousness current supersededBy } } ${ERRORS} } }`,
      {
        input: {
          episodeId: episode.episodeId,
          ice: { orientation: 3, naming: 3, followsCommands: 1, writing: 1, attention: 1 },
        },
      },
    );
    expect(neuro.data?.recordNeuroAssessment).toMatchObject({
      __typename: 'RecordNeuroAssessmentSuccess',
      observation: { ice: { total: 9 }, consciousness: 'NORMAL', current: true },
      episode: { currentState: { icansGrade: 1 } },
    });
    expect(neuro.commands).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);

    const lab = await run(
      nurse,
      `mutation($input: RecordLabResultInput!, $key: String!) { recordLabResult(input: $input, idempotencyKey: $key) { __typename
        ... on RecordLabResultSuccess { ${RECORDING} observation { id iggGPerL infection current } } ${ERRORS} } }`,
      { input: { episodeId: episode.episodeId, iggGPerL: 3.5 } },
    );
    expect(lab.data?.recordLabResult).toMatchObject({
      __typename: 'RecordLabResultSuccess',
      observation: { iggGPerL: 3.5, infection: null },
    });
    expect(lab.commands).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);

    // (A vitals record at the very same instant as the neuro assessment would sort before it and be
    // a late entry, re-folded: the ward's clock moves on.)
    clock.advanceMinutes(1);
    const vitals = await run<VitalsData>(nurse, RECORD_VITALS, {
      input: { episodeId: episode.episodeId, temperatureCelsius: 39.8, systolicBp: 120 },
    });
    expect(vitals.commands).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
    const typo = dataOf(vitals).recordVitals.observation;

    const correction = await run(
      nurse,
      `mutation($input: CorrectRecordInput!, $key: String!) { correctRecord(input: $input, idempotencyKey: $key) { __typename
        ... on CorrectRecordSuccess { ${RECORDING} record { __typename id current supersededBy correction { corrects reason retracted } ... on VitalsObservation { temperatureCelsius } } } ${ERRORS} } }`,
      {
        input: {
          episodeId: episode.episodeId,
          recordId: typo.id,
          reason: 'typed 39.8 for 36.8',
          vitals: { temperatureCelsius: 36.8, systolicBp: 120, measuredAt: typo.measuredAt },
        },
      },
    );
    expect(correction.data?.correctRecord).toMatchObject({
      __typename: 'CorrectRecordSuccess',
      record: {
        __typename: 'VitalsObservation',
        temperatureCelsius: 36.8,
        current: true,
        correction: { corrects: typo.recordId, retracted: false },
      },
      episode: { currentState: { crsGrade: 0 } },
    });
    // A correction: the head, the original (its lookup, the record, whether it was already
    // superseded), a re-fold from the latest snapshot before it over the records since (a snapshot
    // Query, the OBS# and DOSE# ranges), one transaction. Bounded by how far back it reaches.
    expect([...correction.commands].sort()).toEqual(
      [
        'GetItemCommand',
        'GetItemCommand',
        'GetItemCommand',
        'GetItemCommand',
        'QueryCommand',
        'QueryCommand',
        'QueryCommand',
        'TransactWriteItemsCommand',
      ].sort(),
    );

    const dose = await run<DoseData>(clinician, RECORD_DOSE, {
      input: { episodeId: episode.episodeId, drug: 'DEXAMETHASONE', mg: 10, route: 'IV' },
    });
    expect(dose.data?.recordDose.__typename).toBe('RecordDoseSuccess');
    expect(dose.commands).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);

    const close = await run(
      clinician,
      `mutation($input: CloseEpisodeInput!, $key: String!) { closeEpisode(input: $input, idempotencyKey: $key) { __typename ... on CloseEpisodeSuccess { episode { status closure { reason closedBy { userId } } } } ${ERRORS} } }`,
      { input: { episodeId: episode.episodeId, reason: 'TRANSFERRED' } },
    );
    expect(close.data?.closeEpisode).toMatchObject({
      __typename: 'CloseEpisodeSuccess',
      episode: {
        status: 'CLOSED',
        closure: { reason: 'TRANSFERRED', closedBy: { userId: 'cognito:clinician-1' } },
      },
    });
    expect(close.commands).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
  });

  it('episode(id) with its current state and the first page of each connection is the head and 4 bounded Queries, also by global id and through node(id)', async () => {
    const episode = await createEpisode();
    await run<VitalsData>(nurse, RECORD_VITALS, {
      input: febrileHypotensiveOnNorepinephrine(episode.episodeId),
    });
    const byShortId = await run<EpisodeData>(viewer, EPISODE, { id: episode.episodeId });
    expect(byShortId.commands).toEqual(HEAD_AND_WINDOW);
    const byGlobalId = await run<EpisodeData>(viewer, EPISODE, { id: episode.id });
    expect(byGlobalId.commands).toEqual(HEAD_AND_WINDOW);
    expect(byGlobalId.data).toEqual(byShortId.data);

    const node = await run(
      viewer,
      `query($id: ID!) { node(id: $id) { id ... on Episode { episodeId currentState { crsGrade openAlerts { escalationId } } observations { edges { node { id } } } } } }`,
      { id: episode.id },
    );
    expect(node.data?.node).toMatchObject({
      id: episode.id,
      episodeId: episode.episodeId,
      currentState: { crsGrade: 3 },
    });
    expect(node.commands).toEqual(HEAD_AND_WINDOW);
  });

  it('a long course (150 vital signs) reads the same bounded window as a short one; a deep page reads a larger window, not the partition', async () => {
    const episode = await createEpisode();
    const service = serviceFor(table, clock.now, countingClient(table.endpoint));
    // Every 15 minutes over the last 37.5 hours (the shared clock does not move).
    const start = clock.now().getTime() - 150 * 15 * 60_000;
    for (let i = 0; i < 150; i += 1) {
      await service.recordVitals(
        { userId: 'cognito:nurse-1', role: 'nurse', teams: ['hem-a'], via: 'graphql' },
        {
          episodeId: episode.episodeId,
          measuredAt: new Date(start + (i + 1) * 15 * 60_000).toISOString(),
          temperatureCelsius: 37 + (i % 10) / 10,
          systolicBp: 120,
          heartRate: 80 + (i % 20),
          oxygen: 'ROOM_AIR',
          vasopressors: [],
        },
      );
    }
    const first = await run<EpisodeData>(viewer, EPISODE, { id: episode.episodeId });
    expect(first.errors).toBeUndefined();
    expect(first.commands).toEqual(HEAD_AND_WINDOW);
    const observations = dataOf(first).episode.observations;
    expect(observations.edges).toHaveLength(10);
    expect(observations.pageInfo.hasNextPage).toBe(true);

    const PAGE = `query($id: ID!, $after: String) { episode(id: $id) { ... on Episode {
      observations(first: 10, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`;
    let after = observations.pageInfo.endCursor;
    const seen = new Set(observations.edges.map((e) => e.node.id));
    for (let pageNo = 0; pageNo < 20 && after; pageNo += 1) {
      const next = await run<{ episode: { observations: Connection<{ id: string }> } }>(viewer, PAGE, {
        id: episode.episodeId,
        after,
      });
      expect(next.errors).toBeUndefined();
      // Within the newest 100: head + window; beyond it, the whole partition, once.
      expect(next.commands.filter((c) => c === 'GetItemCommand')).toHaveLength(1);
      for (const edge of dataOf(next).episode.observations.edges) {
        expect(seen.has(edge.node.id)).toBe(false);
        seen.add(edge.node.id);
      }
      after = dataOf(next).episode.observations.pageInfo.hasNextPage
        ? dataOf(next).episode.observations.pageInfo.endCursor
        : null;
    }
    expect(seen.size).toBe(150);
  }, 120_000);

  it("a team's list is 1 Query on the team index, current state included", async () => {
    const team = 'hem-list';
    const first = await createEpisode(team);
    clock.advanceMinutes(1);
    const second = await createEpisode(team);
    clock.advanceMinutes(1);
    await run<VitalsData>({ role: 'nurse', teams: [team] }, RECORD_VITALS, {
      input: febrileHypotensiveOnNorepinephrine(first.episodeId),
    });
    const LIST = `query($team: String!, $first: Int, $after: String) { episodes(team: $team, first: $first, after: $after) { __typename ${ERRORS}
      ... on EpisodeConnection {
      edges { cursor node { episodeId status currentState(today: "2026-03-03") { crsGrade icansGrade lastVitalsAt openAlertCount daysSinceInfusion tocilizumab { status } nextFollowUpVisit { date } } } }
      pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
    const page = await run<ListData>({ role: 'viewer', teams: [team] }, LIST, { team });
    expect(page.commands).toEqual(['QueryCommand']);
    const [newest, older, ...rest] = dataOf(page).episodes.edges.map((e) => e.node);
    // Newest course first (by creation, whatever was recorded since).
    expect([newest?.episodeId, older?.episodeId, ...rest]).toEqual([second.episodeId, first.episodeId]);
    expect(older?.currentState).toMatchObject({
      crsGrade: 3,
      daysSinceInfusion: 2,
      tocilizumab: { status: 'ALLOWED' },
      nextFollowUpVisit: { date: '2026-03-15' },
    });
    expect(must(older).currentState.openAlertCount).toBeGreaterThan(0);
    expect(newest?.currentState).toMatchObject({ crsGrade: null, openAlertCount: 0 });

    const one = await run<ListData>({ role: 'viewer', teams: [team] }, LIST, { team, first: 1 });
    expect(one.data?.episodes.pageInfo.hasNextPage).toBe(true);
    const next = await run<ListData>({ role: 'viewer', teams: [team] }, LIST, {
      team,
      first: 1,
      after: one.data?.episodes.pageInfo.endCursor,
    });
    expect(next.commands).toEqual(['QueryCommand']);
    expect(next.data?.episodes.edges.map((e: { node: { episodeId: string } }) => e.node.episodeId)).toEqual([
      first.episodeId,
    ]);
    expect(next.data?.episodes.pageInfo.hasPreviousPage).toBe(true);
    expect(next.data?.episodes.pageInfo.hasNextPage).toBe(false);

    const outsider = await run<ListData>({ role: 'clinician', teams: ['hem-other'] }, LIST, { team });
    expect(outsider.data?.episodes.edges).toEqual([]);
    expect(outsider.commands).toEqual([]);

    const badTeam = await run<ListData>(viewer, LIST, { team: 'not a team!' });
    expect(badTeam.data?.episodes).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'team', received: '"not a team!"' }],
    });
    const tooMany = await run<ListData>(viewer, LIST, { team, first: 101 });
    expect(tooMany.data?.episodes).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'first', allowed: 'between 1 and 100', received: '101' }],
    });
  });
});

describe('a page of episodes answers its current state from the listed heads (no N+1)', () => {
  const team = 'hem-page';
  const member: User = { role: 'clinician', teams: [team] };
  /** Every field of an alert the head keeps (all but `delivery`). */
  const KEPT_ALERT = `id episodeId escalationId level text textZh textEn sourceRuleIds citations { section source }
    raisedAt basedOn crsEpisode occurrences lastRaisedAt acknowledged acknowledgedAt acknowledgedBy { userId }`;
  const GRADING =
    'id domain grade status basedOn drivers { code } recommendations { ruleId dose { drug mg } }';
  const CURRENT_STATE = `currentState(today: "2026-03-03") {
    crsGrade crsComplete crsNeeds crsGradedAt icansGrade lastVitalsAt daysSinceInfusion
    crsEpisode { number status peakGrade onsetAt latestGrade tocilizumabCount }
    tocilizumab { doseMg status dosesGiven dosesInLast24h earliestNextDoseAt }
    openAlertCount openAlerts { ...KeptAlert }
    crsGrading { ${GRADING} } icansGrading { ${GRADING} } }`;
  const PAGE = `query($team: String!, $first: Int) {
    episodes(team: $team, first: $first) { ... on EpisodeConnection {
      edges { node { episodeId ${CURRENT_STATE} } }
      pageInfo { hasNextPage } } } }
    fragment KeptAlert on Alert { ${KEPT_ALERT} }`;
  /** A page with each episode's alerts and CRS gradings also read from their records (within the query cost limit). */
  const PAGE_WITH_RECORDS = `query($team: String!, $first: Int) {
    episodes(team: $team, first: $first) { ... on EpisodeConnection {
      edges { node { episodeId ${CURRENT_STATE}
        alerts(first: 5) { edges { node { ...KeptAlert } } }
        gradings(domain: CRS, first: 1) { edges { node { ${GRADING} } } } } } } } }
    fragment KeptAlert on Alert { ${KEPT_ALERT} }`;
  type Listed = {
    episodeId: string;
    currentState: {
      crsGrade: number | null;
      crsEpisode: { number: number; status: string; peakGrade: number } | null;
      tocilizumab: { status: string; doseMg: number };
      openAlertCount: number;
      openAlerts: (Alert & { raisedAt: string; textEn: string; sourceRuleIds: string[]; basedOn: string })[];
      crsGrading: (Grading & { basedOn: string }) | null;
      icansGrading: Grading | null;
    };
    alerts?: Connection<Alert>;
    gradings?: Connection<Grading>;
  };
  const nodesOf = (result: Response<{ episodes: Connection<Listed> }>) =>
    dataOf(result).episodes.edges.map((e) => e.node);
  let acknowledgedIn = '';

  beforeAll(async () => {
    // 21 episodes: the first 18 with CRS 3 and its alert (the 18th's acknowledged), 3 without.
    for (let i = 0; i < 21; i += 1) {
      const episode = await createEpisode(team);
      if (i < 18) {
        const vitals = await run<VitalsData>(member, RECORD_VITALS, {
          input: febrileHypotensiveOnNorepinephrine(episode.episodeId),
        });
        const alert = dataOf(vitals).recordVitals.alerts[0];
        if (i === 17 && alert) {
          acknowledgedIn = episode.episodeId;
          const ack = await run<AckData>(member, ACKNOWLEDGE, {
            input: { episodeId: episode.episodeId, alertId: alert.id },
          });
          expect(ack.data?.acknowledgeAlert.__typename).toBe('AcknowledgeAlertSuccess');
        }
      }
    }
  }, 120_000);

  it('a page of 20 with grades, CRS episode, tocilizumab, open alerts and the gradings behind the grades is exactly 1 Query', async () => {
    const page = await run<{ episodes: Connection<Listed> }>(member, PAGE, { team, first: 20 });
    expect(page.commands).toEqual(['QueryCommand']);
    const nodes = nodesOf(page);
    expect(nodes).toHaveLength(20);
    expect(dataOf(page).episodes.pageInfo.hasNextPage).toBe(true);
    const graded = nodes.filter((n) => n.currentState.crsGrade === 3);
    expect(graded.length).toBeGreaterThanOrEqual(17);
    for (const node of graded) {
      expect(node.currentState.crsEpisode).toMatchObject({ number: 1, status: 'OPEN', peakGrade: 3 });
      expect(node.currentState.crsGrading).toMatchObject({ domain: 'CRS', grade: 3, status: 'GRADED' });
      expect(node.currentState.crsGrading?.drivers.length).toBeGreaterThan(0);
      expect(node.currentState.icansGrading).toBeNull();
      expect(node.currentState.openAlerts).toHaveLength(node.currentState.openAlertCount);
      for (const alert of node.currentState.openAlerts) {
        expect(alert).toMatchObject({ acknowledged: false, acknowledgedAt: null, acknowledgedBy: null });
        expect(alert.textEn).not.toBe('');
        expect(alert.sourceRuleIds.length).toBeGreaterThan(0);
      }
    }
    for (const node of nodes.filter((n) => n.currentState.crsGrade === null))
      expect(node.currentState).toMatchObject({
        crsEpisode: null,
        crsGrading: null,
        openAlertCount: 0,
        openAlerts: [],
      });
    // One episode had its ESC-CRS3 acknowledged: it alone lists it no more.
    const withCrs3 = graded.filter((n) =>
      n.currentState.openAlerts.some((a) => a.escalationId === 'ESC-CRS3' && a.level === 'CRITICAL'),
    );
    expect(graded.map((n) => n.episodeId)).toContain(acknowledgedIn);
    expect(withCrs3.map((n) => n.episodeId)).toEqual(
      graded.map((n) => n.episodeId).filter((id) => id !== acknowledgedIn),
    );
  });

  it('what the heads answer is what the records give: the same open alerts in the same order, the same grading', async () => {
    const page = await run<{ episodes: Connection<Listed> }>(member, PAGE_WITH_RECORDS, { team, first: 5 });
    const nodes = nodesOf(page);
    expect(nodes).toHaveLength(5);
    for (const node of nodes) {
      const fromRecords = must(node.alerts)
        .edges.map((e) => e.node)
        .filter((a) => !a.acknowledged);
      expect(node.currentState.openAlerts).toEqual(fromRecords);
      expect(node.currentState.crsGrading).toEqual(must(node.gradings).edges[0]?.node ?? null);
    }
  });

  it("an open alert's delivery is read from the alert itself (the head does not keep it)", async () => {
    const page = await run<{ episodes: Connection<Listed> }>(
      member,
      `query($team: String!) { episodes(team: $team, first: 5) { ... on EpisodeConnection { edges { node {
        currentState { openAlerts { id delivery { status attempts } } } } } } } }`,
      { team },
    );
    const nodes = nodesOf(page);
    const withOpen = nodes.filter((n) => n.currentState.openAlerts.length > 0).length;
    expect(withOpen).toBeGreaterThan(0);
    // The page, then each episode with open alerts: its newest records (4 bounded Queries).
    expect(page.commands).toEqual(Array(1 + 4 * withOpen).fill('QueryCommand'));
    for (const alert of nodes.flatMap((n) => n.currentState.openAlerts as unknown as { delivery: unknown }[]))
      expect(alert.delivery).toEqual({ status: 'PENDING', attempts: 0 });
  });
});

describe('authorisation', () => {
  it('a nurse is refused a dose with the Forbidden member, and nothing is written', async () => {
    const episode = await createEpisode();
    const refused = await run<DoseData>(nurse, RECORD_DOSE, {
      input: { episodeId: episode.episodeId, drug: 'TOCILIZUMAB', mg: 560, route: 'IV' },
    });
    expect(refused.data?.recordDose).toEqual({
      __typename: 'ForbiddenError',
      message: 'Your role (nurse) cannot record doses',
    });
    expect(refused.commands).toEqual(['GetItemCommand']);
    const read = await run<EpisodeData>(viewer, EPISODE, { id: episode.episodeId });
    expect(read.data?.episode).toMatchObject({ version: 1, doses: { edges: [] } });
  });

  it('a viewer reads but cannot record vital signs', async () => {
    const episode = await createEpisode();
    const refused = await run<VitalsData>(viewer, RECORD_VITALS, {
      input: { episodeId: episode.episodeId, temperatureCelsius: 38.5 },
    });
    expect(refused.data?.recordVitals).toEqual({
      __typename: 'ForbiddenError',
      message: 'Your role (viewer) cannot record observations',
    });
  });

  it("another team's episode answers exactly like a missing one, for reads, node(id) and writes", async () => {
    const episode = await createEpisode();
    const outsider: User = { role: 'clinician', teams: ['hem-b'] };
    const missingId = 'EP-999999';
    const foreign = await run<EpisodeData>(outsider, EPISODE, { id: episode.episodeId });
    const missing = await run<EpisodeData>(outsider, EPISODE, { id: missingId });
    expect(foreign.data?.episode.__typename).toBe('NotFoundError');
    expect(JSON.stringify(foreign.data).replaceAll(episode.episodeId, 'X')).toBe(
      JSON.stringify(missing.data).replaceAll(missingId, 'X'),
    );

    const foreignNode = await run(outsider, 'query($id: ID!) { node(id: $id) { id } }', { id: episode.id });
    const missingNode = await run(outsider, 'query($id: ID!) { node(id: $id) { id } }', {
      id: encodeGlobalID('Episode', missingId),
    });
    expect(foreignNode.data).toEqual({ node: null });
    expect(missingNode.data).toEqual({ node: null });

    const write = await run<VitalsData>(outsider, RECORD_VITALS, {
      input: { episodeId: episode.episodeId, temperatureCelsius: 39 },
    });
    expect(write.data?.recordVitals).toEqual({
      __typename: 'NotFoundError',
      message: `Episode ${episode.episodeId} not found`,
    });
  });

  it('without a signed-in user: the Forbidden member for episode operations, an error for the list, nothing read', async () => {
    const episode = await createEpisode();
    const write = await run<VitalsData>(null, RECORD_VITALS, {
      input: { episodeId: episode.episodeId, temperatureCelsius: 39 },
    });
    expect(write.data?.recordVitals).toEqual({
      __typename: 'ForbiddenError',
      message: 'Sign in to record vital signs',
    });
    const read = await run<EpisodeData>(null, EPISODE, { id: episode.episodeId });
    expect(read.data?.episode).toMatchObject({
      __typename: 'ForbiddenError',
      message: 'Sign in to read episodes',
    });
    const node = await run(null, 'query($id: ID!) { node(id: $id) { id } }', { id: episode.id });
    expect(node.data).toEqual({ node: null });
    const list = await run(
      null,
      `{ episodes(team: "hem-a") { ... on EpisodeConnection { edges { cursor } } ${ERRORS} } }`,
    );
    expect(list.data?.episodes).toEqual({
      __typename: 'ForbiddenError',
      message: 'Sign in to list episodes',
    });
    expect(list.errors).toBeUndefined();
    for (const result of [write, read, node, list]) expect(result.commands).toEqual([]);
  });

  it('a clinician cannot create an episode for a team they are not in', async () => {
    const result = await run<CreateData>({ role: 'clinician', teams: ['hem-b'] }, CREATE, {
      input: newEpisodeInput('hem-a'),
    });
    expect(result.data?.createEpisode).toEqual({
      __typename: 'ForbiddenError',
      message: 'You are not a member of team hem-a',
    });
  });
});

describe('validation', () => {
  it('names the field, the allowed range and the value received, and writes nothing', async () => {
    const episode = await createEpisode();
    const result = await run<VitalsData>(nurse, RECORD_VITALS, {
      input: { episodeId: episode.episodeId, temperatureCelsius: 99.1 },
    });
    expect(result.data?.recordVitals).toEqual({
      __typename: 'ValidationError',
      message: 'input.temperatureCelsius must be between 25 and 45 °C; received 99.1',
      issues: [
        {
          field: 'input.temperatureCelsius',
          allowed: 'between 25 and 45 °C',
          received: '99.1',
          message: 'input.temperatureCelsius must be between 25 and 45 °C; received 99.1',
        },
      ],
    });
    expect(result.commands).toEqual([]);
  });

  it('refuses a patient name as the patient reference', async () => {
    const result = await run<CreateData>(clinician, CREATE, {
      input: { ...newEpisodeInput(), patientRef: 'ZhangSan' },
    });
    expect(result.data?.createEpisode).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'input.patientRef', received: '"ZhangSan"' }],
    });
  });

  it('a bad idempotency key and an unknown episode id are typed errors', async () => {
    const episode = await createEpisode();
    const badKey = await run<VitalsData>(nurse, RECORD_VITALS, {
      input: { episodeId: episode.episodeId, temperatureCelsius: 37 },
      key: 'short',
    });
    expect(badKey.data?.recordVitals).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'idempotencyKey', received: '"short"' }],
    });
    const badId = await run<EpisodeData>(viewer, EPISODE, { id: 'patient-42' });
    expect(badId.data?.episode).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'episodeId' }],
    });
  });

  it('a correction gives exactly one group of values or retract, and reports fields under the group sent', async () => {
    const episode = await createEpisode();
    const vitals = await run<VitalsData>(nurse, RECORD_VITALS, {
      input: { episodeId: episode.episodeId, temperatureCelsius: 38.2 },
    });
    const recordId = dataOf(vitals).recordVitals.observation.recordId;
    const CORRECT = `mutation($input: CorrectRecordInput!, $key: String!) { correctRecord(input: $input, idempotencyKey: $key) { __typename ${ERRORS}
      ... on CorrectRecordSuccess { record { id recordId current correction { corrects retracted } } episode { currentState { lastVitalsAt } } } } }`;
    const none = await run<CorrectData>(nurse, CORRECT, {
      input: { episodeId: episode.episodeId, recordId, reason: 'wrong patient' },
    });
    expect(none.data?.correctRecord).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'input', received: '[]' }],
    });
    expect(none.commands).toEqual([]);
    const both = await run<CorrectData>(nurse, CORRECT, {
      input: {
        episodeId: episode.episodeId,
        recordId,
        reason: 'wrong patient',
        retract: true,
        vitals: { temperatureCelsius: 37 },
      },
    });
    expect(both.data?.correctRecord).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'input', received: '["retract","vitals"]' }],
    });
    const outOfRange = await run<CorrectData>(nurse, CORRECT, {
      input: { episodeId: episode.episodeId, recordId, reason: 'typo', vitals: { temperatureCelsius: 98.6 } },
    });
    expect(outOfRange.data?.correctRecord).toMatchObject({
      __typename: 'ValidationError',
      issues: [
        { field: 'input.vitals.temperatureCelsius', allowed: 'between 25 and 45 °C', received: '98.6' },
      ],
    });

    const retracted = await run<CorrectData>(nurse, CORRECT, {
      input: { episodeId: episode.episodeId, recordId, reason: 'wrong patient', retract: true },
    });
    expect(retracted.data?.correctRecord).toMatchObject({
      __typename: 'CorrectRecordSuccess',
      record: { current: false, correction: { corrects: recordId, retracted: true } },
      episode: { currentState: { lastVitalsAt: null } },
    });
    const read = await run<EpisodeData>(viewer, EPISODE, { id: episode.episodeId });
    const nodes = dataOf(read).episode.observations.edges.map((e) => e.node);
    expect(nodes).toHaveLength(2);
    const original = nodes.find((n) => n.recordId === recordId);
    expect(original).toMatchObject({
      current: false,
      supersededBy: dataOf(retracted).correctRecord.record.recordId,
    });
    const current = await run<EpisodeData>(
      viewer,
      `query($id: ID!) { episode(id: $id) { ... on Episode { observations(currentOnly: true) { edges { node { id } } } } } }`,
      { id: episode.episodeId },
    );
    expect(current.data?.episode.observations.edges).toEqual([]);
  });
});

describe('idempotency', () => {
  it('the same key sent twice writes once and answers the first result, replayed', async () => {
    const episode = await createEpisode();
    const input = { episodeId: episode.episodeId, temperatureCelsius: 38.4, systolicBp: 110 };
    const VITALS = `mutation($input: RecordVitalsInput!, $key: String!) { recordVitals(input: $input, idempotencyKey: $key) {
      ... on RecordVitalsSuccess { replayed observation { id temperatureCelsius } gradings { id grade } episode { version } } } }`;
    const first = await run<VitalsData>(nurse, VITALS, { input, key: 'ward-7:vitals-0001' });
    const second = await run<VitalsData>(nurse, VITALS, { input, key: 'ward-7:vitals-0001' });
    expect(second.data?.recordVitals.gradings).toEqual(first.data?.recordVitals.gradings);
    expect(second.data?.recordVitals.episode).toEqual({ version: 2 });
    expect(first.data?.recordVitals.replayed).toBe(false);
    expect(second.data?.recordVitals.replayed).toBe(true);
    expect(second.data?.recordVitals.observation.id).toBe(first.data?.recordVitals.observation.id);
    // The head, the transaction its idempotency record refuses, that record (where the first result
    // is), then the first result's items (one BatchGetItem) and the head as it is now.
    expect(second.commands).toEqual([
      'GetItemCommand',
      'TransactWriteItemsCommand',
      'GetItemCommand',
      'BatchGetItemCommand',
      'GetItemCommand',
    ]);
    const read = await run<EpisodeData>(viewer, EPISODE, { id: episode.episodeId });
    expect(read.data?.episode.observations.edges).toHaveLength(1);
    expect(read.data?.episode.version).toBe(2);
  });

  it('the idempotency record keeps the first result by reference; a replay reads the same record, gradings and alerts back', async () => {
    const episode = await createEpisode();
    const input = { episodeId: episode.episodeId, temperatureCelsius: 39.2, systolicBp: 84 };
    const VITALS = `mutation($input: RecordVitalsInput!, $key: String!) { recordVitals(input: $input, idempotencyKey: $key) {
      ... on RecordVitalsSuccess { replayed observation { id measuredAt } gradings { id grade drivers { code } } alerts { id escalationId level } } } }`;
    const first = await run<VitalsData>(nurse, VITALS, { input, key: 'ward-7:vitals-ref-1' });
    expect(first.data?.recordVitals.alerts.length).toBeGreaterThan(0);
    const second = await run<VitalsData>(nurse, VITALS, { input, key: 'ward-7:vitals-ref-1' });
    const { replayed: firstReplayed, ...firstResult } = first.data?.recordVitals ?? {};
    const { replayed: secondReplayed, ...secondResult } = second.data?.recordVitals ?? {};
    expect([firstReplayed, secondReplayed]).toEqual([false, true]);
    expect(secondResult).toEqual(firstResult);
    const documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({ ...LOCAL_AWS, endpoint: table.endpoint }),
    );
    const stored = await documents.send(
      new GetCommand({
        TableName: table.tableName,
        Key: idempotencyItemKey(userIdFor('cognito', 'nurse-1'), 'ward-7:vitals-ref-1'),
      }),
    );
    // Keys of the items written, not a copy of them with the episode head.
    expect(stored.Item?.result).toBeUndefined();
    const recording = stored.Item?.recording as
      { recordSk: string; gradingSks: string[]; alertSks: string[] } | undefined;
    expect(recording?.recordSk).toMatch(/^OBS#/);
    expect(recording?.gradingSks.length).toBe(first.data?.recordVitals.gradings.length);
    expect(recording?.alertSks.length).toBe(first.data?.recordVitals.alerts.length);
    expect(JSON.stringify(stored.Item).length).toBeLessThan(1024);
    documents.destroy();
  });

  it('createEpisode with the same key creates one episode', async () => {
    const first = await run<CreateData>(clinician, CREATE, {
      input: newEpisodeInput(),
      key: 'create-episode-0001',
    });
    const again = await run<CreateData>(clinician, CREATE, {
      input: newEpisodeInput(),
      key: 'create-episode-0001',
    });
    expect(again.data?.createEpisode.episode.episodeId).toBe(first.data?.createEpisode.episode.episodeId);
  });
});

describe('connections', () => {
  it('page newest first with record ids as cursors, forward and backward', async () => {
    const episode = await createEpisode();
    const times = ['01:00', '01:10', '01:20', '01:30', '01:40'].map((t) => `2026-03-03T${t}:00+08:00`);
    for (const [i, measuredAt] of times.entries())
      await run<VitalsData>(nurse, RECORD_VITALS, {
        input: { episodeId: episode.episodeId, measuredAt, temperatureCelsius: 37 + i / 10 },
      });
    const PAGE = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { episode(id: $id) { ... on Episode {
      observations(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { clinicalTime } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;
    const page = (variables: Record<string, unknown>) =>
      run<EpisodeData>(viewer, PAGE, { id: episode.episodeId, ...variables });
    const timeOf = (result: Response<EpisodeData>) =>
      dataOf(result).episode.observations.edges.map((e) => e.node.clinicalTime.slice(11, 16));

    const first = await page({ first: 2 });
    expect(timeOf(first)).toEqual(['01:40', '01:30']);
    expect(first.data?.episode.observations.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
    });
    const second = await page({ first: 2, after: first.data?.episode.observations.pageInfo.endCursor });
    expect(timeOf(second)).toEqual(['01:20', '01:10']);
    expect(second.data?.episode.observations.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: true,
    });
    const last = await page({ first: 2, after: second.data?.episode.observations.pageInfo.endCursor });
    expect(timeOf(last)).toEqual(['01:00']);
    expect(last.data?.episode.observations.pageInfo.hasNextPage).toBe(false);
    const back = await page({ last: 2, before: last.data?.episode.observations.pageInfo.startCursor });
    expect(timeOf(back)).toEqual(['01:20', '01:10']);

    const unknown = await page({ first: 2, after: 'not-a-cursor' });
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'after must be a cursor from this connection; received "not-a-cursor"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const tooMany = await page({ first: 101 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('team list paging', () => {
  const team = 'hem-paging';
  const member: User = { role: 'clinician', teams: [team] };
  const LIST = `query($team: String!, $first: Int, $after: String) { episodes(team: $team, first: $first, after: $after) {
    __typename ${ERRORS} ... on EpisodeConnection { edges { cursor node { episodeId } } pageInfo { hasNextPage endCursor } } } }`;
  type Page = { episodes: Connection<{ episodeId: string }> };

  it('never skips or repeats an episode when episodes are updated between pages', async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      created.push((await createEpisode(team)).episodeId);
      clock.advanceMinutes(1);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page: Response<Page> = await run<Page>(member, LIST, { team, first: 2, after });
      expect(page.errors).toBeUndefined();
      seen.push(...dataOf(page).episodes.edges.map((e) => e.node.episodeId));
      // Between pages, every episode not yet listed gets new vital signs (it is "updated").
      for (const id of created.filter((c) => !seen.includes(c))) {
        await run<VitalsData>(member, RECORD_VITALS, { input: febrileHypotensiveOnNorepinephrine(id) });
        clock.advanceMinutes(1);
      }
      if (!dataOf(page).episodes.pageInfo.hasNextPage) break;
      after = dataOf(page).episodes.pageInfo.endCursor;
    }
    expect(seen).toEqual([...created].reverse());
  });

  it('refuses an altered cursor or one of another list, naming `after`, without internals', async () => {
    await createEpisode(team);
    const page = await run<Page>(member, LIST, { team, first: 1 });
    const cursor = must(dataOf(page).episodes.pageInfo.endCursor);
    const other = await run<Page>({ role: 'clinician', teams: [team, 'hem-paging-b'] }, LIST, {
      team: 'hem-paging-b',
      after: cursor,
    });
    const altered = await run<Page>(member, LIST, { team, after: `${cursor.slice(0, -2)}zz` });
    const garbage = await run<Page>(member, LIST, { team, after: '{"PK":"EP#EP-1"}' });
    for (const result of [other, altered, garbage]) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.episodes).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ field: 'after' }],
      });
      expect(JSON.stringify(result.data)).not.toMatch(/stack|GSI|\.ts:\d+/);
      expect(result.commands).toEqual([]);
    }
    expect((other.data?.episodes as unknown as { message: string }).message).toContain('team hem-paging');
  });
});
