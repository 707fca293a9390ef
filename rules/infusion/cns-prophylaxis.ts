import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { Recommendation, RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { cnsProphylaxisInputSchema } from './schemas.ts';
import type { CnsProphylaxisInput } from './schemas.ts';

/** INF-1 (§5.1): levetiracetam 750 mg orally every 12 h. */
export const LEVETIRACETAM_MG = 750;

/**
 * PROPHYLAXIS_ADVISED: prior CNS disease (controlled, or control not stated): infuse once it is
 * controlled, with levetiracetam prophylaxis. DEFER: prior CNS disease not controlled. NOT_NEEDED:
 * no prior CNS disease. UNKNOWN: the CNS history is not given.
 */
export type CnsProphylaxisOutcome = {
  readonly status: 'PROPHYLAXIS_ADVISED' | 'DEFER' | 'NOT_NEEDED' | 'UNKNOWN';
  readonly needs: readonly string[];
};

/**
 * INF-1 (§5.1): before infusion, infection screening and prophylaxis per §7.3 for everyone; with
 * prior CNS disease, infuse after it is controlled and levetiracetam 750 mg PO every 12 h may be given.
 */
export const cnsProphylaxis = (input: CnsProphylaxisInput = {}): RuleEvaluation<CnsProphylaxisOutcome> => {
  const { priorCnsDisease, cnsDiseaseControlled } = parseInput(cnsProphylaxisInputSchema, input);
  const citation = cite('§5.1');
  const screening: Recommendation = { ruleId: 'INF-1', text: messages.infectionScreening, citation };
  const parts = { citations: [citation, cite('§7.3')] };
  if (priorCnsDisease === undefined) {
    return buildEvaluation<CnsProphylaxisOutcome>(
      { status: 'UNKNOWN', needs: ['priorCnsDisease'] },
      {
        ...parts,
        recommendations: [screening],
        drivers: [{ code: 'needs', ruleId: 'INF-1', text: messages.cnsHistoryNeeded }],
      },
    );
  }
  if (!priorCnsDisease) {
    return buildEvaluation<CnsProphylaxisOutcome>(
      { status: 'NOT_NEEDED', needs: [] },
      {
        ...parts,
        recommendations: [screening],
        drivers: [{ code: 'no-cns-disease', ruleId: 'INF-1', text: messages.noPriorCnsDisease }],
      },
    );
  }
  const levetiracetam: Recommendation = {
    ruleId: 'INF-1',
    text: messages.levetiracetam,
    dose: {
      drug: 'levetiracetam',
      mg: LEVETIRACETAM_MG,
      route: 'PO',
      schedule: messages.every12Hours,
      basis: messages.fixedDose(LEVETIRACETAM_MG),
    },
    citation,
  };
  const defer = cnsDiseaseControlled === false;
  return buildEvaluation<CnsProphylaxisOutcome>(
    { status: defer ? 'DEFER' : 'PROPHYLAXIS_ADVISED', needs: [] },
    {
      ...parts,
      drivers: [
        {
          code: 'prior-cns-disease',
          ruleId: 'INF-1',
          text: defer ? messages.cnsNotControlled : messages.priorCnsDisease,
        },
      ],
      recommendations: [
        screening,
        { ruleId: 'INF-1', text: defer ? messages.cnsNotControlled : messages.priorCnsDisease, citation },
        levetiracetam,
      ],
    },
  );
};
