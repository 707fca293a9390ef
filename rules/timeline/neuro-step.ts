/**
 * One neuro assessment on the timeline: ICE and ICANS (ASTCT) with T5 management for the
 * concurrent CRS of EPI-3 (a CRS episode open at the assessment's time and not stale: the episode's
 * latest grade, with its time), tocilizumab advice within the TOCI limits of the doses that still
 * count; escalations ESC-ICANS3 and ESC-ICANS2 (EPI-6).
 */
import { localTimeText } from '../core/index.ts';
import type { Grade } from '../crs/types.ts';
import { collectEscalations } from '../escalation/evaluate.ts';
import { evaluateIcansAssessment } from '../icans/evaluate.ts';
import { closeIfDue, isStaleAt, openEpisodeAt } from './crs-episode.ts';
import type { IcansDerivation, StepResult } from './derivation.ts';
import { tagTriggers } from './escalations.ts';
import { messages } from './messages.ts';
import type { TimelineNeuro } from './records.ts';
import type { TimelinePatient, TimelineSettings } from './settings.ts';
import type { TimelineState } from './state.ts';
import { tocilizumabStatusAt } from './tocilizumab-status.ts';
import type { Source } from './vitals-findings.ts';

const asGrade = (grade: number): Grade => Math.min(4, Math.max(0, grade)) as Grade;

/** EPI-3: the concurrent CRS at `at`, or why there is none. */
export const concurrentCrsAt = (
  state: TimelineState,
  at: string,
  settings: TimelineSettings,
): {
  readonly concurrent: { grade: Grade; at: string; recordId: string } | null;
  readonly source: Source | null;
} => {
  const tz = settings.timeZone;
  const episode = state.crsEpisode;
  const open = openEpisodeAt(state, at, settings);
  if (open !== null && state.crs !== null) {
    if (isStaleAt(state, at, settings)) {
      const last = state.recorded.vitalsAt ?? open.onset;
      return {
        concurrent: null,
        source: {
          component: 'concurrentCrs',
          recordId: last.recordId,
          at: last.at,
          carried: true,
          text: messages.noConcurrentStale(localTimeText(last.at, tz)),
        },
      };
    }
    const concurrent = { grade: asGrade(state.crs.grade), at: state.crs.at, recordId: state.crs.recordId };
    return {
      concurrent,
      source: {
        component: 'concurrentCrs',
        recordId: concurrent.recordId,
        at: concurrent.at,
        carried: true,
        text: messages.concurrentCrs(concurrent.grade, localTimeText(concurrent.at, tz)),
      },
    };
  }
  if (episode !== null && episode.closedAt !== null)
    return {
      concurrent: null,
      source: {
        component: 'concurrentCrs',
        recordId: episode.onset.recordId,
        at: episode.closedAt,
        carried: true,
        text: messages.noConcurrentClosed(localTimeText(episode.closedAt, tz)),
      },
    };
  return { concurrent: null, source: null };
};

export const stepNeuro = (
  before: TimelineState,
  record: TimelineNeuro,
  patient: TimelinePatient,
  settings: TimelineSettings,
): StepResult => {
  const at = record.at;
  const state = closeIfDue(before, at, settings);
  const { concurrent, source } = concurrentCrsAt(state, at, settings);
  const toci = tocilizumabStatusAt(state, at, settings);
  const evaluation = evaluateIcansAssessment(
    {
      ice: record.ice ?? null,
      consciousness: record.consciousness,
      seizure: record.seizure,
      deepFocalMotorWeakness: record.deepFocalMotorWeakness,
      cerebralEdema: record.cerebralEdema,
      concurrentCrsGrade: concurrent?.grade ?? 0,
      movementDisorderSigns: record.movementDisorderSigns === true,
      weightKg: patient.weightKg,
      assessedAt: at,
      previousTocilizumabDoses: [...toci.doseTimes],
    },
    settings,
  );
  const outcome = evaluation.outcome;
  const grade: Grade = outcome.status === 'GRADED' ? outcome.grade : outcome.atLeastGrade;
  const previous = state.icans === null ? null : asGrade(state.icans.grade);
  const triggers =
    outcome.status === 'GRADED'
      ? collectEscalations({
          icansGrades: { previousGrade: previous, currentGrade: outcome.grade },
          ...(concurrent !== null
            ? { crsGrades: { previousGrade: concurrent.grade, currentGrade: concurrent.grade } }
            : {}),
        })
      : [];
  const open = openEpisodeAt(state, at, settings);
  const tagged = tagTriggers(state, triggers, open?.number ?? null, { at, recordId: record.id });
  const icans: IcansDerivation = { evaluation, concurrentCrs: concurrent, sources: source ? [source] : [] };
  return {
    state: {
      ...state,
      icans: {
        grade: outcome.status === 'GRADED' ? outcome.grade : (Math.max(grade, previous ?? 0) as Grade),
        at,
        recordId: record.id,
        complete: outcome.status === 'GRADED',
        needs: outcome.status === 'GRADED' ? [] : outcome.needs,
      },
      raised: tagged.raised,
    },
    record,
    icans,
    triggers: tagged.triggers,
  };
};
