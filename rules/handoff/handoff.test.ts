import { describe, expect, it } from 'vitest';
import { RulesInputError } from '../core/index.ts';
import { DEFAULT_TIMELINE_SETTINGS } from '../timeline/settings.ts';
import { episodeOf, toci, vitals } from './episode-fixture.ts';
import { shiftHandoff } from './handoff.ts';
import type { HandoffAlert, HandoffEpisode } from './schemas.ts';

// Asia/Shanghai is UTC+8: 08:00 local on 2026-03-03 is 00:00Z.
const AT = '2026-03-03T00:00:00Z';
const ZONE = 'Asia/Shanghai';

const handoff = (
  episodes: readonly HandoffEpisode[],
  at = AT,
  more: { shiftHours?: number; timeZone?: string } = {},
) =>
  shiftHandoff('haem-a', {
    at,
    timeZone: more.timeZone ?? ZONE,
    ...(more.shiftHours === undefined ? {} : { shiftHours: more.shiftHours }),
    settings: DEFAULT_TIMELINE_SETTINGS,
    episodes,
  });

const febrileCourse = [
  vitals('V1', '2026-03-02T12:30:00Z', { temperatureCelsius: 38.5 }), // 20:30 local: CRS 1
  vitals('V2', '2026-03-02T18:10:00Z', {
    temperatureCelsius: 39,
    systolicBp: 80,
    vasopressors: ['NOREPINEPHRINE'],
  }), // 02:10 local: CRS 3
  toci('D1', '2026-03-02T18:40:00Z'), // 02:40 local
  vitals('V3', '2026-03-02T21:40:00Z', { temperatureCelsius: 38.6, systolicBp: 85, hypotension: true }), // 05:40: CRS 2
];

const alert = (
  id: string,
  escalationId: string,
  level: HandoffAlert['level'],
  acknowledged = false,
): HandoffAlert => ({
  id,
  escalationId,
  level,
  raisedAt: '2026-03-02T18:10:00Z',
  acknowledged,
  text: { zh: '警报', en: 'alert' },
});

