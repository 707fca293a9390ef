import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeService } from '../../functions/episodes/service.ts';
import { postDueDigests, type DigestDeps } from '../../functions/episodes/handoff-digest.ts';
import { TeamSettingsRepository } from '../../functions/episodes/team-settings-repository.ts';
import { TeamSettingsService } from '../../functions/episodes/team-settings.ts';
import { countingDocumentClient, createTestTable, type TestTable } from '../support/dynamodb.ts';
import { actor, documentClient, newEpisodeInput, serviceFor, testClock } from '../support/episodes.ts';

/**
 * HANDOFF-1, HANDOFF-2 on DynamoDB Local: a team of 30 active episodes hands off with exactly one
 * Query (the team index), whatever the courses; the grade course each head keeps is the one the
 * writes produced.
 */

let table: TestTable;
let service: EpisodeService;
const commands: string[] = [];
// 2026-03-03 02:00 in Asia/Shanghai (the default hospital zone).
const clock = testClock('2026-03-02T18:00:00Z');
const TEAM = 'hem-h';
const nurse = actor('nurse', [TEAM]);
const ids: string[] = [];

const countingClient = (endpoint: string) => countingDocumentClient(endpoint, commands);

const vitals = (episodeId: string, measuredAt: string, values: Record<string, unknown> = {}) =>
  service.recordVitals(nurse, {
    episodeId,
    measuredAt,
    temperatureCelsius: 37,
    systolicBp: 120,
    spo2Percent: 97,
    oxygen: 'ROOM_AIR',
    vasopressors: [],
    ...values,
  });

beforeAll(async () => {
  table = await createTestTable('handoff');
  service = serviceFor(table, clock.now, countingClient(table.endpoint));
  for (let i = 0; i < 30; i += 1) {
    const head = await service.createEpisode(actor('clinician', [TEAM]), {
      ...newEpisodeInput(TEAM),
      patientRef: `P-H-${String(i).padStart(3, '0')}`,
    });
    ids.push(head.id);
  }
  const [first, second] = ids;
  if (!first || !second) throw new Error('episodes not created');
  // The first: CRS 1 before the shift, 3 at 02:10 local, 2 at 05:40 local (the clock moves on).
  clock.set('2026-03-02T13:00:00Z');
  await vitals(first, '2026-03-02T12:30:00Z', { temperatureCelsius: 38.5 });
  clock.set('2026-03-02T18:15:00Z');
  await vitals(first, '2026-03-02T18:10:00Z', {
    temperatureCelsius: 39,
    systolicBp: 80,
    vasopressors: ['NOREPINEPHRINE'],
  });
  clock.set('2026-03-02T21:45:00Z');
  await vitals(first, '2026-03-02T21:40:00Z', {
    temperatureCelsius: 38.6,
    systolicBp: 85,
    hypotension: true,
  });
  // The second: afebrile vitals at 06:00 local.
  clock.set('2026-03-02T22:05:00Z');
  await vitals(second, '2026-03-02T22:00:00Z');
  clock.set('2026-03-03T00:00:00Z');
}, 120_000);
afterAll(async () => table.drop());

describe('shift handoff on DynamoDB Local', () => {
  it('HANDOFF-1: the handoff of a team of 30 active episodes issues exactly one Query', async () => {
    commands.length = 0;
    const handoff = await service.handoff(nurse, { team: TEAM });
    expect(commands).toEqual(['QueryCommand']);
    expect(handoff.blocks).toHaveLength(30);
  });

  it('HANDOFF-1, HANDOFF-2: the head kept the course of the writes; the most acute episode comes first', async () => {
    const handoff = await service.handoff(nurse, { team: TEAM, at: '2026-03-03T00:00:00Z' });
    const [top, next] = handoff.blocks;
    expect(top?.episodeId).toBe(ids[0]);
    expect(top?.lines[1]?.en).toBe(
      'CRS – → 1 at 03-02 20:30 → 3 at 03-03 02:10 → 2 at 03-03 05:40 · ICANS not graded yet',
    );
    expect(top?.tocilizumab.dosesInEpisode).toBe(0);
    expect(top?.openAlerts.map((a) => a.escalationId)).toEqual(expect.arrayContaining(['ESC-CRS3']));
    // Grade 0 with vitals (2 h old) before the never-graded ones.
    expect(next?.episodeId).toBe(ids[1]);
    expect(handoff.blocks.at(-1)?.lines[3]?.en).toBe('no vitals recorded');
  });

  it('HANDOFF-1: another team’s member hands off nothing, as episodes(team) lists nothing, and reads nothing', async () => {
    commands.length = 0;
    const handoff = await service.handoff(actor('nurse', ['hem-z']), { team: TEAM });
    expect(handoff.blocks).toEqual([]);
    expect(commands).toEqual([]);
  });

  it('HANDOFF-1: a bad time or shift length is refused naming the field', async () => {
    await expect(service.handoff(nurse, { team: TEAM, at: 'tonight' })).rejects.toThrow(/at/);
    await expect(service.handoff(nurse, { team: TEAM, shiftHours: 30 })).rejects.toThrow(/shiftHours/);
  });
});

