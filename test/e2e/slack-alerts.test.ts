import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { FakeSlackCall } from '../../functions/local/fake-slack-api.ts';
import { LOCAL_SLACK } from '../../functions/local/local-system.ts';
import { alertsOf } from '../support/episode-alerts.ts';
import {
  buttonsOf,
  createSlackClient,
  CRS_GRADE_3_VITALS,
  messageText,
  newEpisode,
  succeeded,
  uniqueId,
  type SlackMessage,
  type SlackSession,
} from '../support/slack-client.ts';

/**
 * A critical grading recorded from Slack reaches the team's channel through the table's stream
 * (the alert consumer), once, paging the on-call group; Acknowledge records who and when and the
 * same message is updated in place, once, however often it is pressed.
 */
const baseUrl = inject('baseUrl');
const slack = createSlackClient({ baseUrl, signingSecret: inject('slackSigningSecret') });
const team = uniqueId('e2e-alert-').toLowerCase();
const ONCALL = 'S0E2EALERT';
const ADMIN = LOCAL_SLACK.adminUserId;

/** The posted alert messages of one escalation for one episode. */
const postsOf = (calls: FakeSlackCall[], escalationId: string, episodeId: string): FakeSlackCall[] =>
  calls.filter(
    (call) =>
      call.method === 'chat.postMessage' &&
      succeeded(call) &&
      String(call.args.text).includes(escalationId) &&
      new RegExp(`\\b${episodeId}\\b`).test(String(call.args.text)),
  );

const asMessage = (call: FakeSlackCall | undefined): SlackMessage => call?.args ?? {};

