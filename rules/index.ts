/**
 * The clinical rules of the Chinese consensus for CAR-T cell therapy in multiple myeloma (2022),
 * with the ASTCT 2019 grading it relies on. Pure functions: zod-validated input, no I/O, no clock.
 */
export * from './core/index.ts';
// Before treatment (§1–§5).
export * from './eligibility/index.ts';
export * from './indications/index.ts';
export * from './apheresis/index.ts';
export * from './lymphodepletion/index.ts';
export * from './infusion/index.ts';
export * from './response/index.ts';
// Toxicities (§7).
export * from './crs/index.ts';
export * from './tocilizumab/index.ts';
export * from './dose-safety/index.ts';
export * from './icans/index.ts';
export * from './infection/index.ts';
export * from './immunoglobulin/index.ts';
export * from './supportive-care/index.ts';
// After treatment (§8–§10).
export * from './maintenance/index.ts';
export * from './relapse/index.ts';
export * from './follow-up/index.ts';
export * from './care-plan/index.ts';
// Reference data (T1, T2) and the escalation triggers built on the rules.
export * from './reference/index.ts';
export * from './escalation/index.ts';
export { ruleCatalogue, renderRuleCatalogue } from './catalogue.ts';
export * from './timeline/index.ts';
export * from './handoff/index.ts';
