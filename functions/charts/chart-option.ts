import type { ChartData, ChartPoint, GradePoint } from './chart-data.ts';
import { dayAxis } from './local-axis.ts';

/**
 * The ECharts option of a chart: pure (data in, option out), so the picture is a function of the
 * data and the size. Three panels share the x axis (days since infusion, local times):
 *   1. T °C (left axis), SBP and HR (right axis), vasopressor bands on SBP;
 *   2. SpO2 %, oxygen support bands;
 *   3. CRS and ICANS grades as step lines, Toci / Steroid dose lines, alert markers.
 * Every label is language-neutral (units, abbreviations, day numbers, times): the bundled font
 * has no CJK glyphs. The text summary beside the picture says the same in Chinese and English.
 */
export const CHART_FONT_FAMILY = 'Noto Sans';

export type ChartSize = { readonly width: number; readonly height: number };
export const DEFAULT_CHART_SIZE: ChartSize = { width: 1000, height: 640 };

const COLORS = {
  temperature: '#d9480f',
  systolic: '#1c7ed6',
  heartRate: '#7048e8',
  spo2: '#0b7285',
  crs: '#c92a2a',
  icans: '#5f3dc4',
  toci: '#2b8a3e',
  steroid: '#e67700',
  alertOpen: '#e03131',
  alertAcknowledged: '#495057',
  oxygenBand: 'rgba(34, 139, 230, 0.14)',
  vasopressorBand: 'rgba(224, 49, 49, 0.12)',
  axis: '#495057',
  grid: '#e9ecef',
} as const;

/** Tick spacing in days: every 3 h up to a day, 6 h up to 3 days, 12 h up to a week, then daily. */
const tickDays = (hours: number): number =>
  hours <= 24 ? 0.125 : hours <= 72 ? 0.25 : hours <= 168 ? 0.5 : 1;

const ALERT_Y = 4.6;

/** At most this many readings in a window: each is drawn as a dot too (one every 90 minutes over 72 h). */
const SPARSE_POINTS = 48;