describe('shift handoff block (HANDOFF-1)', () => {
  it('HANDOFF-1, EPI-1: the CRS course over the last shift with local times, the open CRS episode and its first-line therapy', () => {
    const [block] = handoff([episodeOf('EP-3', febrileCourse)]).blocks;
    expect(block?.lines[1]?.en).toBe(
      'CRS – → 1 at 03-02 20:30 → 3 at 03-03 02:10 → 2 at 03-03 05:40 · ICANS not graded yet',
    );
    expect(block?.lines[1]?.zh).toContain('CRS 分级 – → 1(03-02 20:30) → 3(03-03 02:10) → 2(03-03 05:40)');
    expect(block?.lines[2]?.en).toBe(
      'CRS episode 1 (open): onset 03-02 20:30, peak 3, first-line: tocilizumab at 03-03 02:40',
    );
    expect(block?.crsEpisode).toMatchObject({ number: 1, peakGrade: 3, closedAt: null });
    expect(block?.lines[0]?.en).toBe('EP-3 · P-0003 · CARTITUDE_1 · day 2');
  });

  it('HANDOFF-1: a change exactly at the shift start belongs to the previous shift (the grade the course starts from)', () => {
    // Shift start = 2026-03-02T12:00Z (20:00 local).
    const ep = episodeOf('EP-1', [
      vitals('V1', '2026-03-02T12:00:00Z', { temperatureCelsius: 38.5 }),
      vitals('V2', '2026-03-02T18:00:00Z', {
        temperatureCelsius: 38.4,
        spo2Percent: 93,
        oxygen: 'NASAL_CANNULA',
        oxygenFlowLpm: 2,
      }),
    ]);
    const course = handoff([ep]).blocks[0]?.crsCourse;
    expect(course?.start?.grade).toBe(1);
    expect(course?.changes.map((c) => c.grade)).toEqual([2]);
  });

  it('HANDOFF-1: a change one minute after the shift start is in the shift; a change exactly at the handoff time too', () => {
    const ep = episodeOf('EP-1', [
      vitals('V1', '2026-03-02T12:01:00Z', { temperatureCelsius: 38.5 }),
      vitals('V2', '2026-03-03T00:00:00Z', {
        temperatureCelsius: 38.4,
        spo2Percent: 93,
        oxygen: 'NASAL_CANNULA',
        oxygenFlowLpm: 2,
      }),
    ]);
    const block = handoff([ep]).blocks[0];
    expect(block?.crsCourse.start).toBeNull();
    expect(block?.crsCourse.changes.map((c) => c.grade)).toEqual([1, 2]);
    expect(block?.lines[1]?.en).toContain('CRS – → 1 at 03-02 20:01 → 2 at 03-03 08:00');
  });

  it('HANDOFF-1: a grade unchanged over the shift says since when', () => {
    const ep = episodeOf('EP-1', [vitals('V1', '2026-03-02T06:00:00Z', { temperatureCelsius: 38.5 })]);
    expect(handoff([ep]).blocks[0]?.lines[1]?.en).toBe(
      'CRS 1 (unchanged since 03-02 14:00) · ICANS not graded yet',
    );
  });

  it('HANDOFF-1, EPI-2: an incomplete record shows its grade as a lower bound', () => {
    const ep = episodeOf('EP-1', [
      vitals('V1', '2026-03-02T20:00:00Z', {
        temperatureCelsius: 38.5,
        oxygen: null,
        vasopressors: null,
        spo2Percent: null,
      }),
    ]);
    expect(handoff([ep]).blocks[0]?.lines[1]?.en).toContain('CRS – → ≥1 at 03-03 04:00');
  });

  it('HANDOFF-1: missing data is said: no vitals recorded, no infusion date yet, care plan needs the infusion date', () => {
    const block = handoff([episodeOf('EP-4', [], { infusionDate: null })]).blocks[0];
    expect(block?.lines.map((l) => l.en)).toEqual([
      'EP-4 · P-0004 · CARTITUDE_1 · no infusion date yet',
      'CRS not graded yet · ICANS not graded yet',
      'no CRS episode',
      'no vitals recorded',
      'no tocilizumab in this CRS episode',
      'no unacknowledged alerts',
      'nothing due in the next shift',
      'care plan needs: infusionDate',
    ]);
    expect(block?.dayAfterInfusion).toBeNull();
    expect(block?.lines[0]?.zh).toContain('尚无输注日期');
  });

  it('HANDOFF-1: the vitals age: 59 min → minutes, 60 min → 1 h, 47 h 59 min → 47 h, 48 h → 2 d', () => {
    const ageAt = (minutes: number): string | undefined => {
      const at = new Date(Date.parse(AT) - minutes * 60_000).toISOString();
      return handoff([episodeOf('EP-1', [vitals('V1', at)])]).blocks[0]?.lines[3]?.en;
    };
    expect(ageAt(59)).toMatch(/\(59 min ago\)$/);
    expect(ageAt(60)).toMatch(/\(1 h ago\)$/);
    expect(ageAt(47 * 60 + 59)).toMatch(/\(47 h ago\)$/);
    expect(ageAt(48 * 60)).toMatch(/\(2 d ago\)$/);
    expect(ageAt(9 * 60)).toBe('last vitals 03-02 23:00 (9 h ago)');
  });
});

