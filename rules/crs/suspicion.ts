/**
 * CRS-S1 (§7.1): suspect CRS after infusion if any of: temperature ≥ 38 °C; systolic BP < 90 mmHg;
 * oxygen saturation < 90 %; organ toxicity. The signs are non-specific, so the output always lists
 * the exclusions (infection, tumour lysis syndrome, allergic reaction).
 *
 * Window (day 0 = infusion day):
 * - days 0–21: "within 3 weeks", the consensus' window;
 * - days 22–28 (Decision, the spec is silent): the trigger still fires and is labelled "late CRS
 *   possible", because the 3-week window is over and the consensus warns that CRS can start even
 *   after 4 weeks (a fortiori between weeks 3 and 4); the text says "beyond 3 weeks";
 * - day 29 on: fires, labelled "late CRS possible" (CRS can start after 4 weeks).
 * Missing measurements never pass silently: with no sign present and a measurement missing, the
 * outcome is UNKNOWN naming what is needed.
 */
import { RULESET, parseInput } from '../core/index.ts';
import type { Driver, Recommendation, RuleEvaluation, Unknown } from '../core/index.ts';
import { CRS_CITATIONS } from './citations.ts';
import { FEVER_THRESHOLD_CELSIUS, HYPOTENSION_SYSTOLIC_BELOW_MMHG } from './grading.ts';
import { messages } from './messages.ts';
import { crsSuspicionInputSchema } from './schemas.ts';
import type { CrsSuspicion } from './schemas.ts';

/** CRS-S1: "within 3 weeks" = days 0–21 after infusion. */
export const CRS_SUSPICION_WINDOW_DAYS = 21;
/** CRS-S1: after 4 weeks (day 29 on) late CRS. */
export const LATE_CRS_AFTER_DAYS = 28;
/** CRS-S1: oxygen saturation < 90 %. */
export const SUSPICION_SATURATION_BELOW_PERCENT = 90;

export type SuspicionWindow = 'WITHIN_3_WEEKS' | 'WEEKS_3_TO_4' | 'AFTER_4_WEEKS';

export const suspicionWindow = (daysSinceInfusion: number): SuspicionWindow =>
  daysSinceInfusion <= CRS_SUSPICION_WINDOW_DAYS
    ? 'WITHIN_3_WEEKS'
    : daysSinceInfusion <= LATE_CRS_AFTER_DAYS
      ? 'WEEKS_3_TO_4'
      : 'AFTER_4_WEEKS';

type Timing = { readonly daysSinceInfusion: number; readonly window: SuspicionWindow };
export type CrsSuspicionOutcome =
  | (Timing & { readonly status: 'SUSPECTED'; readonly lateCrsPossible: boolean })
  | (Timing & { readonly status: 'NOT_SUSPECTED' })
  | (Timing & Unknown);

const DRIVERS = {
  fever: Object.freeze({ code: 'fever', ruleId: 'CRS-S1', text: messages.suspicionFever }),
  hypotension: Object.freeze({ code: 'hypotension', ruleId: 'CRS-S1', text: messages.suspicionHypotension }),
  hypoxia: Object.freeze({ code: 'saturation-below-90', ruleId: 'CRS-S1', text: messages.suspicionHypoxia }),
  organToxicity: Object.freeze({
    code: 'organ-toxicity',
    ruleId: 'CRS-S1',
    text: messages.suspicionOrganToxicity,
  }),
  noSign: Object.freeze({ code: 'no-sign', ruleId: 'CRS-S1', text: messages.suspicionNoSign }),
} as const;

const EXCLUSIONS: Recommendation = Object.freeze({
  ruleId: 'CRS-S1',
  text: messages.exclusions,
  citation: CRS_CITATIONS.section,
});

const WINDOW_TEXT = {
  WITHIN_3_WEEKS: messages.suspectedWithin3Weeks,
  WEEKS_3_TO_4: messages.suspectedWeeks3To4,
  AFTER_4_WEEKS: messages.suspectedAfter4Weeks,
} as const;

/** CRS-S1 over validated input. */
export const crsSuspicion = (input: CrsSuspicion): { outcome: CrsSuspicionOutcome; drivers: Driver[] } => {
  const { daysSinceInfusion } = input;
  const window = suspicionWindow(daysSinceInfusion);
  const drivers: Driver[] = [];
  const needs: string[] = [];
  const check = (
    value: number | null | undefined,
    field: string,
    present: (v: number) => boolean,
    driver: Driver,
  ): void => {
    if (value == null) needs.push(field);
    else if (present(value)) drivers.push(driver);
  };
  check(input.temperatureCelsius, 'temperatureCelsius', (t) => t >= FEVER_THRESHOLD_CELSIUS, DRIVERS.fever);
  check(input.systolicBp, 'systolicBp', (sbp) => sbp < HYPOTENSION_SYSTOLIC_BELOW_MMHG, DRIVERS.hypotension);
  check(
    input.spo2Percent,
    'spo2Percent',
    (spo2) => spo2 < SUSPICION_SATURATION_BELOW_PERCENT,
    DRIVERS.hypoxia,
  );
  if (input.organToxicity) drivers.push(DRIVERS.organToxicity);

  if (drivers.length > 0) {
    const lateCrsPossible = daysSinceInfusion > CRS_SUSPICION_WINDOW_DAYS;
    return { outcome: { status: 'SUSPECTED', daysSinceInfusion, window, lateCrsPossible }, drivers };
  }
  if (needs.length > 0) return { outcome: { status: 'UNKNOWN', needs, daysSinceInfusion, window }, drivers };
  return { outcome: { status: 'NOT_SUSPECTED', daysSinceInfusion, window }, drivers: [DRIVERS.noSign] };
};

/** Validates a CRS-S1 input and evaluates it (throws RulesInputError on invalid input). */
export const evaluateCrsSuspicion = (input: unknown): RuleEvaluation<CrsSuspicionOutcome> => {
  const { outcome, drivers } = crsSuspicion(parseInput(crsSuspicionInputSchema, input));
  const recommendations: Recommendation[] = [];
  if (outcome.status === 'SUSPECTED') {
    recommendations.push({
      ruleId: 'CRS-S1',
      text: WINDOW_TEXT[outcome.window](outcome.daysSinceInfusion),
      citation: CRS_CITATIONS.section,
    });
  } else if (outcome.status === 'NOT_SUSPECTED') {
    recommendations.push({
      ruleId: 'CRS-S1',
      text: messages.notSuspected(outcome.daysSinceInfusion),
      citation: CRS_CITATIONS.section,
    });
  }
  recommendations.push(EXCLUSIONS);
  return {
    outcome,
    drivers,
    recommendations,
    notes: [],
    citations: [CRS_CITATIONS.section],
    ruleset: RULESET.ref,
  };
};
