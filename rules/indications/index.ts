/** Indications: IND-1 (ide-cel label or clinical trial), IND-2 (CAR origin) (§2). */
export { describeCarOrigin } from './car-origin.ts';
export type { CarOriginOutcome } from './car-origin.ts';
export { definitions as indicationsDefinitions } from './definitions.ts';
export { ADULT_AGE_YEARS, IDE_CEL_MIN_PRIOR_LINES, checkIdeCelIndication } from './ide-cel-indication.ts';
export type { IdeCelIndicationOutcome } from './ide-cel-indication.ts';
export { messages as indicationsMessages } from './messages.ts';
export type { IndicationCriterion } from './messages.ts';
export { CAR_ORIGINS, carOriginInputSchema, ideCelIndicationInputSchema } from './schemas.ts';
export type { CarOrigin, CarOriginInput, IdeCelIndicationInput } from './schemas.ts';