describe('a critical grading from Slack: the alert, then its acknowledgement', () => {
  let channel: SlackSession;

  beforeAll(async () => {
    channel = await slack.mappedChannel({ channelId: uniqueId('C0E2EA'), team, oncall: ONCALL });
  });

  it('posts ESC-CRS3 once, paging the on-call group, with Acknowledge and Open; Acknowledge updates it in place once', async () => {
    const episodeId = await newEpisode(channel);
    const after = await slack.latestSeq();
    const graded = await channel.command(`/cart vitals ${episodeId} ${CRS_GRADE_3_VITALS}`);
    expect(graded.text).toContain('CRS grade 3');

    // The stream consumer posts a moment after the reply.
    const calls = await slack.waitForCalls(
      { after, channel: channel.channelId },
      (found) => postsOf(found, 'ESC-CRS3', episodeId).length > 0,
    );
    const [posted] = postsOf(calls, 'ESC-CRS3', episodeId);
    const alert = asMessage(posted);
    expect(messageText(alert)).toContain(`CRITICAL · ESC-CRS3 · ${episodeId}`);
    expect(JSON.stringify(alert.blocks)).toContain(`<!subteam^${ONCALL}>`);

    const [stored] = (
      await alertsOf({ baseUrl, keyFile: inject('localAuthKeyFile'), team }, episodeId)
    ).filter((a) => a.escalationId === 'ESC-CRS3');
    expect(stored).toMatchObject({
      level: 'CRITICAL',
      acknowledged: false,
      delivery: { status: 'DELIVERED' },
    });
    const value = `${episodeId}:${stored?.alertId ?? ''}`;
    expect(buttonsOf(alert).map((b) => [b.action_id, b.value])).toEqual([
      ['alert.acknowledge', value],
      ['alert.open', value],
    ]);

    // EPI-6: one alert per clinical event: the record is graded CRS 3, so no separate ESC-SUSPECT.
    const suspect = postsOf(
      await slack.calls({ after, channel: channel.channelId }),
      'ESC-SUSPECT',
      episodeId,
    );
    expect(suspect).toHaveLength(0);

    // A sweep finds nothing left to post.
    await slack.sweep();
    expect(
      postsOf(await slack.calls({ after, channel: channel.channelId }), 'ESC-CRS3', episodeId),
    ).toHaveLength(1);

    const ts = String(posted?.response.ts);
    const pressedAt = Date.now();
    const pressed = await channel.press({ actionId: 'alert.acknowledge', value, messageTs: ts });
    expect(pressed.status).toBe(200);

    const updates = await slack.waitForCalls(
      { after, channel: channel.channelId, method: 'chat.update' },
      (found) => found.some(succeeded),
    );
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args.ts).toBe(ts);
    const updated = asMessage(updates[0]);
    expect(messageText(updated)).toContain(`Acknowledged by @${ADMIN}`);
    expect(buttonsOf(updated)).toEqual([]);
    expect(JSON.stringify(updated.blocks)).not.toContain('subteam');

    const [acknowledged] = (
      await alertsOf({ baseUrl, keyFile: inject('localAuthKeyFile'), team }, episodeId)
    ).filter((a) => a.id === stored?.id);
    expect(acknowledged).toMatchObject({
      acknowledged: true,
      acknowledgedBy: { userId: `slack:${ADMIN}`, role: 'CLINICIAN', via: 'SLACK' },
    });
    const at = Date.parse(acknowledged?.acknowledgedAt ?? '');
    expect(at).toBeGreaterThanOrEqual(pressedAt - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());

    // Pressed again: the first acknowledgement stands, the user is told who acknowledged it, and
    // the message is not updated again.
    const afterFirst = await slack.latestSeq();
    const again = await channel.press({ actionId: 'alert.acknowledge', value, messageTs: ts });
    expect(again.status).toBe(200);
    const [told] = await channel.waitForResponses(afterFirst);
    expect(told?.args.response_type).toBe('ephemeral');
    expect(messageText(asMessage(told))).toContain(`Acknowledged by @${ADMIN}`);
    await slack.sweep();
    expect(
      (await slack.calls({ after, channel: channel.channelId, method: 'chat.update' })).filter(succeeded),
    ).toHaveLength(1);
    const [still] = (
      await alertsOf({ baseUrl, keyFile: inject('localAuthKeyFile'), team }, episodeId)
    ).filter((a) => a.id === stored?.id);
    expect(still?.acknowledgedAt).toBe(acknowledged?.acknowledgedAt);
  });

  it('a button whose value names no alert gets a specific refusal and acknowledges nothing', async () => {
    const after = await slack.latestSeq();
    const pressed = await channel.press({
      actionId: 'alert.acknowledge',
      value: 'EP-1:not-an-alert-id',
      messageTs: '1.000001',
    });
    expect(pressed.status).toBe(200);
    const [told] = await channel.waitForResponses(after);
    const text = messageText(asMessage(told));
    expect(text).toContain('EP-<n>:<alert id>');
    expect(text).toContain('EP-1:not-an-alert-id');
    expect(text).not.toContain('Something went wrong');
    expect(
      (await slack.calls({ after, channel: channel.channelId, method: 'chat.update' })).filter(succeeded),
    ).toHaveLength(0);
  });

  it('`/cart status` no longer lists an acknowledged alert as open', async () => {
    const episodeId = await newEpisode(channel);
    const after = await slack.latestSeq();
    await channel.command(`/cart vitals ${episodeId} ${CRS_GRADE_3_VITALS}`);
    const calls = await slack.waitForCalls(
      { after, channel: channel.channelId },
      (found) => postsOf(found, 'ESC-CRS3', episodeId).length > 0,
    );
    const [posted] = postsOf(calls, 'ESC-CRS3', episodeId);
    const [button] = buttonsOf(asMessage(posted));
    expect((await channel.command(`/cart status ${episodeId}`)).text).toContain('ESC-CRS3');

    await channel.press({
      actionId: 'alert.acknowledge',
      value: button?.value,
      messageTs: String(posted?.response.ts),
    });
    const status = await channel.command(`/cart status ${episodeId}`);
    const openAlerts = /^.*open alerts?\b.*$/m.exec(status.text)?.[0] ?? '';
    expect(openAlerts).toBe('No open alerts');

    // Who acknowledged it is in the full management, one button away.
    const [management] = buttonsOf(status.message);
    expect(management).toMatchObject({ action_id: 'status.management', value: episodeId });
    const afterStatus = await slack.latestSeq();
    const pressed = await channel.press({ actionId: 'status.management', value: episodeId });
    expect(pressed.status).toBe(200);
    const [shown] = await channel.waitForResponses(afterStatus);
    expect(shown?.args.response_type).toBe('ephemeral');
    const full = messageText(asMessage(shown));
    expect(full).toContain('What drove it');
    expect(full).toContain(`ESC-CRS3 acknowledged by @${ADMIN}`);
    const openInFull = /^open alerts\n((?:• .*\n?)*)/m.exec(full)?.[1] ?? '';
    expect(openInFull).not.toContain('ESC-SUSPECT');
    expect(openInFull).not.toContain('ESC-CRS3');
  });
});
