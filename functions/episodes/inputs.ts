import * as z from 'zod/mini';
import {
  DEATH_ATTRIBUTIONS,
  DOSE_DRUGS,
  DOSE_ROUTES,
  type DoseDrug,
  CEREBRAL_EDEMA,
  CAR_T_PRODUCTS,
  CONSCIOUSNESS_LEVELS,
  type CarTProduct,
  cytopeniaInputSchema,
  immunoglobulinInputSchema,
  SEIZURES,
  iceScoreInputSchema,
  isoDateSchema,
  isoDateTimeSchema,
  numberIn,
  oxygenFlowLpmSchema,
  oxygenSupportSchema,
  refineOxygenFields,
  spo2PercentSchema,
  systolicBpSchema,
  temperatureCelsiusSchema,
  vasopressorSchema,
  weightKgSchema,
} from '#rules';

/**
 * Inputs of the episode service, validated the same way for GraphQL and Slack. Ranges and enum
 * values come from the rules package, so an invalid value gets the same field/range/received error
 * everywhere. Every field given is stored as given: nothing is dropped or rewritten.
 */

/** A pseudonymous patient reference: letters, digits, - or _, with at least one digit; never a name. */
export const PATIENT_REF_ALLOWED =
  'a pseudonymous reference of 3–32 letters, digits, - or _ with at least one digit (e.g. P-2026-0042), never a name';
export const patientRefSchema = z
  .string({ error: PATIENT_REF_ALLOWED })
  .check(z.regex(/^(?=.*\d)[A-Za-z0-9][A-Za-z0-9_-]{2,31}$/, { error: PATIENT_REF_ALLOWED }));

export const TEAM_ALLOWED = 'a team id of letters, digits, - or _ (at most 64)';
export const teamIdSchema = z
  .string({ error: TEAM_ALLOWED })
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: TEAM_ALLOWED }));

export const episodeIdSchema = z
  .string({ error: 'an episode id such as EP-12' })
  .check(z.regex(/^EP-[1-9][0-9]{0,9}$/, { error: 'an episode id such as EP-12' }));
export const recordIdSchema = z
  .string({ error: 'a record id (26 characters)' })
  .check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'a record id (26 characters)' }));

/** Products: the consensus' T2 products (KARMMA = ide-cel/ABECMA, CARTITUDE_1 = cilta-cel), or OTHER. */
export const EPISODE_PRODUCTS = CAR_T_PRODUCTS;
export type EpisodeProduct = CarTProduct;

export const idempotencyKeySchema = z
  .string({ error: '8–128 characters of letters, digits, -, _, : or .' })
  .check(z.regex(/^[A-Za-z0-9_.:-]{8,128}$/, { error: '8–128 characters of letters, digits, -, _, : or .' }));

const heightCmSchema = numberIn(50, 250, 'cm');

export const createEpisodeInputSchema = z
  .strictObject({
    patientRef: patientRefSchema,
    team: teamIdSchema,
    weightKg: weightKgSchema,
    heightCm: heightCmSchema,
    product: z.enum(EPISODE_PRODUCTS),
    apheresisDate: z.nullish(isoDateSchema),
    lymphodepletionStartDate: z.nullish(isoDateSchema),
    lymphodepletionEndDate: z.nullish(isoDateSchema),
    infusionDate: z.nullish(isoDateSchema),
  })
  .check(
    z.superRefine((episode, ctx) => {
      // The course's dates in order: apheresis, lymphodepletion start ≤ end, infusion after its end (INF-2).
      const order: [keyof typeof episode, keyof typeof episode, boolean][] = [
        ['apheresisDate', 'lymphodepletionStartDate', true],
        ['lymphodepletionStartDate', 'lymphodepletionEndDate', true],
        ['lymphodepletionEndDate', 'infusionDate', false],
      ];
      for (const [earlier, later, sameDayAllowed] of order) {
        const a = episode[earlier];
        const b = episode[later];
        if (typeof a !== 'string' || typeof b !== 'string' || (sameDayAllowed ? a <= b : a < b)) continue;
        ctx.addIssue({
          code: 'custom',
          path: [later],
          input: b,
          message: `a date ${sameDayAllowed ? 'on or after' : 'after'} ${earlier} (${a})`,
        });
      }
    }),
  );
