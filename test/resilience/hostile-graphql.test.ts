import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  issueToken,
  LOCAL_CLIENT_ID,
  LOCAL_ISSUER,
  loadOrCreateSigningKey,
  type LocalSigningKey,
} from '../../functions/local/local-auth.ts';
import { createSlackClient, newEpisode, uniqueId, type MappedChannel } from '../support/slack-client.ts';
import { withActionKey } from '../support/action-keys.ts';

/**
 * Hostile callers of the GraphQL API on the started local system: forged, stale and misdirected
 * tokens (the local server verifies them as API Gateway's JWT authorizer does), a valid token of
 * one team reaching for another team's episodes (GraphQL and Slack alike), and anonymous queries
 * built to exhaust the server (depth, aliases, tokens, directives, batching, size).
 */
const baseUrl = inject('baseUrl');
const slack = createSlackClient({ baseUrl, signingSecret: inject('slackSigningSecret') });

let key: LocalSigningKey;
let teamA: MappedChannel;
let teamB: MappedChannel;
let episodeOfA: string;

beforeAll(async () => {
  key = await loadOrCreateSigningKey(inject('localAuthKeyFile'));
  const suffix = uniqueId('').toLowerCase();
  teamA = await slack.mappedChannel({
    channelId: uniqueId('C0TEAMA'),
    team: `team-a-${suffix}`,
    oncall: 'S0TEAMA',
  });
  teamB = await slack.mappedChannel({
    channelId: uniqueId('C0TEAMB'),
    team: `team-b-${suffix}`,
    oncall: 'S0TEAMB',
  });
  episodeOfA = await newEpisode(teamA);
});

type Response = { readonly status: number; readonly body: string };
const post = async (path: string, body: string, headers: Record<string, string> = {}): Promise<Response> => {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, body: await response.text() };
};
const query = (path: string, text: string, token?: string, variables: Record<string, unknown> = {}) =>
  post(
    path,
    JSON.stringify({ query: text, variables: withActionKey(text, variables) }),
    token ? { authorization: `Bearer ${token}` } : {},
  );

const now = () => Math.floor(Date.now() / 1000);
const CLAIMS = (team: string): JWTPayload => ({
  sub: 'intruder',
  iss: LOCAL_ISSUER,
  client_id: LOCAL_CLIENT_ID,
  token_use: 'access',
  'cognito:groups': ['role:clinician', `team:${team}`],
  iat: now(),
  exp: now() + 3600,
});
const signed = (claims: JWTPayload, signer: LocalSigningKey = key) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: signer.kid }).sign(signer.privateKey);

