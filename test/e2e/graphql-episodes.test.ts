import { describe, expect, inject, it } from 'vitest';
import { addDays, calendarDateIn } from '#rules';
import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';
import { withActionKey } from '../support/action-keys.ts';
import { clearOfHospitalMidnight } from '../support/hospital-midnight.ts';

/**
 * The episode API over real HTTP against the started local system (npm start): JWTs from the
 * local issuer, the API Gateway v2 adapter, the deployed handler and DynamoDB Local.
 */
const baseUrl = inject('baseUrl');
const TEAM = 'e2e-gql';

type Role = 'clinician' | 'nurse' | 'viewer';
type Issue = { field: string; allowed: string; received: string | null };
/** A result union member: the success type's fields, or a typed error's message and issues. */
type Outcome<S> = S & { __typename: string; message?: string; issues?: Issue[] };
type Alert = { id: string; escalationId: string; level: string };
type Grading = { domain: string; grade: number | null; recommendations: { dose: { mg: number } | null }[] };
type Connection<T> = { edges: { node: T }[] };
type Recording = {
  replayed: boolean;
  observation: { id: string };
  gradings: Grading[];
  alerts: Alert[];
  episode: { currentState: { crsGrade: number | null; tocilizumab: unknown } };
  dose: { givenAt: string };
};
type Timeline = {
  currentState: { openAlerts: Alert[] };
  observations: Connection<unknown>;
  gradings: Connection<Grading>;
  alerts: Connection<Alert>;
};
type Result<T> = { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** The data of a response that must have no errors. */
const dataOf = <T>(result: Result<T>): T => {
  expect(result.errors).toBeUndefined();
  if (result.data === undefined) throw new Error('no data');
  return result.data;
};
const must = <T>(value: T | null | undefined): T => {
  if (value == null) throw new Error('expected a value');
  return value;
};

const tokenFor = async (role: Role, teams: readonly string[] = [TEAM]) =>
  issueToken(await loadOrCreateSigningKey(inject('localAuthKeyFile')), {
    userId: `e2e-gql-${role}`,
    role,
    teams,
  });

const graphql = async <T = Record<string, unknown>>(
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Result<T>> => {
  const response = await fetch(`${baseUrl}${token ? '/graphql' : '/public/graphql'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables: withActionKey(query, variables) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Result<T>;
};

/** A date `offset` days from today in the hospital's calendar (the server's default time zone). */
const day = (offset: number): string => addDays(calendarDateIn(new Date()), offset);

const ERRORS = `... on Error { __typename message } ... on ValidationError { issues { field allowed received } }`;

const CREATE = `mutation($input: CreateEpisodeInput!, $key: String!) { createEpisode(input: $input, idempotencyKey: $key) { __typename
  ... on CreateEpisodeSuccess { episode { id episodeId } } ${ERRORS} } }`;

const VITALS = `mutation($input: RecordVitalsInput!, $key: String!) { recordVitals(input: $input, idempotencyKey: $key) { __typename
  ... on RecordVitalsSuccess { replayed observation { id }
    gradings { domain grade recommendations { ruleId text dose { drug mg } } citations { section } }
    alerts { id escalationId level text }
    episode { currentState { crsGrade openAlertCount } } }
  ${ERRORS} } }`;

const DOSE = `mutation($input: RecordDoseInput!, $key: String!) { recordDose(input: $input, idempotencyKey: $key) { __typename
  ... on RecordDoseSuccess { dose { givenAt } episode { currentState { tocilizumab { status dosesGiven earliestNextDoseAt } } } }
  ${ERRORS} } }`;

const ACK = `mutation($input: AcknowledgeAlertInput!) { acknowledgeAlert(input: $input) { __typename
  ... on AcknowledgeAlertSuccess { alert { acknowledged acknowledgedBy { userId } } } ${ERRORS} } }`;

const TIMELINE = `query($id: ID!) { episode(id: $id) { __typename
  ... on Episode {
    episodeId status
    currentState { crsGrade daysSinceInfusion openAlertCount tocilizumab { dosesGiven status } openAlerts { escalationId } nextFollowUpVisit { date } }
    observations { edges { node { __typename ... on VitalsObservation { temperatureCelsius systolicBp vasopressors } recordedBy { userId role } } } }
    gradings { edges { node { domain grade } } }
    doses { edges { node { drug mg } } }
    alerts { edges { node { escalationId level acknowledged acknowledgedBy { userId } } } }
  }
  ${ERRORS} } }`;

const createEpisode = async (token: string): Promise<{ id: string; episodeId: string }> => {
  const result = await graphql<{ createEpisode: Outcome<{ episode: { id: string; episodeId: string } }> }>(
    token,
    CREATE,
    {
      input: {
        patientRef: 'P-E2E-0001',
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
  expect(dataOf(result).createEpisode.__typename).toBe('CreateEpisodeSuccess');
  return dataOf(result).createEpisode.episode;
};

const febrileHypotensive = (episodeId: string) => ({
  episodeId,
  temperatureCelsius: 38.9,
  systolicBp: 84,
  heartRate: 124,
  spo2Percent: 95,
  oxygen: 'ROOM_AIR',
  vasopressors: ['NOREPINEPHRINE'],
});

describe('the episode lifecycle over HTTP', () => {
  it('a clinician creates an episode, sees CRS 3 with management and a critical alert, gives tocilizumab, acknowledges, and a viewer reads the timeline', async () => {
    // Its dates and the server's count from the same hospital day.
    await clearOfHospitalMidnight();
    const [clinician, nurse, viewer] = await Promise.all([
      tokenFor('clinician'),
      tokenFor('nurse'),
      tokenFor('viewer'),
    ]);
    const episode = await createEpisode(clinician);

    const vitals = await graphql<{ recordVitals: Outcome<Recording> }>(nurse, VITALS, {
      input: febrileHypotensive(episode.episodeId),
    });
    const recorded = dataOf(vitals).recordVitals;
    expect(recorded.__typename).toBe('RecordVitalsSuccess');
    const crs = must(recorded.gradings.find((g) => g.domain === 'CRS'));
    expect(crs.grade).toBe(3);
    expect(crs.recommendations.map((r) => r.dose?.mg)).toContain(560);
    const critical = must(recorded.alerts.find((a) => a.escalationId === 'ESC-CRS3'));
    expect(critical).toMatchObject({ level: 'CRITICAL' });
    expect(recorded.episode.currentState).toMatchObject({ crsGrade: 3 });

    // A nurse may record observations but not doses.
    const refused = await graphql<{ recordDose: Outcome<Recording> }>(nurse, DOSE, {
      input: { episodeId: episode.episodeId, drug: 'TOCILIZUMAB', mg: 560, route: 'IV' },
    });
    expect(refused.data?.recordDose).toEqual({
      __typename: 'ForbiddenError',
      message: 'Your role (nurse) cannot record doses',
    });

    const dose = await graphql<{ recordDose: Outcome<Recording> }>(clinician, DOSE, {
      input: { episodeId: episode.id, drug: 'TOCILIZUMAB', mg: 560, route: 'IV' },
    });
    const given = dataOf(dose).recordDose;
    expect(given.__typename).toBe('RecordDoseSuccess');
    expect(given.episode.currentState.tocilizumab).toEqual({
      status: 'TOO_SOON',
      dosesGiven: 1,
      earliestNextDoseAt: new Date(Date.parse(given.dose.givenAt) + 8 * 3_600_000).toISOString(),
    });

    const ack = await graphql<{ acknowledgeAlert: Outcome<unknown> }>(clinician, ACK, {
      input: { episodeId: episode.episodeId, alertId: critical.id },
    });
    expect(ack.data?.acknowledgeAlert).toEqual({
      __typename: 'AcknowledgeAlertSuccess',
      alert: { acknowledged: true, acknowledgedBy: { userId: 'cognito:e2e-gql-clinician' } },
    });

    const timeline = await graphql<{ episode: Outcome<Timeline> }>(viewer, TIMELINE, { id: episode.id });
    const read = dataOf(timeline).episode;
    expect(read).toMatchObject({
      __typename: 'Episode',
      status: 'ACTIVE',
      currentState: {
        crsGrade: 3,
        daysSinceInfusion: 2,
        tocilizumab: { dosesGiven: 1, status: 'TOO_SOON' },
        nextFollowUpVisit: { date: day(12) },
      },
      observations: {
        edges: [
          {
            node: {
              __typename: 'VitalsObservation',
              temperatureCelsius: 38.9,
              systolicBp: 84,
              vasopressors: ['NOREPINEPHRINE'],
              recordedBy: { userId: 'cognito:e2e-gql-nurse', role: 'NURSE' },
            },
          },
        ],
      },
      doses: { edges: [{ node: { drug: 'TOCILIZUMAB', mg: 560 } }] },
    });
    expect(read.currentState.openAlerts.map((a) => a.escalationId)).not.toContain('ESC-CRS3');
    const alert = must(read.alerts.edges.find((e) => e.node.escalationId === 'ESC-CRS3')).node;
    expect(alert).toEqual({
      escalationId: 'ESC-CRS3',
      level: 'CRITICAL',
      acknowledged: true,
      acknowledgedBy: { userId: 'cognito:e2e-gql-clinician' },
    });
    expect(read.gradings.edges.map((e) => e.node.domain)).toEqual(
      expect.arrayContaining(['CRS', 'TOCILIZUMAB']),
    );
  });
});

describe('authorisation over HTTP', () => {
  it("another team's episode answers exactly like a missing one", async () => {
    const episode = await createEpisode(await tokenFor('clinician'));
    const outsider = await tokenFor('clinician', ['e2e-other']);
    const foreign = await graphql<{ episode: Outcome<Timeline> }>(outsider, TIMELINE, {
      id: episode.episodeId,
    });
    const missing = await graphql<{ episode: Outcome<Timeline> }>(outsider, TIMELINE, { id: 'EP-987654' });
    expect(foreign.data?.episode).toEqual({
      __typename: 'NotFoundError',
      message: `Episode ${episode.episodeId} not found`,
    });
    expect(JSON.stringify(foreign).replaceAll(episode.episodeId, 'X')).toBe(
      JSON.stringify(missing).replaceAll('EP-987654', 'X'),
    );
  });

  it('a viewer reads the list but cannot write; without a token there is nothing to read', async () => {
    const episode = await createEpisode(await tokenFor('clinician'));
    const viewer = await tokenFor('viewer');
    const list = await graphql<{ episodes: Connection<{ episodeId: string }> }>(
      viewer,
      `
        query ($team: String!) {
          episodes(team: $team, first: 100) {
            ... on EpisodeConnection {
              edges {
                node {
                  episodeId
                }
              }
            }
          }
        }
      `,
      { team: TEAM },
    );
    expect(dataOf(list).episodes.edges.map((e) => e.node.episodeId)).toContain(episode.episodeId);
    const write = await graphql<{ recordVitals: Outcome<Recording> }>(viewer, VITALS, {
      input: { episodeId: episode.episodeId, temperatureCelsius: 38 },
    });
    expect(write.data?.recordVitals).toEqual({
      __typename: 'ForbiddenError',
      message: 'Your role (viewer) cannot record observations',
    });
    // Without a token only the public calculators' API answers, and it has no episodes at all.
    const anonymous = await graphql<{ episode: Outcome<Timeline> }>(null, TIMELINE, {
      id: episode.episodeId,
    });
    expect(anonymous.data).toBeUndefined();
    expect(anonymous.errors?.map((error) => error.message)).toContainEqual(
      expect.stringMatching(/^Cannot query field "episode" on type "Query"\./),
    );
  });
});

describe('validation and idempotency over HTTP', () => {
  it('a validation error names the field, the allowed range and the value received', async () => {
    const episode = await createEpisode(await tokenFor('clinician'));
    const result = await graphql<{ recordVitals: Outcome<Recording> }>(await tokenFor('nurse'), VITALS, {
      input: { episodeId: episode.episodeId, temperatureCelsius: 99.1, systolicBp: 84 },
    });
    expect(result.data?.recordVitals).toEqual({
      __typename: 'ValidationError',
      message: 'input.temperatureCelsius must be between 25 and 45 °C; received 99.1',
      issues: [{ field: 'input.temperatureCelsius', allowed: 'between 25 and 45 °C', received: '99.1' }],
    });
  });

  it('replaying an idempotency key writes once', async () => {
    const episode = await createEpisode(await tokenFor('clinician'));
    const nurse = await tokenFor('nurse');
    const input = febrileHypotensive(episode.episodeId);
    const first = await graphql<{ recordVitals: Outcome<Recording> }>(nurse, VITALS, {
      input,
      key: 'e2e-vitals-key-0001',
    });
    const again = await graphql<{ recordVitals: Outcome<Recording> }>(nurse, VITALS, {
      input,
      key: 'e2e-vitals-key-0001',
    });
    expect(dataOf(first).recordVitals.replayed).toBe(false);
    expect(again.data?.recordVitals).toMatchObject({
      replayed: true,
      observation: dataOf(first).recordVitals.observation,
    });
    const timeline = await graphql<{ episode: Outcome<Timeline> }>(nurse, TIMELINE, {
      id: episode.episodeId,
    });
    expect(timeline.data?.episode.observations.edges).toHaveLength(1);
  });
});
