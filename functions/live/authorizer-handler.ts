import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { authorizeConnection } from './authorizer.ts';

/**
 * $connect authorizer of the live-updates WebSocket API: Cognito JWTs of the user pool and app
 * client the HTTP API's JWT authorizer accepts (ID or access tokens), verified with aws-jwt-verify
 * (JWKS fetched once per container and cached).
 */
const verifier = CognitoJwtVerifier.create({
  userPoolId: process.env.USER_POOL_ID ?? '',
  clientId: process.env.USER_POOL_CLIENT_ID ?? '',
  tokenUse: null,
});

export const handler = (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> =>
  authorizeConnection(event, async (token) => await verifier.verify(token));
