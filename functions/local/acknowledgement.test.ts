import { describe, expect, it } from 'vitest';
import { acknowledgementVerdict } from './acknowledgement.ts';
import type { FakeSlackCall } from './fake-slack-api.ts';

const VALUE = 'EP-7:01JQ0000000000000000000001';
const OTHER = 'EP-7:01JQ0000000000000000000009';

let seq = 0;
const call = (
  method: string,
  args: Record<string, unknown>,
  response: Record<string, unknown> = { ok: true },
  status = 200,
): FakeSlackCall => ({
  seq: (seq += 1),
  at: new Date(0).toISOString(),
  method,
  args,
  status,
  response,
});
const alertPost = (value: string, ts: string) =>
  call(
    'chat.postMessage',
    {
      channel: 'C0HEMA',
      text: 'CRITICAL · ESC-CRS3 · EP-7',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: ':red_circle: *CRITICAL · ESC-CRS3* · *EP-7*' } },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'alert.acknowledge',
              value,
              text: { type: 'plain_text', text: 'Acknowledge' },
            },
          ],
        },
      ],
    },
    { ok: true, channel: 'C0HEMA', ts },
  );
const update = (ts: string, status = 200, ok = true) =>
  call(
    'chat.update',
    {
      channel: 'C0HEMA',
      ts,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: ':red_circle: *CRITICAL · ESC-CRS3* · *EP-7*' } },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: ':white_check_mark: Acknowledged by <@U0DOCTOR> · now' }],
        },
      ],
    },
    { ok },
    status,
  );
const reply = (responseId: string, text: string) =>
  call('response_url', {
    responseId,
    response_type: 'ephemeral',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  });

describe('acknowledgement verdict of the chat client (never the HTTP 200 of the press)', () => {
  it('waiting while nothing the bot did confirms it', () => {
    const post = alertPost(VALUE, '1.000001');
    expect(acknowledgementVerdict([post], { value: VALUE, responseId: 'r1', after: post.seq })).toEqual({
      kind: 'waiting',
    });
  });

  it('acknowledged once the alert’s own message is updated to show who acknowledged it', () => {
    const post = alertPost(VALUE, '1.000002');
    const after = post.seq;
    const verdict = acknowledgementVerdict([post, update('1.000002')], {
      value: VALUE,
      responseId: 'r2',
      after,
    });
    expect(verdict).toMatchObject({ kind: 'acknowledged', by: 'update' });
    expect(verdict.kind === 'acknowledged' && verdict.text).toContain('Acknowledged by @U0DOCTOR');
  });

  it('not acknowledged by the update of another alert’s message, nor by a failed update', () => {
    const mine = alertPost(VALUE, '1.000003');
    const other = alertPost(OTHER, '1.000004');
    const after = other.seq;
    expect(
      acknowledgementVerdict([mine, other, update('1.000004')], { value: VALUE, responseId: 'r3', after }),
    ).toEqual({
      kind: 'waiting',
    });
    expect(
      acknowledgementVerdict([mine, update('1.000003', 503, false)], {
        value: VALUE,
        responseId: 'r3',
        after,
      }),
    ).toEqual({
      kind: 'waiting',
    });
  });

  it('an update made before the press does not count', () => {
    const post = alertPost(VALUE, '1.000005');
    const earlier = update('1.000005');
    expect(
      acknowledgementVerdict([post, earlier], { value: VALUE, responseId: 'r4', after: earlier.seq }),
    ).toEqual({
      kind: 'waiting',
    });
  });

  it('a reply to the press saying who acknowledged it (pressed again): acknowledged, in either language', () => {
    const after = seq;
    expect(
      acknowledgementVerdict([reply('r5', ':white_check_mark: Acknowledged by <@U0NURSE>')], {
        value: VALUE,
        responseId: 'r5',
        after,
      }),
    ).toMatchObject({ kind: 'acknowledged', by: 'reply' });
    expect(
      acknowledgementVerdict([reply('r6', ':white_check_mark: 已确认 <@U0NURSE>')], {
        value: VALUE,
        responseId: 'r6',
        after,
      }),
    ).toMatchObject({ kind: 'acknowledged', by: 'reply' });
  });

  it('any other reply to the press is a refusal, quoted; replies to other requests are ignored', () => {
    const after = seq;
    const refusal = reply('r7', 'Alert button value "EP-1:x" names no alert');
    expect(
      acknowledgementVerdict([reply('elsewhere', 'Acknowledged by <@U0X>'), refusal], {
        value: 'EP-1:x',
        responseId: 'r7',
        after,
      }),
    ).toEqual({
      kind: 'refused',
      text: 'Alert button value "EP-1:x" names no alert',
    });
  });
});
