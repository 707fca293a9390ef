import type {
  Citation,
  DeathAttribution,
  Driver,
  EscalationId,
  EscalationLevel,
  LocalizedText,
  Note,
  Recommendation,
  RulesetRef,
  ShiftGradeChange,
  TimelineState,
} from '#rules';
import type { Role } from './actor.ts';
import type {
  CloseEpisode,
  DeathValues,
  DoseValues,
  EpisodeProduct,
  LabValues,
  NeuroValues,
  VitalsValues,
} from './inputs.ts';

/**
 * What the table stores for an episode. Records are written once and never edited: a correction
 * is a new record that points at the one it corrects. The head (`META`) holds the episode's
 * identity, key dates and a summary recomputed on every write, with `version` for optimistic locking.
 */

/** Who wrote a record and through which door. */
export type Author = {
  readonly userId: string;
  readonly role: Role;
  readonly via: 'graphql' | 'slack' | 'system';
};

export type EpisodeStatus = 'ACTIVE' | 'CLOSED';

export type OpenAlertSummary = {
  readonly id: string;
  readonly escalationId: EscalationId;
  readonly level: EscalationLevel;
  readonly raisedAt: string;
};

/** Denormalised current state, for lists, App Home and the sweeper (the partition is the truth). */
export type EpisodeSummary = {
  /** Current CRS grade (EPI-2: a lower bound never lowers it; 5 = death due to CRS). */
  readonly crsGrade: number | null;
  readonly crsGradedAt: string | null;
  /** False when the latest vitals record was incomplete: the grade is then "at least" (EPI-2). */
  readonly crsComplete?: boolean;
  readonly crsNeeds?: readonly string[];
  /** The current (or last) CRS episode's number, onset and whether it was still open at the write. */
  readonly crsEpisode?: {
    readonly number: number;
    readonly onsetAt: string;
    readonly peakGrade: number;
    readonly closedAt: string | null;
  } | null;
  readonly icansGrade: number | null;
  readonly icansGradedAt: string | null;
  readonly lastVitalsAt: string | null;
  readonly tocilizumabDoseTimes: readonly string[];
  readonly openAlerts: readonly OpenAlertSummary[];
};

export type EpisodeHead = {
  readonly PK: string;
  readonly SK: 'META';
  readonly kind: 'EPISODE';
  readonly id: string;
  readonly patientRef: string;
  readonly team: string;
  readonly status: EpisodeStatus;
  readonly product: EpisodeProduct;
  readonly weightKg: number;
  readonly heightCm: number;
  readonly apheresisDate: string | null;
  readonly lymphodepletionStartDate: string | null;
  readonly lymphodepletionEndDate: string | null;
  readonly infusionDate: string | null;
  readonly createdAt: string;
  readonly createdBy: Author;
  readonly updatedAt: string;
  readonly closed: (CloseEpisode & { readonly by: Author }) | null;
  readonly version: number;
  readonly ruleset: RulesetRef;
  readonly summary: EpisodeSummary;
  /** The clinical timeline's state after every record so far (rules/timeline): what the next record is graded on. */
  readonly timeline?: TimelineState;
  /**
   * Alerts the next write may need without reading them: every unacknowledged one, those of the
   * current CRS episode (EPI-6 repeats) and those raised in the last 24 h (bounded).
   */
  readonly alertRefs?: readonly AlertRef[];
  /** The gradings behind the current grades (see CurrentGradings). */
  readonly currentGradings?: CurrentGradings;
  /** Current records by kind (corrections replace, retractions remove), kept by every write. */
  readonly counts?: {
    readonly vitals: number;
    readonly neuro: number;
    readonly labs: number;
    readonly doses: number;
  };
  /**
   * HANDOFF-1: the CRS and ICANS grade changes of the last 24 h and the one before them, kept by
   * every write (shift-course.ts); bounded at MAX_GRADE_CHANGES (48) entries of ~80 bytes.
   */
  readonly shiftCourse?: readonly ShiftGradeChange[];
  /** When the last timeline snapshot was written (one every few hours of clinical time). */
  readonly lastSnapshotAt?: string | null;
  /** Re-folds (corrections, late entries): snapshots at or after `from` written before `version` are stale. */
  readonly refolds?: readonly { readonly from: string; readonly version: number }[];
  /** EPI-5: set when a death was recorded. */
  readonly death?: {
    readonly at: string;
    readonly attribution: DeathAttribution;
    readonly recordId: string;
  } | null;
  readonly GSI1PK: string;
  readonly GSI1SK: string;
  readonly GSI2PK?: string;
  readonly GSI2SK?: string;
};

