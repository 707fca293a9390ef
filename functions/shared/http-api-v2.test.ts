import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { bodyBytes, requestFromEvent, resultFromResponse } from './http-api-v2.ts';

const event = (overrides: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/public/graphql',
    rawQueryString: 'a=1&b=2',
    headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
    cookies: ['k=v', 'z=1'],
    requestContext: { domainName: 'api.example.org', http: { method: 'post' }, requestId: 'r1' },
    body: '{"query":"{ health { status } }"}',
    isBase64Encoded: false,
    ...overrides,
  }) as APIGatewayProxyEventV2;

describe('requestFromEvent', () => {
  it('builds the URL from rawPath and rawQueryString and the method from the request context', async () => {
    const request = requestFromEvent(event());
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api.example.org/public/graphql?a=1&b=2');
    expect(request.headers.get('accept-language')).toBe('zh-CN');
    expect(request.headers.get('cookie')).toBe('k=v; z=1');
    expect(await request.text()).toBe('{"query":"{ health { status } }"}');
  });

  it('can map the path (both GraphQL routes reach one endpoint)', () => {
    expect(new URL(requestFromEvent(event(), { pathname: '/graphql' }).url).pathname).toBe('/graphql');
  });

  it('decodes base64 bodies, including UTF-8 text', async () => {
    const text = '体温 38.9';
    const request = requestFromEvent(
      event({ body: Buffer.from(text).toString('base64'), isBase64Encoded: true }),
    );
    expect(await request.text()).toBe(text);
  });

  it('sends no body with GET', () => {
    expect(requestFromEvent(event({ requestContext: { http: { method: 'GET' } } } as never)).body).toBeNull();
  });
});

describe('resultFromResponse', () => {
  it('lower-cases header names, keeps text bodies and moves cookies', async () => {
    const headers = new Headers({ 'Content-Type': 'application/json', 'X-Trace': 't' });
    headers.append('Set-Cookie', 'a=1');
    const result = await resultFromResponse(new Response('{"ok":true}', { status: 201, headers }));
    expect(result).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/json', 'x-trace': 't' },
      body: '{"ok":true}',
      isBase64Encoded: false,
      cookies: ['a=1'],
    });
  });

  it('base64-encodes binary bodies', async () => {
    const result = await resultFromResponse(
      new Response(new Uint8Array([0, 1, 2]), { headers: { 'content-type': 'image/png' } }),
    );
    expect(result).toMatchObject({ isBase64Encoded: true, body: 'AAEC' });
  });
});

describe('bodyBytes', () => {
  it('counts bytes as sent', () => {
    expect(bodyBytes(event({ body: 'é' }))).toBe(2);
    expect(bodyBytes(event({ body: Buffer.from('abcd').toString('base64'), isBase64Encoded: true }))).toBe(4);
    expect(bodyBytes(event({ body: undefined }))).toBe(0);
  });
});
