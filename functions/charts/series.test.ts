import { describe, expect, it } from 'vitest';
import type {
  AlertRecord,
  DoseRecord,
  EpisodeRecord,
  GradingRecord,
  VitalsRecord,
} from '../episodes/records.ts';
import { buildChartData, type ChartSource } from './series.ts';

const author = { userId: 'slack:U0NURSE', role: 'nurse', via: 'slack' } as const;
let n = 0;
const base = (kind: string, at: string) => {
  n += 1;
  const id = `01TEST${String(n).padStart(20, '0')}`;
  return {
    PK: 'EP#EP-1',
    SK: `${kind}#${at}#${id}`,
    id,
    episodeId: 'EP-1',
    recordedAt: at,
    recordedBy: author,
  };
};
const vitals = (at: string, values: Partial<VitalsRecord['values']>): VitalsRecord => ({
  ...base('OBS', at),
  kind: 'VITALS',
  values: { measuredAt: at, organToxicity: false, ...values },
});
const dose = (at: string, drug: DoseRecord['values']['drug'], mg: number): DoseRecord => ({
  ...base('DOSE', at),
  kind: 'DOSE',
  values: { givenAt: at, drug, mg, route: 'IV' },
});
const grading = (basedOn: VitalsRecord, domain: 'CRS' | 'ICANS', grade: number | null, recordedAt?: string) =>
  ({
    ...base('GRADE', recordedAt ?? basedOn.values.measuredAt),
    kind: 'GRADING',
    domain,
    basedOn: basedOn.id,
    grade,
    status: grade === null ? 'UNKNOWN' : 'GRADED',
    ...(recordedAt ? { recordedAt } : {}),
  }) as unknown as GradingRecord;
const alert = (at: string, escalationId: string, acknowledgedAt?: string) =>
  ({
    ...base('ALERT', at),
    kind: 'ALERT',
    escalationId,
    level: 'CRITICAL',
    raisedAt: at,
    ...(acknowledgedAt ? { acknowledgedAt } : {}),
  }) as unknown as AlertRecord;

const FROM = '2026-03-02T00:00:00.000Z';
const TO = '2026-03-03T00:00:00.000Z';
const source = (records: EpisodeRecord[], superseded: string[] = []): ChartSource => ({
  episodeId: 'EP-1',
  infusionDate: '2026-03-01',
  timeZone: 'Asia/Shanghai',
  from: FROM,
  to: TO,
  hours: 24,
  records,
  superseded: new Set(superseded),
});

