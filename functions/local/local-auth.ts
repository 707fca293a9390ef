import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

/**
 * Local stand-in for Cognito: an ES256 key generated on first start (kept in .data/ so tokens
 * survive restarts), tokens shaped like Cognito access tokens (`cognito:groups` with `role:<role>`
 * and `team:<id>`), and verification the way API Gateway's JWT authorizer does it.
 */
export const LOCAL_ISSUER = 'https://cart-oncall.local/auth';
export const LOCAL_CLIENT_ID = 'cart-oncall-local';
export const DEFAULT_KEY_FILE = '.data/local-auth-key.json';

export type LocalSigningKey = {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly kid: string;
};

export const keyFilePath = (): string => resolve(process.env.LOCAL_AUTH_KEY_FILE ?? DEFAULT_KEY_FILE);

/** Loads the local signing key, creating it on first use. */
export const loadOrCreateSigningKey = async (path: string = keyFilePath()): Promise<LocalSigningKey> => {
  if (!existsSync(path)) {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: `local-${Date.now().toString(36)}`, alg: 'ES256' };
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(jwk)}\n`, { mode: 0o600 });
  }
  const jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK & { kid: string };
  const { d: _private, ...publicJwk } = jwk;
  return {
    privateKey: (await importJWK(jwk, 'ES256')) as CryptoKey,
    publicKey: (await importJWK(publicJwk, 'ES256')) as CryptoKey,
    kid: jwk.kid,
  };
};

export type TokenRequest = {
  readonly userId: string;
  readonly role: 'clinician' | 'nurse' | 'viewer';
  readonly teams: readonly string[];
  /** Lifetime in seconds (default 12 h, one on-call shift). */
  readonly ttlSeconds?: number;
};

export const issueToken = async (key: LocalSigningKey, request: TokenRequest): Promise<string> =>
  new SignJWT({
    'cognito:username': request.userId,
    'cognito:groups': [`role:${request.role}`, ...request.teams.map((team) => `team:${team}`)],
    client_id: LOCAL_CLIENT_ID,
    token_use: 'access',
  })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject(request.userId)
    .setIssuer(LOCAL_ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 12 * 3600}s`)
    .sign(key.privateKey);

/**
 * Verifies a bearer token as the HTTP API JWT authorizer would (signature, issuer, expiry, client)
 * and returns the claims in the authorizer's form: arrays become "[a b]" strings.
 */
export const verifyBearer = async (
  key: LocalSigningKey,
  authorization: string | undefined,
): Promise<Record<string, string> | undefined> => {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      issuer: LOCAL_ISSUER,
      algorithms: ['ES256'],
    });
    if (payload.client_id !== LOCAL_CLIENT_ID) return undefined;
    return authorizerClaims(payload);
  } catch {
    return undefined;
  }
};

const authorizerClaims = (payload: JWTPayload): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : String(value),
    ]),
  );
