import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  exportJWK,
  generateKeyPair,
  compactVerify,
  importJWK,
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
  /** An administrator of this app (the `admin` group: may change team settings). */
  readonly admin?: boolean;
  /** Lifetime in seconds (default 12 h, one on-call shift). */
  readonly ttlSeconds?: number;
};

export const issueToken = async (key: LocalSigningKey, request: TokenRequest): Promise<string> =>
  new SignJWT({
    'cognito:username': request.userId,
    'cognito:groups': [
      `role:${request.role}`,
      ...request.teams.map((team) => `team:${team}`),
      ...(request.admin === true ? ['admin'] : []),
    ],
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
 * Clock skew allowed on nbf/iat/exp between the token's issuer and this server. API Gateway's JWT
 * authorizer checks the same claims; 60 s keeps a token minted a moment ahead usable and a
 * token dated later than that refused.
 */
export const CLOCK_SKEW_SECONDS = 60;

/** Why a bearer token was refused (for the local server's log; the caller sees only 401). */
export type TokenRefusal =
  | 'no bearer token'
  | 'bad signature or malformed token'
  | 'wrong issuer'
  | 'wrong audience'
  | 'no expiry'
  | 'expired'
  | 'not yet valid'
  | 'issued in the future';

export type TokenVerdict =
  | { readonly ok: true; readonly claims: Record<string, string> }
  | { readonly ok: false; readonly refusal: TokenRefusal };

/** `aud` when present (ID tokens), else `client_id` (access tokens): the authorizer's audience rule. */
const audienceMatches = (payload: JWTPayload): boolean => {
  const audience = payload.aud ?? payload.client_id;
  return Array.isArray(audience) ? audience.includes(LOCAL_CLIENT_ID) : audience === LOCAL_CLIENT_ID;
};

/** A NumericDate claim that is present must be a number: a string or other value is a refusal. */
const notAfter = (value: unknown, limit: number): boolean =>
  value === undefined || (typeof value === 'number' && value <= limit);

/** The first claim that the JWT authorizer would refuse, at `seconds` since the epoch. */
const claimRefusal = (payload: JWTPayload, seconds: number): TokenRefusal | undefined => {
  if (payload.iss !== LOCAL_ISSUER) return 'wrong issuer';
  if (!audienceMatches(payload)) return 'wrong audience';
  if (typeof payload.exp !== 'number') return 'no expiry';
  if (payload.exp <= seconds - CLOCK_SKEW_SECONDS) return 'expired';
  if (!notAfter(payload.nbf, seconds + CLOCK_SKEW_SECONDS)) return 'not yet valid';
  if (!notAfter(payload.iat, seconds + CLOCK_SKEW_SECONDS)) return 'issued in the future';
  return undefined;
};

/**
 * Verifies a bearer token exactly as the HTTP API JWT authorizer does for the deployed user pool:
 * signature (ES256 with the local key; deployed: the pool's JWKS), `iss`, audience (`aud` or
 * `client_id`), `exp` required and in the future, `nbf` and `iat` if present not in the future,
 * each within CLOCK_SKEW_SECONDS. Returns the claims in the authorizer's form (arrays become
 * "[a b]" strings), or why the token was refused.
 */
export const verifyToken = async (
  key: LocalSigningKey,
  authorization: string | undefined,
  now: Date = new Date(),
): Promise<TokenVerdict> => {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return { ok: false, refusal: 'no bearer token' };
  let payload: JWTPayload;
  try {
    // The signature and algorithm; the claims are checked below, each with its own refusal.
    const verified = await compactVerify(token, key.publicKey, { algorithms: ['ES256'] });
    const parsed: unknown = JSON.parse(new TextDecoder().decode(verified.payload));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not a claims set');
    payload = parsed as JWTPayload;
  } catch {
    return { ok: false, refusal: 'bad signature or malformed token' };
  }
  const refusal = claimRefusal(payload, Math.floor(now.getTime() / 1000));
  return refusal ? { ok: false, refusal } : { ok: true, claims: authorizerClaims(payload) };
};

/** The claims of a token the authorizer would accept, else undefined (the local server's 401). */
export const verifyBearer = async (
  key: LocalSigningKey,
  authorization: string | undefined,
  now: Date = new Date(),
): Promise<Record<string, string> | undefined> => {
  const verdict = await verifyToken(key, authorization, now);
  return verdict.ok ? verdict.claims : undefined;
};

const authorizerClaims = (payload: JWTPayload): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : String(value),
    ]),
  );
