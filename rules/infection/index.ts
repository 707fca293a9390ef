/** Infection prevention and treatment: INFX-1 … INFX-5 (§7.3). */
export { definitions as infectionDefinitions } from './definitions.ts';
export { messages as infectionMessages } from './messages.ts';
export { PJP_PROPHYLAXIS_MONTHS, infectionPrevention } from './prevention.ts';
export type { InfectionPreventionOutcome } from './prevention.ts';
export { INFECTION_PHASES, infectionPreventionInputSchema } from './schemas.ts';
export type { InfectionPhase, InfectionPreventionInput } from './schemas.ts';