describe('forged and stale tokens', () => {
  it('none is accepted by the local JWT authorizer', async () => {
    const team = teamA.team;
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const stranger: LocalSigningKey = { privateKey, publicKey, kid: key.kid };
    const valid = await signed(CLAIMS(team));
    const [header, payload, signature] = valid.split('.');
    const otherTeam = Buffer.from(
      JSON.stringify({ ...CLAIMS(team), 'cognito:groups': ['role:clinician', 'team:*'] }),
    ).toString('base64url');
    const hmacConfusion = await new SignJWT(CLAIMS(team))
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .sign(new TextEncoder().encode(JSON.stringify(await exportJWK(key.publicKey))));
    const without = (name: string): JWTPayload =>
      Object.fromEntries(Object.entries(CLAIMS(team)).filter(([claim]) => claim !== name));
    const forged: [string, string][] = [
      ['another key with the same kid', await signed(CLAIMS(team), stranger)],
      ['alg none', new UnsecuredJWT(CLAIMS(team)).encode()],
      ['HS256 keyed with the public key', hmacConfusion],
      ['expired 61 s ago', await signed({ ...CLAIMS(team), exp: now() - 61 })],
      ['expired a day ago', await signed({ ...CLAIMS(team), iat: now() - 90_000, exp: now() - 86_400 })],
      ['no expiry', await signed(without('exp'))],
      ['not valid for an hour', await signed({ ...CLAIMS(team), nbf: now() + 3600 })],
      ['issued an hour from now', await signed({ ...CLAIMS(team), iat: now() + 3600 })],
      ['another issuer', await signed({ ...CLAIMS(team), iss: 'https://cognito-idp.example/other' })],
      ['another client', await signed({ ...CLAIMS(team), client_id: 'other-app' })],
      ['another audience', await signed({ ...CLAIMS(team), aud: 'other-app' })],
      ['changed groups, original signature', `${header}.${otherTeam}.${signature}`],
      [
        'payload of one token, signature of another',
        `${header}.${payload}.${(await signed(CLAIMS('x'))).split('.')[2]}`,
      ],
      ['garbage', 'not.a.token'],
      ['empty', ''],
    ];
    const statuses: number[] = [];
    for (const [, token] of forged) {
      for (const path of ['/graphql']) {
        const response = await query(path, `{ episode(id: "${episodeOfA}") { __typename } }`, token);
        statuses.push(response.status);
      }
    }
    const basic = await post('/graphql', JSON.stringify({ query: '{ health { status } }' }), {
      authorization: 'Basic YTpi',
    });
    statuses.push(basic.status);
    const accepted = statuses.filter((status) => status !== 401).length;
    console.log(
      `hostile-jwt: ${accepted} of ${statuses.length} forged, stale or misdirected tokens accepted`,
    );
    expect(statuses).toEqual(statuses.map(() => 401));
    // The same claims, correctly signed, are accepted: the refusals are the checks, not the set-up.
    expect((await query('/graphql', '{ health { status } }', valid)).status).toBe(200);
  });
});

describe('cross-team access with a valid token', () => {
  it("team B reads, lists and writes nothing of team A's, over GraphQL and Slack", async () => {
    const tokenB = await issueToken(key, { userId: 'clinician-b', role: 'clinician', teams: [teamB.team] });
    const attempts = [
      await query(
        '/graphql',
        `query($id: ID!) { episode(id: $id) { __typename ... on Episode { episodeId } } }`,
        tokenB,
        { id: episodeOfA },
      ),
      await query(
        '/graphql',
        `query($team: String!) { episodes(team: $team, first: 10) { ... on EpisodeConnection { edges { node { episodeId } } } } }`,
        tokenB,
        { team: teamA.team },
      ),
      await query(
        '/graphql',
        `{ episodes(first: 100) { ... on EpisodeConnection { edges { node { episodeId } } } } }`,
        tokenB,
      ),
      await query('/graphql', `query($id: ID!) { node(id: $id) { __typename id } }`, tokenB, {
        id: episodeOfA,
      }),
      await query(
        '/graphql',
        `query($id: ID!) { nodeResult(id: $id) { __typename ... on NodeFound { node { __typename id } } } }`,
        tokenB,
        { id: episodeOfA },
      ),
      await query(
        '/graphql',
        `mutation($input: RecordVitalsInput!, $key: String!) { recordVitals(input: $input, idempotencyKey: $key) { __typename } }`,
        tokenB,
        { input: { episodeId: episodeOfA, temperatureCelsius: 39 } },
      ),
      await query(
        '/public/graphql',
        `query($id: ID!) { episode(id: $id) { __typename ... on Episode { episodeId } } }`,
        undefined,
        { id: episodeOfA },
      ),
    ];
    const slackAttempts = [
      await teamB.command(`/cart status ${episodeOfA}`),
      await teamB.command(`/cart vitals ${episodeOfA} t=39`),
      await teamB.command(`/cart toci ${episodeOfA}`),
    ];
    const leaked =
      attempts.filter(
        ({ body }) =>
          body.includes(`"episodeId":"${episodeOfA}"`) ||
          /"__typename":"(Episode|NodeFound|RecordVitalsSuccess)"/.test(body),
      ).length + slackAttempts.filter((reply) => !reply.text.includes(`${episodeOfA} not found`)).length;
    console.log(
      `hostile-jwt: cross-team ${leaked} of ${attempts.length + slackAttempts.length} reads and writes reached team A's episode`,
    );
    expect(leaked).toBe(0);
    expect(attempts.every(({ status }) => status === 200)).toBe(true);
    // Team A itself still sees its episode with no vital signs written by team B.
    expect((await teamA.command(`/cart status ${episodeOfA}`)).text).toContain('Records: 0 vital signs');
  });

  it('a token whose subject names a Slack user acts as a cognito user, never as that Slack user', async () => {
    const token = await issueToken(key, {
      userId: 'slack:U0LOCALADMIN',
      role: 'clinician',
      teams: [teamA.team],
    });
    const created = await query(
      '/graphql',
      `mutation($input: CreateEpisodeInput!, $key: String!) { createEpisode(input: $input, idempotencyKey: $key) { __typename ... on CreateEpisodeSuccess { episode { createdBy { userId via } } } } }`,
      token,
      {
        input: {
          patientRef: 'P-NS-0001',
          team: teamA.team,
          weightKg: 70,
          heightCm: 170,
          product: 'CARTITUDE_1',
        },
      },
    );
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({
      data: {
        createEpisode: { episode: { createdBy: { userId: 'cognito:slack:U0LOCALADMIN', via: 'GRAPHQL' } } },
      },
    });
  });
});

