/**
 * ICANS-T5-1..4: ICANS management by grade (consensus T5), without and with concurrent CRS, with
 * doses in mg for this patient. With concurrent CRS (grade ≥ 1) grades 1–3 add tocilizumab
 * 8 mg/kg, subject to the TOCI limits; grade 2 with CRS ≥ 2 adds "consider ICU transfer";
 * grade 4 is the same with or without CRS (T5 lists no tocilizumab at grade 4, noted).
 */
import type { Citation, Note, Recommendation, RulesConfig } from '../core/index.ts';
import {
  DEXAMETHASONE_MG,
  METHYLPREDNISOLONE_HIGH_DOSE,
  dexamethasoneEvery6h,
  methylprednisolonePerKgEvery12h,
} from '../crs/steroids.ts';
import { messages as crsMessages } from '../crs/messages.ts';
import type { Grade } from '../crs/types.ts';
import { tocilizumabAdvice } from '../tocilizumab/advice.ts';
import type { TocilizumabContext } from '../tocilizumab/schemas.ts';
import { ICANS_CITATIONS } from './citations.ts';
import { messages } from './messages.ts';

export type IcansManagement = {
  readonly recommendations: readonly Recommendation[];
  readonly notes: readonly Note[];
  readonly citations: readonly Citation[];
};

const t5 = (ruleId: string, text: Recommendation['text'], dose?: Recommendation['dose']): Recommendation =>
  Object.freeze(
    dose
      ? { ruleId, text, dose, citation: ICANS_CITATIONS.management }
      : { ruleId, text, citation: ICANS_CITATIONS.management },
  );

/** Everything T5 lists that does not depend on the patient, built once per grade. */
const FIXED = {
  1: { supportive: t5('ICANS-T5-1', messages.supportiveCare) },
  2: {
    supportive: t5('ICANS-T5-2', messages.supportiveCare),
    dexamethasone: t5('ICANS-T5-2', messages.dexamethasone, dexamethasoneEvery6h(DEXAMETHASONE_MG)),
    methylprednisoloneNeedsWeight: t5('ICANS-T5-2', crsMessages.methylprednisolonePerKgNeedsWeight),
    considerIcu: t5('ICANS-T5-2', messages.concurrentCrsConsiderIcu),
  },
  3: {
    icu: t5('ICANS-T5-3', messages.icuTransferRecommended),
    supportive: t5('ICANS-T5-3', messages.supportiveCare),
    dexamethasone: t5('ICANS-T5-3', messages.dexamethasone, dexamethasoneEvery6h(DEXAMETHASONE_MG)),
    methylprednisoloneNeedsWeight: t5('ICANS-T5-3', crsMessages.methylprednisolonePerKgNeedsWeight),
    neuroimaging: t5('ICANS-T5-3', messages.repeatNeuroimaging),
  },
  4: [
    t5('ICANS-T5-4', messages.supportiveCare),
    t5('ICANS-T5-4', messages.icuMonitoringVentilation),
    t5('ICANS-T5-4', messages.highDoseSteroid, METHYLPREDNISOLONE_HIGH_DOSE),
    t5('ICANS-T5-4', messages.repeatNeuroimaging),
    t5('ICANS-T5-4', messages.statusEpilepticus),
  ],
} as const;
const GRADE_4_NO_TOCILIZUMAB: Note = Object.freeze({
  ruleId: 'ICANS-T5-4',
  text: messages.grade4NoTocilizumab,
});

/** T5 grades 2–3, methylprednisolone 1 mg/kg IV q12h for this patient (or "needs weightKg"). */
const methylprednisolone = (grade: 2 | 3, weightKg: number | null | undefined): Recommendation =>
  weightKg == null
    ? FIXED[grade].methylprednisoloneNeedsWeight
    : t5(`ICANS-T5-${grade}`, messages.orMethylprednisolone, methylprednisolonePerKgEvery12h(weightKg));

/** What T5 lists without concurrent CRS. */
const withoutCrs = (grade: Exclude<Grade, 0>, weightKg: number | null | undefined): Recommendation[] => {
  switch (grade) {
    case 1:
      return [FIXED[1].supportive];
    case 2:
      return [FIXED[2].supportive, FIXED[2].dexamethasone, methylprednisolone(2, weightKg)];
    case 3:
      return [
        FIXED[3].icu,
        FIXED[3].supportive,
        FIXED[3].dexamethasone,
        methylprednisolone(3, weightKg),
        FIXED[3].neuroimaging,
      ];
    case 4:
      return [...FIXED[4]];
  }
};

/** T5 management for an ICANS grade with the concurrent CRS grade. */
export const icansManagement = (
  grade: Grade,
  concurrentCrsGrade: number,
  context: TocilizumabContext,
  config: RulesConfig,
): IcansManagement => {
  if (grade === 0) return { recommendations: [], notes: [], citations: [] };
  const ruleId = `ICANS-T5-${grade}`;
  const recommendations = withoutCrs(grade, context.weightKg);
  const notes: Note[] = [];
  const citations: Citation[] = [ICANS_CITATIONS.management];
  if (concurrentCrsGrade >= 1) {
    if (grade === 4) {
      notes.push(GRADE_4_NO_TOCILIZUMAB);
    } else {
      const tocilizumab = tocilizumabAdvice(
        ruleId,
        ICANS_CITATIONS.management,
        messages.concurrentCrsTocilizumab,
        context,
        config,
      );
      recommendations.push(tocilizumab.recommendation);
      notes.push(...tocilizumab.notes);
      citations.push(...tocilizumab.citations);
      if (grade === 2 && concurrentCrsGrade >= 2)
        recommendations.push(t5(ruleId, messages.concurrentCrsConsiderIcu));
    }
  }
  return { recommendations, notes, citations };
};
