import { uniqueCitations } from './citation.ts';
import type { Citation } from './citation.ts';
import type { Driver, Note, Recommendation, RuleEvaluation } from './result.ts';
import { RULESET } from './ruleset.ts';

/** The parts of an evaluation besides its outcome; every list may be omitted. */
export type EvaluationParts = {
  readonly drivers?: readonly Driver[];
  readonly recommendations?: readonly Recommendation[];
  readonly notes?: readonly Note[];
  /** Citations besides those of the recommendations (e.g. of drivers or of the rule itself). */
  readonly citations?: readonly Citation[];
};

/**
 * Builds the RuleEvaluation envelope: the citations are the given ones followed by every
 * recommendation's, deduplicated in first-seen order, and the ruleset is the current one.
 */
export const buildEvaluation = <TOutcome>(
  outcome: TOutcome,
  parts: EvaluationParts = {},
): RuleEvaluation<TOutcome> => {
  const recommendations = parts.recommendations ?? [];
  return {
    outcome,
    drivers: parts.drivers ?? [],
    recommendations,
    notes: parts.notes ?? [],
    citations: uniqueCitations([...(parts.citations ?? []), ...recommendations.map((r) => r.citation)]),
    ruleset: RULESET.ref,
  };
};
