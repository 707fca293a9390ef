/** Response assessment: RESP-1 (§6). */
export { BEST_RESPONSE_MONTHS, MRD_ASSESSMENT_MONTHS, assessResponse } from './assess-response.ts';
export type { ResponseOutcome } from './assess-response.ts';
export { definitions as responseDefinitions } from './definitions.ts';
export { messages as responseMessages } from './messages.ts';
export { RESPONSE_CATEGORIES, responseInputSchema } from './schemas.ts';
export type { ResponseCategory, ResponseInput } from './schemas.ts';
