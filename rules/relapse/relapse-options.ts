import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { LocalizedText, Recommendation, RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { relapseInputSchema } from './schemas.ts';
import type { AntigenStatus, CostimulatoryDomain, RelapseInput } from './schemas.ts';

/** REL-1 and its five options REL-1.1 … REL-1.5 (§9 ① … ⑤). */
export const RELAPSE_OPTION_IDS = ['REL-1', 'REL-1.1', 'REL-1.2', 'REL-1.3', 'REL-1.4', 'REL-1.5'] as const;
export type RelapseOptionId = (typeof RELAPSE_OPTION_IDS)[number];

export type RelapseOutcome = {
  /** The options that apply, in consensus order. */
  readonly options: readonly RelapseOptionId[];
  /** Non-empty when the antigen status, which decides REL-1.1 … REL-1.3, is missing or unknown. */
  readonly needs: readonly string[];
};

const OTHER_DOMAIN: Readonly<Record<CostimulatoryDomain, CostimulatoryDomain>> = {
  CD28: '4-1BB',
  '4-1BB': 'CD28',
};

/**
 * REL-1.4 by antigen status: antigen-positive → switch the co-stimulatory domain (same target
 * allowed); antigen-negative → only combined with another detectable target, never the same target;
 * reduced expression or unknown → both conditions stated (the status decides which applies).
 */
const SWITCH_ADVICE: Readonly<Record<AntigenStatus, LocalizedText>> = {
  POSITIVE: messages.switchCostimulationAntigenPositive,
  NEGATIVE: messages.switchCostimulationAntigenNegative,
  REDUCED: messages.switchCostimulation,
  UNKNOWN: messages.switchCostimulation,
};

/**
 * REL-1 (§9): salvage per the 2022 Chinese guideline (trials, previously effective drugs, new drugs
 * or combinations), and a second CAR-T by: ① antigen-positive → humanised/fully human BCMA CAR-T
 * (after a murine one), dual-target, or another target; ② reduced expression → add a γ-secretase
 * inhibitor; ③ antigen-negative → only another detectable target; ④ a different co-stimulatory
 * domain (CD28 ↔ 4-1BB) for antigen-positive relapse, or combined with another target when
 * antigen-negative (never the same target then); ⑤ short persistence or poor expansion → evaluate T-cell/CAR-T function
 * first, longer washout or non-autologous CAR-T. Antigen status missing or unknown → test it, and
 * the output names it as needed (REL-1.1 … REL-1.3 cannot be chosen without it).
 */
export const relapseOptions = (input: RelapseInput = {}): RuleEvaluation<RelapseOutcome> => {
  const { antigenStatus, priorCarOrigin, priorCostimulatoryDomain, poorPersistenceOrExpansion } = parseInput(
    relapseInputSchema,
    input,
  );
  const citation = cite('§9');
  const option = (ruleId: RelapseOptionId, text: Recommendation['text']): Recommendation => ({
    ruleId,
    text,
    citation,
  });
  const recommendations: Recommendation[] = [
    option('REL-1', messages.salvage),
    option('REL-1', messages.secondCarT),
  ];
  const needs: string[] = [];

  if (antigenStatus === 'POSITIVE') {
    recommendations.push(
      option(
        'REL-1.1',
        priorCarOrigin === 'MURINE' ? messages.antigenPositiveAfterMurine : messages.antigenPositive,
      ),
    );
  } else if (antigenStatus === 'REDUCED') {
    recommendations.push(option('REL-1.2', messages.antigenReduced));
  } else if (antigenStatus === 'NEGATIVE') {
    recommendations.push(option('REL-1.3', messages.antigenNegative));
  } else {
    needs.push('antigenStatus');
    recommendations.push(option('REL-1', messages.antigenUnknown));
  }
  const switchAdvice = SWITCH_ADVICE[antigenStatus ?? 'UNKNOWN'];
  recommendations.push(
    option(
      'REL-1.4',
      priorCostimulatoryDomain === undefined
        ? switchAdvice
        : messages.switchCostimulationFrom(
            switchAdvice,
            priorCostimulatoryDomain,
            OTHER_DOMAIN[priorCostimulatoryDomain],
          ),
    ),
  );
  if (poorPersistenceOrExpansion === true) recommendations.push(option('REL-1.5', messages.poorPersistence));

  const options = RELAPSE_OPTION_IDS.filter((id) => recommendations.some((r) => r.ruleId === id));
  return buildEvaluation<RelapseOutcome>(
    { options, needs },
    {
      drivers: needs.length > 0 ? [{ code: 'needs', ruleId: 'REL-1', text: messages.antigenUnknown }] : [],
      recommendations,
      citations: [citation],
    },
  );
};
