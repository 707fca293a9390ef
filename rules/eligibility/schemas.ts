import * as z from 'zod/mini';
import { numberIn } from '../core/index.ts';
import { carTProductSchema } from '../reference/index.ts';

/** ELIG-9: the exclusions of §1.1, one flag each. */
export const ELIGIBILITY_EXCLUSIONS = [
  'PREGNANT_OR_BREASTFEEDING',
  'PREGNANCY_PLANNED_WITHIN_6_MONTHS',
  'ACTIVE_HEPATITIS_B',
  'ACTIVE_HEPATITIS_C',
  'ACTIVE_TUBERCULOSIS',
  'OTHER_TRANSMISSIBLE_DISEASE',
  'ABNORMAL_VITAL_SIGNS',
  'UNABLE_TO_COOPERATE_WITH_EXAMINATIONS',
  'PSYCHIATRIC_ILLNESS_PREVENTING_COOPERATION',
  'ALLERGY_TO_PRODUCT_COMPONENT',
  'VITAL_ORGAN_DYSFUNCTION',
] as const;
export type EligibilityExclusion = (typeof ELIGIBILITY_EXCLUSIONS)[number];

/** ELIG-12: foreign implants of §2.3. */
export const FOREIGN_IMPLANTS = [
  'ARTERIAL_CATHETER',
  'VENOUS_CATHETER',
  'PROSTHESIS',
  'VENA_CAVA_FILTER',
  'OTHER',
] as const;
export type ForeignImplant = (typeof FOREIGN_IMPLANTS)[number];

/** Total bilirubin in µmol/L or mg/dL (1 mg/dL = 17.1 µmol/L). */
export const bilirubinSchema = z.discriminatedUnion(
  'unit',
  [
    z.strictObject({ unit: z.literal('UMOL_PER_L'), value: numberIn(0, 1000, 'µmol/L') }),
    z.strictObject({ unit: z.literal('MG_PER_DL'), value: numberIn(0, 60, 'mg/dL') }),
  ],
  { error: 'one of UMOL_PER_L, MG_PER_DL' },
);

/**
 * Pre-treatment eligibility (§1, §2.3). Every clinical field is optional: a rule whose input is
 * missing answers UNKNOWN with what it needs. A list field given as [] means "none".
 */
export const eligibilityInputSchema = z.strictObject({
  /** The planned product; OTHER for a product the consensus does not list. */
  product: z.optional(carTProductSchema),
  /** §2.3: no better treatment option (performance status is then not an absolute contraindication). */
  noBetterOption: z.optional(z.boolean()),
  /** ELIG-1: Karnofsky performance status. */
  kps: z.optional(numberIn(0, 100, 'points', { integer: true })),
  /** ELIG-1: ECOG performance status. */
  ecog: z.optional(numberIn(0, 5, '', { integer: true })),
  /** ELIG-2: left-ventricular ejection fraction. */
  lvefPercent: z.optional(numberIn(5, 90, '%')),
  /** ELIG-3 */
  cardiacAmyloidosis: z.optional(z.boolean()),
  atrialFibrillation: z.optional(z.boolean()),
  /** ELIG-4: transaminases and the institution's upper limits of normal. */
  altUPerL: z.optional(numberIn(0, 10000, 'U/L')),
  altUlnUPerL: z.optional(numberIn(1, 1000, 'U/L')),
  astUPerL: z.optional(numberIn(0, 10000, 'U/L')),
  astUlnUPerL: z.optional(numberIn(1, 1000, 'U/L')),
  /** ELIG-5 */
  totalBilirubin: z.optional(bilirubinSchema),
  /** ELIG-6: oxygen saturation breathing room air. */
  spo2RoomAirPercent: z.optional(numberIn(50, 100, '%')),
  /** ELIG-7 */
  activeInfection: z.optional(z.boolean()),
  /** ELIG-8 */
  expectedSurvivalWeeks: z.optional(numberIn(0, 2600, 'weeks')),
  /** ELIG-9: the exclusions that apply; [] when none applies. */
  exclusions: z.optional(z.array(z.enum(ELIGIBILITY_EXCLUSIONS))),
  /** ELIG-10 */
  renalImpairment: z.optional(z.boolean()),
  /** ELIG-11 */
  hbsAgPositive: z.optional(z.boolean()),
  hbcAbPositive: z.optional(z.boolean()),
  /** ELIG-12: the foreign implants present; [] when none. */
  foreignImplants: z.optional(z.array(z.enum(FOREIGN_IMPLANTS))),
  /** ELIG-13 */
  lateRelapse: z.optional(z.boolean()),
  priorBcmaTargetedTherapy: z.optional(z.boolean()),
  /** ELIG-13: BCMA and other target expression (GPRC5D, CS1, CD19) already assessed. */
  targetExpressionAssessed: z.optional(z.boolean()),
});

export type EligibilityInput = z.input<typeof eligibilityInputSchema>;
export type ParsedEligibilityInput = z.output<typeof eligibilityInputSchema>;
