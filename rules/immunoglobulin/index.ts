/** Hypogammaglobulinaemia: IG-1 … IG-4 (§7.4). */
export { definitions as immunoglobulinDefinitions } from './definitions.ts';
export {
  IGG_IVIG_BELOW_G_PER_L,
  IGG_IVIG_WITH_INFECTION_MAX_G_PER_L,
  IGG_MONITORING_MONTHS,
  immunoglobulinAdvice,
} from './igg-advice.ts';
export type { ImmunoglobulinOutcome } from './igg-advice.ts';
export { messages as immunoglobulinMessages } from './messages.ts';
export { immunoglobulinInputSchema } from './schemas.ts';
export type { ImmunoglobulinInput } from './schemas.ts';
