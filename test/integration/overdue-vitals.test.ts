import { monotonicFactory } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertDeliverer } from '../../functions/alerts/delivery.ts';
import type { SlackMessageArgs, SlackPoster } from '../../functions/alerts/slack-web-api.ts';
import { AlertDeliveryStore } from '../../functions/episodes/alert-delivery-store.ts';
import { OverdueVitalsMonitor } from '../../functions/episodes/overdue-vitals.ts';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import type { RetryPolicy } from '../../functions/episodes/retry.ts';
import type { EpisodeService } from '../../functions/episodes/service.ts';
import { TeamSettingsService } from '../../functions/episodes/team-settings.ts';
import { TeamSettingsRepository } from '../../functions/episodes/team-settings-repository.ts';
import { sweep, type SweepResult } from '../../functions/sweeper/sweep.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';
import { actor, documentClient, newEpisodeInput, serviceFor, testClock } from '../support/episodes.ts';

/**
 * ESC-VITALS (INF-5: vital signs at least every 4 h during CRS), raised by the sweeper from the
 * WATCH#VITALS queue: exactly 4 h is on time, 4 h and a minute is overdue.
 */

const FAST_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
const T0 = '2026-03-03T02:00:00.000Z';
const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (ms: number) => new Date(Date.parse(T0) + ms);
const clinician = actor('clinician');
const nurse = actor('nurse');

let table: TestTable;
let clock: ReturnType<typeof testClock>;
let service: EpisodeService;
let repository: EpisodeRepository;
let monitor: OverdueVitalsMonitor;
let posts: SlackMessageArgs[];
let deliverer: AlertDeliverer;

beforeEach(async () => {
  // A table per test: the watch queue is table-wide.
  table = await createTestTable('overdue-vitals');
  const client = documentClient(table);
  clock = testClock(T0);
  service = serviceFor(table, clock.now, client);
  repository = new EpisodeRepository(client, table.tableName, FAST_RETRY);
  monitor = new OverdueVitalsMonitor({ repository, newId: monotonicFactory() });
  posts = [];
  const slack: SlackPoster = {
    post: (message) => {
      posts.push(message);
      return Promise.resolve({
        channel: message.channel,
        ts: `1772500000.${String(posts.length).padStart(6, '0')}`,
      });
    },
    update: () => Promise.resolve(),
  };
  const settings = new TeamSettingsService(
    new TeamSettingsRepository(client, table.tableName, FAST_RETRY),
    clock.now,
  );
  await settings.configure(
    { userId: 'U0ADMIN', admin: true },
    { team: 'hem-a', channelId: 'C0HEMA01', oncallUserGroupId: 'S0ONCALL1' },
  );
  deliverer = new AlertDeliverer({
    store: new AlertDeliveryStore(client, table.tableName, FAST_RETRY),
    settings,
    slack,
    clock: clock.now,
    renotifyMinutes: 15,
  });
});
afterEach(async () => table.drop());

/** An episode whose last vital signs, at T0, give the CRS grade asked for. */
const episodeWithCrs = async (grade: 0 | 1): Promise<string> => {
  const episode = await service.createEpisode(clinician, newEpisodeInput());
  const recording = await service.recordVitals(nurse, {
    episodeId: episode.id,
    measuredAt: T0,
    temperatureCelsius: grade === 1 ? 38.5 : 37.0,
    systolicBp: 118,
  });
  expect(recording.episode.summary.crsGrade).toBe(grade);
  return episode.id;
};

const sweepAt = (now: Date): Promise<SweepResult> => {
  clock.set(now.toISOString());
  return sweep({ repository, deliverer, monitor, log: () => undefined }, now);
};

/** Whether the sweeper's WATCH#VITALS query (as sweep() makes it) finds the episode at `now`. */
const watched = async (episodeId: string, now: Date): Promise<boolean> =>
  (await repository.dueInQueue('WATCH#VITALS', monitor.cutoff(now))).some(
    (item) => item.PK === `EP#${episodeId}`,
  );

const vitalsAlerts = async (episodeId: string) =>
  (await service.getEpisode(clinician, episodeId)).alerts.filter((a) => a.escalationId === 'ESC-VITALS');