describe('vital signs due in the next shift (INF-5)', () => {
  const inCrs = (lastAt: string) => episodeOf('EP-1', [vitals('V1', lastAt, { temperatureCelsius: 38.5 })]);

  it('INF-5: exactly 4 h since the last vitals during CRS is not overdue; the next are due at that time', () => {
    const block = handoff([inCrs('2026-03-02T20:00:00Z')]).blocks[0];
    expect(block?.vitalsOverdue).toBe(false);
    expect(block?.due[0]).toMatchObject({
      ruleId: 'INF-5',
      overdue: false,
      dueAt: '2026-03-03T00:00:00.000Z',
    });
  });

  it('INF-5: 4 h 1 min since the last vitals during CRS is overdue, said with the age', () => {
    const block = handoff([inCrs('2026-03-02T19:59:00Z')]).blocks[0];
    expect(block?.vitalsOverdue).toBe(true);
    expect(block?.due[0]?.text.en).toBe(
      'vitals overdue (last 03-03 03:59, 4 h ago; at least every 4 h during CRS, INF-5)',
    );
  });

  it('INF-5: without CRS no vitals are listed as due, however old', () => {
    const block = handoff([episodeOf('EP-1', [vitals('V1', '2026-03-02T08:00:00Z')])]).blocks[0];
    expect(block?.vitalsOverdue).toBe(false);
    expect(block?.due.filter((d) => d.ruleId === 'INF-5')).toEqual([]);
  });

  it('INF-5: vitals due exactly at the next shift end are listed; a shift of 1 h with vitals due after it lists none', () => {
    const last = '2026-03-02T20:00:00Z'; // due 00:00Z
    expect(
      handoff([inCrs(last)], '2026-03-02T12:00:00Z').blocks[0]?.due.some((d) => d.ruleId === 'INF-5'),
    ).toBe(true);
    expect(
      handoff([inCrs(last)], '2026-03-02T20:00:00Z', { shiftHours: 1 }).blocks[0]?.due.some(
        (d) => d.ruleId === 'INF-5',
      ),
    ).toBe(false);
  });
});

describe('tocilizumab next dose (TOCI-2…4)', () => {
  it('TOCI-2: one dose at 02:40 → next dose allowed from 10:40; at 10:40 exactly it is allowed now', () => {
    const ep = episodeOf('EP-3', febrileCourse);
    const block = handoff([ep]).blocks[0];
    expect(block?.tocilizumab).toMatchObject({
      dosesInEpisode: 1,
      status: 'TOO_SOON',
      nextDoseAllowedAt: '2026-03-03T02:40:00.000Z',
    });
    expect(block?.lines[4]?.en).toBe(
      'tocilizumab: 1 in this CRS episode (03-03 02:40); next dose allowed from 03-03 10:40 (TOCI-2/3)',
    );
    const later = handoff([ep], '2026-03-03T02:40:00Z').blocks[0];
    expect(later?.tocilizumab.status).toBe('ALLOWED');
    expect(later?.lines[4]?.en).toContain('a further dose is allowed now (TOCI-2/3)');
  });

  it('TOCI-3: three doses in 24 h → next when the first leaves the window (24 h after it)', () => {
    const ep = episodeOf('EP-3', [
      vitals('V1', '2026-03-02T00:00:00Z', {
        temperatureCelsius: 39,
        systolicBp: 80,
        vasopressors: ['NOREPINEPHRINE'],
      }),
      toci('D1', '2026-03-02T00:30:00Z'),
      toci('D2', '2026-03-02T08:30:00Z'),
      toci('D3', '2026-03-02T16:30:00Z'),
    ]);
    const block = handoff([ep], '2026-03-03T00:00:00Z').blocks[0];
    expect(block?.tocilizumab).toMatchObject({
      status: 'MAX_24H_REACHED',
      nextDoseAllowedAt: '2026-03-03T00:30:00.000Z',
    });
  });

  it('TOCI-4: four doses in the CRS episode → no further dose, said', () => {
    const ep = episodeOf('EP-3', [
      vitals('V1', '2026-03-01T00:00:00Z', {
        temperatureCelsius: 39,
        systolicBp: 80,
        vasopressors: ['NOREPINEPHRINE'],
      }),
      toci('D1', '2026-03-01T00:30:00Z'),
      toci('D2', '2026-03-01T08:30:00Z'),
      toci('D3', '2026-03-01T16:30:00Z'),
      vitals('V2', '2026-03-02T12:00:00Z', {
        temperatureCelsius: 39,
        systolicBp: 80,
        vasopressors: ['NOREPINEPHRINE'],
      }),
      toci('D4', '2026-03-02T12:30:00Z'),
    ]);
    const block = handoff([ep]).blocks[0];
    expect(block?.tocilizumab).toMatchObject({ status: 'MAX_TOTAL_REACHED', nextDoseAllowedAt: null });
    expect(block?.lines[4]?.en).toContain('total limit reached (4): no further dose (TOCI-4)');
  });
});

