/**
 * CRS-HLH on the timeline as a rule evaluation: the comparison's components as drivers, with the
 * intervention and the record compared against (and their times), and what to do.
 */
import { RULESET } from '../core/index.ts';
import type { Driver, Recommendation, RuleEvaluation } from '../core/index.ts';
import { CRS_CITATIONS } from '../crs/citations.ts';
import { messages as crsMessages } from '../crs/messages.ts';
import type { HlhDerivation } from './derivation.ts';
import { messages } from './messages.ts';

export type HlhEvaluationOutcome = {
  readonly status: HlhDerivation['status'];
  readonly needs: readonly string[];
  readonly recheckAt: string | null;
};

export const hlhEvaluation = (hlh: HlhDerivation): RuleEvaluation<HlhEvaluationOutcome> => {
  const drivers: Driver[] = hlh.texts.map((t, i) => ({ code: `hlh-${i}`, ruleId: t.ruleId, text: t.text }));
  const text =
    hlh.status === 'SUSPECTED'
      ? crsMessages.hlhSuspected
      : hlh.status === 'UNKNOWN'
        ? messages.hlhUnknown(hlh.needs)
        : hlh.status === 'RECHECK'
          ? (hlh.texts.at(-1)?.text ?? crsMessages.hlhNoAlert)
          : crsMessages.hlhNoAlert;
  const recommendation: Recommendation = { ruleId: 'CRS-HLH', text, citation: CRS_CITATIONS.section };
  return {
    outcome: { status: hlh.status, needs: hlh.needs, recheckAt: hlh.recheckAt },
    drivers,
    recommendations: [recommendation],
    notes: [],
    citations: [CRS_CITATIONS.section],
    ruleset: RULESET.ref,
  };
};
