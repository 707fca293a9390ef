import { describe, expect, it } from 'vitest';
import type { ChartData, ChartPoint } from './chart-data.ts';
import { chartOption, DEFAULT_CHART_SIZE } from './chart-option.ts';

const FROM = '2026-03-02T00:00:00.000Z';
const TO = '2026-03-03T00:00:00.000Z';
const data = (points: readonly ChartPoint[], crs: ChartData['crs']): ChartData => ({
  episodeId: 'EP-4',
  window: { from: FROM, to: TO, hours: 24, timeZone: 'Asia/Shanghai', infusionDate: '2026-03-01' },
  temperature: points,
  systolicBp: points,
  heartRate: points,
  spo2: points,
  oxygenRecorded: 0,
  oxygenBands: [],
  vasopressorsRecorded: 0,
  vasopressorBands: [],
  crs,
  icans: [],
  doses: [],
  alerts: [],
});

type Series = { readonly name: string; readonly showSymbol?: boolean };
const seriesOf = (chart: ChartData) =>
  new Map(
    (chartOption(chart, DEFAULT_CHART_SIZE) as { series: Series[] }).series.map((s) => [
      s.name,
      s.showSymbol,
    ]),
  );

describe('chart option: sparse readings stay visible', () => {
  it('a course just begun (one reading and its grade at the window’s end) is drawn as dots', () => {
    const shown = seriesOf(data([{ at: TO, value: 38.6 }], [{ at: TO, grade: 1 }]));
    for (const name of ['T °C', 'SBP mmHg', 'HR /min', 'SpO2 %', 'CRS'])
      expect(shown.get(name), name).toBe(true);
  });

  it('48 readings still get dots; 49 or more are a line alone, and a grade course of several steps has no dots', () => {
    const readings = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        at: new Date(Date.parse(FROM) + i * 15 * 60_000).toISOString(),
        value: 37 + (i % 10) / 10,
      }));
    const steps = [
      { at: FROM, grade: 1 },
      { at: TO, grade: 2 },
    ];
    expect(seriesOf(data(readings(48), steps)).get('T °C')).toBe(true);
    expect(seriesOf(data(readings(49), steps)).get('T °C')).toBe(false);
    expect(seriesOf(data(readings(49), steps)).get('CRS')).toBe(false);
  });
});
