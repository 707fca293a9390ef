import type { EpisodePartition } from './repository.ts';
import type {
  AlertRecord,
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
  readonly gradings: readonly GradingRecord[];
  readonly alerts: readonly AlertRecord[];
};

/** CRS-G2: after these, fever is no longer required to grade CRS. */
const ANTICYTOKINE_OR_ANTIPYRETIC = new Set([
  'TOCILIZUMAB',
  'DEXAMETHASONE',
  'METHYLPREDNISOLONE',
  'ANTIPYRETIC',
]);
/** CRS-HLH: first-line intervention = tocilizumab and/or corticosteroids. */
const FIRST_LINE = new Set(['TOCILIZUMAB', 'DEXAMETHASONE', 'METHYLPREDNISOLONE']);
/** The fever of the current CRS episode counts for this long (CRS grading needs fever, CRS-GRADE). */
export const FEVER_WINDOW_HOURS = 24;

const clinicalTime = (record: VitalsRecord | NeuroRecord | LabRecord | DoseRecord): number => {
  switch (record.kind) {
    case 'VITALS':
      return Date.parse(record.values.measuredAt);
    case 'NEURO':
      return Date.parse(record.values.assessedAt);
    case 'LAB':
      return Date.parse(record.values.collectedAt);
    case 'DOSE':
      return Date.parse(record.values.givenAt);
  }
};

const byClinicalTime = <T extends VitalsRecord | NeuroRecord | LabRecord | DoseRecord>(
  records: readonly T[],
): T[] => [...records].sort((a, b) => clinicalTime(a) - clinicalTime(b) || a.id.localeCompare(b.id));

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
    gradings: records
      .filter((r): r is GradingRecord => r.kind === 'GRADING')
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id)),
    alerts: records
      .filter((r): r is AlertRecord => r.kind === 'ALERT')
      .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id)),
  };
};

export const stateOf = (partition: EpisodePartition): EpisodeState =>
  foldState(partition.head, partition.records);

/** Tocilizumab doses given at or before `at` (TOCI-2..4 history). */
export const tocilizumabDosesUntil = (state: EpisodeState, at: string): string[] =>
  state.doses
    .filter((dose) => dose.values.drug === 'TOCILIZUMAB' && Date.parse(dose.values.givenAt) <= Date.parse(at))
    .map((dose) => dose.values.givenAt);

/** CRS-G2: was tocilizumab, a corticosteroid or an antipyretic given at or before `at`? */
export const anticytokineGivenBy = (state: EpisodeState, at: string): boolean =>
  state.doses.some(
    (dose) =>
      ANTICYTOKINE_OR_ANTIPYRETIC.has(dose.values.drug) && Date.parse(dose.values.givenAt) <= Date.parse(at),
  );

/** CRS-HLH: the first tocilizumab or corticosteroid dose, if any. */
export const firstLineInterventionAt = (state: EpisodeState): string | null =>
  state.doses.find((dose) => FIRST_LINE.has(dose.values.drug))?.values.givenAt ?? null;

/** The highest temperature recorded in the fever window ending at `at` (the vitals at `at` included). */
export const highestTemperature = (
  state: EpisodeState,
  at: string,
  windowHours: number = FEVER_WINDOW_HOURS,
): { readonly celsius: number; readonly recordId: string } | null => {
  const end = Date.parse(at);
  const start = end - windowHours * 3_600_000;
  let best: { celsius: number; recordId: string } | null = null;
  for (const vitals of state.vitals) {
    const t = Date.parse(vitals.values.measuredAt);
    const celsius = vitals.values.temperatureCelsius;
    if (celsius == null || t < start || t > end) continue;
    if (!best || celsius > best.celsius) best = { celsius, recordId: vitals.id };
  }
  return best;
};

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

/** The head's denormalised summary, recomputed from the state. */
export const summarize = (state: EpisodeState): EpisodeSummary => {
  const crs = latestGrade(state, 'CRS');
  const icans = latestGrade(state, 'ICANS');
  return {
    crsGrade: crs?.grade ?? null,
    crsGradedAt: crs?.recordedAt ?? null,
    icansGrade: icans?.grade ?? null,
    icansGradedAt: icans?.recordedAt ?? null,
    lastVitalsAt: state.vitals.at(-1)?.values.measuredAt ?? null,
    tocilizumabDoseTimes: state.doses
      .filter((d) => d.values.drug === 'TOCILIZUMAB')
      .map((d) => d.values.givenAt),
    openAlerts: state.alerts
      .filter((alert) => alert.acknowledgedAt === undefined)
      .map((alert) => ({
        id: alert.id,
        escalationId: alert.escalationId,
        level: alert.level,
        raisedAt: alert.raisedAt,
      })),
  };
};
