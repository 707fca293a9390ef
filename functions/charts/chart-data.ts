import type { DoseDrug, EscalationId, EscalationLevel } from '#rules';

/**
 * The course as a picture, as data: what one chart of an episode shows for a window of hours.
 * Times are ISO instants (UTC); the picture and its summary show them in the hospital's time zone,
 * on an axis of days since infusion (day 0 = the infusion date in that calendar).
 */
export type ChartWindow = {
  readonly from: string;
  readonly to: string;
  readonly hours: number;
  /** The hospital's IANA time zone (HOSPITAL_TIME_ZONE): local times and day numbers count in it. */
  readonly timeZone: string;
  /** Day 0 of the axis; null when the episode has no infusion date (day numbers are then unknown). */
  readonly infusionDate: string | null;
};

/** One measured value at its clinical time. */
export type ChartPoint = { readonly at: string; readonly value: number };

/** A span during which a treatment was recorded at every recording (oxygen support, vasopressors). */
export type ChartBand = { readonly from: string; readonly to: string; readonly label: string };

/** A grade at the clinical time of the record it was graded on (a step line holds it until the next). */
/**
 * A grade at a time. `carried`: the grade in force when the window opens, from a grading written
 * before it (drawn from the window's start).
 */
export type GradePoint = { readonly at: string; readonly grade: number; readonly carried?: true };

export type DoseMarker = {
  readonly at: string;
  readonly kind: 'TOCI' | 'STEROID';
  readonly drug: DoseDrug;
  readonly mg: number;
};

export type AlertMarker = {
  readonly at: string;
  readonly escalationId: EscalationId;
  readonly level: EscalationLevel;
  /** When it was acknowledged (null while open). */
  readonly acknowledgedAt: string | null;
};

export type ChartData = {
  readonly episodeId: string;
  readonly window: ChartWindow;
  readonly temperature: readonly ChartPoint[];
  readonly systolicBp: readonly ChartPoint[];
  readonly heartRate: readonly ChartPoint[];
  readonly spo2: readonly ChartPoint[];
  /** Recordings whose oxygen support was said (room air included): how many, to tell "none" from "not recorded". */
  readonly oxygenRecorded: number;
  readonly oxygenBands: readonly ChartBand[];
  readonly vasopressorsRecorded: number;
  readonly vasopressorBands: readonly ChartBand[];
  readonly crs: readonly GradePoint[];
  readonly icans: readonly GradePoint[];
  readonly doses: readonly DoseMarker[];
  readonly alerts: readonly AlertMarker[];
};
