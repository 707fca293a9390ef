import {
  collectEscalations,
  crsAssessmentInputSchema,
  calendarDateIn,
  daysBetween,
  evaluateCrsAssessment,
  evaluateCrsSuspicion,
  evaluateHlhCheck,
  FEVER_THRESHOLD_CELSIUS,
  HYPOTENSION_SYSTOLIC_BELOW_MMHG,
  type EscalationChecks,
  type FindingCourse,
} from '#rules';
import type { VitalsRecord } from '../records.ts';
import {
  anticytokineGivenBy,
  firstLineInterventionAt,
  highestTemperature,
  latestGrade,
  tocilizumabDosesUntil,
  type EpisodeState,
} from '../state.ts';
import type { Assessment } from './assessment.ts';
import type { AssessSettings } from './settings.ts';
import { asGrade, draftFrom, type GradingDraft } from './grading-draft.ts';

type Vitals = VitalsRecord['values'];

/** Hypotension or hypoxia needing support (the end-organ findings of CRS-GRADE and CRS-HLH). */
const endOrganToxicity = (v: Vitals): boolean =>
  v.hypotension ||
  v.vasopressors.length > 0 ||
  (v.systolicBp != null && v.systolicBp < HYPOTENSION_SYSTOLIC_BELOW_MMHG) ||
  v.oxygen !== 'ROOM_AIR';

const course = (before: boolean, now: boolean): FindingCourse =>
  now ? 'NOT_IMPROVED' : before ? 'IMPROVED' : 'NOT_PRESENT';

/**
 * Grades a vital-signs record (state already includes it):
 * - CRS (ASTCT): fever is the highest temperature of the last 24 h (the CRS episode's fever counts
 *   even when this set has no temperature), fever not required after tocilizumab, steroids or
 *   antipyretics (CRS-G2), management dosed for this patient's weight and dose history;
 * - CRS-S1 suspicion by days since infusion; CRS-HLH after a first-line intervention;
 * - escalations: CRS rising to 2 or ≥ 3, first suspicion, HLH suspected.
 */
export const assessVitals = (
  state: EpisodeState,
  record: VitalsRecord,
  config: AssessSettings,
): Assessment => {
  const v = record.values;
  const at = v.measuredAt;
  const fever = highestTemperature(state, at);
  const previousCrs = latestGrade(state, 'CRS', at)?.grade ?? null;
  const crsInputs = crsAssessmentInputSchema.parse({
    temperatureCelsius: fever?.celsius ?? null,
    systolicBp: v.systolicBp ?? null,
    spo2Percent: v.spo2Percent ?? null,
    hypotension: v.hypotension,
    vasopressors: v.vasopressors,
    oxygen: v.oxygen,
    oxygenFlowLpm: v.oxygenFlowLpm ?? null,
    afterAnticytokineTherapy: anticytokineGivenBy(state, at),
    organToxicity: v.organToxicity,
    weightKg: state.head.weightKg,
    assessedAt: at,
    previousTocilizumabDoses: tocilizumabDosesUntil(state, at),
  });
  const crs = evaluateCrsAssessment(crsInputs, config);
  const gradings: GradingDraft[] = [
    draftFrom('CRS', record.id, crs, { ...crsInputs, highestTemperatureFrom: fever?.recordId ?? null }),
  ];
  const checks: { -readonly [K in keyof EscalationChecks]: EscalationChecks[K] } = {};
  if (crs.outcome.status === 'GRADED') {
    checks.crsGrades = { previousGrade: asGrade(previousCrs), currentGrade: crs.outcome.grade };
    // ESC-ICANS2 also starts to hold when CRS rises under an unchanged ICANS ≥ 2.
    const icans = asGrade(latestGrade(state, 'ICANS', at)?.grade ?? null);
    if (icans !== null) checks.icansGrades = { previousGrade: icans, currentGrade: icans };
  }

  if (state.head.infusionDate) {
    const daysSinceInfusion = daysBetween(state.head.infusionDate, calendarDateIn(at, config.timeZone));
    if (daysSinceInfusion >= 0) {
      const suspicionInputs = {
        daysSinceInfusion,
        temperatureCelsius: v.temperatureCelsius ?? null,
        systolicBp: v.systolicBp ?? null,
        spo2Percent: v.spo2Percent ?? null,
        organToxicity: v.organToxicity,
      };
      const suspicion = evaluateCrsSuspicion(suspicionInputs);
      const suspected = suspicion.outcome.status === 'SUSPECTED';
      if (suspected) gradings.push(draftFrom('CRS_SUSPICION', record.id, suspicion, suspicionInputs));
      checks.suspicion = {
        daysSinceInfusion,
        suspected,
        previouslySuspected: state.gradings.some((g) => g.domain === 'CRS_SUSPICION'),
      };
    }
  }

  const interventionAt = firstLineInterventionAt(state);
  if (interventionAt && Date.parse(at) >= Date.parse(interventionAt)) {
    const before = state.vitals
      .filter((r) => Date.parse(r.values.measuredAt) <= Date.parse(interventionAt))
      .at(-1);
    const feverBefore = (highestTemperature(state, interventionAt)?.celsius ?? 0) >= FEVER_THRESHOLD_CELSIUS;
    const feverNow = (v.temperatureCelsius ?? 0) >= FEVER_THRESHOLD_CELSIUS;
    const hlhInputs = {
      firstLineInterventionAt: interventionAt,
      assessedAt: at,
      fever: course(feverBefore, feverNow),
      endOrganToxicity: course(before ? endOrganToxicity(before.values) : false, endOrganToxicity(v)),
    };
    const hlh = evaluateHlhCheck(hlhInputs);
    const previous = [...state.gradings].reverse().find((g) => g.domain === 'CRS_HLH');
    gradings.push(draftFrom('CRS_HLH', record.id, hlh, hlhInputs));
    checks.hlh = {
      status: hlh.outcome.status,
      previousStatus: (previous?.status as typeof hlh.outcome.status | undefined) ?? null,
    };
  }
  return { gradings, triggers: collectEscalations(checks) };
};
