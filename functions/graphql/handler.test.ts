import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from './handler.ts';

/** The Lambda entry refuses bodies over 64 KB before parsing them (no store is reached). */
const event = (body: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'POST /public/graphql',
    rawPath: '/public/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: { domainName: 'api.example.org', http: { method: 'POST' }, requestId: 'body-limit' },
    body,
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

const query = (padding: number) => JSON.stringify({ query: `{ health { status } }${' '.repeat(padding)}` });
const LIMIT = 64 * 1024;

describe('GraphQL handler body limit', () => {
  it('answers a body of exactly 64 KB', async () => {
    const body = query(LIMIT - query(0).length);
    expect(Buffer.byteLength(body)).toBe(LIMIT);
    const result = await handler(event(body), {} as Context);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toEqual({ data: { health: { status: 'ok' } } });
  });

  it('refuses one byte more with 413', async () => {
    const body = query(LIMIT - query(0).length + 1);
    const result = await handler(event(body), {} as Context);
    expect(result.statusCode).toBe(413);
    expect(JSON.parse(result.body ?? '')).toEqual({
      errors: [{ message: 'Request body larger than 65536 bytes' }],
    });
  });
});
