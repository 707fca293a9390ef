import * as z from 'zod/mini';
import { isoDateSchema, numberIn } from '../core/index.ts';

/**
 * INFX phases (§7.3): before lymphodepletion; from the start of lymphodepletion until infusion;
 * after infusion.
 */
export const INFECTION_PHASES = [
  'BEFORE_LYMPHODEPLETION',
  'FROM_LYMPHODEPLETION_START',
  'AFTER_INFUSION',
] as const;
export type InfectionPhase = (typeof INFECTION_PHASES)[number];

export const infectionPreventionInputSchema = z.strictObject({
  phase: z.enum(INFECTION_PHASES),
  /** For the Pneumocystis prophylaxis date (at least 3 months from infusion). */
  infusionDate: z.optional(isoDateSchema),
  /** After infusion: whether neutrophils have recovered (ends antibacterial/antifungal prophylaxis). */
  neutrophilsRecovered: z.optional(z.boolean()),
  /** Current absolute neutrophil count, for INFX-4. */
  ancE9PerL: z.optional(numberIn(0, 100, '× 10⁹/L')),
  /** Suspected or confirmed infection (INFX-5). */
  suspectedInfection: z.optional(z.boolean()),
});
export type InfectionPreventionInput = z.input<typeof infectionPreventionInputSchema>;
