/**
 * Fixed chart scenarios for the reference pictures (references/<name>.png), docs/chart-example.png
 * and the chart benchmark: a course, a window end and a size, so a picture depends on the code only.
 */
export type ChartScenario = {
  readonly name: string;
  /** Vital signs in the course (every 15 minutes from CRS onset). */
  readonly vitals: number;
  readonly hours: number;
  /** Minutes after the last vital signs that the window ends (the chart's "now"). */
  readonly nowAfterLastMinutes: number;
  readonly acknowledge: boolean;
  readonly infusion: boolean;
};

export const CHART_SCENARIOS: readonly ChartScenario[] = [
  // The CRS peak and recovery over the default 72 h: bands, grade 3, doses, acknowledged alerts.
  {
    name: 'crs-course-72h',
    vitals: 300,
    hours: 72,
    nowAfterLastMinutes: 15,
    acknowledge: true,
    infusion: true,
  },
  // The first 6 h: fever (grade 1), the first tocilizumab, alerts still open.
  {
    name: 'first-hours-6h',
    vitals: 24,
    hours: 6,
    nowAfterLastMinutes: 5,
    acknowledge: false,
    infusion: true,
  },
  // 14 days of 15-minute vital signs (1 344): the longest window.
  {
    name: 'fourteen-days',
    vitals: 1344,
    hours: 336,
    nowAfterLastMinutes: 15,
    acknowledge: true,
    infusion: true,
  },
  // A window after the last record, episode without infusion date: every panel empty, said so.
  {
    name: 'empty-window',
    vitals: 24,
    hours: 12,
    nowAfterLastMinutes: 24 * 60,
    acknowledge: false,
    infusion: false,
  },
];
