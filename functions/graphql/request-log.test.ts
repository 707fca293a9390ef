import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULES_CONFIG } from '#rules';
import type { EpisodeService } from '#episodes';
import { createGraphQLServer } from './yoga.ts';
import { schema } from '../../schema/index.ts';

/**
 * The GraphQL function's log: one JSON line per request through the Powertools logger, with the
 * request id, operation, duration and error codes, and none of the values the request carried.
 */
const INTERNAL = 'TransactionCanceled for item with temperature 39.87 of P-SECRET-4242';

/** An episode service whose every call fails unexpectedly. */
const brokenService = (): EpisodeService =>
  new Proxy(
    {
      config: DEFAULT_RULES_CONFIG,
      now: () => new Date('2026-03-03T02:00:00Z'),
      today: () => '2026-03-03',
    },
    {
      get: (target, property) =>
        property in target
          ? target[property as keyof typeof target]
          : () => Promise.reject(new Error(INTERNAL)),
    },
  ) as unknown as EpisodeService;

const event = (requestId: string) =>
  ({
    requestContext: {
      requestId,
      authorizer: {
        jwt: {
          claims: {
            sub: 'c1a2b3c4-0000-4000-8000-000000000001',
            'cognito:username': 'clinician-1',
            'cognito:groups': '[role:clinician team:hem-a]',
          },
        },
      },
    },
  }) as unknown as APIGatewayProxyEventV2;

/** Everything the logger printed while `run` ran, line by line. */
const printedDuring = async (run: () => unknown): Promise<string[]> => {
  const printed: string[] = [];
  const capture = (chunk: unknown): boolean => {
    printed.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await run();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return printed
    .join('')
    .split('\n')
    .filter((line) => line.trim() !== '');
};

afterEach(() => {
  vi.restoreAllMocks();
});

const post = (mode: 'development' | 'production', requestId: string, body: unknown) => {
  const yoga = createGraphQLServer({
    schema,
    mode,
    episodes: brokenService(),
    logger: new Logger({ serviceName: 'cart-graphql', logLevel: 'DEBUG' }),
  });
  return yoga.fetch(
    'http://localhost/graphql',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    { event: event(requestId), lambdaContext: {} as Context },
  );
};

const RECORD_VITALS = {
  query:
    'mutation RecordVitals($input: RecordVitalsInput!, $key: String!) { recordVitals(input: $input, idempotencyKey: $key) { __typename } }',
  variables: {
    input: { episodeId: 'EP-7', temperatureCelsius: 39.87, systolicBp: 83, heartRate: 131 },
    key: 'action-0001',
  },
};

describe('the GraphQL request log', () => {
  it.each(['production', 'development'] as const)(
    'writes one JSON line for a request that fails unexpectedly (%s), without its values or the error message',
    async (mode) => {
      let status = 0;
      const lines = await printedDuring(async () => {
        status = (await post(mode, 'req-unexpected', RECORD_VITALS)).status;
      });
      expect(status).toBe(200);
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
      expect(line).toMatchObject({
        level: 'ERROR',
        message: 'graphql request',
        service: 'cart-graphql',
        requestId: 'req-unexpected',
        operationName: 'RecordVitals',
        operationType: 'mutation',
        status: 200,
        errorCodes: ['INTERNAL_SERVER_ERROR'],
        unexpectedErrors: [
          {
            name: 'Error',
            location: expect.stringMatching(/^functions\/graphql\/request-log\.test\.ts:\d+$/) as unknown,
          },
        ],
      });
      expect(line.durationMs).toEqual(expect.any(Number));
      for (const secret of [
        '39.87',
        'P-SECRET',
        'TransactionCanceled',
        'temperatureCelsius',
        'EP-7',
        'variables',
      ])
        expect(lines[0]).not.toContain(secret);
    },
  );

  it('writes a warning line for a refused variable (graphql-js gives it no code), not the value it quotes', async () => {
    const refused = {
      ...RECORD_VITALS,
      variables: { input: { episodeId: 'EP-7', temperatureCelsius: 'hot 39.87' }, key: 'action-0002' },
    };
    const lines = await printedDuring(() => post('production', 'req-refused', refused));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'WARN',
      requestId: 'req-refused',
      operationName: 'RecordVitals',
      errorCodes: ['UNCODED'],
    });
    expect(lines[0]).not.toContain('39.87');
    expect(lines[0]).not.toContain('unexpectedErrors');
  });

  it('writes an info line for a request that succeeds', async () => {
    const lines = await printedDuring(() =>
      post('production', 'req-ok', { query: 'query Health { health { status } }' }),
    );
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({
        level: 'INFO',
        requestId: 'req-ok',
        operationName: 'Health',
        operationType: 'query',
        errorCodes: [],
      }),
    ]);
  });
});
