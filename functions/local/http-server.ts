import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { httpRoutes, type LambdaName } from '../http-routes.ts';
import { eventFromRequest, lambdaContext } from './http-api-event.ts';
import { graphiqlAsset } from './static-assets.ts';

export type HttpLambda = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2 | APIGatewayProxyResult>;

/** A local-only route (e.g. the fake Slack Web API); returns true when it handled the request. */
export type ExtraRoute = (
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
) => Promise<boolean>;

export type LocalServerOptions = {
  readonly lambdas: Readonly<Record<LambdaName, HttpLambda>>;
  /** Emulates API Gateway's JWT authorizer: the claims of a valid bearer token, else undefined. */
  readonly verifyBearer: (authorization: string | undefined) => Promise<Record<string, string> | undefined>;
  readonly extraRoutes?: readonly ExtraRoute[];
};

/** API Gateway's own limit on request payloads. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The request body, or undefined when it is larger than API Gateway accepts. The rest of an
 * oversized body is read and dropped, so the client gets its 413 rather than a reset connection.
 */
const readBody = async (request: IncomingMessage): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
  }
  return size > MAX_PAYLOAD_BYTES ? undefined : Buffer.concat(chunks);
};

const send = (
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
};

/** Writes a Lambda proxy result the way API Gateway does. */
const writeResult = (
  response: ServerResponse,
  result: APIGatewayProxyStructuredResultV2 | APIGatewayProxyResult,
): void => {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  const cookies = 'cookies' in result ? result.cookies : undefined;
  if (cookies?.length) headers['set-cookie'] = cookies;
  const body = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? '');
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(body);
};

/**
 * One local HTTP server for the whole system: each request on a deployed route becomes an HTTP API
 * v2 event for the very Lambda handler that is deployed; JWT routes are authorised first, as API
 * Gateway does. GraphiQL's assets and local-only helpers are served beside them.
 */
export const createLocalServer = (options: LocalServerOptions): Server =>
  createServer((request, response) => {
    void handle(options, request, response).catch((error: unknown) => {
      console.error('local server error', error);
      if (!response.headersSent) send(response, 500, JSON.stringify({ message: 'Internal Server Error' }));
      else response.end();
    });
  });

const handle = async (
  options: LocalServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> => {
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  const method = (request.method ?? 'GET').toUpperCase();
  const body = await readBody(request);
  if (body === undefined) {
    send(response, 413, JSON.stringify({ message: 'Request Entity Too Large' }));
    return;
  }

  const route = httpRoutes.find((r) => r.method === method && r.path === pathname);
  if (route) {
    let claims: Record<string, string> | undefined;
    if (route.auth === 'jwt') {
      claims = await options.verifyBearer(request.headers.authorization);
      if (!claims) {
        send(response, 401, JSON.stringify({ message: 'Unauthorized' }), { 'www-authenticate': 'Bearer' });
        return;
      }
    }
    const event = eventFromRequest(request, body, route, claims);
    const result = await options.lambdas[route.lambda](event, lambdaContext(route.lambda));
    writeResult(response, result);
    return;
  }

  if (method === 'GET') {
    const asset = await graphiqlAsset(pathname);
    if (asset) {
      send(response, 200, asset.body, { 'content-type': asset.contentType, 'cache-control': 'max-age=3600' });
      return;
    }
    if (pathname === '/') {
      send(response, 302, '', { location: '/graphql' });
      return;
    }
  }
  for (const extra of options.extraRoutes ?? []) {
    if (await extra(request, body, response)) return;
  }
  send(response, 404, JSON.stringify({ message: 'Not Found' }));
};
