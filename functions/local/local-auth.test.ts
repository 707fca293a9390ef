import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLOCK_SKEW_SECONDS,
  issueToken,
  LOCAL_CLIENT_ID,
  LOCAL_ISSUER,
  loadOrCreateSigningKey,
  verifyBearer,
  verifyToken,
  type LocalSigningKey,
} from './local-auth.ts';

const NOW = new Date('2026-03-03T02:00:00.000Z');
const now = NOW.getTime() / 1000;

let key: LocalSigningKey;
let otherKey: LocalSigningKey;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'local-auth-'));
  key = await loadOrCreateSigningKey(join(dir, 'key.json'));
  otherKey = await loadOrCreateSigningKey(join(dir, 'other.json'));
});

const CLAIMS: JWTPayload = {
  sub: 'clinician-1',
  iss: LOCAL_ISSUER,
  client_id: LOCAL_CLIENT_ID,
  token_use: 'access',
  'cognito:groups': ['role:clinician', 'team:hem-a'],
  iat: now - 10,
  exp: now + 3600,
};

/** A token with these claims (undefined removes one), signed with the local key unless said otherwise. */
const tokenWith = async (changes: JWTPayload, signer: LocalSigningKey = key): Promise<string> => {
  const claims = Object.fromEntries(
    Object.entries({ ...CLAIMS, ...changes }).filter(([, value]) => value !== undefined),
  );
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: signer.kid }).sign(signer.privateKey);
};

const verdict = async (changes: JWTPayload, signer?: LocalSigningKey) =>
  verifyToken(key, `Bearer ${await tokenWith(changes, signer)}`, NOW);

describe('local JWT verification: what the deployed HTTP API JWT authorizer checks', () => {
  it('accepts a token of the local issuer for the local client, in the authorizer’s claim form', async () => {
    expect(await verdict({})).toEqual({
      ok: true,
      claims: expect.objectContaining({
        sub: 'clinician-1',
        'cognito:groups': '[role:clinician team:hem-a]',
        exp: String(now + 3600),
      }) as unknown,
    });
  });

  it('accepts what `npm run token` and the dev token issue', async () => {
    const token = await issueToken(key, { userId: 'nurse-1', role: 'nurse', teams: ['hem-a'] });
    expect((await verifyBearer(key, `Bearer ${token}`))?.sub).toBe('nurse-1');
  });

  it.each([
    ['no expiry', { exp: undefined }, 'no expiry'],
    ['an expiry that is not a number', { exp: String(now + 3600) as unknown as number }, 'no expiry'],
    [`expired ${CLOCK_SKEW_SECONDS} s ago`, { exp: now - CLOCK_SKEW_SECONDS }, 'expired'],
    [
      `not valid for another ${CLOCK_SKEW_SECONDS + 1} s`,
      { nbf: now + CLOCK_SKEW_SECONDS + 1 },
      'not yet valid',
    ],
    [
      `issued ${CLOCK_SKEW_SECONDS + 1} s in the future`,
      { iat: now + CLOCK_SKEW_SECONDS + 1 },
      'issued in the future',
    ],
    ['an issue time that is not a number', { iat: 'yesterday' as unknown as number }, 'issued in the future'],
    ['another issuer', { iss: 'https://cognito-idp.example/other-pool' }, 'wrong issuer'],
    ['no issuer', { iss: undefined }, 'wrong issuer'],
    ['another client', { client_id: 'another-app' }, 'wrong audience'],
    ['no audience and no client', { client_id: undefined }, 'wrong audience'],
    ['an audience of another app (aud wins over client_id)', { aud: 'another-app' }, 'wrong audience'],
  ])('refuses a token with %s', async (_case, changes, refusal) => {
    expect(await verdict(changes)).toEqual({ ok: false, refusal });
  });

  it.each([
    [`expiring ${CLOCK_SKEW_SECONDS - 1} s ago (inside the skew)`, { exp: now - CLOCK_SKEW_SECONDS + 1 }],
    [`valid from ${CLOCK_SKEW_SECONDS} s ahead (inside the skew)`, { nbf: now + CLOCK_SKEW_SECONDS }],
    [`issued ${CLOCK_SKEW_SECONDS} s ahead (inside the skew)`, { iat: now + CLOCK_SKEW_SECONDS }],
    ['no issue time (optional, as for the authorizer)', { iat: undefined }],
    ['an ID token’s audience', { aud: LOCAL_CLIENT_ID, client_id: undefined }],
    ['an audience list naming the client', { aud: ['another-app', LOCAL_CLIENT_ID], client_id: undefined }],
  ])('accepts a token %s', async (_case, changes) => {
    expect((await verdict(changes)).ok).toBe(true);
  });

  it('refuses a token signed with another key, an unsigned token and a changed payload', async () => {
    expect(await verdict({}, otherKey)).toEqual({ ok: false, refusal: 'bad signature or malformed token' });
    const unsigned = new UnsecuredJWT({ ...CLAIMS }).encode();
    expect(await verifyToken(key, `Bearer ${unsigned}`, NOW)).toMatchObject({ ok: false });
    const [header, , signature] = (await tokenWith({})).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...CLAIMS, 'cognito:groups': ['role:clinician', 'team:hem-b'] }),
    ).toString('base64url');
    expect(await verifyToken(key, `Bearer ${header}.${forged}.${signature}`, NOW)).toEqual({
      ok: false,
      refusal: 'bad signature or malformed token',
    });
  });

  it.each([undefined, '', 'Basic abc', 'Bearer', 'Bearer a.b', 'Bearer not a token'])(
    'refuses the Authorization header %j',
    async (authorization) => {
      expect((await verifyToken(key, authorization, NOW)).ok).toBe(false);
    },
  );
});
