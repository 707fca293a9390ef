import type { RuleEvaluation } from '#rules';
import type { GradingDomain, GradingRecord } from '../records.ts';

/** A grading before it gets its key, id and author (the service adds them when it writes). */
export type GradingDraft = Omit<
  GradingRecord,
  'PK' | 'SK' | 'id' | 'episodeId' | 'recordedAt' | 'recordedBy' | 'kind'
>;

type Outcome = { readonly status?: string; readonly grade?: number; readonly needs?: readonly string[] };

/** A grading draft from a rule evaluation, keeping the inputs it used (the audit trail). */
export const draftFrom = (
  domain: GradingDomain,
  basedOn: string,
  evaluation: RuleEvaluation<Outcome>,
  inputs: unknown,
  status: string = evaluation.outcome.status ?? 'EVALUATED',
): GradingDraft => ({
  domain,
  basedOn,
  grade:
    evaluation.outcome.status === 'GRADED' && evaluation.outcome.grade !== undefined
      ? evaluation.outcome.grade
      : null,
  status,
  needs: evaluation.outcome.needs ?? [],
  drivers: evaluation.drivers,
  recommendations: evaluation.recommendations,
  notes: evaluation.notes,
  citations: evaluation.citations,
  ruleset: evaluation.ruleset,
  inputs,
});

/** A stored grade (0–4 or null) as the rules' Grade type. */
export const asGrade = (grade: number | null): 0 | 1 | 2 | 3 | 4 | null =>
  grade === 0 || grade === 1 || grade === 2 || grade === 3 || grade === 4 ? grade : null;
