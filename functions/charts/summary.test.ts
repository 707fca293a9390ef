import { describe, expect, it } from 'vitest';
import type { ChartData } from './chart-data.ts';
import { chartSummary } from './summary.ts';

const empty: ChartData = {
  episodeId: 'EP-3',
  window: {
    from: '2026-03-02T00:00:00.000Z',
    to: '2026-03-03T00:00:00.000Z',
    hours: 24,
    timeZone: 'Asia/Shanghai',
    infusionDate: '2026-03-01',
  },
  temperature: [],
  systolicBp: [],
  heartRate: [],
  spo2: [],
  oxygenRecorded: 0,
  oxygenBands: [],
  vasopressorsRecorded: 0,
  vasopressorBands: [],
  crs: [],
  icans: [],
  doses: [],
  alerts: [],
};

describe('chart summary', () => {
  it('says every missing series explicitly, in both languages', () => {
    const summary = chartSummary(empty);
    expect(summary.en).toContain('no SpO2 recorded in this window');
    expect(summary.en).toContain('no temperature recorded in this window');
    expect(summary.en).toContain('oxygen support not recorded in this window');
    expect(summary.en).toContain('no CRS grading in this window');
    expect(summary.en).toContain('no tocilizumab or steroid given in this window');
    expect(summary.zh).toContain('本时段无SpO2记录');
    expect(summary.zh).toContain('本时段无 ICANS 分级');
  });

  it('says when the grade the window opens with was graded before it', () => {
    const summary = chartSummary({
      ...empty,
      crs: [
        { at: empty.window.from, grade: 3, carried: true },
        { at: '2026-03-02T06:00:00.000Z', grade: 2 },
      ],
    });
    expect(summary.en).toContain('CRS grade 3 → 2');
    expect(summary.en).toContain('the starting grade 3 was graded before this window');
    expect(summary.zh).toContain('起始的 3 级为本时段开始前的分级');
    expect(chartSummary({ ...empty, crs: [{ at: empty.window.from, grade: 3 }] }).en).not.toContain(
      'graded before this window',
    );
  });

  it('gives local times (hospital zone) and days since infusion for peaks and doses', () => {
    const summary = chartSummary({
      ...empty,
      temperature: [
        { at: '2026-03-02T01:00:00.000Z', value: 38.1 },
        // 23:15 in Shanghai on 2 March: day 1 after a 1 March infusion, though still 2 March in UTC too.
        { at: '2026-03-02T15:15:00.000Z', value: 39.6 },
        // 00:30 on 3 March in Shanghai (16:30 UTC on 2 March): day 2.
        { at: '2026-03-02T16:30:00.000Z', value: 37.2 },
      ],
      spo2: [{ at: '2026-03-02T16:30:00.000Z', value: 91 }],
      doses: [{ at: '2026-03-02T16:30:00.000Z', kind: 'TOCI', drug: 'TOCILIZUMAB', mg: 560 }],
      crs: [
        { at: '2026-03-02T01:00:00.000Z', grade: 1 },
        { at: '2026-03-02T02:00:00.000Z', grade: 1 },
        { at: '2026-03-02T15:15:00.000Z', grade: 2 },
      ],
    });
    expect(summary.en).toContain('temperature 37.2–39.6 °C, highest 39.6 at 2026-03-02 23:15, day 1');
    expect(summary.en).toContain('SpO2 91–91 %, lowest 91 at 2026-03-03 00:30, day 2 (1 recording)');
    expect(summary.en).toContain('tocilizumab 560 mg at 2026-03-03 00:30, day 2');
    expect(summary.en).toContain('CRS grade 1 → 2 (highest 2 at 2026-03-02 23:15, day 1)');
    expect(summary.zh).toContain('托珠单抗 560 mg（2026-03-03 00:30，第 2 天）');
    expect(summary.en).toContain('(2026-03-02 08:00 to 2026-03-03 08:00, Asia/Shanghai)');
  });

  it('says when days since infusion cannot be counted', () => {
    const summary = chartSummary({ ...empty, window: { ...empty.window, infusionDate: null } });
    expect(summary.en).toContain('no infusion date recorded: days since infusion unknown');
    expect(summary.zh).toContain('未记录回输日期');
  });

  it('tells room air at every recording from oxygen not recorded', () => {
    expect(chartSummary({ ...empty, oxygenRecorded: 3 }).en).toContain('room air at every recording');
    expect(chartSummary({ ...empty, vasopressorsRecorded: 2 }).en).toContain(
      'no vasopressor at any recording',
    );
  });
});
