import { joinText, text, type LocalizedText } from '#rules';
import type { ChartData, ChartPoint, GradePoint } from './chart-data.ts';
import { dayAxis } from './local-axis.ts';
import { chartMessages as m } from './messages.ts';

/** One vital sign: its range and its worst value (highest or lowest) with when, or "none recorded". */
const rangeOf = (
  points: readonly ChartPoint[],
  name: LocalizedText,
  unit: string,
  extreme: 'highest' | 'lowest',
  axis: ReturnType<typeof dayAxis>,
): LocalizedText => {
  const first = points[0];
  if (first === undefined) return m.missing(name);
  let low = first;
  let high = low;
  for (const point of points) {
    if (point.value < low.value) low = point;
    if (point.value > high.value) high = point;
  }
  const worst = extreme === 'highest' ? high : low;
  return m.range(
    name,
    unit,
    low.value,
    high.value,
    extreme,
    worst.value,
    axis.localTime(worst.at),
    axis.dayOf(worst.at),
    points.length,
  );
};

/** A grade course without repeats ("1 → 2 → 3 → 1") and its first highest grade. */
const gradeOf = (
  points: readonly GradePoint[],
  domain: 'CRS' | 'ICANS',
  axis: ReturnType<typeof dayAxis>,
): LocalizedText => {
  const first = points[0];
  if (first === undefined) return m.noGrade(domain);
  const steps: number[] = [];
  let max = first;
  for (const point of points) {
    if (steps.at(-1) !== point.grade) steps.push(point.grade);
    if (point.grade > max.grade) max = point;
  }
  const course = m.gradeCourse(domain, steps, max.grade, axis.localTime(max.at), axis.dayOf(max.at));
  return first.carried ? joinText([course, m.gradeCarriedIn(first.grade)]) : course;
};

/**
 * What the picture shows, in words, both languages: the window, each vital sign's range and worst
 * value with its local time and day, the oxygen and vasopressor spans, the CRS and ICANS grade
 * course, the doses and the alerts. Anything missing is said ("no SpO2 recorded in this window").
 */
export const chartSummary = (data: ChartData): LocalizedText => {
  const { window } = data;
  const axis = dayAxis(window.timeZone, window.infusionDate, window.from);
  const at = (instant: string) => axis.localTime(instant);
  const lines: LocalizedText[] = [
    m.heading(data.episodeId, window.hours, at(window.from), at(window.to), window.timeZone),
  ];
  if (window.infusionDate === null) lines.push(m.noInfusionDate);
  lines.push(
    rangeOf(data.temperature, m.temperature, '°C', 'highest', axis),
    rangeOf(data.systolicBp, m.systolic, 'mmHg', 'lowest', axis),
    rangeOf(data.heartRate, m.heartRate, '/min', 'highest', axis),
    rangeOf(data.spo2, m.spo2, '%', 'lowest', axis),
  );
  if (data.oxygenRecorded === 0) lines.push(m.oxygenNotRecorded);
  else if (data.oxygenBands.length === 0) lines.push(m.roomAirOnly);
  else lines.push(...data.oxygenBands.map((band) => m.oxygenBand(band.label, at(band.from), at(band.to))));
  if (data.vasopressorsRecorded === 0) lines.push(m.vasopressorsNotRecorded);
  else if (data.vasopressorBands.length === 0) lines.push(m.noVasopressors);
  else
    lines.push(
      ...data.vasopressorBands.map((band) => m.vasopressorBand(band.label, at(band.from), at(band.to))),
    );
  lines.push(gradeOf(data.crs, 'CRS', axis), gradeOf(data.icans, 'ICANS', axis));
  if (data.doses.length === 0) lines.push(m.noDoses);
  else
    lines.push(
      joinText(
        data.doses.map((dose) =>
          m.dose(m.drugs[dose.drug] ?? text(dose.drug, dose.drug), dose.mg, at(dose.at), axis.dayOf(dose.at)),
        ),
      ),
    );
  if (data.alerts.length === 0) lines.push(m.noAlerts);
  else
    lines.push(
      ...data.alerts.map((alert) =>
        m.alert(
          alert.escalationId,
          at(alert.at),
          alert.acknowledgedAt === null ? null : at(alert.acknowledgedAt),
        ),
      ),
    );
  return joinText(lines, text('\n', '\n'));
};
