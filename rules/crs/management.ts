/**
 * CRS-T4-1..4: management by CRS grade (consensus T4), with doses in mg for this patient, plus
 * the §7.1 text for severe or life-threatening CRS (grades 3–4). Corticosteroids the table names
 * without a dose ("tocilizumab and/or corticosteroids") are not given an invented one.
 */
import type { Citation, Note, Recommendation, RulesConfig } from '../core/index.ts';
import { tocilizumabAdvice } from '../tocilizumab/advice.ts';
import type { TocilizumabContext } from '../tocilizumab/schemas.ts';
import { CRS_CITATIONS } from './citations.ts';
import { messages } from './messages.ts';
import {
  DEXAMETHASONE_MG,
  DEXAMETHASONE_REFRACTORY_MG,
  METHYLPREDNISOLONE_HIGH_DOSE,
  dexamethasoneEvery6h,
} from './steroids.ts';
import type { Grade } from './types.ts';

export type Management = {
  readonly recommendations: readonly Recommendation[];
  readonly notes: readonly Note[];
  readonly citations: readonly Citation[];
};

const NONE: Management = Object.freeze({ recommendations: [], notes: [], citations: [] });

const t4 = (ruleId: string, text: Recommendation['text'], dose?: Recommendation['dose']): Recommendation =>
  Object.freeze(
    dose
      ? { ruleId, text, dose, citation: CRS_CITATIONS.management }
      : { ruleId, text, citation: CRS_CITATIONS.management },
  );

/** §7.1: tocilizumab and corticosteroids are the main drugs for severe or life-threatening CRS. */
const severeGeneral = (ruleId: string): Recommendation =>
  Object.freeze({ ruleId, text: messages.severeCrsGeneral, citation: CRS_CITATIONS.section });

/** Everything T4 lists that does not depend on the patient, built once. */
const FIXED = {
  2: t4('CRS-T4-2', messages.t4Grade2),
  3: [
    t4('CRS-T4-3', messages.t4Grade3),
    t4('CRS-T4-3', messages.t4Grade3Dexamethasone10, dexamethasoneEvery6h(DEXAMETHASONE_MG)),
    t4('CRS-T4-3', messages.t4Grade3Dexamethasone20, dexamethasoneEvery6h(DEXAMETHASONE_REFRACTORY_MG)),
    severeGeneral('CRS-T4-3'),
  ],
  4: [
    t4('CRS-T4-4', messages.t4Grade4),
    t4('CRS-T4-4', messages.t4Grade4Methylprednisolone, METHYLPREDNISOLONE_HIGH_DOSE),
    severeGeneral('CRS-T4-4'),
  ],
} as const;

const GRADE_1: Management = Object.freeze({
  recommendations: [t4('CRS-T4-1', messages.t4Grade1)],
  notes: [],
  citations: [CRS_CITATIONS.management],
});

/** T4 management for a CRS grade; tocilizumab advice is checked against the TOCI limits. */
export const crsManagement = (grade: Grade, context: TocilizumabContext, config: RulesConfig): Management => {
  switch (grade) {
    case 0:
      return NONE;
    case 1:
      return GRADE_1;
    case 2: {
      const tocilizumab = tocilizumabAdvice(
        'CRS-T4-2',
        CRS_CITATIONS.management,
        messages.t4Grade2Tocilizumab,
        context,
        config,
      );
      return {
        recommendations: [FIXED[2], tocilizumab.recommendation],
        notes: tocilizumab.notes,
        citations: tocilizumab.citations,
      };
    }
    case 3: {
      const tocilizumab = tocilizumabAdvice(
        'CRS-T4-3',
        CRS_CITATIONS.management,
        messages.tocilizumab,
        context,
        config,
      );
      return {
        recommendations: [FIXED[3][0], tocilizumab.recommendation, FIXED[3][1], FIXED[3][2], FIXED[3][3]],
        notes: tocilizumab.notes,
        citations: [...tocilizumab.citations, CRS_CITATIONS.section],
      };
    }
    case 4: {
      const tocilizumab = tocilizumabAdvice(
        'CRS-T4-4',
        CRS_CITATIONS.management,
        messages.tocilizumab,
        context,
        config,
      );
      return {
        recommendations: [FIXED[4][0], tocilizumab.recommendation, FIXED[4][1], FIXED[4][2]],
        notes: tocilizumab.notes,
        citations: [...tocilizumab.citations, CRS_CITATIONS.section],
      };
    }
  }
};
