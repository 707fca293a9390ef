import { addDays, buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { Recommendation, RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { monitoringPlanInputSchema } from './schemas.ts';
import type { MonitoringPlanInput } from './schemas.ts';

/** INF-5 (§5.3): inpatient observation for at least 7–14 days; vital signs at least every 4 h during CRS. */
export const INPATIENT_DAYS = { min: 7, max: 14 } as const;
export const CRS_VITAL_SIGNS_MAX_INTERVAL_HOURS = 4;

export type MonitoringPlanOutcome = {
  /** Until when vital signs are monitored continuously. */
  readonly monitorUntil: 'CRS_SYMPTOMS_RESOLVED' | 'CRS_GRADE_1_OR_LESS';
  /** 4 while CRS is present (grade ≥ 1); null when no CRS is recorded (the 4-hour rule applies once CRS starts). */
  readonly vitalSignsMaxIntervalHours: number | null;
  /** Inpatient observation dates from the infusion date; null without it. */
  readonly inpatient: { readonly from: string; readonly atLeastUntil: string; readonly upTo: string } | null;
};

/**
 * INF-5 (§5.3): after infusion, continuous vital-sign monitoring until CRS symptoms resolve; with
 * CRS ≥ grade 2 until CRS ≤ grade 1; inpatient observation for at least 7–14 days (dates from the
 * infusion date); during CRS daily examination and laboratory panel, vital signs at least every 4 h.
 */
export const monitoringPlan = (input: MonitoringPlanInput = {}): RuleEvaluation<MonitoringPlanOutcome> => {
  const { infusionDate, currentCrsGrade } = parseInput(monitoringPlanInputSchema, input);
  const citation = cite('§5.3');
  const grade = currentCrsGrade ?? 0;
  const severe = grade >= 2;
  const inpatient =
    infusionDate === undefined
      ? null
      : {
          from: infusionDate,
          atLeastUntil: addDays(infusionDate, INPATIENT_DAYS.min),
          upTo: addDays(infusionDate, INPATIENT_DAYS.max),
        };
  const recommendations: Recommendation[] = [
    { ruleId: 'INF-5', text: messages.continuousMonitoring, citation },
    ...(severe ? [{ ruleId: 'INF-5', text: messages.monitorUntilGrade1(grade), citation }] : []),
    {
      ruleId: 'INF-5',
      text: inpatient
        ? messages.inpatientDates(inpatient.from, inpatient.atLeastUntil, inpatient.upTo)
        : messages.inpatient,
      citation,
    },
    { ruleId: 'INF-5', text: messages.duringCrsVitals, citation },
    { ruleId: 'INF-5', text: messages.duringCrsWorkup, citation },
  ];
  return buildEvaluation<MonitoringPlanOutcome>(
    {
      monitorUntil: severe ? 'CRS_GRADE_1_OR_LESS' : 'CRS_SYMPTOMS_RESOLVED',
      vitalSignsMaxIntervalHours: grade >= 1 ? CRS_VITAL_SIGNS_MAX_INTERVAL_HOURS : null,
      inpatient,
    },
    { recommendations, notes: inpatient ? [{ ruleId: 'INF-5', text: messages.inpatient }] : [] },
  );
};
