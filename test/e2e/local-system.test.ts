import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';
import { signedSlackHeaders } from '../../slack-bot/signing.ts';

const baseUrl = inject('baseUrl');
const secret = inject('slackSigningSecret');

const graphql = (path: string, query: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

const tokenFor = async (role: 'clinician' | 'nurse' | 'viewer') =>
  issueToken(await loadOrCreateSigningKey(inject('localAuthKeyFile')), {
    userId: `e2e-${role}`,
    role,
    teams: ['e2e'],
  });

const slashCommand = (text: string) =>
  new URLSearchParams({
    command: '/cart',
    text,
    team_id: 'T0LOCAL',
    channel_id: 'C0LOCAL',
    user_id: 'U0LOCAL',
    response_url: 'https://example.invalid/r',
    trigger_id: '1.2.3',
  }).toString();

describe('GraphQL over HTTP', () => {
  it('answers the public route without a token', async () => {
    const response = await graphql('/public/graphql', '{ health { status ruleset } }');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { health: { status: 'ok', ruleset: 'cn-mm-cart-2022@1' } },
    });
  });

  it('rejects /graphql without a valid token, as the JWT authorizer does', async () => {
    expect((await graphql('/graphql', '{ health { status } }')).status).toBe(401);
    expect(
      (await graphql('/graphql', '{ health { status } }', { authorization: 'Bearer not-a-jwt' })).status,
    ).toBe(401);
  });

  it('accepts /graphql with a token the local issuer signed', async () => {
    const response = await graphql('/graphql', '{ health { status } }', {
      authorization: `Bearer ${await tokenFor('viewer')}`,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { health: { status: 'ok' } } });
  });

  it('renders GraphiQL from local assets only (works with no internet access)', async () => {
    const page = await fetch(`${baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/graphiql/yoga-graphiql.umd.js');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    for (const asset of [
      'graphiql.css',
      'yoga-graphiql.umd.js',
      'monacoeditorwork/graphql.worker..bundle.js',
    ]) {
      const response = await fetch(`${baseUrl}/graphiql/${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
  });

  it('answers unknown paths with 404', async () => {
    expect((await fetch(`${baseUrl}/nope`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/graphiql/../../package.json`)).status).toBe(404);
  });
});

describe('Slack endpoint over HTTP', () => {
  it('answers a correctly signed /cart help with 200 and the help', async () => {
    const body = slashCommand('help');
    const response = await fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers: signedSlackHeaders(secret, body),
      body,
    });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as { text: string; blocks: unknown[] };
    expect(reply.text).toContain('/cart');
    expect(reply.blocks.length).toBeGreaterThan(0);
  });

  it('rejects a wrong signature with 401', async () => {
    const body = slashCommand('help');
    const response = await fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers: signedSlackHeaders('not-the-secret', body),
      body,
    });
    expect(response.status).toBe(401);
  });

  it('rejects a body altered after signing with 401', async () => {
    const body = slashCommand('help');
    const headers = signedSlackHeaders(secret, body);
    const response = await fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers,
      body: slashCommand('status EP-1'),
    });
    expect(response.status).toBe(401);
  });

  it('rejects a correctly signed but stale (> 5 min) request with 401', async () => {
    const body = slashCommand('help');
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers: signedSlackHeaders(secret, body, sixMinutesAgo),
      body,
    });
    expect(response.status).toBe(401);
  });
});

describe('local signing key', () => {
  it('is an ES256 private JWK kept out of the repository', () => {
    const jwk = JSON.parse(readFileSync(inject('localAuthKeyFile'), 'utf8')) as { kty: string; crv: string };
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
  });
});