type RecordBase = {
  readonly PK: string;
  readonly SK: string;
  /** ULID: unique, sortable; what clients use to point at a record. */
  readonly id: string;
  readonly episodeId: string;
  /** When the server stored it. */
  readonly recordedAt: string;
  readonly recordedBy: Author;
};

/** Set on a record that replaces an earlier one. */
export type Correction = { readonly corrects: string; readonly reason: string; readonly retracted?: boolean };

export type VitalsRecord = RecordBase & {
  readonly kind: 'VITALS';
  readonly values: VitalsValues;
  readonly correction?: Correction;
};
export type NeuroRecord = RecordBase & {
  readonly kind: 'NEURO';
  readonly values: NeuroValues;
  readonly correction?: Correction;
};
export type LabRecord = RecordBase & {
  readonly kind: 'LAB';
  readonly values: LabValues;
  readonly correction?: Correction;
};
export type DoseRecord = RecordBase & {
  readonly kind: 'DOSE';
  readonly values: DoseValues;
  readonly correction?: Correction;
};

/** EPI-5: a death with its attribution (never corrected into something else; a mistaken one is retracted). */
export type DeathRecord = RecordBase & {
  readonly kind: 'DEATH';
  readonly values: DeathValues;
  readonly correction?: Correction;
};

export type ObservationRecord = VitalsRecord | NeuroRecord | LabRecord | DeathRecord;

export type GradingDomain =
  | 'CRS'
  | 'CRS_SUSPICION'
  | 'CRS_HLH'
  | 'ICANS'
  | 'TOCILIZUMAB'
  | 'IMMUNOGLOBULIN'
  | 'CYTOPENIA'
  | 'INFUSION_WINDOW';

/** A rule evaluation as it was at the time, with the inputs it used: the audit trail of a grade. */
export type GradingRecord = RecordBase & {
  readonly kind: 'GRADING';
  readonly domain: GradingDomain;
  /** The record that triggered it. */
  readonly basedOn: string;
  /** 0–4 for CRS/ICANS; null when the outcome is not a grade (or is unknown). */
  readonly grade: number | null;
  /** GRADED, UNKNOWN, or the rule's own status (e.g. IVIG, WARN). */
  readonly status: string;
  readonly needs: readonly string[];
  readonly drivers: readonly Driver[];
  readonly recommendations: readonly Recommendation[];
  readonly notes: readonly Note[];
  readonly citations: readonly Citation[];
  readonly ruleset: RulesetRef;
  readonly inputs: unknown;
  /** The earlier records (and their times) the result used: carried values, fever, masking dose (EPI-2). */
  readonly sources?: readonly GradingSource[];
  /** The CRS episode (EPI-1) the graded record belongs to. */
  readonly crsEpisode?: number | null;
};

export type GradingSource = {
  readonly component: string;
  readonly recordId: string;
  readonly at: string;
  readonly carried: boolean;
  readonly text: LocalizedText;
};

export type AlertDelivery = {
  readonly status: 'PENDING' | 'DELIVERED' | 'FAILED';
  readonly channel?: string;
  readonly ts?: string;
  readonly attempts: number;
  readonly lastNotifiedAt?: string;
  readonly lastError?: string;
};

