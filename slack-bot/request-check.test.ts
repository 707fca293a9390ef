import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSlackRequest, MAX_SLACK_BODY_BYTES, type SlackRequestVerdict } from './request-check.ts';
import { signedSlackHeaders, slackSignature } from './signing.ts';

const SECRET = 'unit-signing-secret';
const NOW_MS = Date.parse('2026-03-03T02:00:00.000Z');
const NOW = NOW_MS / 1000;

const createHmacHex = (prefix: string, body: Buffer): string =>
  createHmac('sha256', SECRET).update(prefix).update(body).digest('hex');

const command = new URLSearchParams({
  command: '/cart',
  text: 'status EP-1',
  user_id: 'U0NURSE',
  channel_id: 'C0WARD',
  trigger_id: '1.2.abc',
}).toString();
const interaction = (payload: unknown) =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const buttonPress = {
  type: 'block_actions',
  user: { id: 'U0NURSE' },
  channel: { id: 'C0WARD' },
  actions: [{ type: 'button', action_id: 'alert.acknowledge', value: 'EP-1:X' }],
};

const check = (
  body: string | Buffer,
  headers: Record<string, string | undefined> = signedSlackHeaders(SECRET, String(body), NOW),
): SlackRequestVerdict =>
  checkSlackRequest({
    headers,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
    signingSecret: SECRET,
    nowMs: NOW_MS,
  });

const statusOf = (verdict: SlackRequestVerdict): number | string =>
  verdict.outcome === 'refused' ? verdict.status : verdict.outcome;

