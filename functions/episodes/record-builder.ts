import { RULESET, type EscalationTrigger, type TimelineState, type TimelineTrigger } from '#rules';
import type { GradingDraft } from './assess/grading-draft.ts';
import {
  episodePk,
  idempotencySk,
  openAlertKeys,
  recordSk,
  teamIndexKeys,
  vitalsWatchKeys,
  type RecordPrefix,
} from './keys.ts';
import type {
  AlertRecord,
  Author,
  EpisodeHead,
  EpisodeRecord,
  GradingRecord,
  IdempotencyRecord,
} from './records.ts';
import { summarize, type EpisodeState } from './state.ts';

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
 * open (unacknowledged) updates that alert. Everything else is a new alert.
 */
export const sortTriggers = (
  state: EpisodeState,
  triggers: readonly TimelineTrigger[],
): { readonly raise: TimelineTrigger[]; readonly repeat: { trigger: TimelineTrigger; alert: AlertRecord }[] } => {
  const raise: TimelineTrigger[] = [];
  const repeat: { trigger: TimelineTrigger; alert: AlertRecord }[] = [];
  const seen = new Set<string>();
  for (const trigger of triggers) {
    if (seen.has(trigger.id)) continue;
    seen.add(trigger.id);
    const newestFirst = [...state.alerts].reverse();
    // Within a CRS episode: the alert already raised for it in that episode (EPI-6); a new CRS
    // episode is a new clinical event. Outside one: the same escalation while still unacknowledged.
    const existing =
      trigger.crsEpisode !== null
        ? newestFirst.find((a) => a.escalationId === trigger.id && a.crsEpisode === trigger.crsEpisode)
        : newestFirst.find(
            (a) => a.escalationId === trigger.id && a.crsEpisode == null && a.acknowledgedAt === undefined,
          );
    if (existing) repeat.push({ trigger, alert: existing });
    else raise.push(trigger);
  }
  return { raise, repeat };
};

/** The head after a write: version + 1, summary recomputed, index keys for its team and queues. */
export const nextHead = (
  state: EpisodeState,
  timeline: TimelineState,
  now: string,
  changes: Partial<Pick<EpisodeHead, 'status' | 'closed' | 'death'>> = {},
): EpisodeHead => {
  const { GSI2PK: _pk, GSI2SK: _sk, ...head } = state.head;
  const summary = summarize(state, timeline);
  const status = changes.status ?? head.status;
  const watched = status === 'ACTIVE' && (summary.crsGrade ?? 0) >= 1 && summary.lastVitalsAt !== null;
  return {
    ...head,
    ...changes,
    status,
    version: head.version + 1,
    updatedAt: now,
    ruleset: RULESET.ref,
    summary,
    timeline,
    ...teamIndexKeys(head.team, status, now, head.id),
    ...(watched && summary.lastVitalsAt
      ? vitalsWatchKeys(new Date(summary.lastVitalsAt).toISOString(), head.id)
      : {}),
  };
};

export const idempotencyRecord = (
  context: WriteContext,
  key: string,
  operation: string,
  result: unknown,
): IdempotencyRecord => ({
  PK: episodePk(context.episodeId),
  SK: idempotencySk(context.author.userId, key),
  kind: 'IDEMPOTENCY',
  operation,
  result: JSON.stringify(result),
  createdAt: context.now,
  expiresAt: Math.floor(Date.parse(context.now) / 1000) + IDEMPOTENCY_TTL_SECONDS,
});
