import type { RulesConfig } from '#rules';

/**
 * What the assessors need besides the episode: the rules' deployment decisions, and the hospital's
 * time zone, whose calendar counts the days since infusion (CRS-S1's three weeks, ESC-SUSPECT).
 */
export type AssessSettings = RulesConfig & { readonly timeZone: string };
