/**
 * Patient courses written as data: timestamped entries and what the timeline must derive after
 * each, every expectation naming the rules it checks. Run as unit tests (courses.test.ts) and,
 * for a sample, end to end through GraphQL and signed Slack commands.
 */
import type { TocilizumabStatus } from '../../tocilizumab/timing.ts';
import type { DeathAttribution, TimelineDose, TimelineNeuro, TimelineVitals } from '../records.ts';

/** The course's infusion date (day 0) and the patient's weight. */
export const INFUSION_DATE = '2026-03-01';

/** An instant on day `day` after infusion at `hhmm` UTC (day 0 = 2026-03-01). */
export const at = (day: number, hhmm: string): string => {
  const [h = '0', m = '0'] = hhmm.split(':');
  const ms = Date.UTC(2026, 2, 1 + day, Number(h), Number(m));
  return new Date(ms).toISOString();
};

type Without<T> = Omit<T, 'kind' | 'id' | 'at'>;

export type Entry =
  | { readonly label: string; readonly vitals: Without<TimelineVitals>; readonly at: string }
  | { readonly label: string; readonly neuro: Partial<Without<TimelineNeuro>>; readonly at: string }
  | { readonly label: string; readonly dose: Without<TimelineDose>; readonly at: string }
  | { readonly label: string; readonly death: DeathAttribution; readonly at: string }
  | {
      readonly label: string;
      /** A correction of the record labelled `corrects`: new values, or a retraction (null). */
      readonly corrects: string;
      readonly with: Without<TimelineVitals> | Without<TimelineDose> | null;
      readonly at?: string;
    };

export type Expectation = {
  /** The rule ids this expectation checks. */
  readonly rules: readonly string[];
  /** The CRS grade the record itself supports (complete, or its lower bound). */
  readonly crs?: number;
  readonly lowerBound?: boolean;
  readonly needs?: readonly string[];
  /** The current CRS grade of the state after the record (EPI-2). */
  readonly current?: number;
  /** The CRS episode the record belongs to (EPI-1); null when none is open. */
  readonly episode?: number | null;
  /** New escalations raised by this record, exactly (EPI-6 repeats excluded). */
  readonly alerts?: readonly string[];
  /** Escalations repeated in the same CRS episode (EPI-6: update the existing alert). */
  readonly repeats?: readonly string[];
  readonly hlh?: 'RECHECK' | 'SUSPECTED' | 'NOT_SUSPECTED' | 'UNKNOWN' | null;
  /** For a dose: the tocilizumab status before it; otherwise the status at the record's time. */
  readonly toci?: TocilizumabStatus;
  /** Tocilizumab doses counted toward TOCI-4 after the record. */
  readonly tociCount?: number;
  /** The dose (or correction) is refused: not stored. */
  readonly refused?: string;
  /** Fever requirement lifted by a dose given in the open CRS episode (CRS-G2). */
  readonly masked?: boolean;
  /** Components carried from earlier records (EPI-2). */
  readonly carried?: readonly string[];
  readonly icans?: number;
  /** EPI-3: the concurrent CRS grade the ICANS management used; null when none. */
  readonly concurrentCrs?: number | null;
};

export type Course = {
  readonly name: string;
  readonly weightKg: number;
  readonly steps: readonly (readonly [Entry, Expectation])[];
};