describe('the Slack door: size, then timestamp, then signature, then the body', () => {
  it('accepts a signed slash command, button press, event and URL verification', () => {
    expect(check(command)).toMatchObject({ outcome: 'accepted', kind: 'command', timestampSeconds: NOW });
    expect(check(interaction(buttonPress))).toMatchObject({ outcome: 'accepted', kind: 'interaction' });
    const event = JSON.stringify({
      type: 'event_callback',
      team_id: 'T0',
      event: { type: 'app_home_opened', user: 'U0', tab: 'home' },
    });
    expect(check(event, signedSlackHeaders(SECRET, event, NOW, 'application/json'))).toMatchObject({
      kind: 'event',
    });
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'abc' });
    expect(
      check(challenge, signedSlackHeaders(SECRET, challenge, NOW, 'application/json; charset=utf-8')),
    ).toMatchObject({
      kind: 'url-verification',
      contentType: 'application/json',
    });
  });

  it('keeps the signed text byte for byte, Chinese included', () => {
    const chinese = command.replace('status', encodeURIComponent('状态'));
    const raw = Buffer.from(`${chinese}&x=生命体征`);
    const headers = signedSlackHeaders(SECRET, raw.toString('utf8'), NOW);
    const verdict = check(raw, headers);
    expect(verdict).toMatchObject({ outcome: 'accepted', rawBody: raw.toString('utf8') });
  });

  it('refuses an unsigned request with 401, whatever its body (a malformed one is never parsed)', () => {
    for (const body of [command, '%%%{not a form', 'payload={', '{"type":"event_callback"', ''])
      expect(statusOf(check(body, { 'content-type': 'application/x-www-form-urlencoded' }))).toBe(401);
  });

  it("answers Slack's unsigned SSL check (exactly ssl_check=1 and a token), and only that", () => {
    expect(check('ssl_check=1&token=abc123', {})).toEqual({ outcome: 'ssl-check' });
    expect(check('token=abc123&ssl_check=1', {})).toEqual({ outcome: 'ssl-check' });
    expect(statusOf(check('ssl_check=1&token=abc&command=/cart', {}))).toBe(401);
    expect(statusOf(check('ssl_check=true&token=abc', {}))).toBe(401);
    expect(statusOf(check(`ssl_check=1&token=${'a'.repeat(300)}`, {}))).toBe(401);
  });

  it('refuses a timestamp one second outside the 5-minute window, either side, with 401', () => {
    expect(statusOf(check(command, signedSlackHeaders(SECRET, command, NOW - 300)))).toBe('accepted');
    expect(statusOf(check(command, signedSlackHeaders(SECRET, command, NOW - 301)))).toBe(401);
    expect(statusOf(check(command, signedSlackHeaders(SECRET, command, NOW + 300)))).toBe('accepted');
    expect(statusOf(check(command, signedSlackHeaders(SECRET, command, NOW + 301)))).toBe(401);
  });

  it('refuses a body changed after signing, another secret, and a malformed signature with 401', () => {
    const headers = signedSlackHeaders(SECRET, command, NOW);
    expect(statusOf(check(command.replace('EP-1', 'EP-2'), headers))).toBe(401);
    expect(statusOf(check(command, signedSlackHeaders('another-secret', command, NOW)))).toBe(401);
    for (const signature of [
      '',
      'v0=',
      'v1=' + 'a'.repeat(64),
      `v0=${'g'.repeat(64)}`,
      `v0=${'a'.repeat(63)}`,
    ])
      expect(statusOf(check(command, { ...headers, 'x-slack-signature': signature }))).toBe(401);
    const { 'x-slack-signature': _signature, ...withoutSignature } = headers;
    expect(statusOf(check(command, withoutSignature))).toBe(401);
    const { 'x-slack-request-timestamp': _timestamp, ...withoutTimestamp } = headers;
    expect(statusOf(check(command, withoutTimestamp))).toBe(401);
  });

  it(`refuses a body over ${MAX_SLACK_BODY_BYTES} bytes with 413 before computing anything`, () => {
    const big = Buffer.alloc(MAX_SLACK_BODY_BYTES + 1, 'a');
    expect(statusOf(check(big, {}))).toBe(413);
    expect(statusOf(check(big, signedSlackHeaders(SECRET, big.toString(), NOW)))).toBe(413);
  });

  it.each([
    ['a JSON body that is not JSON', '{"type":"event_callback",', 'application/json'],
    ['a JSON array', '[1,2]', 'application/json'],
    ['an event callback without an event', '{"type":"event_callback","team_id":"T0"}', 'application/json'],
    ['an event that is a string', '{"type":"event_callback","team_id":"T0","event":"x"}', 'application/json'],
    [
      'an event whose item is a string',
      '{"type":"event_callback","team_id":"T0","event":{"type":"x","item":"y"}}',
      'application/json',
    ],
    ['another JSON type', '{"type":"app_rate_limited"}', 'application/json'],
    ['a payload that is not JSON', 'payload=%7B', 'application/x-www-form-urlencoded'],
    ['a payload that is JSON null', 'payload=null', 'application/x-www-form-urlencoded'],
    [
      'a payload beside other fields',
      `${interaction(buttonPress)}&command=/cart`,
      'application/x-www-form-urlencoded',
    ],
    [
      'a button press without actions',
      interaction({ ...buttonPress, actions: [] }),
      'application/x-www-form-urlencoded',
    ],
    [
      'a button press with a string action',
      interaction({ ...buttonPress, actions: ['x'] }),
      'application/x-www-form-urlencoded',
    ],
    [
      'a button press without a user',
      interaction({ ...buttonPress, user: 'U0' }),
      'application/x-www-form-urlencoded',
    ],
    [
      'a form submission without a view',
      interaction({ type: 'view_submission', user: { id: 'U0' } }),
      'application/x-www-form-urlencoded',
    ],
    [
      'an interaction of another type',
      interaction({ type: 'shortcut', user: { id: 'U0' } }),
      'application/x-www-form-urlencoded',
    ],
    [
      'a command without a channel',
      'command=/cart&text=help&user_id=U0',
      'application/x-www-form-urlencoded',
    ],
    ['a command field given twice', `${command}&command=/other`, 'application/x-www-form-urlencoded'],
    ['a form with no known field', 'a=b', 'application/x-www-form-urlencoded'],
    ['an unknown content type', command, 'text/plain'],
    ['no content type', command, ''],
  ])('refuses a signed request with %s with 400', (_case, body, contentType) => {
    const headers = signedSlackHeaders(SECRET, body, NOW, contentType);
    expect(
      check(body, contentType === '' ? { ...headers, 'content-type': undefined } : headers),
    ).toMatchObject({
      outcome: 'refused',
      status: 400,
    });
  });

  it('refuses a signed body that is not UTF-8 with 400', () => {
    const body = Buffer.concat([
      Buffer.from('command=/cart&text='),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('&user_id=U&channel_id=C'),
    ]);
    const timestamp = String(NOW);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': `v0=${createHmacHex(`v0:${timestamp}:`, body)}`,
    };
    expect(check(body, headers)).toMatchObject({
      outcome: 'refused',
      status: 400,
      reason: 'the body is not UTF-8',
    });
  });

  it('reads header names in any case', () => {
    const headers = Object.fromEntries(
      Object.entries(signedSlackHeaders(SECRET, command, NOW)).map(([name, value]) => [
        name.toUpperCase(),
        value,
      ]),
    );
    expect(statusOf(check(command, headers))).toBe('accepted');
    expect(slackSignature(SECRET, NOW, command)).toBe(headers['X-SLACK-SIGNATURE']);
  });
});
