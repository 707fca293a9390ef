import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_CONFIG } from '#rules';
import { StoreUnavailableError, type EpisodeService } from '#episodes';
import { Kind, parse, validate } from 'graphql';
import { schema } from '../../schema/index.ts';
import { graphiqlWalkthrough, WALKTHROUGH_STEPS } from './graphiql-walkthrough.ts';
import { localGraphiQL } from './local-graphiql.ts';
import { createGraphQLServer, type GraphQLServerOptions } from './yoga.ts';

/**
 * Hardening of the GraphQL server, through yoga.fetch (no network, no store): depth, alias and
 * cost limits; in production no introspection, no GraphiQL, no field suggestions and masked
 * unexpected errors, while expected failures keep their safe message and code.
 */
const INTERNAL = 'ProvisionedThroughput on table cart-episodes-prod (arn:aws:dynamodb:cn-north-1:123)';

/** An episode service whose reads fail the way a test needs (nothing else is called). */
const failingService = (error: Error): EpisodeService =>
  ({
    config: DEFAULT_RULES_CONFIG,
    now: () => new Date('2026-03-03T02:00:00Z'),
    today: () => '2026-03-03',
    getEpisode: () => Promise.reject(error),
    getEpisodeHead: () => Promise.reject(error),
    recordVitals: () => Promise.reject(error),
  }) as unknown as EpisodeService;

const server = (
  mode: GraphQLServerOptions['mode'],
  episodes = failingService(new Error(INTERNAL)),
  graphiqlAuthorization?: string,
  revealErrors = mode === 'development',
) =>
  createGraphQLServer({
    schema,
    mode,
    episodes,
    graphiql: localGraphiQL('/graphiql/', graphiqlAuthorization),
    revealErrors,
  });

/** The props the GraphiQL page hands to the GraphiQL bundle. */
const graphiqlPropsOf = async (yoga: ReturnType<typeof server>): Promise<Record<string, unknown>> => {
  const page = await yoga.fetch(
    'http://localhost/graphql',
    { method: 'GET', headers: { accept: 'text/html' } },
    { event: signedIn, lambdaContext: {} as Context },
  );
  const props = /renderYogaGraphiQL\(document\.getElementById\('root'\), (.*)\);<\/script>/.exec(
    await page.text(),
  )?.[1];
  return JSON.parse(props ?? 'null') as Record<string, unknown>;
};

const signedIn = {
  requestContext: {
    requestId: 'hardening',
    authorizer: {
      jwt: { claims: { sub: 'clinician-1', 'cognito:groups': '[role:clinician team:hem-a]' } },
    },
  },
} as unknown as APIGatewayProxyEventV2;

type Body = {
  data?: Record<string, unknown>;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

const post = async (
  yoga: ReturnType<typeof server>,
  query: string,
): Promise<{ status: number; body: Body; text: string }> => {
  const response = await yoga.fetch(
    'http://localhost/graphql',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) },
    { event: signedIn, lambdaContext: {} as Context },
  );
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Body, text };
};

const messages = (body: Body): string[] => (body.errors ?? []).map((e) => e.message);

describe('the GraphiQL walkthrough', () => {
  const walkthrough = graphiqlWalkthrough('2026-03-03');

  it('is valid against the schema and within every limit', async () => {
    expect(validate(schema, parse(walkthrough)).map((e) => e.message)).toEqual([]);
    const response = await server('development').fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: walkthrough, operationName: 'CrsCalculator' }),
      },
      { event: signedIn, lambdaContext: {} as Context },
    );
    const body = (await response.json()) as Body;
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ gradeCrs: { grade: 3 } });
  });

  it('lists its steps in the order the reader runs them, then the calculator', () => {
    const names = parse(walkthrough).definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : [],
    );
    expect(names).toEqual([...WALKTHROUGH_STEPS, 'CrsCalculator']);
  });

  it('is what GraphiQL opens with (the bundle shows `query`; it ignores `defaultQuery`)', async () => {
    const props = await graphiqlPropsOf(server('development', undefined, 'Bearer dev-token'));
    expect(props.query).toBe(walkthrough);
    expect(props).not.toHaveProperty('defaultQuery');
    const headers = JSON.stringify({ Authorization: 'Bearer dev-token' }, null, 2);
    expect(props).toMatchObject({ title: 'CAR-T on-call API', headers, initialHeaders: headers });
  });

  it('opens with no headers when there is no dev token', async () => {
    const props = await graphiqlPropsOf(server('development'));
    expect(props.query).toBe(walkthrough);
    expect(props).not.toHaveProperty('headers');
    expect(props).not.toHaveProperty('initialHeaders');
  });

  it('creates a patient infused two days ago, after lymphodepletion on days -5 to -3', () => {
    expect(walkthrough).toContain(
      'lymphodepletionStartDate: "2026-02-24", lymphodepletionEndDate: "2026-02-26",\n    infusionDate: "2026-03-01"',
    );
  });
});