describe('scheduled handoff digest on DynamoDB Local', () => {
  const posts: { team: string; at: string }[] = [];
  let settings: TeamSettingsService;
  const depsFor = (runId: string): DigestDeps => ({
    client: documentClient(table),
    tableName: table.tableName,
    teams: () => settings.withHandoffTimes(),
    handoff: (who, query) => service.handoff(who, query),
    post: (team, handoff) => {
      posts.push({ team: team.team, at: handoff.at });
      return Promise.resolve({ ts: `${posts.length}.0001` });
    },
    timeZone: 'Asia/Shanghai',
    runId,
  });

  beforeAll(async () => {
    settings = new TeamSettingsService(
      new TeamSettingsRepository(documentClient(table), table.tableName),
      clock.now,
    );
    await settings.configure({ userId: 'U0ADMIN', admin: true }, { team: TEAM, channelId: 'C0HANDOFF' });
    await settings.setHandoffTimes({ userId: 'U0ADMIN', admin: true }, TEAM, ['20:00', '08:00']);
  });

  it('HANDOFF-1: handoff times are stored sorted and listed by the schedule; unchanged times change nothing', async () => {
    const scheduled = await settings.withHandoffTimes();
    expect(scheduled.map((s) => [s.team, s.handoffTimes])).toEqual([[TEAM, ['08:00', '20:00']]]);
    const again = await settings.setHandoffTimes({ userId: 'U0ADMIN', admin: true }, TEAM, [
      '08:00',
      '20:00',
    ]);
    expect(again.version).toBe(scheduled[0]?.version);
    await expect(settings.setHandoffTimes({ userId: 'U0X', admin: false }, TEAM, ['08:00'])).rejects.toThrow(
      /administrators/,
    );
    await expect(
      settings.setHandoffTimes({ userId: 'U0ADMIN', admin: true }, TEAM, ['8 am']),
    ).rejects.toThrow(/HH:MM/);
  });

  it('HANDOFF-1: at 08:00 the digest posts exactly once under 8 concurrent runs and repeated runs', async () => {
    posts.length = 0;
    const at = new Date('2026-03-03T00:05:00Z'); // 08:05 local
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) => postDueDigests(depsFor(`run-${i}`), at)),
    );
    const later = await postDueDigests(depsFor('run-later'), new Date('2026-03-03T00:20:00Z'));
    expect(posts).toEqual([{ team: TEAM, at: '2026-03-03T00:00:00.000Z' }]);
    expect(runs.flat().filter((o) => o.outcome === 'posted')).toHaveLength(1);
    expect(runs.flat().filter((o) => o.outcome === 'already-claimed')).toHaveLength(7);
    expect(later).toEqual([{ team: TEAM, slot: '2026-03-03T00:00:00.000Z', outcome: 'already-claimed' }]);
  });

  it('HANDOFF-1: nothing is due between the times; the 20:00 slot posts once on its own', async () => {
    posts.length = 0;
    expect(await postDueDigests(depsFor('run-noon'), new Date('2026-03-03T04:00:00Z'))).toEqual([]);
    await postDueDigests(depsFor('run-evening'), new Date('2026-03-03T12:00:00Z'));
    await postDueDigests(depsFor('run-evening-2'), new Date('2026-03-03T12:01:00Z'));
    expect(posts).toEqual([{ team: TEAM, at: '2026-03-03T12:00:00.000Z' }]);
  });

  it('HANDOFF-1: a run that failed to post leaves a claim; it is claimed again only once stale', async () => {
    posts.length = 0;
    const failing: DigestDeps = {
      ...depsFor('run-failing'),
      post: () => Promise.reject(new Error('slack down')),
    };
    const slotTime = new Date('2026-03-04T00:00:00Z');
    expect((await postDueDigests(failing, slotTime))[0]?.outcome).toBe('failed');
    expect((await postDueDigests(depsFor('run-soon'), new Date('2026-03-04T00:01:00Z')))[0]?.outcome).toBe(
      'already-claimed',
    );
    expect((await postDueDigests(depsFor('run-stale'), new Date('2026-03-04T00:03:00Z')))[0]?.outcome).toBe(
      'posted',
    );
    expect(posts).toHaveLength(1);
  });
});
