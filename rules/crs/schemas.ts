import * as z from 'zod';
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
export const oxygenFlowLpmSchema = numberIn(0.1, 80, 'L/min');

const OXYGEN_FLOW_REQUIRED =
  'a flow between 0.1 and 80 L/min when oxygen is NASAL_CANNULA (≤ 6 L/min is low flow, > 6 high flow)';

/**
 * Contract input CrsAssessmentInput (same names, enum values and defaults), plus optional fields:
 * - organToxicity: recorded organ toxicity (CRS-G4: noted, never changes the grade);
 * - weightKg, assessedAt, previousTocilizumabDoses: to dose tocilizumab and steroids for this
 *   patient and check the TOCI limits (without them the advice says what it needs).
 * Nullable contract fields accept null (GraphQL passes explicit nulls) as "not given".
 */
export const crsAssessmentInputSchema = z
  .strictObject({
    temperatureCelsius: temperatureCelsiusSchema.nullish(),
    systolicBp: systolicBpSchema.nullish(),
    spo2Percent: spo2PercentSchema.nullish(),
    hypotension: z.boolean().default(false),
    vasopressors: z
      .array(vasopressorSchema)
      .max(VASOPRESSORS.length * 2)
      .default([]),
    oxygen: oxygenSupportSchema.default('ROOM_AIR'),
    oxygenFlowLpm: oxygenFlowLpmSchema.nullish(),
    afterAnticytokineTherapy: z.boolean().default(false),
    organToxicity: z.boolean().default(false),
    ...tocilizumabContextShape,
  })
  .superRefine((value, ctx) => {
    // CRS-GRADE: a nasal cannula is graded by its flow, so the flow is required with it.
    if (value.oxygen === 'NASAL_CANNULA' && value.oxygenFlowLpm == null) {
      ctx.addIssue({
        code: 'custom',
        path: ['oxygenFlowLpm'],
        message: OXYGEN_FLOW_REQUIRED,
        input: value.oxygenFlowLpm,
      });
    }
    refineTocilizumabContext(value, ctx);
  });

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
  temperatureCelsius: temperatureCelsiusSchema.nullish(),
  systolicBp: systolicBpSchema.nullish(),
  spo2Percent: spo2PercentSchema.nullish(),
  organToxicity: z.boolean().default(false),
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
  .superRefine((value, ctx) => {
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
  });
export type HlhCheckInput = z.input<typeof hlhCheckInputSchema>;
export type HlhCheck = z.output<typeof hlhCheckInputSchema>;
