import { clinicalTimeOf } from './clinical-time.ts';
import type { EpisodePartition, RecordFamily } from './repository.ts';
import type { TimelineState } from '#rules';
import { openAlertsOf } from './alert-refs.ts';
import type {
  AlertRecord,
  AlertRef,
  DeathRecord,
  DoseRecord,
  EpisodeHead,
  EpisodeRecord,
  EpisodeSummary,
  GradingRecord,
  LabRecord,
  NeuroRecord,
  VitalsRecord,
} from './records.ts';

/**
 * An episode's clinical state, folded from its records: corrections applied (a corrected or
 * retracted record no longer counts, but stays in the timeline), observations in clinical time
 * order, and what the gradings need (fever window, doses given, concurrent CRS).
 */
export type EpisodeState = {
  readonly head: EpisodeHead;
  readonly records: readonly EpisodeRecord[];
  /** Records that count: not corrected by a later record. */
  readonly vitals: readonly VitalsRecord[];
  readonly neuro: readonly NeuroRecord[];
  readonly labs: readonly LabRecord[];
  readonly doses: readonly DoseRecord[];
  readonly deaths: readonly DeathRecord[];
  readonly gradings: readonly GradingRecord[];
  readonly alerts: readonly AlertRecord[];
  /** Read as a window (the newest records of each family): the families with older records. */
  readonly truncated?: readonly RecordFamily[];
};

const byClinicalTime = <T extends VitalsRecord | NeuroRecord | LabRecord | DoseRecord | DeathRecord>(
  records: readonly T[],
): T[] =>
  [...records].sort(
    (a, b) => Date.parse(clinicalTimeOf(a)) - Date.parse(clinicalTimeOf(b)) || a.id.localeCompare(b.id),
  );

export const foldState = (head: EpisodeHead, records: readonly EpisodeRecord[]): EpisodeState => {
  const superseded = new Set<string>();
  for (const record of records) {
    if ('correction' in record && record.correction) {
      superseded.add(record.correction.corrects);
      if (record.correction.retracted) superseded.add(record.id);
    }
  }
  const counts = (record: EpisodeRecord): boolean => !superseded.has(record.id);
  return {
    head,
    records,
    vitals: byClinicalTime(records.filter((r): r is VitalsRecord => r.kind === 'VITALS' && counts(r))),
    neuro: byClinicalTime(records.filter((r): r is NeuroRecord => r.kind === 'NEURO' && counts(r))),
    labs: byClinicalTime(records.filter((r): r is LabRecord => r.kind === 'LAB' && counts(r))),
    doses: byClinicalTime(records.filter((r): r is DoseRecord => r.kind === 'DOSE' && counts(r))),
    deaths: byClinicalTime(records.filter((r): r is DeathRecord => r.kind === 'DEATH' && counts(r))),
    gradings: records
      .filter((r): r is GradingRecord => r.kind === 'GRADING')
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id)),
    alerts: records
      .filter((r): r is AlertRecord => r.kind === 'ALERT')
      .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id)),
  };
};

export const stateOf = (partition: EpisodePartition): EpisodeState => ({
  ...foldState(partition.head, partition.records),
  ...(partition.truncated ? { truncated: partition.truncated } : {}),
});

/** The latest graded CRS (or ICANS) grading of an assessment made at or before `at`. */
export const latestGrade = (
  state: EpisodeState,
  domain: 'CRS' | 'ICANS',
  at?: string,
): GradingRecord | undefined => {
  const until = at === undefined ? Number.POSITIVE_INFINITY : Date.parse(at);
  const assessedAt = new Map<string, number>();
  for (const r of [...state.vitals, ...state.neuro])
    assessedAt.set(
      r.id,
      r.kind === 'VITALS' ? Date.parse(r.values.measuredAt) : Date.parse(r.values.assessedAt),
    );
  let best: { grading: GradingRecord; t: number } | undefined;
  for (const grading of state.gradings) {
    const t = assessedAt.get(grading.basedOn);
    if (grading.domain !== domain || grading.grade === null || t === undefined || t > until) continue;
    if (!best || t > best.t || (t === best.t && grading.recordedAt >= best.grading.recordedAt))
      best = { grading, t };
  }
  return best?.grading;
};

/** A new episode's summary: nothing graded, recorded, given or open yet. */
export const EMPTY_SUMMARY: EpisodeSummary = {
  crsGrade: null,
  crsGradedAt: null,
  icansGrade: null,
  icansGradedAt: null,
  lastVitalsAt: null,
  tocilizumabDoseTimes: [],
  openAlerts: [],
};

/** The head's denormalised summary, from the timeline's state (EPI-1…7) and the open alerts. */
export const summarize = (timeline: TimelineState, alertRefs: readonly AlertRef[]): EpisodeSummary => {
  const episode = timeline.crsEpisode;
  const doses = new Set<string>();
  for (const dose of [...timeline.tocilizumabEpisode.doses, ...timeline.tocilizumabRecent])
    doses.add(dose.at);
  return {
    crsGrade: timeline.crs?.grade ?? null,
    crsGradedAt: timeline.crs?.at ?? null,
    crsComplete: timeline.crs?.complete ?? true,
    crsNeeds: timeline.crs?.needs ?? [],
    crsEpisode:
      episode === null
        ? null
        : {
            number: episode.number,
            onsetAt: episode.onset.at,
            peakGrade: episode.peak.value,
            closedAt: episode.closedAt,
          },
    icansGrade: timeline.icans?.grade ?? null,
    icansGradedAt: timeline.icans?.at ?? null,
    lastVitalsAt: timeline.recorded.vitalsAt?.at ?? null,
    tocilizumabDoseTimes: [...doses].sort(),
    openAlerts: openAlertsOf(alertRefs),
  };
};
