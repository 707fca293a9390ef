import { describe, expect, inject, it } from 'vitest';
import { addDays, calendarDateIn } from '#rules';
import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';
import { withActionKey } from '../support/action-keys.ts';

/**
 * Relay over real HTTP against the started local system: each node kind refetched by the id its
 * fields answer, node(id:) with the short ids clinicians see, the error a bad id gets, no refetch
 * across teams, the episodes of all the viewer's teams paged across teams, and the result unions
 * of the queries.
 */
const baseUrl = inject('baseUrl');
const TEAM_A = 'e2e-relay-a';
const TEAM_B = 'e2e-relay-b';

type Json = Record<string, unknown>;
type Result = { data?: Json; errors?: { message: string; extensions?: Json }[] };

const tokenFor = async (
  role: 'clinician' | 'nurse' | 'viewer',
  teams: readonly string[],
  userId = `e2e-relay-${role}`,
) => issueToken(await loadOrCreateSigningKey(inject('localAuthKeyFile')), { userId, role, teams });

const graphql = async (token: string | null, query: string, variables: Json = {}): Promise<Result> => {
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
  return (await response.json()) as Result;
};

const field = (result: Result, name: string): Json => {
  expect(result.errors).toBeUndefined();
  return result.data?.[name] as Json;
};

const day = (offset: number): string => addDays(calendarDateIn(new Date()), offset);
const ERRORS = `... on Error { __typename message } ... on ValidationError { issues { field allowed received } }`;
const RECORDED = `__typename ${ERRORS} ... on Recording { gradings { __typename id } alerts { __typename id } }`;

const createEpisode = async (token: string, team: string): Promise<string> => {
  const created = await graphql(
    token,
    `mutation($input: CreateEpisodeInput!, $key: String!) { createEpisode(input: $input, idempotencyKey: $key) {
      __typename ... on CreateEpisodeSuccess { episode { episodeId } } ${ERRORS} } }`,
    {
      input: {
        patientRef: 'P-E2E-RELAY',
        team,
        weightKg: 70,
        heightCm: 170,
        product: 'CARTITUDE_1',
        lymphodepletionStartDate: day(-7),
        lymphodepletionEndDate: day(-5),
        infusionDate: day(-2),
      },
    },
  );
  return (field(created, 'createEpisode').episode as { episodeId: string }).episodeId;
};