describe('query limits (both modes)', () => {
  it('rejects a query deeper than 10 levels', async () => {
    const deep = `{ __type(name: "Episode") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`;
    const { body } = await post(server('development'), deep);
    expect(messages(body)).toContainEqual(expect.stringMatching(/depth limit of 10 exceeded/));
    expect(body.data).toBeUndefined();
  });

  it('accepts 15 aliases and rejects 16', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: health { status }`).join(' ')} }`;
    expect((await post(server('development'), aliases(15))).body.errors).toBeUndefined();
    const { body } = await post(server('development'), aliases(16));
    expect(messages(body)).toContainEqual(expect.stringMatching(/Aliases limit of 15 exceeded/));
  });

  it('rejects a query whose cost exceeds 5000 (large pages multiply the cost)', async () => {
    const page = (field: string) =>
      `${field}(first: 100) { edges { cursor node { id recordedAt recordedBy { userId role via } } } }`;
    const expensive = `{ episode(id: "EP-1") { ... on Episode { ${page('gradings')} ${page('doses')} } } }`;
    const { body } = await post(server('development'), expensive);
    expect(messages(body)).toContainEqual(expect.stringMatching(/Cost limit of 5000 exceeded/));
  });

  it('lets an ordinary episode read through (fragments add no depth or cost)', async () => {
    const { body } = await post(
      server('development'),
      `{ episode(id: "EP-1") { ... on Episode { currentState { crsGrade tocilizumab { status } } observations { edges { node { id ... on VitalsObservation { temperatureCelsius } } } } } } }`,
    );
    // It reaches the store (which fails here): the limits let it pass.
    expect(messages(body)).toEqual(['Unexpected error.']);
  });
});

describe('production mode', () => {
  it('refuses introspection', async () => {
    const { body } = await post(server('production'), '{ __schema { types { name } } }');
    expect(messages(body).join('\n')).toMatch(/introspection/i);
    expect(body.data).toBeUndefined();
  });

  it('serves no GraphiQL, even with assets configured', async () => {
    const response = await server('production').fetch(
      'http://localhost/graphql',
      { method: 'GET', headers: { accept: 'text/html' } },
      { event: signedIn, lambdaContext: {} as Context },
    );
    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await response.text()).not.toMatch(/graphiql/i);
  });

  it('masks unexpected errors: no internal message, no stack', async () => {
    const { status, body, text } = await post(server('production'), '{ episode(id: "EP-1") { __typename } }');
    expect(status).toBe(200);
    expect(messages(body)).toEqual(['Unexpected error.']);
    expect(text).not.toContain('ProvisionedThroughput');
    expect(text).not.toMatch(/stack|originalError|\.ts:\d+/);
  });

  it('keeps the safe message and code of an unavailable store', async () => {
    const { body } = await post(
      server(
        'production',
        failingService(new StoreUnavailableError(undefined, { cause: new Error(INTERNAL) })),
      ),
      '{ node(id: "EP-1") { id } episode(id: "EP-1") { __typename ... on StoreUnavailable { message outcome } } }',
    );
    // Relay's node (a Node, no union): the GraphQL error with its safe message and code.
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'The episode store is busy or unreachable; nothing was written, try again shortly',
        extensions: { code: 'STORE_UNAVAILABLE' },
        path: ['node'],
      }),
    ]);
    // A query answering a result union: its StoreUnavailable member.
    expect(body.data?.episode).toEqual({
      __typename: 'StoreUnavailable',
      message: 'The episode store is busy or unreachable; nothing was written, try again shortly',
      outcome: 'NOT_WRITTEN',
    });
  });

  it('a write the store did not confirm is the typed StoreUnavailable member, saying whether it may be stored', async () => {
    const VITALS =
      'mutation { recordVitals(input: { episodeId: "EP-1", temperatureCelsius: 38.5 }, idempotencyKey: "action-0001") { __typename ... on StoreUnavailable { message outcome retryAfterSeconds } } }';
    for (const outcome of ['UNKNOWN', 'NOT_WRITTEN'] as const) {
      const { body } = await post(
        server(
          'production',
          failingService(new StoreUnavailableError(undefined, { outcome, cause: new Error(INTERNAL) })),
        ),
        VITALS,
      );
      expect(body.errors).toBeUndefined();
      const answer = body.data?.recordVitals as { message: string } | undefined;
      expect(answer).toMatchObject({ __typename: 'StoreUnavailable', outcome, retryAfterSeconds: 2 });
      expect(answer?.message).toMatch(
        outcome === 'UNKNOWN'
          ? /send it again with the same idempotency key/
          : /^The episode store is busy or unreachable; nothing was written/,
      );
    }
  });

  it('every write requires an idempotency key (one per user action)', async () => {
    const { body } = await post(
      server('production'),
      'mutation { recordVitals(input: { episodeId: "EP-1", temperatureCelsius: 38.5 }) { __typename } }',
    );
    expect(messages(body).join('\n')).toMatch(/idempotencyKey.*required/);
    expect(body.data).toBeUndefined();
  });

  it('keeps bad-argument errors (BAD_USER_INPUT) and suggests no field names', async () => {
    const badId = await post(server('production'), '{ node(id: "EP12") { id } }');
    expect(badId.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ field: 'id', received: 'EP12' }],
    });
    expect(badId.body.errors?.[0]?.message).toContain('an episode id ("EP-12")');
    const typo = await post(server('production'), '{ healt { status } }');
    expect(messages(typo.body).join('\n')).not.toMatch(/Did you mean/);
  });
});

