import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newTriggerId, slashCommandBody } from '../../functions/local/slack-requests.ts';
import { MAX_SLACK_BODY_BYTES } from '../../slack-bot/request-check.ts';
import { signedSlackHeaders } from '../../slack-bot/signing.ts';
import {
  createSlackClient,
  CRS_GRADE_3_VITALS,
  newEpisode,
  recordsLine,
  uniqueId,
  type MappedChannel,
} from '../support/slack-client.ts';

/**
 * Hostile requests to the started local system's Slack endpoint, as anyone on the internet could
 * send them: unsigned, stale, future-dated, tampered, oversized, malformed, replayed. Every one is
 * refused with a 4xx (never a 5xx, which would page operations), none is executed, and a valid
 * signed request replayed within its five minutes runs once.
 */
const baseUrl = inject('baseUrl');
const secret = inject('slackSigningSecret');
const slack = createSlackClient({ baseUrl, signingSecret: secret });
const url = `${baseUrl}/slack/events`;
const FORM = 'application/x-www-form-urlencoded';

type Sent = { readonly kind: string; readonly status: number };
const sent: Sent[] = [];

const post = async (
  kind: string,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<number> => {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  await response.arrayBuffer();
  sent.push({ kind, status: response.status });
  return response.status;
};

const now = () => Math.floor(Date.now() / 1000);
const hmac = (timestamp: number | string, body: string | Buffer) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;

let channel: MappedChannel;
let episodeId: string;
/** A command that would record vital signs, were it accepted. */
const vitalsBody = () =>
  slashCommandBody({
    text: `vitals ${episodeId} ${CRS_GRADE_3_VITALS}`,
    channelId: channel.channelId,
    userId: channel.userId,
    responseUrl: `${baseUrl}/_fake-slack/response/${channel.channelId}.hostile`,
    triggerId: newTriggerId(),
  });
const vitalsRecorded = async (): Promise<string> =>
  recordsLine((await channel.command(`/cart status ${episodeId}`)).text);

beforeAll(async () => {
  channel = await slack.mappedChannel({
    channelId: uniqueId('C0HOSTILE'),
    team: uniqueId('hostile-').toLowerCase(),
    oncall: 'S0HOSTILE',
  });
  episodeId = await newEpisode(channel);
});

describe('hostile requests to /slack/events', () => {
  it('unsigned, stale, future, tampered, oversized and malformed: all 4xx, none executed', async () => {
    const bodies = () => [
      vitalsBody(),
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', user: { id: 'U0X' }, actions: [{ type: 'button', action_id: 'alert.acknowledge', value: 'EP-1:X' }] }))}`,
      '{"type":"event_callback","team_id":"T0","event":{"type":"app_home_opened","user":"U0X"}}',
      '%%%{not a form',
      'payload={',
      '',
      'ssl_check=1&token=abc&command=/cart',
    ];
    for (let round = 0; round < 3; round += 1) {
      for (const body of bodies()) {
        // Unsigned: no headers at all, or only a timestamp, or only a signature.
        await post('unsigned', body, { 'content-type': FORM });
        await post('unsigned', body, { 'content-type': FORM, 'x-slack-request-timestamp': String(now()) });
        await post('unsigned', body, { 'content-type': FORM, 'x-slack-signature': hmac(now(), body) });
        // Stale and future-dated, correctly signed for their timestamp.
        for (const offset of [-301, -3600, -86_400 * 365])
          await post('stale', body, signedSlackHeaders(secret, body, now() + offset));
        // 330 s, not 301: a future timestamp gets closer while the request is on its way (the exact
        // 300 s boundary is tested in slack-bot/request-check.test.ts).
        for (const offset of [330, 3600, 86_400 * 365])
          await post('future', body, signedSlackHeaders(secret, body, now() + offset));
        // Tampered: body changed after signing, another secret, timestamp changed, signature garbled.
        const headers = signedSlackHeaders(secret, body);
        await post('tampered', `${body}&x=1`, headers);
        await post('tampered', body, signedSlackHeaders('not-the-secret', body));
        await post('tampered', body, {
          ...headers,
          // One second off the signed timestamp (never now() - 1, which may be the signed one).
          'x-slack-request-timestamp': String(Number(headers['x-slack-request-timestamp']) - 1),
        });
        await post('tampered', body, { ...headers, 'x-slack-signature': `v0=${'0'.repeat(64)}` });
        await post('tampered', body, { ...headers, 'x-slack-signature': 'v0=not-hex' });
        await post('tampered', body, { ...headers, 'x-slack-request-timestamp': 'NaN' });
      }
    }
    // Oversized: over the door's 1 MiB (signed and not), and over the local server's 10 MB.
    const big = Buffer.alloc(MAX_SLACK_BODY_BYTES + 1, 'a');
    await post('oversized', big, { 'content-type': FORM });
    await post('oversized', big, { 'content-type': FORM, ...signedSlackHeaders(secret, big.toString()) });
    await post('oversized', Buffer.alloc(11 * 1024 * 1024, 'b'), { 'content-type': FORM });
    // Malformed but correctly signed: each refused with 400 before Bolt sees it.
    const malformed: [string, string][] = [
      ['{"type":"event_callback",', 'application/json'],
      ['[1,2,3]', 'application/json'],
      ['{"type":"event_callback","team_id":"T0","event":"x"}', 'application/json'],
      [
        '{"type":"event_callback","team_id":"T0","event":{"type":"x","item":"y","channel":5}}',
        'application/json',
      ],
      ['{"type":"url_verification"}', 'application/json'],
      ['payload=%7B', FORM],
      ['payload=null', FORM],
      [`payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U0"},"actions":[]}')}`, FORM],
      [`payload=${encodeURIComponent('{"type":"view_submission","user":{"id":"U0"}}')}`, FORM],
      [
        `payload=${encodeURIComponent('{"type":"block_actions","user":"U0","actions":[{"type":"button","action_id":"alert.acknowledge"}]}')}`,
        FORM,
      ],
      ['command=/cart&text=help&user_id=U0', FORM],
      [`${vitalsBody()}&command=/other`, FORM],
      ['a=b', FORM],
      [vitalsBody(), 'text/plain'],
      [vitalsBody(), 'multipart/form-data; boundary=x'],
    ];
    for (let round = 0; round < 3; round += 1)
      for (const [body, contentType] of malformed)
        await post('malformed', body, signedSlackHeaders(secret, body, now(), contentType));
    const notUtf8 = Buffer.concat([
      Buffer.from('command=/cart&text='),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('&user_id=U0&channel_id=C0'),
    ]);
    await post('malformed', notUtf8, {
      'content-type': FORM,
      'x-slack-request-timestamp': String(now()),
      'x-slack-signature': hmac(now(), notUtf8),
    });

    const byKind = new Map<string, number[]>();
    for (const { kind, status } of sent) byKind.set(kind, [...(byKind.get(kind) ?? []), status]);
    const serverErrors = sent.filter(({ status }) => status >= 500).length;
    console.log(
      `hostile-slack: ${serverErrors} 5xx of ${sent.length} requests (${[...byKind].map(([kind, statuses]) => `${kind} ${statuses.length}`).join(', ')})`,
    );
    expect(serverErrors).toBe(0);
    expect(new Set(byKind.get('unsigned'))).toEqual(new Set([401]));
    expect(new Set(byKind.get('stale'))).toEqual(new Set([401]));
    expect(new Set(byKind.get('future'))).toEqual(new Set([401]));
    expect(new Set(byKind.get('tampered'))).toEqual(new Set([401]));
    expect(new Set(byKind.get('oversized'))).toEqual(new Set([413]));
    expect(new Set(byKind.get('malformed'))).toEqual(new Set([400]));
    expect(await vitalsRecorded()).toBe('Records: 0 vital signs, 0 neuro, 0 doses');
  }, 60_000);

  it('a valid signed request replayed (one after another, and 10 at once) is executed once', async () => {
    const body = vitalsBody();
    const headers = signedSlackHeaders(secret, body);
    const first = await post('replay', body, headers);
    const again = [];
    for (let i = 0; i < 5; i += 1) again.push(await post('replay', body, headers));
    const concurrentBody = vitalsBody();
    const concurrentHeaders = signedSlackHeaders(secret, concurrentBody);
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => post('replay', concurrentBody, concurrentHeaders)),
    );
    const executed = [first, ...again, ...burst].filter((status) => status === 200).length;
    console.log(
      `hostile-slack: replays executed ${executed - 2} of ${again.length + burst.length - 1} copies (2 originals executed once each)`,
    );
    expect(first).toBe(200);
    expect(again).toEqual([401, 401, 401, 401, 401]);
    expect(burst.filter((status) => status === 200)).toHaveLength(1);
    expect(burst.filter((status) => status === 401)).toHaveLength(9);
    expect(await vitalsRecorded()).toBe('Records: 2 vital signs, 0 neuro, 0 doses');
  });

  it('a signed 1 MB slash command is answered at once with the length refusal', async () => {
    const body = slashCommandBody({
      text: `vitals ${episodeId} ${'abcd '.repeat(200_000)}`,
      channelId: channel.channelId,
      userId: channel.userId,
      responseUrl: `${baseUrl}/_fake-slack/response/${channel.channelId}.big`,
      triggerId: newTriggerId(),
    });
    expect(Buffer.byteLength(body)).toBeGreaterThan(950_000);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_SLACK_BODY_BYTES);
    const started = performance.now();
    const reply = await slack.send(body);
    const ms = performance.now() - started;
    console.log(
      `hostile-slack: signed ${(Buffer.byteLength(body) / 1e6).toFixed(2)} MB command answered in ${Math.round(ms)} ms`,
    );
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('the command is too long');
    expect(ms).toBeLessThan(2000);
  });
});
