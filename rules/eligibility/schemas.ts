import * as z from 'zod';
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
  product: carTProductSchema.optional(),
  /** §2.3: no better treatment option (performance status is then not an absolute contraindication). */
  noBetterOption: z.boolean().optional(),
  /** ELIG-1: Karnofsky performance status. */
  kps: numberIn(0, 100, 'points', { integer: true }).optional(),
  /** ELIG-1: ECOG performance status. */
  ecog: numberIn(0, 5, '', { integer: true }).optional(),
  /** ELIG-2: left-ventricular ejection fraction. */
  lvefPercent: numberIn(5, 90, '%').optional(),
  /** ELIG-3 */
  cardiacAmyloidosis: z.boolean().optional(),
  atrialFibrillation: z.boolean().optional(),
  /** ELIG-4: transaminases and the institution's upper limits of normal. */
  altUPerL: numberIn(0, 10000, 'U/L').optional(),
  altUlnUPerL: numberIn(1, 1000, 'U/L').optional(),
  astUPerL: numberIn(0, 10000, 'U/L').optional(),
  astUlnUPerL: numberIn(1, 1000, 'U/L').optional(),
  /** ELIG-5 */
  totalBilirubin: bilirubinSchema.optional(),
  /** ELIG-6: oxygen saturation breathing room air. */
  spo2RoomAirPercent: numberIn(50, 100, '%').optional(),
  /** ELIG-7 */
  activeInfection: z.boolean().optional(),
  /** ELIG-8 */
  expectedSurvivalWeeks: numberIn(0, 2600, 'weeks').optional(),
  /** ELIG-9: the exclusions that apply; [] when none applies. */
  exclusions: z.array(z.enum(ELIGIBILITY_EXCLUSIONS)).optional(),
  /** ELIG-10 */
  renalImpairment: z.boolean().optional(),
  /** ELIG-11 */
  hbsAgPositive: z.boolean().optional(),
  hbcAbPositive: z.boolean().optional(),
  /** ELIG-12: the foreign implants present; [] when none. */
  foreignImplants: z.array(z.enum(FOREIGN_IMPLANTS)).optional(),
  /** ELIG-13 */
  lateRelapse: z.boolean().optional(),
  priorBcmaTargetedTherapy: z.boolean().optional(),
  /** ELIG-13: BCMA and other target expression (GPRC5D, CS1, CD19) already assessed. */
  targetExpressionAssessed: z.boolean().optional(),
});

export type EligibilityInput = z.input<typeof eligibilityInputSchema>;
export type ParsedEligibilityInput = z.output<typeof eligibilityInputSchema>;
