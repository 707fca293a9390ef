import { addMonths, buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { Driver, Recommendation, RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { followUpContentInputSchema } from './schemas.ts';
import type { FollowUpContentInput } from './schemas.ts';

/** FU-3 (§10): extramedullary disease assessed 1 month after CAR-T; PET-CT after 3 months. */
export const EMD_FIRST_ASSESSMENT_MONTHS = 1;
export const EMD_PET_CT_FROM_MONTHS = 3;

export type FollowUpContentOutcome = {
  /** FU-3 dates when there is extramedullary disease and an infusion date; null otherwise. */
  readonly emdImaging: { readonly firstAssessmentFrom: string; readonly petCtFrom: string } | null;
  /** Inputs whose absence leaves FU-3 or FU-5 undecided. */
  readonly needs: readonly string[];
};

/**
 * FU-2 … FU-5 (§10): the assessment indicators §10 lists (M-protein, SPEP, immunofixation, FLC,
 * marrow cytology and MRD as clinically indicated; not every item at every visit); with
 * extramedullary disease, imaging from 1 month (MRI, CT or X-ray) and PET-CT from 3
 * months; infection prevention per §7.3/§7.4; long-term biosafety monitoring for viral-vector products.
 */
export const followUpVisitContent = (
  input: FollowUpContentInput = {},
): RuleEvaluation<FollowUpContentOutcome> => {
  const { infusionDate, extramedullaryDisease, viralVectorProduct } = parseInput(
    followUpContentInputSchema,
    input,
  );
  const citation = cite('§10');
  const advise = (ruleId: string, text: Recommendation['text']): Recommendation => ({
    ruleId,
    text,
    citation,
  });
  const needs: string[] = [];
  const drivers: Driver[] = [];
  const recommendations: Recommendation[] = [advise('FU-2', messages.visitTests)];

  let emdImaging: FollowUpContentOutcome['emdImaging'] = null;
  if (extramedullaryDisease === true) {
    recommendations.push(advise('FU-3', messages.emdImaging));
    if (infusionDate === undefined) {
      recommendations.push(advise('FU-3', messages.emdTiming));
    } else {
      emdImaging = {
        firstAssessmentFrom: addMonths(infusionDate, EMD_FIRST_ASSESSMENT_MONTHS),
        petCtFrom: addMonths(infusionDate, EMD_PET_CT_FROM_MONTHS),
      };
      recommendations.push(
        advise('FU-3', messages.emdTimingDates(emdImaging.firstAssessmentFrom, emdImaging.petCtFrom)),
      );
    }
  } else if (extramedullaryDisease === undefined) {
    needs.push('extramedullaryDisease');
    drivers.push({ code: 'needs', ruleId: 'FU-3', text: messages.emdNeeded });
  }

  recommendations.push(advise('FU-4', messages.infectionPrevention));

  if (viralVectorProduct === true) recommendations.push(advise('FU-5', messages.biosafety));
  else if (viralVectorProduct === undefined) {
    needs.push('viralVectorProduct');
    drivers.push({ code: 'needs', ruleId: 'FU-5', text: messages.viralVectorNeeded });
  }

  return buildEvaluation<FollowUpContentOutcome>(
    { emdImaging, needs },
    { drivers, recommendations, citations: [citation, cite('§7.3'), cite('§7.4')] },
  );
};
