import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { FakeSlackCall } from '../../functions/local/fake-slack-api.ts';
import { alertsOf } from '../support/episode-alerts.ts';
import {
  createSlackClient,
  CRS_GRADE_3_VITALS,
  newEpisode,
  succeeded,
  uniqueId,
  type MappedChannel,
} from '../support/slack-client.ts';

/**
 * The Slack Web API failing for a while, end to end on the started local system: chat.postMessage
 * answers rate limits (429 with Retry-After) and then server errors (500, 503) to every post to
 * the team's channel. Critical alerts raised meanwhile (graded from Slack, through the table's
 * stream and the alert consumer) stay pending, however often the consumer and the sweeper try;
 * once Slack answers again, the next sweep (deployed: the schedule) posts each of them exactly
 * once, and nothing posts them again afterwards.
 */
const baseUrl = inject('baseUrl');
const keyFile = inject('localAuthKeyFile');
const slack = createSlackClient({ baseUrl, signingSecret: inject('slackSigningSecret') });
const ALERTS = 4;
const ONCALL = 'S0OUTAGE';

let channel: MappedChannel;

beforeAll(async () => {
  channel = await slack.mappedChannel({
    channelId: uniqueId('C0OUTAGE'),
    team: uniqueId('outage-').toLowerCase(),
    oncall: ONCALL,
  });
});

/** The ESC-CRS3 posts of one episode among the calls. */
const postsFor = (calls: readonly FakeSlackCall[], episodeId: string): FakeSlackCall[] =>
  calls.filter(
    (call) =>
      call.method === 'chat.postMessage' &&
      String(call.args.text).includes('ESC-CRS3') &&
      new RegExp(`\\b${episodeId}\\b`).test(String(call.args.text)),
  );

const crs3Of = async (episodeId: string) =>
  (await alertsOf({ baseUrl, keyFile, team: channel.team }, episodeId)).find(
    (alert) => alert.escalationId === 'ESC-CRS3',
  );

describe('Slack Web API failing for a while', () => {
  it(`${ALERTS} critical alerts raised during the outage stay pending, then each is posted exactly once after recovery`, async () => {
    const target = { method: 'chat.postMessage', channel: channel.channelId } as const;
    // Rate limited first (Retry-After honoured), then Slack's servers failing.
    await slack.injectFailure({ ...target, status: 429, retryAfter: 1, count: 2 });
    await slack.injectFailure({ ...target, status: 500, count: 3 });
    await slack.injectFailure({ ...target, status: 503, count: 10_000 });
    const outageStarted = Date.now();
    const after = await slack.latestSeq();

    const episodes: string[] = [];
    for (let i = 0; i < ALERTS; i += 1) {
      // No infusion date: no CRS-S1, so ESC-CRS3 is each episode's one alert.
      const episodeId = await newEpisode(channel, { infusion: null });
      const reply = await channel.command(`/cart vitals ${episodeId} ${CRS_GRADE_3_VITALS}`);
      expect(reply.text).toContain('CRS grade 3');
      episodes.push(episodeId);
    }

    // The consumer tries, waits out the rate limit, retries the errors, and gives up.
    await slack.waitUntilQuiet({ ...target, after }, 2500, 60_000);
    // A sweep during the outage tries again and fails too.
    await slack.sweep();
    const duringOutage = await slack.calls({ ...target, after });
    const pending = (await Promise.all(episodes.map(crs3Of))).filter(
      (alert) => alert?.delivery.status === 'PENDING',
    ).length;
    const failedAttempts = duringOutage.filter((call) => !succeeded(call));
    const statuses = [...new Set(failedAttempts.map((call) => call.status))].sort((a, b) => a - b);
    expect(duringOutage.filter(succeeded)).toEqual([]);
    expect(statuses).toEqual([429, 500, 503]);
    expect(pending).toBe(ALERTS);
    for (const episodeId of episodes) expect(postsFor(duringOutage, episodeId).length).toBeGreaterThan(1);

    // Slack is back: the next sweep posts what was left pending.
    await slack.clearFailures(target);
    const recovered = Date.now();
    await slack.sweep();
    const delivered = await slack.waitForCalls(
      { ...target, after },
      (calls) => episodes.every((episodeId) => postsFor(calls, episodeId).some(succeeded)),
      30_000,
    );
    const deliveredAt = episodes.map((episodeId) =>
      Date.parse(postsFor(delivered, episodeId).find(succeeded)?.at ?? ''),
    );
    const timeToDelivery = Math.max(...deliveredAt) - recovered;

    // Nothing posts them again: another sweep, and the stream consumer, once quiet.
    await slack.sweep();
    const final = await slack.waitUntilQuiet({ ...target, after }, 1500, 30_000);
    const postsPerAlert = episodes.map((episodeId) => postsFor(final, episodeId).filter(succeeded).length);
    const stored = await Promise.all(episodes.map(crs3Of));
    console.log(
      `slack-outage: ${ALERTS} alerts raised during a ${((recovered - outageStarted) / 1000).toFixed(1)} s outage (${failedAttempts.length} failed posts: ${statuses.join(', ')}); ${pending} of ${ALERTS} pending during it; after recovery posts per alert ${postsPerAlert.join(', ')} (${postsPerAlert.filter((n) => n === 1).length} of ${ALERTS} delivered exactly once), all delivered ${timeToDelivery} ms after Slack came back`,
    );
    expect(postsPerAlert).toEqual(episodes.map(() => 1));
    expect(stored.map((alert) => alert?.delivery.status)).toEqual(episodes.map(() => 'DELIVERED'));
    // Each post still pages the on-call group: delivery late is not delivery quieter.
    for (const episodeId of episodes)
      expect(JSON.stringify(postsFor(final, episodeId).find(succeeded)?.args.blocks)).toContain(
        `<!subteam^${ONCALL}>`,
      );
  }, 180_000);
});
