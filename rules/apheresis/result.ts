import type { Citation, LocalizedText } from '../core/index.ts';

export const APHERESIS_RULE_IDS = ['APH-1', 'APH-2', 'APH-3', 'APH-4', 'APH-5', 'APH-6', 'APH-7'] as const;
export type ApheresisRuleId = (typeof APHERESIS_RULE_IDS)[number];

/**
 * PASS: met. INFO: information. WARN: proceed with attention. RELATIVE: not met, but not an absolute
 * limit (weigh benefit and risk). NOT_MET: collection should not go ahead now. UNKNOWN: input missing.
 */
export type ApheresisStatus = 'PASS' | 'INFO' | 'WARN' | 'RELATIVE' | 'NOT_MET' | 'UNKNOWN';
export type ApheresisOverall = 'READY' | 'READY_WITH_WARNINGS' | 'NOT_READY' | 'INCOMPLETE';

export type ApheresisRuleResult = {
  readonly ruleId: ApheresisRuleId;
  readonly status: ApheresisStatus;
  /** Non-empty exactly when the status is UNKNOWN. */
  readonly needs: readonly string[];
  readonly text: LocalizedText;
  readonly advice: readonly LocalizedText[];
  readonly citation: Citation;
};

export const ruleResult = (
  ruleId: ApheresisRuleId,
  status: Exclude<ApheresisStatus, 'UNKNOWN'>,
  text: LocalizedText,
  citation: Citation,
  advice: readonly LocalizedText[] = [],
): ApheresisRuleResult => ({ ruleId, status, needs: [], text, advice, citation });

export const unknownResult = (
  ruleId: ApheresisRuleId,
  needs: readonly string[],
  text: LocalizedText,
  citation: Citation,
): ApheresisRuleResult => {
  if (needs.length === 0) throw new Error(`${ruleId}: an UNKNOWN result must name what it needs`);
  return { ruleId, status: 'UNKNOWN', needs, text, advice: [], citation };
};

/** The names of the fields whose value is missing. */
export const missing = (fields: Readonly<Record<string, unknown>>): string[] =>
  Object.entries(fields)
    .filter(([, value]) => value === undefined)
    .map(([field]) => field);

/** Any NOT_MET → NOT_READY; else any UNKNOWN → INCOMPLETE; else any WARN/RELATIVE → READY_WITH_WARNINGS; else READY. */
export const overallOf = (results: readonly ApheresisRuleResult[]): ApheresisOverall => {
  const statuses = new Set(results.map((result) => result.status));
  if (statuses.has('NOT_MET')) return 'NOT_READY';
  if (statuses.has('UNKNOWN')) return 'INCOMPLETE';
  if (statuses.has('WARN') || statuses.has('RELATIVE')) return 'READY_WITH_WARNINGS';
  return 'READY';
};
