import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventFromRequest } from '../../functions/local/http-api-event.ts';
import { bundleBudgetBytes } from '../../infra/lambda-bundling.ts';
import { invokeInFreshProcess, writeBundle, type WrittenBundle } from '../tools/bundle-size.ts';

/**
 * The public calculators' function exactly as deployed: bundled with the CDK app's options, run in
 * a fresh Node process with no table and no AWS credentials, and called as Lambda calls it for
 * POST /public/graphql. Its schema is built from the calculators' types alone (schema/public.ts),
 * so this is where a type the calculators need but the public build leaves out would show.
 */
const PATH = '/public/graphql';

const publicEvent = (query: string, variables: Record<string, unknown> = {}): APIGatewayProxyEventV2 =>
  eventFromRequest(
    {
      url: PATH,
      headers: {
        host: 'bundle.execute-api.local',
        'content-type': 'application/json',
        'accept-language': 'en',
      },
      httpVersion: '1.1',
      socket: { remoteAddress: '127.0.0.1' },
    } as unknown as IncomingMessage,
    Buffer.from(JSON.stringify({ query, variables })),
    { method: 'POST', path: PATH },
    undefined,
  );

type GraphQLReply = {
  readonly data?: Record<string, unknown>;
  readonly errors?: readonly { readonly message: string }[];
};

describe('the bundled public calculators’ function', () => {
  let bundle: WrittenBundle;

  beforeAll(async () => {
    bundle = await writeBundle('publicGraphql');
  });

  afterAll(async () => {
    await bundle.remove();
  });

  it('is within its budget', () => {
    expect(bundle.bytes).toBeLessThanOrEqual(bundleBudgetBytes.publicGraphql);
  });

  it('grades CRS and answers the other calculators, and has no episode to read', async () => {
    const run = await invokeInFreshProcess(
      bundle,
      [
        publicEvent(
          'query ($input: CrsAssessmentInput!) { gradeCrs(input: $input) { grade drivers citations { section } } }',
          { input: { temperatureCelsius: 38.9, systolicBp: 84, vasopressors: ['NOREPINEPHRINE'] } },
        ),
        publicEvent(
          '{ followUpSchedule(infusionDate: "2026-01-05", throughMonth: 1) { date label } health { status } }',
        ),
        publicEvent('{ episode(id: "EP-1") { __typename } }'),
      ],
      { GRAPHQL_MODE: 'production', STAGE: 'prod', POWERTOOLS_LOG_LEVEL: 'ERROR', AWS_REGION: 'us-east-1' },
    );
    const [crs, other, episode] = run.replies.map((reply) => {
      expect(reply.statusCode, reply.body).toBe(200);
      return JSON.parse(reply.body) as GraphQLReply;
    });

    expect(crs?.errors, JSON.stringify(crs?.errors)).toBeUndefined();
    expect(crs?.data?.gradeCrs).toMatchObject({ grade: 3 });
    expect(other?.errors, JSON.stringify(other?.errors)).toBeUndefined();
    expect(other?.data?.health).toEqual({ status: 'ok' });
    expect((other?.data?.followUpSchedule as unknown[]).length).toBeGreaterThan(0);
    expect(episode?.data).toBeUndefined();
    expect(episode?.errors?.map((error) => error.message)).toEqual([
      'Cannot query field "episode" on type "Query".',
    ]);
  });
});
