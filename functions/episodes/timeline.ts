/**
 * The episode service's side of the clinical timeline (rules/timeline): stored records as the
 * fold's records, the current ones only (EPI-4), and the state after a new record: one step when it
 * comes after everything folded, a re-fold when it is entered late or corrects an earlier record.
 */
import {
  DEFAULT_TIMELINE_SETTINGS,
  appendsTo,
  emptyTimeline,
  foldTimeline,
  indexCorrections,
  isCurrent,
  step,
  type CorrectionIndex,
  type RulesConfig,
  type StepResult,
  type TimelineContext,
  type TimelineRecord,
  type TimelineSettings,
  type TimelineState,
} from '#rules';
import type { EpisodeHead, EpisodeRecord } from './records.ts';

export const timelineSettings = (config: RulesConfig, timeZone: string): TimelineSettings => ({
  ...DEFAULT_TIMELINE_SETTINGS,
  ...config,
  timeZone,
});

export const timelineContext = (head: EpisodeHead, settings: TimelineSettings): TimelineContext => ({
  patient: { weightKg: head.weightKg, infusionDate: head.infusionDate },
  settings,
});

type Clinical = Extract<EpisodeRecord, { kind: 'VITALS' | 'NEURO' | 'DOSE' | 'DEATH' | 'LAB' }>;

const isClinical = (record: EpisodeRecord): record is Clinical =>
  record.kind !== 'GRADING' && record.kind !== 'ALERT';

/** EPI-4: which clinical records are current (not superseded, not a retraction). */
export const correctionIndexOf = (records: readonly EpisodeRecord[]): CorrectionIndex =>
  indexCorrections(
    records.filter(isClinical).map((record) => ({
      id: record.id,
      corrects: record.correction?.corrects,
      retracted: record.correction?.retracted,
    })),
  );

/** A stored record as the fold reads it (labs are not part of the CRS/ICANS timeline). */
export const toTimelineRecord = (record: EpisodeRecord): TimelineRecord | null => {
  switch (record.kind) {
    case 'VITALS': {
      const v = record.values;
      return {
        kind: 'VITALS',
        id: record.id,
        at: v.measuredAt,
        temperatureCelsius: v.temperatureCelsius,
        systolicBp: v.systolicBp,
        spo2Percent: v.spo2Percent,
        oxygen: v.oxygen,
        oxygenFlowLpm: v.oxygenFlowLpm,
        vasopressors: v.vasopressors,
        hypotension: v.hypotension,
        organToxicity: v.organToxicity,
      };
    }
    case 'NEURO': {
      const n = record.values;
      return {
        kind: 'NEURO',
        id: record.id,
        at: n.assessedAt,
        ice: n.ice ?? null,
        consciousness: n.consciousness,
        seizure: n.seizure,
        deepFocalMotorWeakness: n.deepFocalMotorWeakness,
        cerebralEdema: n.cerebralEdema,
        movementDisorderSigns: n.movementDisorderSigns,
      };
    }
    case 'DOSE': {
      const d = record.values;
      return {
        kind: 'DOSE',
        id: record.id,
        at: d.givenAt,
        drug: d.drug,
        mg: d.mg,
        route: d.route,
        overrideReason: d.overrideReason ?? null,
      };
    }
    case 'DEATH':
      return {
        kind: 'DEATH',
        id: record.id,
        at: record.values.diedAt,
        attribution: record.values.attribution,
      };
    default:
      return null;
  }
};

/** The current clinical records as the fold reads them. */
export const currentTimelineRecords = (records: readonly EpisodeRecord[]): TimelineRecord[] => {
  const index = correctionIndexOf(records);
  const out: TimelineRecord[] = [];
  for (const record of records) {
    if (!isClinical(record) || !isCurrent(index, record.id)) continue;
    const converted = toTimelineRecord(record);
    if (converted) out.push(converted);
  }
  return out;
};

/** The state after every current record (a full fold). */
export const foldEpisode = (
  head: EpisodeHead,
  records: readonly EpisodeRecord[],
  settings: TimelineSettings,
): TimelineState => foldTimeline(currentTimelineRecords(records), timelineContext(head, settings)).state;

/**
 * The state after a new record and what it derived. `records` are the episode's stored records
 * (the new one not among them). A record that comes after everything folded is one step from the
 * head's state; anything else (entered late, a correction) re-folds the current records.
 */
export const advanceTimeline = (
  head: EpisodeHead,
  records: readonly EpisodeRecord[],
  added: EpisodeRecord,
  settings: TimelineSettings,
): { readonly state: TimelineState; readonly step: StepResult | null; readonly refolded: boolean } => {
  const context = timelineContext(head, settings);
  const record = toTimelineRecord(added);
  const isCorrection = isClinical(added) && added.correction !== undefined;
  const state = head.timeline ?? (records.length === 0 ? emptyTimeline() : null);
  if (record === null && !isCorrection)
    return { state: state ?? foldEpisode(head, records, settings), step: null, refolded: state === null };
  if (record !== null && !isCorrection && state !== null && appendsTo(state, record)) {
    const result = step(state, record, context);
    return { state: result.state, step: result, refolded: false };
  }
  const fold = foldTimeline(currentTimelineRecords([...records, added]), context);
  return {
    state: fold.state,
    step: fold.steps.find((s) => s.record.id === added.id) ?? null,
    refolded: true,
  };
};
