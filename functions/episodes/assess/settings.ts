import { DEFAULT_RULES_CONFIG, DEFAULT_TIME_ZONE, type RulesConfig } from '#rules';

/**
 * What the assessors need besides the episode: the rules' deployment decisions, and the hospital's
 * time zone, whose calendar counts the days since infusion (CRS-S1's three weeks, ESC-SUSPECT).
 */
export type AssessSettings = RulesConfig & { readonly timeZone: string };

export const DEFAULT_ASSESS_SETTINGS: AssessSettings = {
  ...DEFAULT_RULES_CONFIG,
  timeZone: DEFAULT_TIME_ZONE,
};