describe('ESC-VITALS boundary (CRS grade ≥ 1, last vital signs at T0)', () => {
  it('exactly 4 h: the watch queue finds the episode, but it is on time: nothing raised', async () => {
    const id = await episodeWithCrs(1);
    expect(await watched(id, at(4 * HOUR - MINUTE))).toBe(false);
    expect(await watched(id, at(4 * HOUR))).toBe(true);
    expect(await monitor.check(id, at(4 * HOUR))).toBeUndefined();
    expect(await sweepAt(at(4 * HOUR))).toMatchObject({ overdueVitals: 0, failures: 0 });
    expect(await vitalsAlerts(id)).toEqual([]);
  });

  it('4 h + 1 min: one urgent ESC-VITALS alert citing INF-5, queued for delivery', async () => {
    const id = await episodeWithCrs(1);
    expect(await watched(id, at(4 * HOUR + MINUTE))).toBe(true);
    expect(await sweepAt(at(4 * HOUR + MINUTE))).toMatchObject({ overdueVitals: 1, failures: 0 });
    const alerts = await vitalsAlerts(id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      level: 'URGENT',
      team: 'hem-a',
      raisedAt: at(4 * HOUR + MINUTE).toISOString(),
      recordedBy: { userId: 'system:sweeper', via: 'system' },
      delivery: { status: 'PENDING', attempts: 0 },
    });
    expect(alerts[0]?.sourceRuleIds).toContain('INF-5');
    expect(alerts[0]?.text.en).toMatch(/4\.0 h|4 h/);
  });

  it('is not raised again while it is open, at the next sweeps', async () => {
    const id = await episodeWithCrs(1);
    await sweepAt(at(4 * HOUR + MINUTE));
    expect(await sweepAt(at(4 * HOUR + 10 * MINUTE))).toMatchObject({ overdueVitals: 0 });
    expect(await sweepAt(at(9 * HOUR))).toMatchObject({ overdueVitals: 0 });
    expect(await monitor.check(id, at(12 * HOUR))).toBeUndefined();
    expect(await vitalsAlerts(id)).toHaveLength(1);
  });

  it('once acknowledged, is raised again only a full interval after the last one', async () => {
    const id = await episodeWithCrs(1);
    const first = await monitor.check(id, at(4 * HOUR + MINUTE));
    expect(first).toBeDefined();
    clock.set(at(5 * HOUR).toISOString());
    await service.acknowledgeAlert(clinician, { episodeId: id, alertId: first?.id });
    expect(await monitor.check(id, at(8 * HOUR))).toBeUndefined();
    expect(await monitor.check(id, at(8 * HOUR + MINUTE))).toBeDefined();
    expect(await vitalsAlerts(id)).toHaveLength(2);
  });

  it('new vital signs restart the interval', async () => {
    const id = await episodeWithCrs(1);
    clock.set(at(3 * HOUR).toISOString());
    await service.recordVitals(nurse, {
      episodeId: id,
      measuredAt: at(3 * HOUR).toISOString(),
      temperatureCelsius: 38.3,
    });
    expect(await watched(id, at(4 * HOUR + MINUTE))).toBe(false);
    expect(await sweepAt(at(4 * HOUR + MINUTE))).toMatchObject({ overdueVitals: 0 });
    expect(await sweepAt(at(7 * HOUR))).toMatchObject({ overdueVitals: 0 });
    expect(await sweepAt(at(7 * HOUR + MINUTE))).toMatchObject({ overdueVitals: 1 });
  });

  it('the raised alert is then delivered by a later sweep to the team’s channel, without paging', async () => {
    const id = await episodeWithCrs(1);
    // The alerts of the fever itself are out of the way: acknowledged, then posted (showing who
    // acknowledged them) by the first sweep, which is too early for ESC-VITALS.
    for (const alert of (await service.getEpisode(clinician, id)).alerts)
      await service.acknowledgeAlert(clinician, { episodeId: id, alertId: alert.id });
    expect(await sweepAt(at(4 * HOUR))).toMatchObject({ overdueVitals: 0 });
    expect(posts.every((post) => !post.text.includes('ESC-VITALS'))).toBe(true);
    posts.splice(0);
    await sweepAt(at(4 * HOUR + MINUTE));
    expect(posts).toEqual([]);
    expect(await sweepAt(at(4 * HOUR + 3 * MINUTE))).toMatchObject({ delivered: 1 });
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe('C0HEMA01');
    expect(posts[0]?.text).toContain('ESC-VITALS');
    expect(posts[0]?.text).toContain(id);
    expect(posts[0]?.text).not.toContain('<!subteam^');
  });
});

describe('ESC-VITALS is not raised', () => {
  it('for CRS grade 0: not watched, and a direct check finds nothing', async () => {
    const id = await episodeWithCrs(0);
    expect(await watched(id, at(5 * HOUR))).toBe(false);
    expect(await monitor.check(id, at(5 * HOUR))).toBeUndefined();
    expect(await sweepAt(at(5 * HOUR))).toMatchObject({ overdueVitals: 0 });
  });

  it('for a closed episode', async () => {
    const id = await episodeWithCrs(1);
    clock.set(at(HOUR).toISOString());
    await service.closeEpisode(clinician, { episodeId: id, reason: 'COMPLETED_FOLLOW_UP' });
    expect(await watched(id, at(5 * HOUR))).toBe(false);
    expect(await monitor.check(id, at(5 * HOUR))).toBeUndefined();
    expect(await vitalsAlerts(id)).toEqual([]);
  });

  it('for an episode without vital signs', async () => {
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    expect(await watched(episode.id, at(5 * HOUR))).toBe(false);
    expect(await monitor.check(episode.id, at(5 * HOUR))).toBeUndefined();
    expect(await monitor.check('EP-999999', at(5 * HOUR))).toBeUndefined();
  });
});
