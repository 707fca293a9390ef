import * as z from 'zod';
import { CAR_ORIGINS } from '../indications/index.ts';

export const ANTIGEN_STATUSES = ['POSITIVE', 'REDUCED', 'NEGATIVE', 'UNKNOWN'] as const;
export type AntigenStatus = (typeof ANTIGEN_STATUSES)[number];
export const COSTIMULATORY_DOMAINS = ['CD28', '4-1BB'] as const;
export type CostimulatoryDomain = (typeof COSTIMULATORY_DOMAINS)[number];

/** REL-1 (§9): relapse or progression after CAR-T. */
export const relapseInputSchema = z.strictObject({
  /** Target antigen at relapse: positive, reduced expression, negative, or not known. */
  antigenStatus: z.enum(ANTIGEN_STATUSES).optional(),
  /** Origin of the prior CAR. */
  priorCarOrigin: z.enum(CAR_ORIGINS).optional(),
  /** Co-stimulatory domain of the prior CAR. */
  priorCostimulatoryDomain: z.enum(COSTIMULATORY_DOMAINS).optional(),
  /** Short persistence or poor expansion of the prior CAR-T cells. */
  poorPersistenceOrExpansion: z.boolean().optional(),
});
export type RelapseInput = z.input<typeof relapseInputSchema>;