export const chartOption = (
  data: ChartData,
  size: ChartSize = DEFAULT_CHART_SIZE,
): Record<string, unknown> => {
  const { window } = data;
  const axis = dayAxis(window.timeZone, window.infusionDate, window.from);
  const x = (at: string) => axis.position(at);
  const line = (points: readonly ChartPoint[]) => points.map((p) => [x(p.at), p.value]);
  const step = (points: readonly GradePoint[]) => {
    const data = points.map((p) => [x(p.at), p.grade]);
    // The last grade holds until the window's end.
    const last = points.at(-1);
    if (last) data.push([x(window.to), last.grade]);
    return data;
  };
  // A few readings (a course just begun, sparse vital signs) are drawn as dots as well as a line,
  // so a single reading, or one at the window's end, is seen; a dense course is a line alone.
  const sparse = (points: readonly unknown[]) => points.length <= SPARSE_POINTS;
  /** A vital sign's line on its grid and axis: dots too when its readings are few. */
  const vitalLine = (
    name: string,
    points: readonly ChartPoint[],
    color: string,
    width: number,
    [xAxisIndex, yAxisIndex]: readonly [number, number],
    extra: Record<string, unknown> = {},
  ) => ({
    name,
    type: 'line',
    xAxisIndex,
    yAxisIndex,
    data: line(points),
    showSymbol: sparse(points),
    symbolSize: 5,
    lineStyle: { width, color },
    itemStyle: { color },
    ...extra,
  });
  /** A grade as steps on the grade grid; one grade only (e.g. given at the window's end) is its dot, as its step has no length. */
  const gradeSteps = (
    name: string,
    points: readonly GradePoint[],
    style: { readonly color: string; readonly type?: 'dashed' },
    extra: Record<string, unknown> = {},
  ) => ({
    name,
    type: 'line',
    step: 'end',
    xAxisIndex: 2,
    yAxisIndex: 3,
    data: step(points),
    showSymbol: points.length === 1,
    lineStyle: { width: 2, ...style },
    itemStyle: { color: style.color },
    ...extra,
  });
  const min = x(window.from);
  const max = x(window.to);
  const top = 64;
  const bottom = 30;
  const gap = 34;
  const usable = size.height - top - bottom - 2 * gap;
  const heights = [usable * 0.46, usable * 0.27, usable * 0.27];
  const tops = [top, top + (heights[0] ?? 0) + gap, top + (heights[0] ?? 0) + (heights[1] ?? 0) + 2 * gap];
  const grid = (i: number) => ({
    left: 64,
    right: 64,
    top: tops[i],
    height: heights[i],
    containLabel: false,
  });
  // Ticks on whole local hours (multiples of the spacing from day 0's midnight), not from the window's start.
  const spacing = tickDays(window.hours);
  const ticks: number[] = [];
  for (let t = Math.ceil(min / spacing - 1e-9) * spacing; t <= max + 1e-9; t += spacing) ticks.push(t);
  const xAxis = (i: number) => ({
    type: 'value',
    gridIndex: i,
    min,
    max,
    axisLabel: {
      show: i === 2,
      customValues: ticks,
      formatter: (value: number) => axis.label(value),
      color: COLORS.axis,
      fontSize: 11,
      hideOverlap: true,
    },
    axisTick: { show: true, customValues: ticks },
    splitLine: { show: true, lineStyle: { color: COLORS.grid } },
    axisLine: { lineStyle: { color: COLORS.axis } },
  });
  const yAxis = (gridIndex: number, name: string, range: [number, number], position: 'left' | 'right') => ({
    type: 'value',
    gridIndex,
    name,
    nameTextStyle: { color: COLORS.axis, fontSize: 11 },
    position,
    min: range[0],
    max: range[1],
    axisLabel: { color: COLORS.axis, fontSize: 11 },
    splitLine: { show: position === 'left', lineStyle: { color: COLORS.grid } },
    axisLine: { show: true, lineStyle: { color: COLORS.axis } },
  });
  const lowest = (points: readonly ChartPoint[], floor: number, pad: number) =>
    Math.min(floor, ...points.map((p) => Math.floor(p.value - pad)));
  const highest = (points: readonly ChartPoint[], ceiling: number, pad: number) =>
    Math.max(ceiling, ...points.map((p) => Math.ceil(p.value + pad)));

  const doseLines = data.doses.map((dose) => ({
    xAxis: x(dose.at),
    lineStyle: { color: dose.kind === 'TOCI' ? COLORS.toci : COLORS.steroid, type: 'dashed', width: 1.5 },
    label: {
      formatter: `${dose.kind === 'TOCI' ? 'Toci' : 'Steroid'} ${dose.mg}`,
      color: dose.kind === 'TOCI' ? COLORS.toci : COLORS.steroid,
      fontSize: 10,
      position: 'insideEndTop',
    },
  }));
  const plotWidth = size.width - 128;
  // A band's label only where it fits (about 7 px a character); the summary names every band.
  const fits = (band: ChartData['oxygenBands'][number]) =>
    ((x(band.to) - x(band.from)) / (max - min)) * plotWidth >= band.label.length * 7;
  const bandAreas = (bands: ChartData['oxygenBands'], color: string) =>
    bands.map((band) => [
      {
        xAxis: x(band.from),
        itemStyle: { color },
        label: {
          show: fits(band),
          formatter: band.label,
          color: COLORS.axis,
          fontSize: 10,
          position: 'insideTop',
        },
      },
      { xAxis: Math.max(x(band.to), x(band.from) + 1 / 96) },
    ]);
  const markLine = (lines: unknown[], labels: boolean) => ({
    symbol: ['none', 'none'],
    silent: true,
    animation: false,
    data: labels ? lines : lines.map((l) => ({ ...(l as object), label: { show: false } })),
  });
  const alertPoints = (acknowledged: boolean) =>
    data.alerts.map((alert) => ({
      value: [x(acknowledged ? (alert.acknowledgedAt ?? alert.at) : alert.at), ALERT_Y],
      label: {
        show: !acknowledged,
        formatter: alert.escalationId.replace(/^ESC-/, ''),
        position: 'top',
        fontSize: 10,
        color: acknowledged ? COLORS.alertAcknowledged : COLORS.alertOpen,
      },
    }));
  const empty = [
    [
      data.temperature.length === 0 && data.heartRate.length === 0 && data.systolicBp.length === 0,
      0,
      'no T / SBP / HR data',
    ],
    [data.spo2.length === 0, 1, 'no SpO2 data'],
    [data.crs.length === 0 && data.icans.length === 0, 2, 'no CRS / ICANS grade'],
  ] as const;

  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: {
      text: `${data.episodeId}   ${window.hours} h   ${axis.label(min)} to ${axis.label(max)}   ${window.timeZone}`,
      left: 64,
      top: 8,
      textStyle: { fontSize: 13, fontWeight: 'normal', color: '#212529', fontFamily: CHART_FONT_FAMILY },
    },
    legend: {
      top: 8,
      right: 64,
      itemWidth: 16,
      itemHeight: 8,
      textStyle: { fontSize: 11, color: COLORS.axis, fontFamily: CHART_FONT_FAMILY },
      data: ['T °C', 'SBP mmHg', 'HR /min', 'SpO2 %', 'CRS', 'ICANS'],
    },
    grid: [grid(0), grid(1), grid(2)],
    xAxis: [xAxis(0), xAxis(1), xAxis(2)],
    yAxis: [
      yAxis(0, 'T °C', [lowest(data.temperature, 35, 0.2), highest(data.temperature, 41, 0.2)], 'left'),
      yAxis(
        0,
        'SBP / HR',
        [
          lowest([...data.systolicBp, ...data.heartRate], 40, 5),
          highest([...data.systolicBp, ...data.heartRate], 200, 5),
        ],
        'right',
      ),
      yAxis(1, 'SpO2 %', [lowest(data.spo2, 80, 1), 100], 'left'),
      { ...yAxis(2, 'Grade', [0, 5], 'left'), interval: 1 },
    ],
    graphic: empty
      .filter(([isEmpty]) => isEmpty)
      .map(([, i, label]) => ({
        type: 'text',
        left: 'center',
        top: (tops[i] ?? 0) + (heights[i] ?? 0) / 2 - 8,
        style: { text: label, fill: '#868e96', fontSize: 13, fontFamily: CHART_FONT_FAMILY },
      })),
    series: [
      vitalLine('T °C', data.temperature, COLORS.temperature, 1.5, [0, 0], {
        markLine: markLine(doseLines, false),
      }),
      vitalLine('SBP mmHg', data.systolicBp, COLORS.systolic, 1.2, [0, 1], {
        markArea: { silent: true, data: bandAreas(data.vasopressorBands, COLORS.vasopressorBand) },
      }),
      vitalLine('HR /min', data.heartRate, COLORS.heartRate, 1.2, [0, 1]),
      vitalLine('SpO2 %', data.spo2, COLORS.spo2, 1.2, [1, 2], {
        markArea: { silent: true, data: bandAreas(data.oxygenBands, COLORS.oxygenBand) },
        markLine: markLine(doseLines, false),
      }),
      gradeSteps('CRS', data.crs, { color: COLORS.crs }, { markLine: markLine(doseLines, true) }),
      gradeSteps('ICANS', data.icans, { color: COLORS.icans, type: 'dashed' }),
      {
        name: 'Alert',
        type: 'scatter',
        xAxisIndex: 2,
        yAxisIndex: 3,
        symbol: 'triangle',
        symbolSize: 10,
        itemStyle: { color: COLORS.alertOpen },
        data: alertPoints(false),
      },
      {
        name: 'Acknowledged',
        type: 'scatter',
        xAxisIndex: 2,
        yAxisIndex: 3,
        symbol: 'diamond',
        symbolSize: 8,
        itemStyle: { color: COLORS.alertAcknowledged },
        data: alertPoints(true).filter((_p, i) => data.alerts[i]?.acknowledgedAt != null),
      },
    ],
  };
};
