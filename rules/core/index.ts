export * from './citation.ts';
export * from './config.ts';
export * from './dates.ts';
export * from './input.ts';
export * from './result.ts';
export * from './rule-definition.ts';
export * from './ruleset.ts';
export * from './text.ts';
