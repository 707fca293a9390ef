/** Relapse or progression after CAR-T: REL-1 and its options REL-1.1 … REL-1.5 (§9). */
export { definitions as relapseDefinitions } from './definitions.ts';
export { messages as relapseMessages } from './messages.ts';
export { RELAPSE_OPTION_IDS, relapseOptions } from './relapse-options.ts';
export type { RelapseOptionId, RelapseOutcome } from './relapse-options.ts';
export { ANTIGEN_STATUSES, COSTIMULATORY_DOMAINS, relapseInputSchema } from './schemas.ts';
export type { AntigenStatus, CostimulatoryDomain, RelapseInput } from './schemas.ts';
