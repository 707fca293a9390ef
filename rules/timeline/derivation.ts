/**
 * What one step derives for the record it folds: the grades with the earlier records (and times)
 * they used, the checks, and the escalations to raise. The episode service stores these as the
 * record's gradings and alerts; GraphQL and Slack show them.
 */
import type { LocalizedText, RuleEvaluation } from '../core/index.ts';
import type { CrsOutcome, Grade } from '../crs/types.ts';
import type { CrsSuspicionOutcome } from '../crs/suspicion.ts';
import type { EscalationTrigger } from '../escalation/types.ts';
import type { IcansOutcome } from '../icans/evaluate.ts';
import type { HlhComparison } from './hlh-comparison.ts';
import type { TimelineRecord } from './records.ts';
import type { Stamp, TimelineState } from './state.ts';
import type { TocilizumabStatusAt } from './tocilizumab-status.ts';
import type { Source } from './vitals-findings.ts';

export type { Source } from './vitals-findings.ts';

export type CrsDerivation = {
  /** GRADED: complete; LOWER_BOUND: `grade` is the least the record supports (EPI-2). */
  readonly status: 'GRADED' | 'LOWER_BOUND';
  readonly grade: Grade;
  /** What a complete grade needs, when a lower bound. */
  readonly needs: readonly string[];
  /** The evaluation (drivers, management with doses, notes, citations) of the values known. */
  readonly evaluation: RuleEvaluation<CrsOutcome>;
  /** The earlier records the grade used, with their times: carried values, the fever, the masking dose. */
  readonly sources: readonly Source[];
  /** The CRS episode the record belongs to (EPI-1), null when none is open. */
  readonly crsEpisode: number | null;
  readonly notes: readonly { readonly ruleId: string; readonly text: LocalizedText }[];
};

export type HlhDerivation = HlhComparison & {
  readonly crsEpisode: number;
  readonly intervention: Stamp & { readonly drug: string };
  readonly beforeIntervention: Stamp;
  readonly texts: readonly { readonly ruleId: string; readonly text: LocalizedText }[];
};

export type IcansDerivation = {
  readonly evaluation: RuleEvaluation<IcansOutcome>;
  /** EPI-3: the concurrent CRS the management used, or why there is none. */
  readonly concurrentCrs: { readonly grade: number; readonly at: string; readonly recordId: string } | null;
  readonly sources: readonly Source[];
};

export type TocilizumabDerivation = {
  /** The TOCI status at the dose's time, before it (TOCI-2..4). */
  readonly before: TocilizumabStatusAt;
  readonly crsEpisode: number | null;
};

/** An escalation to raise, with its CRS episode (EPI-6: a repeat updates the alert already raised). */
export type TimelineTrigger = EscalationTrigger & {
  readonly crsEpisode: number | null;
  readonly repeat: boolean;
};

export type StepResult = {
  readonly state: TimelineState;
  readonly record: TimelineRecord;
  readonly crs?: CrsDerivation;
  readonly suspicion?: RuleEvaluation<CrsSuspicionOutcome>;
  readonly hlh?: HlhDerivation;
  readonly icans?: IcansDerivation;
  readonly tocilizumab?: TocilizumabDerivation;
  readonly triggers: readonly TimelineTrigger[];
};
