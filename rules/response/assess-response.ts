import { RulesInputError, addMonths, buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { Driver, Note, Recommendation, RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { responseInputSchema } from './schemas.ts';
import type { ResponseCategory, ResponseInput } from './schemas.ts';

/** RESP-1 (§6): MRD within about 1 month; best response may take 6 months. */
export const MRD_ASSESSMENT_MONTHS = 1;
export const BEST_RESPONSE_MONTHS = 6;

/** Categories short of CR that may still deepen before month 6. */
const MAY_DEEPEN: readonly ResponseCategory[] = ['VGPR', 'PR', 'MR', 'SD'];

export type ResponseOutcome = {
  readonly category: ResponseCategory | null;
  /** Dates from the infusion date; null without it. */
  readonly mrdAssessmentDate: string | null;
  readonly bestResponseByDate: string | null;
  /** true: assessed before month 6 with a response short of CR; null when it cannot be said. */
  readonly mayStillDeepen: boolean | null;
};

/**
 * RESP-1 (§6): response by IMWG and the 2022 Chinese guideline (sCR, CR, VGPR, PR, MR, SD, PD) and
 * its timing: MRD by flow within about 1 month, immunofixation and FLC ratio later, best response
 * possibly only at 6 months. PD → assess immediately (§10) and see the relapse options (§9).
 */
export const assessResponse = (input: ResponseInput = {}): RuleEvaluation<ResponseOutcome> => {
  const { category, infusionDate, assessmentDate } = parseInput(responseInputSchema, input);
  if (infusionDate !== undefined && assessmentDate !== undefined && assessmentDate < infusionDate) {
    throw new RulesInputError([
      {
        field: 'assessmentDate',
        allowed: `a date on or after infusionDate (${infusionDate})`,
        received: assessmentDate,
        message: `assessmentDate must be a date on or after infusionDate (${infusionDate}); received "${assessmentDate}"`,
      },
    ]);
  }
  const citation = cite('§6');
  const mrdAssessmentDate =
    infusionDate === undefined ? null : addMonths(infusionDate, MRD_ASSESSMENT_MONTHS);
  const bestResponseByDate =
    infusionDate === undefined ? null : addMonths(infusionDate, BEST_RESPONSE_MONTHS);
  const mayStillDeepen =
    category === undefined
      ? null
      : !MAY_DEEPEN.includes(category)
        ? false
        : assessmentDate === undefined || bestResponseByDate === null
          ? null
          : assessmentDate < bestResponseByDate;

  const drivers: Driver[] =
    category === undefined ? [] : [{ code: category, ruleId: 'RESP-1', text: messages.category(category) }];
  const recommendations: Recommendation[] = [
    { ruleId: 'RESP-1', text: messages.criteria, citation },
    ...(mrdAssessmentDate !== null && bestResponseByDate !== null
      ? [{ ruleId: 'RESP-1', text: messages.timingDates(mrdAssessmentDate, bestResponseByDate), citation }]
      : []),
    ...(category === 'PD' ? [{ ruleId: 'RESP-1', text: messages.progression, citation: cite('§9') }] : []),
  ];
  const notes: Note[] = [
    { ruleId: 'RESP-1', text: messages.timing },
    ...(mayStillDeepen === true && category !== undefined && bestResponseByDate !== null
      ? [{ ruleId: 'RESP-1', text: messages.mayDeepen(category, bestResponseByDate) }]
      : []),
  ];
  return buildEvaluation<ResponseOutcome>(
    { category: category ?? null, mrdAssessmentDate, bestResponseByDate, mayStillDeepen },
    { drivers, recommendations, notes, citations: [citation] },
  );
};
