import * as z from 'zod/mini';
import { isoDateTimeSchema, numberIn } from '../core/index.ts';
import { refineTocilizumabContext, tocilizumabContextShape } from '../tocilizumab/schemas.ts';

/** Contract enum Vasopressor. */
export const VASOPRESSORS = [
  'NOREPINEPHRINE',
  'EPINEPHRINE',
  'DOPAMINE',
  'PHENYLEPHRINE',
  'VASOPRESSIN',
] as const;
export type Vasopressor = (typeof VASOPRESSORS)[number];
export const vasopressorSchema = z.enum(VASOPRESSORS);

/** Contract enum OxygenSupport. NASAL_CANNULA is low flow at ≤ 6 L/min and high flow above. */
export const OXYGEN_SUPPORTS = [
  'ROOM_AIR',
  'NASAL_CANNULA',
  'BLOW_BY',
  'HIGH_FLOW_NASAL_CANNULA',
  'FACEMASK',
  'NON_REBREATHER_MASK',
  'VENTURI_MASK',
  'CPAP',
  'BIPAP',
  'MECHANICAL_VENTILATION',
] as const;
export type OxygenSupport = (typeof OXYGEN_SUPPORTS)[number];
export const oxygenSupportSchema = z.enum(OXYGEN_SUPPORTS);

// Physiologically plausible ranges: outside them the value is a typing or unit error
// (e.g. Fahrenheit, kPa, a fraction instead of a percentage), never a finding.
export const temperatureCelsiusSchema = numberIn(25, 45, '°C');
export const systolicBpSchema = numberIn(30, 300, 'mmHg', { integer: true });
export const spo2PercentSchema = numberIn(20, 100, '%');
/** Any oxygen flow, 0–80 L/min (CRS-G7: the range a positive-pressure device's flow may take). */
export const OXYGEN_FLOW_MAX_LPM = 80;
export const oxygenFlowLpmSchema = numberIn(0, OXYGEN_FLOW_MAX_LPM, 'L/min');

/** T3 grade 4: positive pressure. A flow in L/min may be recorded with them, 0–80 (CRS-G7). */
export const POSITIVE_PRESSURE_SUPPORTS = ['CPAP', 'BIPAP', 'MECHANICAL_VENTILATION'] as const;
const isPositivePressure = (oxygen: OxygenSupport): boolean =>
  (POSITIVE_PRESSURE_SUPPORTS as readonly OxygenSupport[]).includes(oxygen);

const OXYGEN_FLOW_REQUIRED =
  'a flow between 0.1 and 80 L/min when oxygen is NASAL_CANNULA (≤ 6 L/min is low flow, > 6 high flow)';
const NO_FLOW_ON_ROOM_AIR =
  'no flow (0 or not given) when oxygen is ROOM_AIR: a flow means oxygen is given, so record the device it is given by (CRS-G7)';
const flowAboveZero = (oxygen: OxygenSupport): string =>
  `more than 0 L/min when oxygen is ${oxygen}: 0 L/min is no oxygen, record ROOM_AIR instead (CRS-G7)`;

/** The oxygen fields of a record: the device (absent when not recorded) and its flow. */
export type OxygenFields = {
  readonly oxygen?: OxygenSupport | null | undefined;
  readonly oxygenFlowLpm?: number | null | undefined;
};

/**
 * CRS-G7: contradictory oxygen input is refused with an error on `oxygenFlowLpm`, never silently
 * reconciled. Reusable by any schema with these two fields (add it to its superRefine):
 * - a flow > 0 L/min with ROOM_AIR;
 * - NASAL_CANNULA without a flow, or any flow-driven device (cannula, blow-by, masks) at 0 L/min
 *   (T3 grades the cannula by its flow; 0 L/min is room air);
 * - positive pressure (CPAP, BiPAP, mechanical ventilation) accepts a flow of 0–80 L/min, the range
 *   of oxygenFlowLpmSchema, which the field itself enforces for every device.
 * A vasopressor with `hypotension: false` is NOT a contradiction (a vasopressor implies
 * hypotension, CRS-GRADE) and is accepted. A flow outside 0–80 L/min is left to the field's own
 * range error, so one bad value gives one error.
 */
export const refineOxygenFields = (value: OxygenFields, ctx: z.core.$RefinementCtx): void => {
  const { oxygen } = value;
  const flow = value.oxygenFlowLpm;
  // An unknown device has its own enum error; nothing here depends on it.
  if (oxygen == null || !OXYGEN_SUPPORTS.includes(oxygen)) return;
  if (oxygen === 'NASAL_CANNULA' && flow == null) {
    ctx.addIssue({ code: 'custom', path: ['oxygenFlowLpm'], message: OXYGEN_FLOW_REQUIRED, input: flow });
    return;
  }
  if (typeof flow !== 'number' || !(flow >= 0 && flow <= OXYGEN_FLOW_MAX_LPM)) return;
  if (oxygen === 'ROOM_AIR') {
    if (flow > 0)
      ctx.addIssue({ code: 'custom', path: ['oxygenFlowLpm'], message: NO_FLOW_ON_ROOM_AIR, input: flow });
    return;
  }
  if (flow === 0 && !isPositivePressure(oxygen)) {
    ctx.addIssue({
      code: 'custom',
      path: ['oxygenFlowLpm'],
      message: oxygen === 'NASAL_CANNULA' ? OXYGEN_FLOW_REQUIRED : flowAboveZero(oxygen),
      input: flow,
    });
  }
};

