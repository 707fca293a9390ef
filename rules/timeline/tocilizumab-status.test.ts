import { describe, expect, it } from 'vitest';
import { foldTimeline } from './fold.ts';
import type { TimelineRecord } from './records.ts';
import { DEFAULT_TIMELINE_SETTINGS } from './settings.ts';
import { tocilizumabStatusAt } from './tocilizumab-status.ts';

const context = {
  patient: { weightKg: 70, infusionDate: '2026-03-01' },
  settings: DEFAULT_TIMELINE_SETTINGS,
};
const febrile = (id: string, at: string): TimelineRecord => ({
  kind: 'VITALS',
  id,
  at,
  temperatureCelsius: 39,
  systolicBp: 85,
  oxygen: 'ROOM_AIR',
  vasopressors: ['NOREPINEPHRINE'],
  spo2Percent: 95,
});
const toci = (id: string, at: string): TimelineRecord => ({
  kind: 'DOSE',
  id,
  at,
  drug: 'TOCILIZUMAB',
  mg: 560,
  route: 'IV',
});

describe('tocilizumab on the timeline', () => {
  it('TOCI-2: a dose timed a minute after now (bedside clock ahead) counts as given: too soon', () => {
    const state = foldTimeline(
      [febrile('V1', '2026-03-02T10:00:00Z'), toci('D1', '2026-03-02T10:31:00Z')],
      context,
    ).state;
    const now = tocilizumabStatusAt(state, '2026-03-02T10:30:00Z', DEFAULT_TIMELINE_SETTINGS);
    expect(now).toMatchObject({
      status: 'TOO_SOON',
      dosesCounted: 1,
      earliestNextDoseAt: '2026-03-02T18:31:00.000Z',
    });
  });

  it('TOCI-4 per course (configured): doses of a closed CRS episode still count', () => {
    const records: TimelineRecord[] = [
      febrile('V1', '2026-03-02T08:00:00Z'),
      toci('D1', '2026-03-02T08:30:00Z'),
      toci('D2', '2026-03-02T16:30:00Z'),
      toci('D3', '2026-03-03T00:30:00Z'),
      toci('D4', '2026-03-03T08:40:00Z'),
      {
        kind: 'VITALS',
        id: 'V2',
        at: '2026-03-04T14:00:00Z',
        temperatureCelsius: 37,
        systolicBp: 120,
        oxygen: 'ROOM_AIR',
        vasopressors: [],
        spo2Percent: 98,
      },
      febrile('V3', '2026-04-10T03:00:00Z'),
    ];
    const state = foldTimeline(records, context).state;
    const at = '2026-04-10T03:10:00Z';
    expect(tocilizumabStatusAt(state, at, DEFAULT_TIMELINE_SETTINGS)).toMatchObject({
      status: 'ALLOWED',
      dosesCounted: 0,
      scope: 'per-episode',
    });
    const perCourse = { ...DEFAULT_TIMELINE_SETTINGS, tocilizumabTotalLimitScope: 'per-course' as const };
    expect(tocilizumabStatusAt(state, at, perCourse)).toMatchObject({
      status: 'MAX_TOTAL_REACHED',
      dosesCounted: 4,
      earliestNextDoseAt: null,
      scope: 'per-course',
    });
  });

  it('EPI-7: ESC-TOCI for a dose over a limit names the next allowed time in the hospital zone', () => {
    const fold = foldTimeline(
      [
        febrile('V1', '2026-03-02T10:00:00Z'),
        toci('D1', '2026-03-02T10:30:00Z'),
        {
          kind: 'DOSE',
          id: 'D2',
          at: '2026-03-02T12:00:00Z',
          drug: 'TOCILIZUMAB',
          mg: 560,
          route: 'IV',
          overrideReason: 'refractory shock',
        },
      ],
      context,
    );
    const trigger = fold.steps.at(-1)?.triggers.find((t) => t.id === 'ESC-TOCI');
    expect(trigger?.text.en).toContain('2026-03-03 02:30 (Asia/Shanghai)');
    expect(trigger?.text.zh).toContain('2026-03-03 02:30（Asia/Shanghai）');
  });
});