export type CreateEpisodeInput = z.input<typeof createEpisodeInputSchema>;
export type CreateEpisode = z.output<typeof createEpisodeInputSchema>;

/**
 * Vital signs as entered. EPI-2: oxygen and vasopressors that an entry omits are "not recorded"
 * (never room air / none): room air and "no vasopressor" are said (`ROOM_AIR`, `[]`).
 * CRS-G7: contradictory input is refused, never reconciled.
 */
export const vitalsValuesSchema = z
  .strictObject({
    measuredAt: isoDateTimeSchema,
    temperatureCelsius: z.nullish(temperatureCelsiusSchema),
    systolicBp: z.nullish(systolicBpSchema),
    diastolicBp: z.nullish(numberIn(10, 200, 'mmHg', { integer: true })),
    heartRate: z.nullish(numberIn(20, 250, '/min', { integer: true })),
    respiratoryRate: z.nullish(numberIn(4, 80, '/min', { integer: true })),
    spo2Percent: z.nullish(spo2PercentSchema),
    oxygen: z.nullish(oxygenSupportSchema),
    oxygenFlowLpm: z.nullish(oxygenFlowLpmSchema),
    vasopressors: z.nullish(z.array(vasopressorSchema).check(z.maxLength(5))),
    /** Hypotension judged at the bedside (a systolic < 90 mmHg or any vasopressor also counts). */
    hypotension: z.nullish(z.boolean()),
    organToxicity: z._default(z.boolean(), false),
  })
  .check(
    z.superRefine((vitals, ctx) => {
      // CRS-GRADE: a nasal cannula is graded by its flow; CRS-G7: contradictions are refused.
      refineOxygenFields(vitals, ctx);
      // CRS-G7: a flow without the device it is given by cannot be graded.
      if (vitals.oxygenFlowLpm != null && vitals.oxygen == null)
        ctx.addIssue({
          code: 'custom',
          path: ['oxygen'],
          input: vitals.oxygen,
          message: 'the oxygen device the flow is given by (CRS-G7: a flow alone cannot be graded)',
        });
    }),
  );
export type VitalsValues = z.output<typeof vitalsValuesSchema>;

export const neuroValuesSchema = z.strictObject({
  assessedAt: isoDateTimeSchema,
  /** Null when the patient cannot be assessed. */
  ice: z.nullish(iceScoreInputSchema),
  consciousness: z._default(z.enum(CONSCIOUSNESS_LEVELS), 'NORMAL'),
  seizure: z._default(z.enum(SEIZURES), 'NONE'),
  deepFocalMotorWeakness: z._default(z.boolean(), false),
  cerebralEdema: z._default(z.enum(CEREBRAL_EDEMA), 'NONE'),
  movementDisorderSigns: z._default(z.boolean(), false),
});
export type NeuroValues = z.output<typeof neuroValuesSchema>;

export const labValuesSchema = z
  .strictObject({
    collectedAt: isoDateTimeSchema,
    // Ranges are the rules' own (IG-1..4, CYTO-1), so a stored value can always be graded.
    iggGPerL: z.nullish(immunoglobulinInputSchema.shape.igGGPerL.def.innerType),
    ancE9PerL: z.nullish(cytopeniaInputSchema.shape.ancE9PerL.def.innerType),
    plateletsE9PerL: z.nullish(cytopeniaInputSchema.shape.plateletsE9PerL.def.innerType),
    haemoglobinGPerL: z.nullish(cytopeniaInputSchema.shape.hemoglobinGPerL.def.innerType),
    /** Active infection at the time (decides IVIG for IgG 4–6 g/L, IG-3). */
    infection: z.nullish(z.boolean()),
  })
  .check(
    z.refine(
      (lab) =>
        [lab.iggGPerL, lab.ancE9PerL, lab.plateletsE9PerL, lab.haemoglobinGPerL].some((v) => v != null),
      {
        error: 'at least one of iggGPerL, ancE9PerL, plateletsE9PerL, haemoglobinGPerL',
        path: ['iggGPerL'],
      },
    ),
  );
