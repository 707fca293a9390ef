/**
 * CRS-HLH, the precise reading: from 12 h after the first-line intervention of the current CRS
 * episode (its first tocilizumab or corticosteroid dose), each vitals record is compared with the
 * last record before the intervention, component by component:
 * - fever improved: the record's own temperature < 38.0 °C (a record without one is UNKNOWN);
 * - hypotension improved: fewer vasopressors, or off them with SBP ≥ 90 mmHg;
 * - hypoxia improved: a lower oxygen tier, or SpO2 recovered (≥ 90 %) on the same tier.
 * SUSPECTED when a component present at the intervention is not improved; NOT_SUSPECTED when
 * every such component improved; UNKNOWN (needs …) otherwise. A missing value is never improvement.
 * Before 12 h: RECHECK at intervention + 12 h (the boundary counts as passed: 12:00 h → compare).
 */
import { instantMs } from '../core/index.ts';
import { FEVER_THRESHOLD_CELSIUS, HYPOTENSION_SYSTOLIC_BELOW_MMHG } from '../crs/grading.ts';
import { HLH_NO_IMPROVEMENT_HOURS } from '../crs/hlh.ts';
import type { Vasopressor } from '../crs/schemas.ts';
import { HOUR_MS } from './settings.ts';
import type { TimelineHlhStatus, VitalsSnapshot } from './state.ts';
import { HYPOXIA_SPO2_BELOW_PERCENT, oxygenTier } from './vitals-findings.ts';

export type ComponentCourse = 'NOT_PRESENT' | 'IMPROVED' | 'NOT_IMPROVED' | 'UNKNOWN';
export type HlhComponent = {
  readonly component: 'fever' | 'hypotension' | 'hypoxia';
  readonly course: ComponentCourse;
  /** What is missing when UNKNOWN. */
  readonly needs: readonly string[];
};

export type HlhComparison = {
  readonly status: TimelineHlhStatus;
  readonly components: readonly HlhComponent[];
  readonly needs: readonly string[];
  /** When RECHECK: the time the comparison starts. */
  readonly recheckAt: string | null;
};

const distinctAgents = (agents: readonly Vasopressor[]): number => new Set(agents).size;

const component = (
  name: HlhComponent['component'],
  course: ComponentCourse,
  needs: readonly string[] = [],
): HlhComponent => ({ component: name, course, needs });

const fever = (before: VitalsSnapshot, now: VitalsSnapshot): HlhComponent => {
  const present = before.feverCelsius !== null && before.feverCelsius >= FEVER_THRESHOLD_CELSIUS;
  if (before.feverCelsius === null) return component('fever', 'UNKNOWN', ['temperature']);
  if (!present) return component('fever', 'NOT_PRESENT');
  if (now.temperatureCelsius === null) return component('fever', 'UNKNOWN', ['temperature']);
  return component('fever', now.temperatureCelsius < FEVER_THRESHOLD_CELSIUS ? 'IMPROVED' : 'NOT_IMPROVED');
};

const lowSbp = (s: VitalsSnapshot): boolean =>
  s.systolicBp !== null && s.systolicBp < HYPOTENSION_SYSTOLIC_BELOW_MMHG;

const hypotension = (before: VitalsSnapshot, now: VitalsSnapshot): HlhComponent => {
  if (before.vasopressors === null) return component('hypotension', 'UNKNOWN', ['vasopressors']);
  const agentsBefore = distinctAgents(before.vasopressors);
  const present = agentsBefore > 0 || lowSbp(before) || before.hypotensionFlag;
  if (!present) return component('hypotension', 'NOT_PRESENT');
  if (now.vasopressors === null) return component('hypotension', 'UNKNOWN', ['vasopressors']);
  const agentsNow = distinctAgents(now.vasopressors);
  if (agentsNow > 0) return component('hypotension', agentsNow < agentsBefore ? 'IMPROVED' : 'NOT_IMPROVED');
  // Off vasopressors: improved when no longer hypotensive.
  if (lowSbp(now) || now.hypotensionFlag) return component('hypotension', 'NOT_IMPROVED');
  if (agentsBefore > 0) return component('hypotension', 'IMPROVED');
  if (now.systolicBp === null) return component('hypotension', 'UNKNOWN', ['systolicBp']);
  return component('hypotension', 'IMPROVED');
};

const hypoxia = (before: VitalsSnapshot, now: VitalsSnapshot): HlhComponent => {
  if (before.oxygen === null) return component('hypoxia', 'UNKNOWN', ['oxygen']);
  const tierBefore = oxygenTier(before.oxygen);
  const lowBefore = before.spo2Percent !== null && before.spo2Percent < HYPOXIA_SPO2_BELOW_PERCENT;
  if (tierBefore === 0 && before.spo2Percent === null) return component('hypoxia', 'UNKNOWN', ['spo2']);
  if (tierBefore === 0 && !lowBefore) return component('hypoxia', 'NOT_PRESENT');
  if (now.oxygen === null) return component('hypoxia', 'UNKNOWN', ['oxygen']);
  const tierNow = oxygenTier(now.oxygen);
  if (tierNow < tierBefore) return component('hypoxia', 'IMPROVED');
  if (tierNow > tierBefore) return component('hypoxia', 'NOT_IMPROVED');
  if (!lowBefore) return component('hypoxia', 'NOT_IMPROVED');
  if (now.spo2Percent === null) return component('hypoxia', 'UNKNOWN', ['spo2']);
  return component('hypoxia', now.spo2Percent >= HYPOXIA_SPO2_BELOW_PERCENT ? 'IMPROVED' : 'NOT_IMPROVED');
};

export const compareWithIntervention = (
  interventionAt: string,
  before: VitalsSnapshot,
  now: VitalsSnapshot,
): HlhComparison => {
  const dueMs = instantMs(interventionAt) + HLH_NO_IMPROVEMENT_HOURS * HOUR_MS;
  const components = [fever(before, now), hypotension(before, now), hypoxia(before, now)];
  if (instantMs(now.at) < dueMs)
    return { status: 'RECHECK', components, needs: [], recheckAt: new Date(dueMs).toISOString() };
  const needs = [...new Set(components.flatMap((c) => c.needs))];
  const status: TimelineHlhStatus = components.some((c) => c.course === 'NOT_IMPROVED')
    ? 'SUSPECTED'
    : components.some((c) => c.course === 'UNKNOWN')
      ? 'UNKNOWN'
      : 'NOT_SUSPECTED';
  return { status, components, needs: status === 'UNKNOWN' ? needs : [], recheckAt: null };
};
