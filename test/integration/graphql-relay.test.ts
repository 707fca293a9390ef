import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeRecord } from '../../functions/episodes/records.ts';
import { createGraphQLServer } from '../../functions/graphql/yoga.ts';
import { countingDocumentClient, createTestTable, type TestTable } from '../support/dynamodb.ts';
import { actor, newEpisodeInput, serviceFor, testClock } from '../support/episodes.ts';
import { schema } from '../../schema/index.ts';

/**
 * Relay on DynamoDB Local through the real yoga server: every record, grading and alert refetched
 * by its global id with a bounded read (GetItems, never a Query of the partition), node(id:) with
 * the short ids clinicians see, specific errors for ids it does not accept, no refetch across
 * teams, the episodes of all the viewer's teams paged across teams, and the query result unions.
 */

let table: TestTable;
const clock = testClock('2026-03-03T02:00:00+08:00');
const commands: string[] = [];
let yoga: ReturnType<typeof createGraphQLServer>;
let service: ReturnType<typeof serviceFor>;

const countingClient = (endpoint: string) => countingDocumentClient(endpoint, commands);

beforeAll(async () => {
  table = await createTestTable('graphql-relay');
  service = serviceFor(table, clock.now);
  yoga = createGraphQLServer({
    schema,
    mode: 'development',
    episodes: serviceFor(table, clock.now, countingClient(table.endpoint)),
  });
});
afterAll(async () => table.drop());

type User = { readonly role: 'clinician' | 'nurse' | 'viewer'; readonly teams: readonly string[] } | null;

const eventFor = (user: User): APIGatewayProxyEventV2 =>
  ({
    requestContext: {
      requestId: 'graphql-relay',
      ...(user
        ? {
            authorizer: {
              jwt: {
                claims: {
                  sub: `${user.role}-1`,
                  'cognito:groups': `[role:${user.role} ${user.teams.map((t) => `team:${t}`).join(' ')}]`,
                },
              },
            },
          }
        : {}),
    },
  }) as unknown as APIGatewayProxyEventV2;

type Json = Record<string, unknown>;
type Response = {
  readonly data?: Json;
  readonly errors?: readonly { message: string; extensions?: Json }[];
  readonly commands: string[];
};

const run = async (user: User, query: string, variables: Json = {}): Promise<Response> => {
  commands.length = 0;
  const response = await yoga.fetch(
    'http://localhost/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ query, variables }),
    },
    { event: eventFor(user), lambdaContext: {} as Context },
  );
  const json = (await response.json()) as Omit<Response, 'commands'>;
  return { ...json, commands: [...commands] };
};

const ERRORS = `... on Error { __typename message } ... on ValidationError { issues { field allowed received } }`;
const NODE = `query($id: ID!) { node(id: $id) { __typename id
  ... on ClinicalRecord { recordId episodeId }
  ... on Grading { gradingId domain grade status }
  ... on Alert { alertId escalationId level }
  ... on Episode { episodeId } } }`;
const NODE_RESULT = `query($id: ID!) { nodeResult(id: $id) { __typename ... on NodeFound { node { __typename id } } ${ERRORS} } }`;

const TYPE_OF_KIND = {
  VITALS: 'VitalsObservation',
  NEURO: 'NeuroAssessment',
  LAB: 'LabResult',
  DOSE: 'DoseAdministration',
  DEATH: 'DeathRecord',
  GRADING: 'Grading',
  ALERT: 'Alert',
} as const;
const globalIdOf = (item: EpisodeRecord): string =>
  encodeGlobalID(TYPE_OF_KIND[item.kind], `${item.episodeId}/${item.SK}`);

const team = 'hem-relay';
const member: User = { role: 'viewer', teams: [team] };
const outsider: User = { role: 'clinician', teams: ['hem-relay-other'] };

