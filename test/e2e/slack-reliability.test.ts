import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { FakeSlackCall } from '../../functions/local/fake-slack-api.ts';
import { newTriggerId } from '../../functions/local/slack-requests.ts';
import { signedSlackHeaders } from '../../slack-bot/signing.ts';
import { alertsOf } from '../support/episode-alerts.ts';
import {
  buttonsOf,
  createSlackClient,
  CRS_GRADE_3_VITALS,
  messageText,
  newEpisode,
  recordsLine,
  succeeded,
  uniqueId,
  type SlackMessage,
  type MappedChannel,
  type SlackSession,
} from '../support/slack-client.ts';

/**
 * What Slack and its Web API do that a happy path never shows: retried deliveries of a command,
 * forged or replayed requests, and a Web API that fails (5xx, rate limits) while alerts must still
 * arrive, each exactly once.
 */
const baseUrl = inject('baseUrl');
const secret = inject('slackSigningSecret');
const slack = createSlackClient({ baseUrl, signingSecret: secret });

const observationId = (text: string): string => /recorded · ([0-9A-Z]{26})/.exec(text)?.[1] ?? '';

/** Calls about one alert of one episode (its text names both). */
const about = (calls: FakeSlackCall[], escalationId: string, episodeId: string): FakeSlackCall[] =>
  calls.filter(
    (call) =>
      String(call.args.text).includes(escalationId) &&
      new RegExp(`\\b${episodeId}\\b`).test(String(call.args.text)),
  );

const mapped = (prefix: string) =>
  slack.mappedChannel({
    channelId: uniqueId(`C0E2E${prefix}`),
    team: uniqueId(`e2e-${prefix.toLowerCase()}-`).toLowerCase(),
    oncall: `S0E2E${prefix}`,
  });

describe("Slack's retried deliveries of a command", () => {
  it('a retry (same trigger id, X-Slack-Retry-Num: 1, re-signed) records once and answers with the first result', async () => {
    const channel = await mapped('RETRY');
    const episodeId = await newEpisode(channel);
    const triggerId = newTriggerId();
    const line = `/cart vitals ${episodeId} ${CRS_GRADE_3_VITALS}`;

    const first = await channel.command(line, { triggerId });
    expect(first.status).toBe(200);
    expect(first.text).toContain('CRS grade 3');
    const retried = await channel.command(line, {
      triggerId,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retried.status).toBe(200);
    expect(observationId(first.text)).not.toBe('');
    expect(observationId(retried.text)).toBe(observationId(first.text));
    expect(retried.text).toContain('Already recorded (a retried request): nothing was written twice');
    expect(retried.message?.response_type).toBe('in_channel');

    const status = await channel.command(`/cart status ${episodeId}`);
    expect(recordsLine(status.text)).toBe('Records: 1 vital signs, 0 neuro, 0 doses');
    // A new trigger id is a new command: it records.
    await channel.command(line);
    expect(recordsLine((await channel.command(`/cart status ${episodeId}`)).text)).toBe(
      'Records: 2 vital signs, 0 neuro, 0 doses',
    );
  });
});

describe("Slack's request signature", () => {
  let channel: SlackSession;
  let episodeId: string;

  beforeAll(async () => {
    channel = await mapped('SIGN');
    episodeId = await newEpisode(channel);
  });

  const nowSeconds = () => Math.floor(Date.now() / 1000);

  // Timestamps are taken as each case runs, not when the file loads: a slow setup must not bring
  // "5 minutes in the future" back inside Slack's window.
  it.each([
    ['signed with another secret', () => ({ secret: 'not-the-signing-secret' })],
    ['older than 5 minutes (a replay)', () => ({ timestamp: nowSeconds() - 5 * 60 - 1 })],
    ['from more than 5 minutes in the future', () => ({ timestamp: nowSeconds() + 5 * 60 + 60 })],
  ])('refuses a command %s with 401 and records nothing', async (_name, signing) => {
    const after = await slack.latestSeq();
    const reply = await channel.command(`/cart vitals ${episodeId} ${CRS_GRADE_3_VITALS}`, signing());
    expect(reply.status).toBe(401);
    expect(reply.text).not.toContain('CRS');

    const status = await channel.command(`/cart status ${episodeId}`);
    expect(recordsLine(status.text)).toBe('Records: 0 vital signs, 0 neuro, 0 doses');
    // Nothing reached Slack for this channel but the status reply itself.
    expect((await channel.everything(after)).filter((call) => call.method !== 'response_url')).toEqual([]);
  });

  it('refuses a body changed after signing, and a request without a signature', async () => {
    const after = await slack.latestSeq();
    const form = (text: string) =>
      new URLSearchParams({
        command: '/cart',
        text,
        channel_id: channel.channelId,
        user_id: channel.userId,
      }).toString();
    const signed = form(`status ${episodeId}`);
    const changed = form(`vitals ${episodeId} t=39.9`);
    const tampered = await slack.send(changed, { headers: signedSlackHeaders(secret, signed) });
    expect(tampered.status).toBe(401);

    const unsigned = await fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: changed,
    });
    expect(unsigned.status).toBe(401);
    expect(recordsLine((await channel.command(`/cart status ${episodeId}`)).text)).toBe(
      'Records: 0 vital signs, 0 neuro, 0 doses',
    );
    expect((await channel.everything(after)).filter((call) => call.method !== 'response_url')).toEqual([]);
  });

  it('accepts a request signed 4 minutes ago (inside the 5-minute window)', async () => {
    const reply = await channel.command(`/cart status ${episodeId}`, { timestamp: nowSeconds() - 4 * 60 });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain(episodeId);
  });
});

