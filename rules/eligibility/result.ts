import type { Citation, LocalizedText } from '../core/index.ts';

export const ELIGIBILITY_RULE_IDS = [
  'ELIG-1',
  'ELIG-2',
  'ELIG-3',
  'ELIG-4',
  'ELIG-5',
  'ELIG-6',
  'ELIG-7',
  'ELIG-8',
  'ELIG-9',
  'ELIG-10',
  'ELIG-11',
  'ELIG-12',
  'ELIG-13',
] as const;
export type EligibilityRuleId = (typeof ELIGIBILITY_RULE_IDS)[number];

/**
 * One rule's result. PASS: requirement met. INFO: information only. WARN: proceed with attention.
 * RELATIVE: a requirement not met that is not an absolute contraindication (weigh benefit and
 * risk). EXCLUDED: not eligible. UNKNOWN: input missing (`needs` names it).
 */
export type EligibilityStatus = 'PASS' | 'INFO' | 'WARN' | 'RELATIVE' | 'EXCLUDED' | 'UNKNOWN';

export type EligibilityOverall = 'ELIGIBLE' | 'ELIGIBLE_WITH_WARNINGS' | 'NOT_ELIGIBLE' | 'INCOMPLETE';

export type EligibilityRuleResult = {
  readonly ruleId: EligibilityRuleId;
  readonly status: EligibilityStatus;
  /** Input fields the rule needs; non-empty exactly when the status is UNKNOWN. */
  readonly needs: readonly string[];
  /** What the rule found. */
  readonly text: LocalizedText;
  /** What to do, when there is something to do. */
  readonly advice: readonly LocalizedText[];
  /** Extra information, e.g. the value the consensus prints where a Decision uses another. */
  readonly notes: readonly LocalizedText[];
  readonly citation: Citation;
};

export type EligibilityOutcome = {
  readonly overall: EligibilityOverall;
  /** Every rule's own result, ELIG-1 to ELIG-13 in order. */
  readonly rules: readonly EligibilityRuleResult[];
};

type Extra = { readonly advice?: readonly LocalizedText[]; readonly notes?: readonly LocalizedText[] };

/** A result that is not UNKNOWN. */
export const ruleResult = (
  ruleId: EligibilityRuleId,
  status: Exclude<EligibilityStatus, 'UNKNOWN'>,
  text: LocalizedText,
  citation: Citation,
  extra: Extra = {},
): EligibilityRuleResult => ({
  ruleId,
  status,
  needs: [],
  text,
  advice: extra.advice ?? [],
  notes: extra.notes ?? [],
  citation,
});

/** The names of the fields whose value is missing, in the given order. */
export const missing = (fields: Readonly<Record<string, unknown>>): string[] =>
  Object.entries(fields)
    .filter(([, value]) => value === undefined)
    .map(([field]) => field);

/** An UNKNOWN result naming the input it needs (at least one field). */
export const unknownResult = (
  ruleId: EligibilityRuleId,
  needs: readonly string[],
  text: LocalizedText,
  citation: Citation,
  extra: Extra = {},
): EligibilityRuleResult => {
  if (needs.length === 0) throw new Error(`${ruleId}: an UNKNOWN result must name what it needs`);
  return {
    ruleId,
    status: 'UNKNOWN',
    needs,
    text,
    advice: extra.advice ?? [],
    notes: extra.notes ?? [],
    citation,
  };
};

/**
 * The overall outcome: any EXCLUDED → NOT_ELIGIBLE; else any UNKNOWN → INCOMPLETE; else any
 * WARN or RELATIVE → ELIGIBLE_WITH_WARNINGS; else ELIGIBLE (PASS and INFO only).
 */
export const overallOf = (results: readonly EligibilityRuleResult[]): EligibilityOverall => {
  const statuses = new Set(results.map((result) => result.status));
  if (statuses.has('EXCLUDED')) return 'NOT_ELIGIBLE';
  if (statuses.has('UNKNOWN')) return 'INCOMPLETE';
  if (statuses.has('WARN') || statuses.has('RELATIVE')) return 'ELIGIBLE_WITH_WARNINGS';
  return 'ELIGIBLE';
};
