import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { LIVE_TOKEN_PARAMETER } from './connection-url.ts';

/** Verifies a JWT (signature, issuer, audience, expiry) and answers its payload, or throws. */
export type JwtVerify = (token: string) => Promise<Readonly<Record<string, unknown>>>;

/** The claims the connection keeps, in the form the HTTP API's JWT authorizer passes them. */
export type AuthorizerContext = { readonly sub: string; readonly groups: string };

/**
 * The WebSocket API's $connect authorizer: the token in the `token` query parameter, verified as
 * the HTTP API's JWT authorizer verifies bearer tokens (same user pool issuer and app client
 * audience). Allowed: the subject and Cognito groups go to $connect in the authorizer context.
 * Refused: "Unauthorized", which API Gateway answers with 401 before any handshake.
 */
export const authorizeConnection = async (
  event: Pick<APIGatewayRequestAuthorizerEvent, 'queryStringParameters' | 'methodArn'>,
  verify: JwtVerify,
): Promise<APIGatewayAuthorizerResult & { context: AuthorizerContext }> => {
  const token = event.queryStringParameters?.[LIVE_TOKEN_PARAMETER];
  if (!token) throw new Error('Unauthorized');
  let payload: Readonly<Record<string, unknown>>;
  try {
    payload = await verify(token);
  } catch {
    throw new Error('Unauthorized');
  }
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub === '') throw new Error('Unauthorized');
  const groups = payload['cognito:groups'];
  return {
    principalId: sub,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
    },
    context: { sub, groups: Array.isArray(groups) ? `[${groups.map(String).join(' ')}]` : '[]' },
  };
};