export type LabValues = z.output<typeof labValuesSchema>;

export const OVERRIDE_REASON_ALLOWED = '3–500 characters saying why the dose is given outside the limits';

/** The drugs and routes of a recorded dose: the ones TOCI-5's dose check knows. */
export const DRUGS = DOSE_DRUGS;
export type Drug = DoseDrug;
export const ROUTES = DOSE_ROUTES;

/**
 * Upper bounds that catch typing errors (e.g. two extra zeros). The clinical limits (TOCI-1's
 * 8 mg/kg and 800 mg, the steroid doses of T4/T5, the route) are TOCI-5's dose check: a dose over
 * them needs an override reason.
 */
const MAX_MG: Readonly<Record<Drug, number>> = {
  TOCILIZUMAB: 2000,
  DEXAMETHASONE: 100,
  METHYLPREDNISOLONE: 2000,
  ANTIPYRETIC: 2000,
  LEVETIRACETAM: 4000,
  IVIG: 200_000,
  G_CSF: 10,
};

export const doseValuesSchema = z
  .strictObject({
    givenAt: isoDateTimeSchema,
    drug: z.enum(DRUGS),
    mg: z.number({ error: 'a dose in mg' }).check(z.positive({ error: 'a dose in mg greater than 0' })),
    route: z.enum(ROUTES),
    /** TOCI-5: why a dose over the computed dose, cap, route or a TOCI limit is given anyway. */
    overrideReason: z.nullish(
      z
        .string({ error: OVERRIDE_REASON_ALLOWED })
        .check(
          z.trim(),
          z.minLength(3, { error: OVERRIDE_REASON_ALLOWED }),
          z.maxLength(500, { error: OVERRIDE_REASON_ALLOWED }),
        ),
    ),
  })
  .check(
    z.superRefine((dose, ctx) => {
      const max = MAX_MG[dose.drug];
      if (dose.mg > max) {
        ctx.addIssue({
          code: 'custom',
          path: ['mg'],
          input: dose.mg,
          message: `at most ${max} mg for ${dose.drug} (a larger number is a typing error)`,
        });
      }
    }),
  );
export type DoseValues = z.output<typeof doseValuesSchema>;

/** EPI-5: a death and its attribution (CRS or ICANS: grade 5 of that syndrome). */
export const deathValuesSchema = z.strictObject({
  diedAt: isoDateTimeSchema,
  attribution: z.enum(DEATH_ATTRIBUTIONS),
});
export type DeathValues = z.output<typeof deathValuesSchema>;

export const closeEpisodeInputSchema = z.strictObject({
  reason: z.enum(['COMPLETED_FOLLOW_UP', 'TRANSFERRED', 'DIED', 'ENTERED_IN_ERROR', 'OTHER']),
  closedAt: isoDateTimeSchema,
});
export type CloseEpisode = z.output<typeof closeEpisodeInputSchema>;

export const CORRECTION_REASON_ALLOWED = '3–500 characters saying why the record is corrected';
export const correctionReasonSchema = z
  .string({ error: CORRECTION_REASON_ALLOWED })
  .check(
    z.trim(),
    z.minLength(3, { error: CORRECTION_REASON_ALLOWED }),
    z.maxLength(500, { error: CORRECTION_REASON_ALLOWED }),
  );

/**
 * The hours a course chart covers (Episode.chart, `/cart chart`, the chart function): a whole
 * number from 1 h to 14 days (336 h, the length of the acute toxicity watch); 72 h by default.
 */
export const CHART_HOURS = { min: 1, max: 336, default: 72 } as const;
export const CHART_HOURS_ALLOWED = `a whole number of hours from ${CHART_HOURS.min} to ${CHART_HOURS.max}`;
export const chartHoursSchema = z
  .number({ error: CHART_HOURS_ALLOWED })
  .check(
    z.int({ error: CHART_HOURS_ALLOWED }),
    z.minimum(CHART_HOURS.min, { error: CHART_HOURS_ALLOWED }),
    z.maximum(CHART_HOURS.max, { error: CHART_HOURS_ALLOWED }),
  );
