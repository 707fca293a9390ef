import * as z from 'zod/mini';
import { CAR_ORIGINS } from '../indications/index.ts';

export const ANTIGEN_STATUSES = ['POSITIVE', 'REDUCED', 'NEGATIVE', 'UNKNOWN'] as const;
export type AntigenStatus = (typeof ANTIGEN_STATUSES)[number];
export const COSTIMULATORY_DOMAINS = ['CD28', '4-1BB'] as const;
export type CostimulatoryDomain = (typeof COSTIMULATORY_DOMAINS)[number];

/** REL-1 (§9): relapse or progression after CAR-T. */
export const relapseInputSchema = z.strictObject({
  /** Target antigen at relapse: positive, reduced expression, negative, or not known. */
  antigenStatus: z.optional(z.enum(ANTIGEN_STATUSES)),
  /** Origin of the prior CAR. */
  priorCarOrigin: z.optional(z.enum(CAR_ORIGINS)),
  /** Co-stimulatory domain of the prior CAR. */
  priorCostimulatoryDomain: z.optional(z.enum(COSTIMULATORY_DOMAINS)),
  /** Short persistence or poor expansion of the prior CAR-T cells. */
  poorPersistenceOrExpansion: z.optional(z.boolean()),
});
export type RelapseInput = z.input<typeof relapseInputSchema>;