describe('every record, grading and alert is a refetchable Node', () => {
  const items: EpisodeRecord[] = [];
  let episodeId = '';

  beforeAll(async () => {
    const clinician = actor('clinician', [team]);
    const head = await service.createEpisode(clinician, newEpisodeInput(team));
    episodeId = head.id;
    const vitals = await service.recordVitals(clinician, {
      episodeId,
      temperatureCelsius: 38.9,
      systolicBp: 84,
      spo2Percent: 95,
      oxygen: 'ROOM_AIR',
      vasopressors: ['NOREPINEPHRINE'],
    });
    clock.advanceMinutes(1);
    const neuro = await service.recordNeuroAssessment(clinician, {
      episodeId,
      ice: { orientation: 3, naming: 3, followsCommands: 1, writing: 1, attention: 1 },
    });
    clock.advanceMinutes(1);
    const lab = await service.recordLabResult(clinician, { episodeId, iggGPerL: 3.5 });
    clock.advanceMinutes(1);
    const dose = await service.recordDose(clinician, {
      episodeId,
      drug: 'TOCILIZUMAB',
      mg: 560,
      route: 'IV',
    });
    clock.advanceMinutes(1);
    const death = await service.recordDeath(clinician, { episodeId, attribution: 'CRS' });
    for (const recording of [vitals, neuro, lab, dose, death])
      items.push(recording.record, ...recording.gradings, ...recording.alerts);
  }, 60_000);

  it('refetches each kind by its global id with 2 GetItems (its episode head, the item), never a Query', async () => {
    const kinds = new Set(items.map((item) => item.kind));
    expect([...kinds].sort()).toEqual(['ALERT', 'DEATH', 'DOSE', 'GRADING', 'LAB', 'NEURO', 'VITALS']);
    for (const item of items) {
      const id = globalIdOf(item);
      const result = await run(member, NODE, { id });
      expect(result.errors, item.kind).toBeUndefined();
      expect(result.data?.node, item.kind).toMatchObject({ __typename: TYPE_OF_KIND[item.kind], id });
      expect(result.commands.sort(), item.kind).toEqual(['GetItemCommand', 'GetItemCommand']);
    }
    const grading = items.find((item) => item.kind === 'GRADING' && item.domain === 'CRS');
    if (!grading) throw new Error('no CRS grading');
    const refetched = await run(member, NODE, { id: globalIdOf(grading) });
    expect(refetched.data?.node).toMatchObject({ domain: 'CRS', grade: 3, status: 'GRADED' });
  });

  it('the id a field answers is the id node(id:) refetches (a refetchable fragment on an alert)', async () => {
    const page = await run(
      member,
      `query($id: ID!) { episode(id: $id) { ... on Episode { alerts(first: 1) { edges { node { id ...AlertCard } } } } } }
       fragment AlertCard on Alert { alertId escalationId level acknowledged }`,
      { id: episodeId },
    );
    const alert = (page.data?.episode as { alerts: { edges: { node: Json }[] } }).alerts.edges[0]?.node;
    expect(alert).toBeDefined();
    const again = await run(
      member,
      `query($id: ID!) { node(id: $id) { id ...AlertCard } } fragment AlertCard on Alert { alertId escalationId level acknowledged }`,
      { id: alert?.id },
    );
    expect(again.data?.node).toEqual(alert);
  });

  it('node(id:) accepts the short ids clinicians see: "EP-12" and "EP-12/<record id>"', async () => {
    const episode = await run(member, NODE, { id: episodeId });
    expect(episode.data?.node).toEqual({
      __typename: 'Episode',
      id: encodeGlobalID('Episode', episodeId),
      episodeId,
    });
    expect(episode.commands).toEqual(['GetItemCommand']);
    const vitals = items.find((item) => item.kind === 'VITALS') as EpisodeRecord;
    const short = await run(member, NODE, { id: `${episodeId}/${vitals.id}` });
    expect(short.data?.node).toMatchObject({
      __typename: 'VitalsObservation',
      id: globalIdOf(vitals),
      recordId: vitals.id,
    });
    // The head, the record's lookup and the record: 3 GetItems.
    expect(short.commands).toEqual(['GetItemCommand', 'GetItemCommand', 'GetItemCommand']);
  });

  it('an id it does not accept is a BAD_USER_INPUT error saying what it expects (never "Invalid global ID" alone)', async () => {
    const vitals = items.find((item) => item.kind === 'VITALS') as EpisodeRecord;
    for (const [id, why] of [
      ['not-an-id', 'neither a short id nor a global id'],
      [vitals.id, `prefix it, e.g. "EP-12/${vitals.id}"`],
      ['ep12', 'e.g. "EP-12"'],
      [encodeGlobalID('Viewer', 'x'), 'type Viewer, which cannot be refetched'],
      [encodeGlobalID('Grading', 'EP-1'), 'does not carry its episode and key'],
    ] as const) {
      const result = await run(member, NODE, { id });
      expect(result.data?.node ?? null, id).toBeNull();
      const [error] = result.errors ?? [];
      expect(error?.extensions, id).toMatchObject({
        code: 'BAD_USER_INPUT',
        issues: [{ field: 'id', received: id }],
      });
      expect(error?.message, id).toContain('an episode id ("EP-12")');
      expect(error?.message, id).toContain(why);
      expect(result.commands, id).toEqual([]);
      const typed = await run(member, NODE_RESULT, { id });
      expect(typed.data?.nodeResult, id).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ field: 'id' }],
      });
    }
  });

  it("another team's node is refused for every kind, exactly like a missing one", async () => {
    for (const item of items) {
      const id = globalIdOf(item);
      const result = await run(outsider, NODE, { id });
      expect(result.errors, item.kind).toBeUndefined();
      expect(result.data, item.kind).toEqual({ node: null });
      const typed = await run(outsider, NODE_RESULT, { id });
      expect(typed.data?.nodeResult, item.kind).toMatchObject({ __typename: 'NotFoundError' });
    }
    for (const id of [episodeId, `${episodeId}/${items[0]?.id ?? ''}`]) {
      expect((await run(outsider, NODE, { id })).data).toEqual({ node: null });
      expect((await run(outsider, NODE_RESULT, { id })).data?.nodeResult).toMatchObject({
        __typename: 'NotFoundError',
      });
    }
    const unsigned = await run(null, NODE_RESULT, { id: episodeId });
    expect(unsigned.data?.nodeResult).toEqual({
      __typename: 'ForbiddenError',
      message: 'Sign in to read episodes',
    });
  });

  it('a node id of one kind does not refetch an item of another kind', async () => {
    const vitals = items.find((item) => item.kind === 'VITALS') as EpisodeRecord;
    const asDose = encodeGlobalID('DoseAdministration', `${vitals.episodeId}/${vitals.SK}`);
    expect((await run(member, NODE, { id: asDose })).data).toEqual({ node: null });
  });
});