describe('care plan items due in the next shift (PLAN-1)', () => {
  it('IG-1: the month-1 IgG check dated tomorrow is due for the night shift (ends tomorrow 08:00), not for the day shift before it', () => {
    const ep = (): HandoffEpisode => episodeOf('EP-1', [], { infusionDate: '2026-02-01' });
    // 2026-02-28 20:00 local → next shift ends 2026-03-01 08:00 local.
    const night = handoff([ep()], '2026-02-28T12:00:00Z').blocks[0];
    expect(night?.due.map((d) => d.key)).toContain('IG-1-M1');
    // 2026-02-28 08:00 local → next shift ends 2026-02-28 20:00 local.
    const day = handoff([ep()], '2026-02-28T00:00:00Z').blocks[0];
    expect(day?.due.map((d) => d.key)).not.toContain('IG-1-M1');
  });

  it('FU-1: the day-14 visit is due on its date', () => {
    const block = handoff([episodeOf('EP-1', [], { infusionDate: '2026-02-17' })]).blocks[0];
    expect(block?.dayAfterInfusion).toBe(14);
    expect(block?.due.map((d) => d.key)).toContain('FU-1-D14');
  });

  it('INFX-3: prophylaxis starting on tomorrow’s infusion day is due for the night shift', () => {
    const block = handoff([episodeOf('EP-1', [], { infusionDate: '2026-03-04' })], '2026-03-03T12:00:00Z')
      .blocks[0];
    expect(block?.dayAfterInfusion).toBe(-1);
    expect(block?.due.map((d) => d.ruleId)).toContain('INFX-3');
  });

  it('PLAN-1: inconsistent dates are said, not hidden', () => {
    const block = handoff([
      episodeOf('EP-1', [], { infusionDate: '2026-03-01', lymphodepletionStartDate: '2026-03-02' }),
    ]).blocks[0];
    expect(block?.lines.at(-1)?.en).toMatch(/^care plan unavailable: .*lymphodepletionStartDate/);
  });
});

