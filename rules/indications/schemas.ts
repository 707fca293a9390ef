import * as z from 'zod';
import { numberIn } from '../core/index.ts';

/** IND-1 (§2.1, §2.2): the ide-cel label check and the features clinical trials enrol. */
export const ideCelIndicationInputSchema = z.strictObject({
  ageYears: numberIn(0, 120, 'years', { integer: true }).optional(),
  /** Number of prior lines of therapy. */
  priorLines: numberIn(0, 30, 'lines', { integer: true }).optional(),
  /** Prior exposure to an immunomodulatory drug, a proteasome inhibitor, an anti-CD38 monoclonal antibody. */
  priorImmunomodulatoryDrug: z.boolean().optional(),
  priorProteasomeInhibitor: z.boolean().optional(),
  priorAntiCd38Antibody: z.boolean().optional(),
  /** §2.2: features present in trial populations (information for trial choice). */
  highRiskCytogenetics: z.boolean().optional(),
  extramedullaryDisease: z.boolean().optional(),
  plasmaCellLeukaemia: z.boolean().optional(),
});
export type IdeCelIndicationInput = z.input<typeof ideCelIndicationInputSchema>;

/** IND-2 (§2.2): where the CAR's antigen-binding domain comes from. */
export const CAR_ORIGINS = ['MURINE', 'HUMANISED', 'FULLY_HUMAN'] as const;
export type CarOrigin = (typeof CAR_ORIGINS)[number];
export const carOriginInputSchema = z.strictObject({ origin: z.enum(CAR_ORIGINS).optional() });
export type CarOriginInput = z.input<typeof carOriginInputSchema>;