describe('anonymous queries built to exhaust the server', () => {
  it('depth, aliases, tokens, directives, batching, size and malformed bodies: refused, never a 5xx', async () => {
    const deep = `{ __type(name: "Query") { ${'fields { type { ofType { '.repeat(8)}name${' } } }'.repeat(8)} } }`;
    const aliases = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: health { status }`).join(' ')} }`;
    const tokens = `{ health { ${'status '.repeat(5000)} } }`;
    const directives = `{ health @include(if: true)${' @skip(if: false)'.repeat(60)} { status } }`;
    const hostile: [string, () => Promise<Response>][] = [
      ['depth', () => query('/public/graphql', deep)],
      ['aliases', () => query('/public/graphql', aliases)],
      ['tokens', () => query('/public/graphql', tokens)],
      ['directives', () => query('/public/graphql', directives)],
      [
        'batch of 100',
        () =>
          post(
            '/public/graphql',
            JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ health { status } }' }))),
          ),
      ],
      ['64 KB+ body', () => query('/public/graphql', `{ health { status } } # ${'x'.repeat(70_000)}`)],
      ['malformed JSON', () => post('/public/graphql', '{"query": "{ health')],
      ['JSON that is not an object', () => post('/public/graphql', '"{ health { status } }"')],
      ['no query', () => post('/public/graphql', '{}')],
      [
        'variables not an object',
        () => post('/public/graphql', JSON.stringify({ query: '{ health { status } }', variables: [1] })),
      ],
      [
        'wrong content type',
        () => post('/public/graphql', '{ health { status } }', { 'content-type': 'text/plain' }),
      ],
      [
        'mutation on episodes, anonymous',
        () =>
          query(
            '/public/graphql',
            'mutation { closeEpisode(input: { episodeId: "EP-1", reason: TRANSFERRED }) { __typename } }',
          ),
      ],
    ];
    const results: { name: string; status: number; refused: boolean }[] = [];
    for (let round = 0; round < 5; round += 1) {
      for (const [name, send] of hostile) {
        const { status, body } = await send();
        let refused = status >= 400;
        if (status === 200) {
          const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
          refused = (parsed.errors?.length ?? 0) > 0 || JSON.stringify(parsed.data ?? {}).includes('Error');
        }
        results.push({ name, status, refused });
      }
    }
    const serverErrors = results.filter(({ status }) => status >= 500).length;
    const notRefused = [...new Set(results.filter(({ refused }) => !refused).map(({ name }) => name))];
    console.log(
      `hostile-graphql: ${serverErrors} 5xx of ${results.length} requests; ${results.filter(({ refused }) => refused).length} refused (${[...new Set(results.map(({ name, status }) => `${name} ${status}`))].join(', ')})`,
    );
    expect(serverErrors).toBe(0);
    expect(notRefused).toEqual([]);
  });
});