describe('acuity order (HANDOFF-2)', () => {
  const at = (minutesAgo: number) => new Date(Date.parse(AT) - minutesAgo * 60_000).toISOString();
  it('HANDOFF-2: highest grade first, then unacknowledged critical alerts, then all unacknowledged, then overdue vitals, then vitals age, then episode number', () => {
    const blocks = handoff([
      episodeOf('EP-10', [vitals('V', at(30))]),
      episodeOf('EP-2', [vitals('V', at(30))]),
      episodeOf('EP-3', [vitals('V', at(120))]),
      episodeOf('EP-4', [vitals('V', at(30), { temperatureCelsius: 38.5 })]),
      episodeOf('EP-5', [vitals('V', at(300), { temperatureCelsius: 38.5 })]),
      episodeOf('EP-6', [vitals('V', at(30), { temperatureCelsius: 38.5 })], {
        alerts: [alert('A1', 'ESC-SUSPECT', 'URGENT')],
      }),
      episodeOf('EP-7', [vitals('V', at(30), { temperatureCelsius: 38.5 })], {
        alerts: [alert('A2', 'ESC-HLH', 'CRITICAL')],
      }),
      episodeOf('EP-8', [
        vitals('V', at(30), { temperatureCelsius: 39, systolicBp: 80, vasopressors: ['NOREPINEPHRINE'] }),
      ]),
      episodeOf('EP-9', [], { alerts: [alert('A3', 'ESC-INF', 'WARNING', true)] }),
    ]).blocks;
    expect(blocks.map((b) => b.episodeId)).toEqual([
      'EP-8', // CRS 3
      'EP-7', // CRS 1, critical alert
      'EP-6', // CRS 1, urgent alert
      'EP-5', // CRS 1, vitals overdue
      'EP-4', // CRS 1
      'EP-3', // grade 0, vitals 2 h old
      'EP-2', // grade 0, 30 min, lower number
      'EP-10',
      'EP-9', // never graded, acknowledged alert only
    ]);
  });

  it('HANDOFF-2: acknowledged alerts do not count toward acuity and are not listed', () => {
    const [block] = handoff([
      episodeOf('EP-1', [], { alerts: [alert('A', 'ESC-CRS3', 'CRITICAL', true)] }),
    ]).blocks;
    expect(block?.acuity.unacknowledged).toBe(0);
    expect(block?.openAlerts).toEqual([]);
  });

  it('HANDOFF-2: open alerts are listed critical first, with level and local time', () => {
    const [block] = handoff([
      episodeOf('EP-1', [], {
        alerts: [alert('A', 'ESC-SUSPECT', 'URGENT'), alert('B', 'ESC-CRS3', 'CRITICAL')],
      }),
    ]).blocks;
    expect(block?.lines[5]?.en).toBe(
      '2 unacknowledged alerts: ESC-CRS3 (critical, 03-03 02:10), ESC-SUSPECT (urgent, 03-03 02:10)',
    );
    expect(block?.lines[5]?.zh).toBe(
      '未确认警报 2 条:ESC-CRS3(危急,03-03 02:10)、ESC-SUSPECT(紧急,03-03 02:10)',
    );
  });
});

describe('handoff as a whole', () => {
  it('EPI-7: times are in the given zone, named in the title', () => {
    const ny = handoff([episodeOf('EP-3', febrileCourse)], AT, { timeZone: 'America/New_York' });
    expect(ny.title.en).toBe(
      'Shift handoff · team haem-a · 2026-03-02 19:00 (America/New_York) · 1 active episode',
    );
    expect(ny.blocks[0]?.lines[1]?.en).toContain('3 at 03-02 13:10');
  });

  it('HANDOFF-1: a team without active episodes says so', () => {
    const empty = handoff([]);
    expect(empty.text.en).toContain('No active episodes in this team');
    expect(empty.text.zh).toContain('本组当前无进行中病程');
  });

  it('HANDOFF-1: shift length outside 1–24 h and an unknown time zone are refused naming the field', () => {
    expect(() => handoff([], AT, { shiftHours: 0 })).toThrow(RulesInputError);
    expect(() => handoff([], AT, { shiftHours: 25 })).toThrow(/shiftHours.*1 to 24.*25/);
    expect(() => handoff([], AT, { timeZone: 'Mars/Base' })).toThrow(/timeZone/);
    expect(() => handoff([], 'yesterday')).toThrow(/at/);
  });

  it('HANDOFF-1: a 24 h shift shows the whole day’s course', () => {
    const ep = episodeOf('EP-1', [
      vitals('V1', '2026-03-02T01:00:00Z', { temperatureCelsius: 38.5 }),
      vitals('V2', '2026-03-02T02:00:00Z'),
    ]);
    expect(handoff([ep], AT, { shiftHours: 24 }).blocks[0]?.crsCourse.changes.map((c) => c.grade)).toEqual([
      1,
    ]);
    expect(handoff([ep], AT, { shiftHours: 12 }).blocks[0]?.crsCourse.changes).toEqual([]);
  });
});
