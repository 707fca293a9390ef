/**
 * The timeline's state: only what later grading needs, bounded however long the course
 * (clinical-rules.md EPI-1…7). JSON-serialisable, so the episode head can carry it.
 */
import type { Grade } from '../crs/types.ts';
import type { OxygenSupport, Vasopressor } from '../crs/schemas.ts';
import type { DeathAttribution } from './records.ts';

/** A value with the record and clinical time it came from. */
export type Stamped<T> = { readonly value: T; readonly at: string; readonly recordId: string };
export type Stamp = { readonly at: string; readonly recordId: string };

export type OxygenValue = { readonly support: OxygenSupport; readonly flowLpm: number | null };

/** The last recorded value and time of each vital (EPI-2 carry-forward reads these). */
export type LastRecorded = {
  readonly temperatureCelsius: Stamped<number> | null;
  readonly systolicBp: Stamped<number> | null;
  readonly spo2Percent: Stamped<number> | null;
  readonly oxygen: Stamped<OxygenValue> | null;
  readonly vasopressors: Stamped<readonly Vasopressor[]> | null;
  readonly vitalsAt: Stamp | null;
};

/** The findings of one vitals record as graded (own or carried values; null = unknown). */
export type VitalsSnapshot = {
  readonly at: string;
  readonly recordId: string;
  /** The fever the grade used (EPI-2: highest of the open CRS episode's last 24 h); null = unknown. */
  readonly feverCelsius: number | null;
  readonly temperatureCelsius: number | null;
  readonly systolicBp: number | null;
  readonly hypotensionFlag: boolean;
  readonly vasopressors: readonly Vasopressor[] | null;
  readonly oxygen: OxygenValue | null;
  readonly spo2Percent: number | null;
};

export type DoseStamp = Stamp & { readonly drug: string };

/** CRS-HLH: the last status in this CRS episode. */
export type TimelineHlhStatus = 'RECHECK' | 'SUSPECTED' | 'NOT_SUSPECTED' | 'UNKNOWN';

/** EPI-1: one CRS episode. */
export type CrsEpisode = {
  /** 1, 2, …: the episode's CRS episodes in order. */
  readonly number: number;
  readonly onset: Stamp;
  readonly peak: Stamped<Grade>;
  readonly latest: Stamped<Grade>;
  /** The last record with a CRS finding (fever, hypotension or vasopressor, oxygen requirement). */
  readonly lastFindingAt: string;
  /** The first complete vitals record without any CRS finding after the last finding. */
  readonly cleanAfterLastFinding: Stamp | null;
  /** When the episode closed (EPI-1); null while open. */
  readonly closedAt: string | null;
  /** CRS-G2: the first antipyretic, tocilizumab or corticosteroid dose given in this episode. */
  readonly masking: DoseStamp | null;
  /** CRS-HLH: the first tocilizumab or corticosteroid dose of this episode. */
  readonly firstLine: DoseStamp | null;
  /** CRS-HLH: the findings of the last vitals record before the first-line intervention. */
  readonly beforeIntervention: VitalsSnapshot | null;
  readonly hlh: Stamped<TimelineHlhStatus> | null;
};

/**
 * TOCI-4 per CRS episode: the tocilizumab doses counted toward the total, from the close of the
 * previous CRS episode on (so the doses of an open episode, and any given since the last one
 * closed). The times of the first ones are kept for display; the count is exact.
 */
export type TocilizumabCount = { readonly count: number; readonly doses: readonly Stamp[] };

/** The current grade shown: complete, or a lower bound that keeps the previous complete grade (EPI-2). */
export type CurrentGrade = {
  readonly grade: Grade | 5;
  /** The record whose grading set it. */
  readonly at: string;
  readonly recordId: string;
  /** False when the latest record was incomplete: `grade` is then at least this (EPI-2). */
  readonly complete: boolean;
  /** What the latest record lacked, when incomplete. */
  readonly needs: readonly string[];
};

/** An escalation raised in the current CRS episode (EPI-6: a repeat updates it). */
export type RaisedEscalation = {
  readonly escalationId: string;
  readonly at: string;
  readonly recordId: string;
};

export type TimelineState = {
  readonly version: 1;
  /** The sort key of the last record folded (records arrive in clinical order; see order.ts). */
  readonly last: { readonly at: string; readonly rank: number; readonly id: string } | null;
  readonly recorded: LastRecorded;
  readonly lastVitals: VitalsSnapshot | null;
  /** Fever window: temperatures that can still be the highest of the last 24 h (decreasing). */
  readonly temperatures: readonly Stamped<number>[];
  readonly crs: CurrentGrade | null;
  /** The last complete CRS grade (EPI-2 keeps it as current under incomplete records). */
  readonly crsComplete: Stamped<Grade> | null;
  readonly icans: CurrentGrade | null;
  readonly crsEpisode: CrsEpisode | null;
  /** Tocilizumab doses of the last 24 h (TOCI-3), whatever their CRS episode. */
  readonly tocilizumabRecent: readonly Stamp[];
  /** TOCI-4 per CRS episode (see TocilizumabCount). */
  readonly tocilizumabEpisode: TocilizumabCount;
  /** TOCI-4 per course: every dose of the course. */
  readonly tocilizumabCourseCount: number;
  /** ESC-SUSPECT is rise-based: was the last vitals record suspicious (CRS-S1)? */
  readonly suspected: boolean;
  readonly raised: readonly RaisedEscalation[];
  readonly death: (Stamp & { readonly attribution: DeathAttribution }) | null;
  /** How many records were folded (for the audit: what a grade rests on). */
  readonly recordCount: number;
};

export const EMPTY_LAST_RECORDED: LastRecorded = {
  temperatureCelsius: null,
  systolicBp: null,
  spo2Percent: null,
  oxygen: null,
  vasopressors: null,
  vitalsAt: null,
};

export const emptyTimeline = (): TimelineState => ({
  version: 1,
  last: null,
  recorded: EMPTY_LAST_RECORDED,
  lastVitals: null,
  temperatures: [],
  crs: null,
  crsComplete: null,
  icans: null,
  crsEpisode: null,
  tocilizumabRecent: [],
  tocilizumabEpisode: { count: 0, doses: [] },
  tocilizumabCourseCount: 0,
  suspected: false,
  raised: [],
  death: null,
  recordCount: 0,
});