describe("episodes without team: every episode of the viewer's teams", () => {
  const teams = ['hem-all-b', 'hem-all-a'];
  const both: User = { role: 'viewer', teams };
  const LIST = `query($first: Int, $after: String, $team: String) { episodes(first: $first, after: $after, team: $team) {
    __typename ${ERRORS}
    ... on EpisodeConnection { edges { cursor node { episodeId team } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
  type Page = { edges: { cursor: string; node: { episodeId: string; team: string } }[]; pageInfo: Json };
  const created: Record<string, string[]> = { 'hem-all-a': [], 'hem-all-b': [] };

  beforeAll(async () => {
    for (const [name, count] of [
      ['hem-all-a', 3],
      ['hem-all-b', 2],
    ] as const)
      for (let i = 0; i < count; i += 1) {
        created[name]?.push(
          (await service.createEpisode(actor('clinician', [name]), newEpisodeInput(name))).id,
        );
        clock.advanceMinutes(1);
      }
    // An episode of a team the viewer is not in.
    await service.createEpisode(actor('clinician', ['hem-all-c']), newEpisodeInput('hem-all-c'));
  }, 60_000);

  it('pages teams by name, newest course first in each, across teams, with one Query per team page', async () => {
    const seen: string[] = [];
    const queries: number[] = [];
    let after: unknown = null;
    for (let pageNo = 0; pageNo < 5; pageNo += 1) {
      const result = await run(both, LIST, { first: 2, after });
      expect(result.errors).toBeUndefined();
      const page = result.data?.episodes as Page;
      seen.push(...page.edges.map((e) => e.node.episodeId));
      queries.push(result.commands.filter((c) => c === 'QueryCommand').length);
      expect(result.commands.every((c) => c === 'QueryCommand')).toBe(true);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = [...(created['hem-all-a'] ?? [])]
      .reverse()
      .concat([...(created['hem-all-b'] ?? [])].reverse());
    expect(seen).toEqual(expected);
    // Page 1: 2 of team a (1 Query). Page 2: the last of a, then 1 of b (2 Queries). Page 3: the
    // rest of b (1 Query, exact: no next page).
    expect(queries).toEqual([1, 2, 1]);
  });

  it('an edge cursor continues right after its episode; a full page that ends a team knows a next one follows', async () => {
    const all = (await run(both, LIST, { first: 5 })).data?.episodes as Page;
    expect(all.edges.map((e) => e.node.team)).toEqual([
      'hem-all-a',
      'hem-all-a',
      'hem-all-a',
      'hem-all-b',
      'hem-all-b',
    ]);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const fromThird = (await run(both, LIST, { first: 5, after: all.edges[2]?.cursor })).data
      ?.episodes as Page;
    expect(fromThird.edges.map((e) => e.node.episodeId)).toEqual(
      all.edges.slice(3).map((e) => e.node.episodeId),
    );
    const three = (await run(both, LIST, { first: 3 })).data?.episodes as Page;
    expect(three.pageInfo.hasNextPage).toBe(true);
  });

  it("with team it is that team's list, unchanged; cursors of one list are refused by the other", async () => {
    const one = await run(both, LIST, { team: 'hem-all-b', first: 1 });
    const teamPage = one.data?.episodes as Page;
    expect(teamPage.edges.map((e) => e.node.episodeId)).toEqual([created['hem-all-b']?.at(-1)]);
    expect(one.commands).toEqual(['QueryCommand']);
    const mixed = await run(both, LIST, { first: 1, after: teamPage.pageInfo.endCursor });
    expect(mixed.data?.episodes).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'after' }],
    });
    const allPage = (await run(both, LIST, { first: 1 })).data?.episodes as Page;
    const back = await run(both, LIST, { team: 'hem-all-a', first: 1, after: allPage.pageInfo.endCursor });
    expect(back.data?.episodes).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'after' }],
    });
    const altered = await run(both, LIST, {
      first: 1,
      after: `${String(allPage.pageInfo.endCursor).slice(0, -2)}zz`,
    });
    expect(altered.data?.episodes).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'after' }],
    });
    expect(altered.commands).toEqual([]);
  });
});

describe('queries over patient data answer result unions with the typed errors of the mutations', () => {
  const EPISODE = `query($id: ID!) { episode(id: $id) { __typename ... on Episode { episodeId } ${ERRORS} } }`;

  it('validation (field, allowed, received), not found, forbidden', async () => {
    const invalid = await run(member, EPISODE, { id: 'patient-42' });
    expect(invalid.errors).toBeUndefined();
    expect(invalid.data?.episode).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'episodeId', received: '"patient-42"' }],
    });
    expect((invalid.data?.episode as { issues: { allowed: string }[] }).issues[0]?.allowed).not.toBe('');
    const missing = await run(member, EPISODE, { id: 'EP-999999' });
    expect(missing.data?.episode).toEqual({
      __typename: 'NotFoundError',
      message: 'Episode EP-999999 not found',
    });
    const unsigned = await run(null, EPISODE, { id: 'EP-1' });
    expect(unsigned.data?.episode).toEqual({
      __typename: 'ForbiddenError',
      message: 'Sign in to read episodes',
    });
    const list = await run(member, `{ episodes(last: 2) { __typename ${ERRORS} } }`);
    expect(list.data?.episodes).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'last/before', received: '2' }],
    });
  });
});
