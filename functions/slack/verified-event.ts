import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { SlackRequestVerdict } from '../../slack-bot/request-check.ts';

/** The request body's bytes exactly as sent (API Gateway base64-encodes form posts). */
export const rawBodyOf = (event: APIGatewayProxyEventV2): Buffer =>
  event.body === undefined
    ? Buffer.alloc(0)
    : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');

/**
 * The event Bolt receives once the request is verified: the body as the exact text that was
 * signed (Bolt verifies it again, over the same text) and the bare content type its parser expects.
 */
export const verifiedEvent = (
  event: APIGatewayProxyEventV2,
  verdict: Extract<SlackRequestVerdict, { outcome: 'accepted' }>,
): APIGatewayProxyEventV2 => {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers)) headers[name.toLowerCase()] = value;
  headers['content-type'] = verdict.contentType;
  return { ...event, headers, body: verdict.rawBody, isBase64Encoded: false };
};