/**
 * Contract input CrsAssessmentInput (same names, enum values and defaults), plus optional fields:
 * - organToxicity: recorded organ toxicity (CRS-G4: noted, never changes the grade);
 * - weightKg, assessedAt, previousTocilizumabDoses: to dose tocilizumab and steroids for this
 *   patient and check the TOCI limits (without them the advice says what it needs).
 * Nullable contract fields accept null (GraphQL passes explicit nulls) as "not given".
 */
export const crsAssessmentInputSchema = z
  .strictObject({
    temperatureCelsius: z.nullish(temperatureCelsiusSchema),
    systolicBp: z.nullish(systolicBpSchema),
    spo2Percent: z.nullish(spo2PercentSchema),
    hypotension: z._default(z.boolean(), false),
    vasopressors: z._default(z.array(vasopressorSchema).check(z.maxLength(VASOPRESSORS.length * 2)), []),
    oxygen: z._default(oxygenSupportSchema, 'ROOM_AIR'),
    oxygenFlowLpm: z.nullish(oxygenFlowLpmSchema),
    afterAnticytokineTherapy: z._default(z.boolean(), false),
    organToxicity: z._default(z.boolean(), false),
    ...tocilizumabContextShape,
  })
  .check(
    z.superRefine((value, ctx) => {
      // CRS-GRADE: a nasal cannula is graded by its flow; CRS-G7: contradictions are refused.
      refineOxygenFields(value, ctx);
      refineTocilizumabContext(value, ctx);
    }),
  );

export type CrsAssessmentInput = z.input<typeof crsAssessmentInputSchema>;
export type CrsAssessment = z.output<typeof crsAssessmentInputSchema>;

/**
 * The findings the CRS grader reads, already validated (the hot path's input). Any CrsAssessment is
 * one; callers that validated elsewhere can build it directly.
 */
export type CrsFindings = {
  readonly temperatureCelsius?: number | null | undefined;
  readonly systolicBp?: number | null | undefined;
  readonly spo2Percent?: number | null | undefined;
  readonly hypotension: boolean;
  readonly vasopressors: readonly Vasopressor[];
  readonly oxygen: OxygenSupport;
  readonly oxygenFlowLpm?: number | null | undefined;
  readonly afterAnticytokineTherapy: boolean;
};

/** CRS-S1 suspicion input: the four signs and the day after infusion (day 0 = infusion day). */
export const crsSuspicionInputSchema = z.strictObject({
  daysSinceInfusion: numberIn(0, 3650, 'days', { integer: true }),
  temperatureCelsius: z.nullish(temperatureCelsiusSchema),
  systolicBp: z.nullish(systolicBpSchema),
  spo2Percent: z.nullish(spo2PercentSchema),
  organToxicity: z._default(z.boolean(), false),
});
export type CrsSuspicionInput = z.input<typeof crsSuspicionInputSchema>;
export type CrsSuspicion = z.output<typeof crsSuspicionInputSchema>;

/** How a finding evolved since the first-line intervention (CRS-HLH). */
export const FINDING_COURSES = ['NOT_PRESENT', 'IMPROVED', 'NOT_IMPROVED'] as const;
export type FindingCourse = (typeof FINDING_COURSES)[number];

/**
 * CRS-HLH input: when the first-line intervention (tocilizumab and/or corticosteroids) was given,
 * when the patient is assessed, and how fever and end-organ toxicity (hypoxia, hypotension) evolved.
 */
export const hlhCheckInputSchema = z
  .strictObject({
    firstLineInterventionAt: isoDateTimeSchema,
    assessedAt: isoDateTimeSchema,
    fever: z.enum(FINDING_COURSES),
    endOrganToxicity: z.enum(FINDING_COURSES),
  })
  .check(
    z.superRefine((value, ctx) => {
      const intervention = Date.parse(value.firstLineInterventionAt);
      const assessed = Date.parse(value.assessedAt);
      if (!Number.isNaN(intervention) && !Number.isNaN(assessed) && assessed < intervention) {
        ctx.addIssue({
          code: 'custom',
          path: ['assessedAt'],
          message: `a time at or after firstLineInterventionAt (${value.firstLineInterventionAt})`,
          input: value.assessedAt,
        });
      }
    }),
  );
export type HlhCheckInput = z.input<typeof hlhCheckInputSchema>;
export type HlhCheck = z.output<typeof hlhCheckInputSchema>;
