/** Lymphodepletion: LD-1 (regimen choice) and LD-2 (product plans from T2) (§4). */
export { mostellerBsaM2 } from './body-surface-area.ts';
export { definitions as lymphodepletionDefinitions } from './definitions.ts';
export { messages as lymphodepletionMessages } from './messages.ts';
export { lastLymphodepletionDay, planLymphodepletion } from './plan.ts';
export type {
  LymphodepletionDay,
  LymphodepletionDose,
  LymphodepletionDrug,
  LymphodepletionPlan,
} from './plan.ts';
export { assessLymphodepletionRegimen } from './regimen-choice.ts';
export type { RegimenAssessment } from './regimen-choice.ts';
export { lymphodepletionPlanInputSchema, lymphodepletionRegimenInputSchema } from './schemas.ts';
export type { LymphodepletionPlanInput, LymphodepletionRegimenInput } from './schemas.ts';
