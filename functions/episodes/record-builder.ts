import { RULESET, type EscalationTrigger, type TimelineState, type TimelineTrigger } from '#rules';
import type { GradingDraft } from './assess/grading-draft.ts';
import {
  episodePk,
  idempotencyItemKey,
  openAlertKeys,
  recordSk,
  teamIndexKeys,
  vitalsWatchKeys,
  type RecordPrefix,
} from './keys.ts';
import type {
  AlertRecord,
  AlertRef,
  Author,
  EpisodeHead,
  EpisodeRecord,
  GradingRecord,
  IdempotencyRecord,
  RecordingReference,
} from './records.ts';
import { summarize } from './state.ts';

/** How long an idempotency key is remembered. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** An undelivered alert is picked up by the sweeper after this grace period (the stream is first). */
export const ALERT_DELIVERY_GRACE_MS = 2 * 60_000;

/** What every record written in one recording shares. */
export type WriteContext = {
  readonly episodeId: string;
  readonly now: string;
  readonly author: Author;
  readonly newId: () => string;
};

type Values<K extends EpisodeRecord['kind']> =
  Extract<EpisodeRecord, { kind: K }> extends { values: infer V } ? V : never;

const PREFIX: Readonly<Record<'VITALS' | 'NEURO' | 'LAB' | 'DOSE' | 'DEATH', RecordPrefix>> = {
  VITALS: 'OBS',
  NEURO: 'OBS',
  LAB: 'OBS',
  DOSE: 'DOSE',
  DEATH: 'OBS',
};

/** A new observation or dose record, keyed by its clinical time. */
export const clinicalRecord = <K extends 'VITALS' | 'NEURO' | 'LAB' | 'DOSE' | 'DEATH'>(
  kind: K,
  values: Values<K>,
  clinicalTime: string,
  context: WriteContext,
  correction?: { readonly corrects: string; readonly reason: string; readonly retracted?: boolean },
): Extract<EpisodeRecord, { kind: K }> => {
  const id = context.newId();
  return {
    PK: episodePk(context.episodeId),
    SK: recordSk(PREFIX[kind], clinicalTime, id),
    id,
    kind,
    episodeId: context.episodeId,
    recordedAt: context.now,
    recordedBy: context.author,
    values,
    ...(correction ? { correction } : {}),
  } as unknown as Extract<EpisodeRecord, { kind: K }>;
};

export const gradingRecord = (draft: GradingDraft, context: WriteContext): GradingRecord => {
  const id = context.newId();
  return {
    ...draft,
    PK: episodePk(context.episodeId),
    SK: recordSk('GRADE', context.now, id),
    id,
    kind: 'GRADING',
    episodeId: context.episodeId,
    recordedAt: context.now,
    recordedBy: context.author,
  };
};

export const alertRecord = (
  trigger: EscalationTrigger & { readonly crsEpisode?: number | null },
  basedOn: string,
  team: string,
  context: WriteContext,
): AlertRecord => {
  const id = context.newId();
  const dueAt = new Date(Date.parse(context.now) + ALERT_DELIVERY_GRACE_MS).toISOString();
  return {
    PK: episodePk(context.episodeId),
    SK: recordSk('ALERT', context.now, id),
    id,
    kind: 'ALERT',
    episodeId: context.episodeId,
    recordedAt: context.now,
    recordedBy: context.author,
    escalationId: trigger.id,
    level: trigger.level,
    text: trigger.text,
    sourceRuleIds: trigger.sourceRuleIds,
    citations: trigger.citations,
    raisedAt: context.now,
    basedOn,
    team,
    crsEpisode: trigger.crsEpisode ?? null,
    occurrences: 1,
    delivery: { status: 'PENDING', attempts: 0 },
    ...openAlertKeys(dueAt, context.episodeId, id),
  };
};

/**
 * EPI-6: one alert per clinical event. A trigger raised again in the same CRS episode updates the
 * alert already raised for it there; outside a CRS episode, a trigger whose escalation is still
 * open (unacknowledged) updates that alert. Everything else is a new alert. Reads only the head.
 */
export const sortTriggers = (
  refs: readonly AlertRef[],
  triggers: readonly TimelineTrigger[],
): {
  readonly raise: TimelineTrigger[];
  readonly repeat: { trigger: TimelineTrigger; alert: AlertRef }[];
} => {
  const raise: TimelineTrigger[] = [];
  const repeat: { trigger: TimelineTrigger; alert: AlertRef }[] = [];
  const seen = new Set<string>();
  for (const trigger of triggers) {
    if (seen.has(trigger.id)) continue;
    seen.add(trigger.id);
    const newestFirst = [...refs].reverse();
    const existing =
      trigger.crsEpisode !== null
        ? newestFirst.find((a) => a.escalationId === trigger.id && a.crsEpisode === trigger.crsEpisode)
        : newestFirst.find((a) => a.escalationId === trigger.id && a.crsEpisode === null && !a.acknowledged);
    if (existing) repeat.push({ trigger, alert: existing });
    else raise.push(trigger);
  }
  return { raise, repeat };
};

/** The head after a write: version + 1, summary from the timeline and the alerts it keeps, index keys. */
export const nextHead = (
  head: EpisodeHead,
  timeline: TimelineState,
  alertRefs: readonly AlertRef[],
  now: string,
  changes: Partial<
    Pick<
      EpisodeHead,
      | 'status'
      | 'closed'
      | 'death'
      | 'lastSnapshotAt'
      | 'refolds'
      | 'counts'
      | 'currentGradings'
      | 'shiftCourse'
    >
  > = {},
): EpisodeHead => {
  const { GSI2PK: _pk, GSI2SK: _sk, ...rest } = head;
  const summary = summarize(timeline, alertRefs);
  const status = changes.status ?? rest.status;
  const watched = status === 'ACTIVE' && (summary.crsGrade ?? 0) >= 1 && summary.lastVitalsAt !== null;
  return {
    ...rest,
    ...changes,
    status,
    version: rest.version + 1,
    updatedAt: now,
    ruleset: RULESET.ref,
    summary,
    timeline,
    alertRefs,
    ...teamIndexKeys(rest.team, status, rest.createdAt, rest.id),
    ...(watched && summary.lastVitalsAt
      ? vitalsWatchKeys(new Date(summary.lastVitalsAt).toISOString(), rest.id)
      : {}),
  };
};

export const idempotencyRecord = (
  context: WriteContext,
  key: string,
  operation: string,
  fingerprint: string,
  result: unknown,
): IdempotencyRecord => ({
  ...idempotencyItemKey(context.author.userId, key),
  kind: 'IDEMPOTENCY',
  operation,
  fingerprint,
  result: JSON.stringify(result),
  createdAt: context.now,
  expiresAt: Math.floor(Date.parse(context.now) / 1000) + IDEMPOTENCY_TTL_SECONDS,
});

/** A recording's idempotency record: its first result by reference (RecordingReference), a few hundred bytes. */
export const recordingIdempotencyRecord = (
  context: WriteContext,
  key: string,
  operation: string,
  fingerprint: string,
  reference: RecordingReference,
): IdempotencyRecord => ({
  ...idempotencyItemKey(context.author.userId, key),
  kind: 'IDEMPOTENCY',
  operation,
  fingerprint,
  recording: reference,
  createdAt: context.now,
  expiresAt: Math.floor(Date.parse(context.now) / 1000) + IDEMPOTENCY_TTL_SECONDS,
});
