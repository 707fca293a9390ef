import {
  hlhEvaluation,
  RULESET,
  timelineMessages,
  localTimeText,
  type StepResult,
  type TimelineSettings,
  type TimelineTrigger,
} from '#rules';
import type { GradingSource } from '../records.ts';
import { draftFrom, type GradingDraft } from './grading-draft.ts';

/** What one timeline step leads to: gradings to store (with their sources) and escalations to raise. */
export type StepAssessment = {
  readonly gradings: readonly GradingDraft[];
  readonly triggers: readonly TimelineTrigger[];
};

const withSources = (
  draft: GradingDraft,
  sources: readonly GradingSource[],
  crsEpisode: number | null,
): GradingDraft => ({ ...draft, sources, crsEpisode });

/**
 * The gradings of a record from its timeline step: CRS (complete or lower bound, EPI-2, with the
 * earlier records it used), CRS-S1 suspicion, CRS-HLH, ICANS with the concurrent CRS (EPI-3), the
 * tocilizumab status before a dose (TOCI-2..4), grade 5 for a death due to CRS or ICANS (EPI-5).
 */
export const assessStep = (step: StepResult, settings: TimelineSettings): StepAssessment => {
  const id = step.record.id;
  const gradings: GradingDraft[] = [];
  if (step.crs) {
    const crs = step.crs;
    const draft = draftFrom('CRS', id, crs.evaluation, step.state.lastVitals, crs.status);
    gradings.push(
      withSources(
        { ...draft, grade: crs.grade, needs: crs.needs, notes: [...crs.evaluation.notes, ...crs.notes] },
        crs.sources,
        crs.crsEpisode,
      ),
    );
  }
  if (step.suspicion) gradings.push(draftFrom('CRS_SUSPICION', id, step.suspicion, step.suspicion.outcome));
  if (step.hlh) {
    const hlh = step.hlh;
    const evaluation = hlhEvaluation(hlh);
    gradings.push(
      withSources(
        {
          ...draftFrom('CRS_HLH', id, evaluation, { components: hlh.components }, hlh.status),
          needs: hlh.needs,
        },
        [
          {
            component: 'intervention',
            recordId: hlh.intervention.recordId,
            at: hlh.intervention.at,
            carried: true,
            text:
              hlh.texts[0]?.text ??
              timelineMessages.hlhIntervention(
                hlh.intervention.drug,
                localTimeText(hlh.intervention.at, settings.timeZone),
              ),
          },
          {
            component: 'beforeIntervention',
            recordId: hlh.beforeIntervention.recordId,
            at: hlh.beforeIntervention.at,
            carried: true,
            text: timelineMessages.hlhBaseline(localTimeText(hlh.beforeIntervention.at, settings.timeZone)),
          },
        ],
        hlh.crsEpisode,
      ),
    );
  }
  if (step.icans)
    gradings.push(
      withSources(
        draftFrom('ICANS', id, step.icans.evaluation, { concurrentCrs: step.icans.concurrentCrs }),
        step.icans.sources,
        null,
      ),
    );
  if (step.tocilizumab) {
    const before = step.tocilizumab.before;
    gradings.push({
      domain: 'TOCILIZUMAB',
      basedOn: id,
      grade: null,
      status: before.status,
      needs: [],
      drivers: [],
      recommendations: [],
      notes: [],
      citations: [],
      ruleset: RULESET.ref,
      inputs: before,
      crsEpisode: step.tocilizumab.crsEpisode,
    });
  }
  if (step.record.kind === 'DEATH' && step.record.attribution !== 'OTHER') {
    const domain = step.record.attribution;
    const text = timelineMessages.death(domain, localTimeText(step.record.at, settings.timeZone));
    gradings.push({
      domain,
      basedOn: id,
      grade: 5,
      status: 'GRADED',
      needs: [],
      drivers: [{ code: 'death', ruleId: 'EPI-5', text }],
      recommendations: [],
      notes: [],
      citations: [{ section: 'Episode state over time (EPI-5)', source: 'product-design' }],
      ruleset: RULESET.ref,
      inputs: { attribution: domain },
    });
  }
  return { gradings, triggers: step.triggers };
};
