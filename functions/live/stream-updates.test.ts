import { describe, expect, it } from 'vitest';
import { alert, grading, streamRecord, TEAM } from './live-test-fixtures.ts';
import { updateFromStreamRecord, updatesFromStream } from './stream-updates.ts';

const resolution = (teams: Record<string, string> = { 'EP-1': TEAM }) => {
  const notices = new Set<string>();
  const reads: string[] = [];
  return {
    reads,
    teamOf: (episodeId: string) => {
      reads.push(episodeId);
      return Promise.resolve(teams[episodeId]);
    },
    firstNotice: (key: string) => {
      const first = !notices.has(key);
      notices.add(key);
      return Promise.resolve(first);
    },
  };
};

const acknowledged = {
  acknowledgedAt: '2026-03-03T02:05:00.000Z',
  acknowledgedBy: { userId: 'cognito:u-2', role: 'clinician', via: 'graphql' },
};

describe('live updates from the episodes stream', () => {
  it('reads a new grading, a new alert and an acknowledgement; ignores heads, observations and removals', () => {
    expect(updateFromStreamRecord(streamRecord('INSERT', grading('EP-1', 'G-1')))).toMatchObject({
      kind: 'GRADING_ADDED',
      episodeId: 'EP-1',
      grading: { id: 'G-1', grade: 3 },
    });
    expect(updateFromStreamRecord(streamRecord('INSERT', alert('EP-1', 'A-1', TEAM)))).toMatchObject({
      kind: 'ALERT_RAISED',
      alert: { id: 'A-1', team: TEAM },
    });
    expect(
      updateFromStreamRecord(streamRecord('MODIFY', alert('EP-1', 'A-1', TEAM, acknowledged))),
    ).toMatchObject({
      kind: 'ALERT_ACKNOWLEDGED',
      alert: { id: 'A-1', acknowledgedAt: acknowledged.acknowledgedAt },
    });
    expect(
      updateFromStreamRecord(
        streamRecord('MODIFY', { PK: 'EP#EP-1', SK: 'META', kind: 'EPISODE', team: TEAM }),
      ),
    ).toBeUndefined();
    expect(
      updateFromStreamRecord(streamRecord('INSERT', { PK: 'EP#EP-1', SK: 'OBS#2026#X', kind: 'VITALS' })),
    ).toBeUndefined();
    expect(updateFromStreamRecord(streamRecord('REMOVE', grading('EP-1', 'G-1')))).toBeUndefined();
    // A repeat of an alert (EPI-6) or the pipeline's delivery bookkeeping is no acknowledgement.
    expect(
      updateFromStreamRecord(streamRecord('MODIFY', alert('EP-1', 'A-1', TEAM, { occurrences: 2 }))),
    ).toBeUndefined();
    expect(
      updateFromStreamRecord(
        streamRecord(
          'MODIFY',
          alert('EP-1', 'A-1', TEAM, {
            ...acknowledged,
            delivery: {
              status: 'DELIVERED',
              attempts: 1,
              acknowledgementShownAt: '2026-03-03T02:05:01.000Z',
            },
          }),
        ),
      ),
    ).toBeUndefined();
  });

  it('gives gradings their team from the head (read once per episode) and passes an acknowledgement on once', async () => {
    const lease = alert('EP-1', 'A-1', TEAM, {
      ...acknowledged,
      delivery: { status: 'DELIVERED', attempts: 1, leaseUntil: 'x', leaseToken: 't' },
    });
    const found = resolution();
    const updates = await updatesFromStream(
      [
        streamRecord('INSERT', grading('EP-1', 'G-1'), '1'),
        streamRecord('INSERT', grading('EP-1', 'G-2'), '2'),
        streamRecord('INSERT', alert('EP-1', 'A-1', TEAM), '3'),
        streamRecord('MODIFY', alert('EP-1', 'A-1', TEAM, acknowledged), '4'),
        streamRecord('MODIFY', lease, '5'),
        streamRecord('INSERT', grading('EP-404', 'G-3'), '6'),
      ],
      found,
    );
    expect(updates.map((u) => [u.kind, u.episodeId, u.team])).toEqual([
      ['GRADING_ADDED', 'EP-1', TEAM],
      ['GRADING_ADDED', 'EP-1', TEAM],
      ['ALERT_RAISED', 'EP-1', TEAM],
      ['ALERT_ACKNOWLEDGED', 'EP-1', TEAM],
    ]);
    expect(found.reads).toEqual(['EP-1', 'EP-404']);
  });
});