describe('development mode', () => {
  it('serves GraphiQL from the local assets and shows unexpected errors in detail', async () => {
    const page = await server('development').fetch(
      'http://localhost/graphql',
      { method: 'GET', headers: { accept: 'text/html' } },
      { event: signedIn, lambdaContext: {} as Context },
    );
    expect(await page.text()).toContain('/graphiql/yoga-graphiql.umd.js');
    const { body } = await post(server('development'), '{ episode(id: "EP-1") { __typename } }');
    expect(body.errors?.[0]?.extensions?.originalError).toMatchObject({ message: INTERNAL });
  });

  it('a deployed development stage (errors not revealed) masks unexpected errors as production does', async () => {
    const { body, text } = await post(
      server('development', failingService(new Error(INTERNAL)), undefined, false),
      '{ episode(id: "EP-1") { __typename } }',
    );
    expect(messages(body)).toEqual(['Unexpected error.']);
    expect(text).not.toContain(INTERNAL);
    expect(text).not.toMatch(/stack|originalError|\.ts:\d+/);
  });
});

describe("the ward's date", () => {
  /** An episode service that counts how often the ward's date is worked out. */
  const countingToday = () => {
    const calls: Date[] = [];
    const episodes = Object.assign(failingService(new Error(INTERNAL)), {
      today: (at: Date) => {
        calls.push(at);
        return '2026-03-03';
      },
    });
    return { calls, episodes };
  };

  it('is not worked out for a calculator that needs no date (gradeCrs)', async () => {
    const { calls, episodes } = countingToday();
    const { body } = await post(
      server('production', episodes),
      '{ gradeCrs(input: { temperatureCelsius: 38.9, systolicBp: 84, vasopressors: [NOREPINEPHRINE], weightKg: 70 }) { grade } }',
    );
    expect(body.data).toEqual({ gradeCrs: { grade: 3 } });
    expect(calls).toEqual([]);
  });

  it("is worked out once, from the request's now, for a query that reads it twice", async () => {
    const { calls, episodes } = countingToday();
    const plan = 'carePlan(input: { product: CARTITUDE_1, infusionDate: "2026-03-01" }) { today }';
    const { body } = await post(server('production', episodes), `{ a: ${plan} b: ${plan} }`);
    expect(body.data).toEqual({ a: { today: '2026-03-03' }, b: { today: '2026-03-03' } });
    expect(calls).toEqual([new Date('2026-03-03T02:00:00Z')]);
  });
});
