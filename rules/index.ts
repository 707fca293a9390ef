/**
 * The clinical rules of the Chinese consensus for CAR-T cell therapy in multiple myeloma (2022),
 * with the ASTCT 2019 grading it relies on. Pure functions: zod-validated input, no I/O, no clock.
 */
export * from './core/index.ts';
export * from './crs/index.ts';
export * from './icans/index.ts';
export * from './tocilizumab/index.ts';
export * from './escalation/index.ts';