describe('Slack Web API failures: alerts still arrive, exactly once', () => {
  let channel: MappedChannel;

  beforeAll(async () => {
    channel = await mapped('FAIL');
  });

  /** Records a critical grading; returns the episode and the fake's sequence before it. */
  const gradeCritical = async (): Promise<{ episodeId: string; after: number }> => {
    // No infusion date: no CRS-S1 (days since infusion unknown), so ESC-CRS3 is the one alert.
    const episodeId = await newEpisode(channel, { infusion: null });
    const after = await slack.latestSeq();
    const reply = await channel.command(`/cart vitals ${episodeId} ${CRS_GRADE_3_VITALS}`);
    expect(reply.text).toContain('CRS grade 3');
    return { episodeId, after };
  };

  const postsOf = async (after: number, episodeId: string, escalationId = 'ESC-CRS3') =>
    about(
      await slack.calls({ after, channel: channel.channelId, method: 'chat.postMessage' }),
      escalationId,
      episodeId,
    );

  it('chat.postMessage answering 503 beyond every retry: nothing posted meanwhile, the failures logged, then the sweep posts it once', async () => {
    await slack.injectFailure({
      method: 'chat.postMessage',
      channel: channel.channelId,
      status: 503,
      count: 1000,
    });
    const { episodeId, after } = await gradeCritical();

    // The stream consumer retries (its own backoff, then the stream's) and gives up.
    const attempts = await slack.waitUntilQuiet(
      { after, channel: channel.channelId, method: 'chat.postMessage' },
      2500,
    );
    const failed = about(attempts, 'ESC-CRS3', episodeId);
    expect(failed.length).toBeGreaterThan(1);
    expect(failed.every((call) => call.status === 503 && call.response.error === 'http_503')).toBe(true);
    expect(attempts.filter(succeeded)).toEqual([]);
    const [pending] = (
      await alertsOf({ baseUrl, keyFile: inject('localAuthKeyFile'), team: channel.team }, episodeId)
    ).filter((alert) => alert.escalationId === 'ESC-CRS3');
    expect(pending?.delivery.status).toBe('PENDING');

    // Slack is back; the next sweep posts what was left pending.
    await slack.clearFailures({ method: 'chat.postMessage', channel: channel.channelId });
    await slack.sweep();
    await slack.waitForCalls({ after, channel: channel.channelId, method: 'chat.postMessage' }, (found) =>
      found.some(succeeded),
    );
    const posted = (await postsOf(after, episodeId)).filter(succeeded);
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0]?.args.blocks)).toContain('<!subteam^S0E2EFAIL>');

    // Nothing is posted twice afterwards, by the stream or another sweep.
    await slack.sweep();
    expect((await postsOf(after, episodeId)).filter(succeeded)).toHaveLength(1);
    const [delivered] = (
      await alertsOf({ baseUrl, keyFile: inject('localAuthKeyFile'), team: channel.team }, episodeId)
    ).filter((alert) => alert.escalationId === 'ESC-CRS3');
    expect(delivered?.delivery.status).toBe('DELIVERED');
  });

  it('a 429 with Retry-After: 1 is waited out: the alert still arrives, at least 1 s later, once', async () => {
    await slack.injectFailure({
      method: 'chat.postMessage',
      channel: channel.channelId,
      status: 429,
      retryAfter: 1,
      count: 1,
    });
    const { episodeId, after } = await gradeCritical();
    const calls = await slack.waitForCalls(
      { after, channel: channel.channelId, method: 'chat.postMessage' },
      (found) => found.some(succeeded),
    );
    const limited = about(calls, 'ESC-CRS3', episodeId).filter((call) => call.status === 429);
    const posted = about(calls, 'ESC-CRS3', episodeId).filter(succeeded);
    expect(limited).toHaveLength(1);
    expect(posted).toHaveLength(1);
    expect(Date.parse(posted[0]?.at ?? '') - Date.parse(limited[0]?.at ?? '')).toBeGreaterThanOrEqual(1000);
    // Posted by the consumer's own wait, not left for a sweep: one more sweep posts nothing.
    await slack.sweep();
    expect((await postsOf(after, episodeId)).filter(succeeded)).toHaveLength(1);
  });

  it('a chat.update failing on acknowledgement: the acknowledgement stands and the sweep updates the message once', async () => {
    const { episodeId, after } = await gradeCritical();
    const calls = await slack.waitForCalls(
      { after, channel: channel.channelId, method: 'chat.postMessage' },
      (found) => about(found, 'ESC-CRS3', episodeId).some(succeeded),
    );
    const [posted] = about(calls, 'ESC-CRS3', episodeId).filter(succeeded);
    const ts = String(posted?.response.ts);
    const [acknowledge] = buttonsOf(posted?.args);

    await slack.injectFailure({
      method: 'chat.update',
      channel: channel.channelId,
      status: 503,
      count: 1000,
    });
    const pressed = await channel.press({
      actionId: 'alert.acknowledge',
      value: acknowledge?.value,
      messageTs: ts,
    });
    expect(pressed.status).toBe(200);
    const failedUpdates = await slack.waitUntilQuiet(
      { after, channel: channel.channelId, method: 'chat.update' },
      2500,
    );
    expect(failedUpdates.length).toBeGreaterThan(0);
    expect(failedUpdates.filter(succeeded)).toEqual([]);
    const [acknowledged] = (
      await alertsOf({ baseUrl, keyFile: inject('localAuthKeyFile'), team: channel.team }, episodeId)
    ).filter((alert) => alert.escalationId === 'ESC-CRS3');
    expect(acknowledged?.acknowledgedBy?.userId).toBe('slack:U0LOCALADMIN');

    await slack.clearFailures({ method: 'chat.update', channel: channel.channelId });
    await slack.sweep();
    const updates = (
      await slack.waitForCalls({ after, channel: channel.channelId, method: 'chat.update' }, (found) =>
        found.some(succeeded),
      )
    ).filter(succeeded);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args.ts).toBe(ts);
    expect(messageText(updates[0]?.args as SlackMessage)).toContain('Acknowledged by @U0LOCALADMIN');
    await slack.sweep();
    expect(
      (await slack.calls({ after, channel: channel.channelId, method: 'chat.update' })).filter(succeeded),
    ).toHaveLength(1);
  });
});