describe('chart series', () => {
  it('puts each vital sign at its measured time, in time order, and leaves out what was not measured', () => {
    const late = vitals('2026-03-02T10:00:00.000Z', { temperatureCelsius: 39.1, heartRate: 120 });
    const early = vitals('2026-03-02T08:00:00.000Z', { temperatureCelsius: 38.2, systolicBp: 104 });
    const data = buildChartData(source([late, early]));
    expect(data.temperature).toEqual([
      { at: '2026-03-02T08:00:00.000Z', value: 38.2 },
      { at: '2026-03-02T10:00:00.000Z', value: 39.1 },
    ]);
    expect(data.systolicBp).toEqual([{ at: '2026-03-02T08:00:00.000Z', value: 104 }]);
    expect(data.heartRate).toEqual([{ at: '2026-03-02T10:00:00.000Z', value: 120 }]);
    expect(data.spo2).toEqual([]);
  });

  it('leaves out records outside the window and superseded or retracted ones (EPI-4)', () => {
    const before = vitals('2026-03-01T23:59:00.000Z', { temperatureCelsius: 40 });
    const superseded = vitals('2026-03-02T01:00:00.000Z', { temperatureCelsius: 41 });
    const kept = vitals('2026-03-02T02:00:00.000Z', { temperatureCelsius: 38 });
    const wrong = vitals('2026-03-02T03:00:00.000Z', { temperatureCelsius: 37 });
    const retraction = {
      ...vitals('2026-03-02T03:00:00.000Z', { temperatureCelsius: 37 }),
      correction: { corrects: wrong.id, reason: 'entered in error', retracted: true },
    } as VitalsRecord;
    const data = buildChartData(source([before, superseded, kept, wrong, retraction], [superseded.id]));
    expect(data.temperature.map((p) => p.value)).toEqual([38]);
  });

  it('draws an oxygen band from the first recording of a device to the first recording of another state', () => {
    const records = [
      vitals('2026-03-02T01:00:00.000Z', { oxygen: 'ROOM_AIR' }),
      vitals('2026-03-02T02:00:00.000Z', { oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 3 }),
      vitals('2026-03-02T03:00:00.000Z', { spo2Percent: 93 }), // does not say: the band goes on
      vitals('2026-03-02T04:00:00.000Z', { oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 3 }),
      vitals('2026-03-02T05:00:00.000Z', { oxygen: 'HIGH_FLOW_NASAL_CANNULA', oxygenFlowLpm: 30 }),
      vitals('2026-03-02T06:00:00.000Z', { oxygen: 'ROOM_AIR' }),
    ];
    const data = buildChartData(source(records));
    expect(data.oxygenRecorded).toBe(5);
    expect(data.oxygenBands).toEqual([
      { from: '2026-03-02T02:00:00.000Z', to: '2026-03-02T05:00:00.000Z', label: 'NC 3 L/min' },
      { from: '2026-03-02T05:00:00.000Z', to: '2026-03-02T06:00:00.000Z', label: 'HFNC 30 L/min' },
    ]);
  });

  it('ends a vasopressor band at its last recording when nothing later says otherwise', () => {
    const records = [
      vitals('2026-03-02T01:00:00.000Z', { vasopressors: ['NOREPINEPHRINE'] }),
      vitals('2026-03-02T02:00:00.000Z', { vasopressors: ['NOREPINEPHRINE'] }),
      vitals('2026-03-02T03:00:00.000Z', { temperatureCelsius: 38 }),
    ];
    const data = buildChartData(source(records));
    expect(data.vasopressorBands).toEqual([
      { from: '2026-03-02T01:00:00.000Z', to: '2026-03-02T02:00:00.000Z', label: 'NE' },
    ]);
  });

  it('tells "not recorded" from "none": no band either way, but the count differs', () => {
    const notSaid = buildChartData(source([vitals('2026-03-02T01:00:00.000Z', { temperatureCelsius: 38 })]));
    const none = buildChartData(source([vitals('2026-03-02T01:00:00.000Z', { vasopressors: [] })]));
    expect([notSaid.vasopressorsRecorded, notSaid.vasopressorBands]).toEqual([0, []]);
    expect([none.vasopressorsRecorded, none.vasopressorBands]).toEqual([1, []]);
  });

  it("steps CRS and ICANS grades at the graded record's clinical time; a re-grade replaces the earlier", () => {
    const v1 = vitals('2026-03-02T01:00:00.000Z', { temperatureCelsius: 38.5 });
    const v2 = vitals('2026-03-02T02:00:00.000Z', { temperatureCelsius: 39 });
    const records = [
      v1,
      v2,
      grading(v1, 'CRS', 1, '2026-03-02T01:05:00.000Z'),
      grading(v2, 'CRS', 2, '2026-03-02T02:05:00.000Z'),
      // A late entry re-graded v2 later: the later grading counts.
      grading(v2, 'CRS', 3, '2026-03-02T04:00:00.000Z'),
      grading(v2, 'ICANS', null, '2026-03-02T02:05:00.000Z'),
    ];
    const data = buildChartData(source(records));
    expect(data.crs).toEqual([
      { at: '2026-03-02T01:00:00.000Z', grade: 1 },
      { at: '2026-03-02T02:00:00.000Z', grade: 3 },
    ]);
    expect(data.icans).toEqual([]);
  });

  it('marks tocilizumab and steroid doses at the time given, and no other drug', () => {
    const records = [
      dose('2026-03-02T03:07:00.000Z', 'TOCILIZUMAB', 560),
      dose('2026-03-02T04:07:00.000Z', 'ANTIPYRETIC', 1000),
      dose('2026-03-02T05:07:00.000Z', 'DEXAMETHASONE', 10),
      dose('2026-03-02T06:07:00.000Z', 'METHYLPREDNISOLONE', 1000),
    ];
    expect(buildChartData(source(records)).doses).toEqual([
      { at: '2026-03-02T03:07:00.000Z', kind: 'TOCI', drug: 'TOCILIZUMAB', mg: 560 },
      { at: '2026-03-02T05:07:00.000Z', kind: 'STEROID', drug: 'DEXAMETHASONE', mg: 10 },
      { at: '2026-03-02T06:07:00.000Z', kind: 'STEROID', drug: 'METHYLPREDNISOLONE', mg: 1000 },
    ]);
  });

  it('marks alerts raised in the window with their acknowledgement', () => {
    const records = [
      alert('2026-03-01T20:00:00.000Z', 'ESC-CRS2'),
      alert('2026-03-02T08:03:00.000Z', 'ESC-CRS3', '2026-03-02T08:20:00.000Z'),
      alert('2026-03-02T09:00:00.000Z', 'ESC-ICANS3'),
    ];
    expect(buildChartData(source(records)).alerts).toEqual([
      {
        at: '2026-03-02T08:03:00.000Z',
        escalationId: 'ESC-CRS3',
        level: 'CRITICAL',
        acknowledgedAt: '2026-03-02T08:20:00.000Z',
      },
      { at: '2026-03-02T09:00:00.000Z', escalationId: 'ESC-ICANS3', level: 'CRITICAL', acknowledgedAt: null },
    ]);
  });

  it('starts the grade line with the grade in force when the window opens (graded before it)', () => {
    const later = vitals('2026-03-02T06:00:00.000Z', { temperatureCelsius: 38.4 });
    const records = [later, grading(later, 'CRS', 1)];
    const data = buildChartData({
      ...source(records),
      gradedBefore: [
        { domain: 'CRS', grade: 3 },
        { domain: 'ICANS', grade: 2 },
      ],
    });
    expect(data.crs).toEqual([
      { at: FROM, grade: 3, carried: true },
      { at: '2026-03-02T06:00:00.000Z', grade: 1 },
    ]);
    // No ICANS grading in the window: the grade in force is drawn across it.
    expect(data.icans).toEqual([{ at: FROM, grade: 2, carried: true }]);
  });

  it('carries nothing in when the last grading before the window is unknown, or the window opens with a grading', () => {
    const atStart = vitals(FROM, { temperatureCelsius: 38.4 });
    const data = buildChartData({
      ...source([atStart, grading(atStart, 'CRS', 1)]),
      gradedBefore: [
        { domain: 'CRS', grade: 3 },
        { domain: 'ICANS', grade: null },
      ],
    });
    expect(data.crs).toEqual([{ at: FROM, grade: 1 }]);
    expect(data.icans).toEqual([]);
  });
});