const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on ClinicalRecord { recordId } } }`;
const NODE_RESULT = `query($id: ID!) { nodeResult(id: $id) { __typename ... on NodeFound { node { __typename id } } ${ERRORS} } }`;

describe('Relay over HTTP', () => {
  it('refetches each node kind by the id its fields answer, and by the short ids; a bad id says what is expected; another team gets nothing', async () => {
    const clinician = await tokenFor('clinician', [TEAM_A]);
    const episodeId = await createEpisode(clinician, TEAM_A);
    const nodes: { __typename: string; id: string; recordId?: string }[] = [];
    const record = async (mutation: string, input: string, recordField: string, values: Json) => {
      const result = await graphql(
        clinician,
        `mutation($input: ${input}!, $key: String!) { ${mutation}(input: $input, idempotencyKey: $key) {
          ${RECORDED} ... on ${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Success { ${recordField} { __typename id recordId } } } }`,
        { input: { episodeId, ...values } },
      );
      const answer = field(result, mutation);
      expect(answer.__typename, mutation).toMatch(/Success$/);
      nodes.push(
        answer[recordField] as never,
        ...(answer.gradings as never[]),
        ...(answer.alerts as never[]),
      );
    };
    await record('recordVitals', 'RecordVitalsInput', 'observation', {
      temperatureCelsius: 38.9,
      systolicBp: 84,
      spo2Percent: 95,
      oxygen: 'ROOM_AIR',
      vasopressors: ['NOREPINEPHRINE'],
    });
    await record('recordNeuroAssessment', 'RecordNeuroAssessmentInput', 'observation', {
      ice: { orientation: 3, naming: 3, followsCommands: 1, writing: 1, attention: 1 },
    });
    await record('recordLabResult', 'RecordLabResultInput', 'observation', { iggGPerL: 3.5 });
    await record('recordDose', 'RecordDoseInput', 'dose', { drug: 'TOCILIZUMAB', mg: 560, route: 'IV' });
    await record('recordDeath', 'RecordDeathInput', 'death', { attribution: 'CRS' });
    expect(new Set(nodes.map((n) => n.__typename))).toEqual(
      new Set([
        'VitalsObservation',
        'NeuroAssessment',
        'LabResult',
        'DoseAdministration',
        'DeathRecord',
        'Grading',
        'Alert',
      ]),
    );

    const reader = await tokenFor('viewer', [TEAM_A]);
    for (const node of nodes) {
      const again = field(await graphql(reader, NODE, { id: node.id }), 'node');
      expect(again, node.__typename).toMatchObject({ __typename: node.__typename, id: node.id });
    }
    // Short ids: the episode, and a record as a Slack reply shows it.
    expect(field(await graphql(reader, NODE, { id: episodeId }), 'node')).toMatchObject({
      __typename: 'Episode',
    });
    const vitals = nodes.find((n) => n.__typename === 'VitalsObservation');
    expect(
      field(await graphql(reader, NODE, { id: `${episodeId}/${vitals?.recordId ?? ''}` }), 'node'),
    ).toEqual(vitals);

    const bad = await graphql(reader, NODE, { id: 'EP12' });
    expect(bad.data?.node ?? null).toBeNull();
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ field: 'id', received: 'EP12' }],
    });
    expect(bad.errors?.[0]?.message).toContain('an episode id ("EP-12")');
    expect(bad.errors?.[0]?.message).not.toBe('Invalid global ID: EP12');
    expect(field(await graphql(reader, NODE_RESULT, { id: 'EP12' }), 'nodeResult')).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'id', received: '"EP12"' }],
    });

    const outsider = await tokenFor('clinician', [TEAM_B], 'e2e-relay-outsider');
    for (const id of [...nodes.map((n) => n.id), episodeId, `${episodeId}/${vitals?.recordId ?? ''}`]) {
      expect((await graphql(outsider, NODE, { id })).data, id).toEqual({ node: null });
      expect(field(await graphql(outsider, NODE_RESULT, { id }), 'nodeResult'), id).toMatchObject({
        __typename: 'NotFoundError',
      });
    }
  });

  it("lists every episode of the viewer's teams without team, paging across the two teams", async () => {
    const created: Record<string, string[]> = { [TEAM_A]: [], [TEAM_B]: [] };
    for (const team of [TEAM_A, TEAM_B, TEAM_A, TEAM_B])
      created[team]?.push(await createEpisode(await tokenFor('clinician', [team]), team));
    const both = await tokenFor('viewer', [TEAM_B, TEAM_A], 'e2e-relay-both');
    const LIST = `query($after: String) { episodes(first: 1, after: $after) { __typename ${ERRORS}
      ... on EpisodeConnection { edges { node { episodeId team } } pageInfo { hasNextPage endCursor } } } }`;
    const seen: { episodeId: string; team: string }[] = [];
    let after: unknown = null;
    for (let page = 0; page < 100; page += 1) {
      const list = field(await graphql(both, LIST, { after }), 'episodes') as {
        edges: { node: { episodeId: string; team: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      seen.push(...list.edges.map((e) => e.node));
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    // Teams by name (a before b), each newest course first; nothing repeated.
    const ids = seen.map((s) => s.episodeId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.map((s) => s.team)).toEqual([...seen.map((s) => s.team)].sort());
    for (const team of [TEAM_A, TEAM_B]) {
      const listed = seen.filter((s) => s.team === team).map((s) => s.episodeId);
      expect(listed.slice(0, 2)).toEqual([...(created[team] ?? [])].reverse());
    }
  });

  it('queries answer result unions: ValidationError, NotFoundError, ForbiddenError', async () => {
    const reader = await tokenFor('viewer', [TEAM_A]);
    const EPISODE = `query($id: ID!) { episode(id: $id) { __typename ... on Episode { episodeId } ${ERRORS} } }`;
    expect(field(await graphql(reader, EPISODE, { id: 'patient-42' }), 'episode')).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'episodeId', received: '"patient-42"' }],
    });
    expect(field(await graphql(reader, EPISODE, { id: 'EP-987654' }), 'episode')).toEqual({
      __typename: 'NotFoundError',
      message: 'Episode EP-987654 not found',
    });
    // Without a token only the public calculators' API answers, and it has no episodes at all.
    for (const [query, name] of [
      [EPISODE, 'episode'],
      [`{ episodes { __typename ${ERRORS} } }`, 'episodes'],
    ] as const) {
      const anonymous = await graphql(null, query, { id: 'EP-1' });
      expect(anonymous.errors?.map((error) => error.message)).toContainEqual(
        expect.stringMatching(new RegExp(`^Cannot query field "${name}" on type "Query"\\.`)),
      );
    }
    expect(
      field(await graphql(reader, `{ episodes(first: 101) { __typename ${ERRORS} } }`), 'episodes'),
    ).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'first', allowed: 'between 1 and 100', received: '101' }],
    });
  });
});
