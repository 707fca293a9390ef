import { describe, expect, inject, it } from 'vitest';
import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';
import { withActionKey } from '../support/action-keys.ts';

/**
 * A connection's `first` out of range, through `episode(id)` and through `node(id)`: a typed
 * BAD_USER_INPUT naming the argument, never a store call with a negative Limit (which DynamoDB
 * refuses with an internal error).
 */
const baseUrl = inject('baseUrl');
const TEAM = 'e2e-connection-bounds';

type Result = {
  data?: Record<string, unknown>;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

const graphql = async (token: string, query: string): Promise<{ status: number; body: Result }> => {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: withActionKey(query, {}) }),
  });
  return { status: response.status, body: (await response.json()) as Result };
};

describe('connection page sizes out of range', () => {
  it('first: -2147483648 and -1 on every connection, by episode(id) and node(id): BAD_USER_INPUT naming first', async () => {
    const token = await issueToken(await loadOrCreateSigningKey(inject('localAuthKeyFile')), {
      userId: 'e2e-bounds',
      role: 'clinician',
      teams: [TEAM],
    });
    const created = await graphql(
      token,
      `mutation($key: String!) { createEpisode(idempotencyKey: $key, input: {patientRef: "P-0042", team: "${TEAM}", weightKg: 70, heightCm: 170, product: CARTITUDE_1}) { __typename ... on CreateEpisodeSuccess { episode { episodeId } } } }`,
    );
    const episodeId = (created.body.data?.createEpisode as { episode: { episodeId: string } }).episode
      .episodeId;
    for (const connection of ['alerts', 'gradings', 'doses', 'observations']) {
      for (const first of [-2147483648, -1]) {
        for (const root of [
          `episode(id: "${episodeId}") { ... on Episode`,
          `node(id: "${episodeId}") { ... on Episode`,
        ]) {
          const { status, body } = await graphql(
            token,
            `query { ${root} { ${connection}(first: ${first}) { edges { cursor } } } } }`,
          );
          expect(status).toBe(200);
          const [error] = body.errors ?? [];
          expect(error?.extensions?.code, `${root} ${connection}(first: ${first})`).toBe('BAD_USER_INPUT');
          expect(error?.message).toContain(`first must be`);
          expect(JSON.stringify(body)).not.toMatch(/stack|ValidationException|node_modules/);
        }
      }
    }
  });
});
