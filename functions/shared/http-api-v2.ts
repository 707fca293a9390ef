import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * API Gateway HTTP API (payload v2) ⇄ Fetch API. The URL is built from rawPath/rawQueryString and
 * the method from requestContext.http.method; response header names are lower-cased.
 */
export const requestFromEvent = (
  event: APIGatewayProxyEventV2,
  options: { readonly pathname?: string } = {},
): Request => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers)) {
    if (value !== undefined) headers.set(name, value);
  }
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const method = event.requestContext.http.method.toUpperCase();
  const host = event.requestContext.domainName || 'localhost';
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const url = `https://${host}${options.pathname ?? event.rawPath}${query}`;
  const hasBody = method !== 'GET' && method !== 'HEAD' && event.body !== undefined;
  const body = hasBody
    ? event.isBase64Encoded
      ? Buffer.from(event.body ?? '', 'base64')
      : event.body
    : undefined;
  return new Request(url, { method, headers, body: body ?? null });
};

const TEXTUAL = /^(text\/|application\/(json|graphql-response\+json|javascript|xml)|image\/svg\+xml)/;

export const resultFromResponse = async (response: Response): Promise<APIGatewayProxyStructuredResultV2> => {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name.toLowerCase()] = value;
  });
  const cookies = response.headers.getSetCookie();
  const contentType = response.headers.get('content-type') ?? '';
  const textual = contentType === '' || TEXTUAL.test(contentType);
  const body = textual ? await response.text() : Buffer.from(await response.arrayBuffer()).toString('base64');
  return {
    statusCode: response.status,
    headers,
    body,
    isBase64Encoded: !textual,
    ...(cookies.length > 0 ? { cookies } : {}),
  };
};

/** Size in bytes of the request body as sent (before base64). */
export const bodyBytes = (event: APIGatewayProxyEventV2): number =>
  event.body === undefined
    ? 0
    : event.isBase64Encoded
      ? Buffer.byteLength(event.body, 'base64')
      : Buffer.byteLength(event.body, 'utf8');