export type AlertRecord = RecordBase & {
  readonly kind: 'ALERT';
  readonly escalationId: EscalationId;
  readonly level: EscalationLevel;
  readonly text: LocalizedText;
  readonly sourceRuleIds: readonly string[];
  readonly citations: readonly Citation[];
  readonly raisedAt: string;
  /** The grading (or record) that raised it. */
  readonly basedOn: string;
  readonly team: string;
  /** EPI-6: the CRS episode it belongs to; a repeat in the same episode updates this alert. */
  readonly crsEpisode?: number | null;
  /** EPI-6: how many times the same escalation was raised in its CRS episode, and the last time. */
  readonly occurrences?: number;
  readonly lastRaisedAt?: string;
  readonly lastBasedOn?: string;
  /** Set once, by the acknowledgement. */
  readonly acknowledgedAt?: string;
  readonly acknowledgedBy?: Author;
  readonly delivery: AlertDelivery;
  readonly GSI2PK?: string;
  readonly GSI2SK?: string;
};

export type IdempotencyRecord = {
  readonly PK: string;
  readonly SK: string;
  readonly kind: 'IDEMPOTENCY';
  readonly operation: string;
  /** A canonical fingerprint of the request's input: the same key with another input is a conflict. */
  readonly fingerprint?: string;
  /** The first result itself (JSON), for writes whose result is small (episode creation, close, …). */
  readonly result?: string;
  /** For a recording: where its first result is stored (its record, gradings and alerts), not a copy. */
  readonly recording?: RecordingReference;
  readonly createdAt: string;
  /** Epoch seconds (table TTL). */
  readonly expiresAt: number;
};

/**
 * A recording's first result by reference: the items it wrote, under the episode's key, which are
 * never edited or deleted (corrections are new records), so a replay reads them back (1
 * BatchGetItem) instead of the idempotency item carrying a second copy of each with the head.
 */
export type RecordingReference = {
  readonly recordSk: string;
  readonly gradingSks: readonly string[];
  readonly alertSks: readonly string[];
  /** EPI-6: alerts this record raised again (their first record's key). */
  readonly repeatedAlertSks?: readonly string[];
  readonly refolded?: boolean;
  readonly regraded?: number;
};

/** A clinical record's lookup: id → sort key (written with the record). */
export type RecordLookup = {
  readonly PK: string;
  readonly SK: string;
  readonly kind: 'LOOKUP';
  readonly recordSk: string;
};

/** EPI-4: written with a correction, beside the record it supersedes. */
export type Tombstone = {
  readonly PK: string;
  readonly SK: string;
  readonly kind: 'SUPERSEDED';
  readonly corrects: string;
  readonly by: string;
};

/** The timeline's state after a record (a re-fold starts from the latest valid one before it). */
export type TimelineSnapshot = {
  readonly PK: string;
  readonly SK: string;
  readonly kind: 'SNAPSHOT';
  readonly state: TimelineState;
  /** The head version that wrote it: a later re-fold from before its time makes it stale. */
  readonly headVersion: number;
};

/** What the head keeps of an alert: enough for EPI-6 repeats, acknowledgement and open-alert lists. */
export type AlertRef = {
  readonly id: string;
  readonly SK: string;
  readonly escalationId: EscalationId;
  readonly level: EscalationLevel;
  readonly raisedAt: string;
  readonly crsEpisode: number | null;
  readonly acknowledged: boolean;
  readonly occurrences: number;
  readonly text: LocalizedText;
  /** Kept so a list answers the alert without reading it (absent on heads written before they were kept). */
  readonly sourceRuleIds?: readonly string[];
  readonly citations?: readonly Citation[];
  readonly basedOn?: string;
  readonly lastRaisedAt?: string;
};

/**
 * The gradings behind the current CRS and ICANS grades (what `latestGrade` finds in the records),
 * kept by every write so a list answers them from the head. `null`: none yet; absent: not known
 * from the head (a correction or late entry re-folded the timeline), read from the records.
 */
export type CurrentGradings = {
  readonly CRS?: GradingRecord | null;
  readonly ICANS?: GradingRecord | null;
};

export type EpisodeRecord =
  VitalsRecord | NeuroRecord | LabRecord | DoseRecord | DeathRecord | GradingRecord | AlertRecord;
export type StoredItem =
  EpisodeHead | EpisodeRecord | IdempotencyRecord | RecordLookup | Tombstone | TimelineSnapshot;
