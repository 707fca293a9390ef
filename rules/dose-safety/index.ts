/** TOCI-5: plausibility of a recorded dose against the dose the rules compute (T4 note, T4, T5). */
export { doseSafetyDefinitions } from './definitions.ts';
export { DRUG_NAMES, ROUTE_NAMES, messages as doseSafetyMessages } from './messages.ts';
export {
  DOSE_PLAUSIBILITY_STATUSES,
  DOSE_PROBLEM_CODES,
  checkDosePlausibility,
  dosePlausibility,
} from './plausibility.ts';
export type {
  DosePlausibility,
  DosePlausibilityStatus,
  DoseProblem,
  DoseProblemCode,
} from './plausibility.ts';
export * from './schemas.ts';
