import type { Citation } from './citation.ts';
import type { RulesetRef } from './ruleset.ts';
import type { LocalizedText } from './text.ts';

/** A drug dose computed for this patient. `mg` is what the bedside gives; `basis` shows the arithmetic. */
export type Dose = {
  readonly drug: string;
  readonly mg: number;
  readonly route: 'IV' | 'PO' | 'SC';
  /** e.g. "every 6 h", "once"; bilingual. */
  readonly schedule: LocalizedText;
  /** e.g. "8 mg/kg × 70 kg = 560 mg (cap 800 mg)"; bilingual. */
  readonly basis: LocalizedText;
};

/** One thing to do, with the rule it comes from. */
export type Recommendation = {
  readonly ruleId: string;
  readonly text: LocalizedText;
  readonly dose?: Dose;
  readonly citation: Citation;
};

/** A finding that set or influenced the outcome, e.g. code "hypotension" "1 vasopressor". */
export type Driver = {
  readonly code: string;
  readonly ruleId: string;
  readonly text: LocalizedText;
};

/**
 * The envelope every rule evaluation returns: the outcome, what drove it, what to do (each with its
 * rule id), notes (e.g. where the consensus prints a different value than the one used), the
 * citations and the ruleset.
 */
export type RuleEvaluation<TOutcome> = {
  readonly outcome: TOutcome;
  readonly drivers: readonly Driver[];
  readonly recommendations: readonly Recommendation[];
  readonly notes: readonly Note[];
  readonly citations: readonly Citation[];
  readonly ruleset: RulesetRef;
};

/** Extra information, e.g. a Decision that differs from the consensus' printed value. */
export type Note = { readonly ruleId: string; readonly text: LocalizedText };

/** A rule that cannot be evaluated because input it needs is missing: never a silent pass. */
export type Unknown = { readonly status: 'UNKNOWN'; readonly needs: readonly string[] };
