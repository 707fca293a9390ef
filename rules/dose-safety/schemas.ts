import * as z from 'zod/mini';
import { weightKgSchema } from '../core/index.ts';

/** The drugs a dose is recorded for (the episode's dose record uses the same names). */
export const DOSE_DRUGS = [
  'TOCILIZUMAB',
  'DEXAMETHASONE',
  'METHYLPREDNISOLONE',
  'ANTIPYRETIC',
  'LEVETIRACETAM',
  'IVIG',
  'G_CSF',
] as const;
export type DoseDrug = (typeof DOSE_DRUGS)[number];

/** Routes of a recorded dose. */
export const DOSE_ROUTES = ['IV', 'PO', 'SC'] as const;
export type DoseRoute = (typeof DOSE_ROUTES)[number];

const MG_ALLOWED = 'a dose in mg greater than 0';
export const TOCILIZUMAB_WEIGHT_REQUIRED =
  'between 20 and 350 kg, required for TOCILIZUMAB (TOCI-1: 8 mg/kg actual body weight)';

/**
 * TOCI-5: a dose about to be recorded: the drug, the amount in mg, the route, and the patient's
 * actual body weight (20–350 kg, required for tocilizumab, whose dose is 8 mg/kg).
 */
export const dosePlausibilityInputSchema = z
  .strictObject({
    drug: z.enum(DOSE_DRUGS),
    mg: z.number({ error: MG_ALLOWED }).check(z.positive({ error: MG_ALLOWED })),
    route: z.enum(DOSE_ROUTES),
    weightKg: z.nullish(weightKgSchema),
  })
  .check(
    z.superRefine((dose, ctx) => {
      if (dose.drug === 'TOCILIZUMAB' && dose.weightKg == null) {
        ctx.addIssue({
          code: 'custom',
          path: ['weightKg'],
          message: TOCILIZUMAB_WEIGHT_REQUIRED,
          input: dose.weightKg,
        });
      }
    }),
  );
export type DosePlausibilityInput = z.input<typeof dosePlausibilityInputSchema>;
/** A validated dose to check. */
export type DoseToCheck = {
  readonly drug: DoseDrug;
  readonly mg: number;
  readonly route: DoseRoute;
  readonly weightKg?: number | null | undefined;
};
