import * as z from 'zod/mini';
import { numberIn } from '../core/index.ts';

/** IND-1 (§2.1, §2.2): the ide-cel label check and the features clinical trials enrol. */
export const ideCelIndicationInputSchema = z.strictObject({
  ageYears: z.optional(numberIn(0, 120, 'years', { integer: true })),
  /** Number of prior lines of therapy. */
  priorLines: z.optional(numberIn(0, 30, 'lines', { integer: true })),
  /** Prior exposure to an immunomodulatory drug, a proteasome inhibitor, an anti-CD38 monoclonal antibody. */
  priorImmunomodulatoryDrug: z.optional(z.boolean()),
  priorProteasomeInhibitor: z.optional(z.boolean()),
  priorAntiCd38Antibody: z.optional(z.boolean()),
  /** §2.2: features present in trial populations (information for trial choice). */
  highRiskCytogenetics: z.optional(z.boolean()),
  extramedullaryDisease: z.optional(z.boolean()),
  plasmaCellLeukaemia: z.optional(z.boolean()),
});
export type IdeCelIndicationInput = z.input<typeof ideCelIndicationInputSchema>;

/** IND-2 (§2.2): where the CAR's antigen-binding domain comes from. */
export const CAR_ORIGINS = ['MURINE', 'HUMANISED', 'FULLY_HUMAN'] as const;
export type CarOrigin = (typeof CAR_ORIGINS)[number];
export const carOriginInputSchema = z.strictObject({ origin: z.optional(z.enum(CAR_ORIGINS)) });
export type CarOriginInput = z.input<typeof carOriginInputSchema>;
