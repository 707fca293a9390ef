import { exportJWK, generateKeyPair, jwtVerify, SignJWT, createLocalJWKSet } from 'jose';
import { describe, expect, it } from 'vitest';
import { authorizeConnection, type JwtVerify } from './authorizer.ts';

const ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_test';
const CLIENT = 'web-client';
const METHOD_ARN = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/graphql/$connect';

const keys = await generateKeyPair('RS256');
const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256' }] });
/** The checks the deployed verifier makes: signature, issuer, audience, expiry. */
const verify: JwtVerify = async (token) =>
  (await jwtVerify(token, jwks, { issuer: ISSUER, audience: CLIENT })).payload;

const token = (
  claims: Record<string, unknown>,
  options: { issuer?: string; audience?: string; expires?: string } = {},
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? CLIENT)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '5m')
    .sign(keys.privateKey);

const connectWith = (value: string | undefined) =>
  authorizeConnection(
    { methodArn: METHOD_ARN, queryStringParameters: value === undefined ? null : { token: value } },
    verify,
  );

describe('the WebSocket $connect authorizer', () => {
  it('allows a valid token and passes its subject and groups on, as the HTTP JWT authorizer does', async () => {
    const result = await connectWith(
      await token({ sub: 'abc', 'cognito:groups': ['role:nurse', 'team:hem-a'] }),
    );
    expect(result).toEqual({
      principalId: 'abc',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: METHOD_ARN }],
      },
      context: { sub: 'abc', groups: '[role:nurse team:hem-a]' },
    });
  });

  it.each([
    ['no token', () => Promise.resolve(undefined)],
    ['a malformed token', () => Promise.resolve('not.a.jwt')],
    ['another issuer', async () => token({ sub: 'abc' }, { issuer: 'https://evil.example' })],
    ['another audience', async () => token({ sub: 'abc' }, { audience: 'other-client' })],
    ['an expired token', async () => token({ sub: 'abc' }, { expires: '-1m' })],
    ['no subject', async () => token({})],
  ])('refuses %s as Unauthorized (401)', async (_case, make) => {
    await expect(connectWith(await make())).rejects.toThrow('Unauthorized');
  });
});
