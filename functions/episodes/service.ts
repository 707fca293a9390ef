import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import {
  DEFAULT_RULES_CONFIG,
  DEFAULT_TIME_ZONE,
  RULESET,
  appendsTo,
  calendarDateIn,
  checkDose,
  compareKeys,
  correctionRefusal,
  describeIssues,
  emptyTimeline,
  foldTimeline,
  sortKeyOf,
  type RulesConfig,
  type TimelineSettings,
  type TimelineState,
} from '#rules';
import { may, inTeam, type Actor, type Permission } from './actor.ts';
import type { AssessSettings } from './assess/settings.ts';
import { assessEpisodePlan } from './assess/episode-plan.ts';
import { assessLab } from './assess/lab.ts';
import { assessStep } from './assess/timeline-step.ts';
import {
  DoseRefusedError,
  EpisodeConflictError,
  EpisodeForbiddenError,
  EpisodeNotFoundError,
  EpisodeValidationError,
} from './errors.ts';
import {
  closeEpisodeInputSchema,
  correctionReasonSchema,
  createEpisodeInputSchema,
  deathValuesSchema,
  doseValuesSchema,
  episodeIdSchema,
  idempotencyKeySchema,
  labValuesSchema,
  neuroValuesSchema,
  recordIdSchema,
  teamIdSchema,
  vitalsValuesSchema,
} from './inputs.ts';
import {
  EPISODE_ID,
  creationIdempotencyKey,
  episodeIdFor,
  episodePk,
  HEAD_SK,
  teamIndexKeys,
} from './keys.ts';
import {
  alertRecord,
  clinicalRecord,
  gradingRecord,
  idempotencyRecord,
  nextHead,
  sortTriggers,
  IDEMPOTENCY_TTL_SECONDS,
  type WriteContext,
} from './record-builder.ts';
import type {
  AlertRecord,
  Author,
  DoseRecord,
  EpisodeHead,
  EpisodeRecord,
  GradingRecord,
  IdempotencyRecord,
} from './records.ts';
import {
  EpisodeRepository,
  WriteRefusedError,
  type AlertRepeat,
  type EpisodePartition,
  type TeamPage,
} from './repository.ts';
import { foldState, stateOf, type EpisodeState } from './state.ts';
import {
  advanceTimeline,
  correctionIndexOf,
  currentTimelineRecords,
  foldEpisode,
  timelineContext,
  timelineSettings,
  toTimelineRecord,
} from './timeline.ts';
import type { EpisodeSummary } from './records.ts';

/** The result of a recording: the stored record, the gradings and alerts it led to, and the head after it. */
export type Recording = {
  readonly episode: EpisodeHead;
  readonly record: EpisodeRecord;
  readonly gradings: readonly GradingRecord[];
  readonly alerts: readonly AlertRecord[];
  /** EPI-6: alerts already raised in this CRS episode that this record raised again (updated, not new). */
  readonly repeatedAlerts?: readonly AlertRecord[];
  /** True when the record was entered late or corrects an earlier one: the timeline was re-folded. */
  readonly refolded?: boolean;
  /** True when this answers a retry with an idempotency key: nothing was written this time. */
  readonly replayed: boolean;
};

export type Acknowledgement = {
  readonly episode: EpisodeHead;
  readonly alert: AlertRecord;
  readonly alreadyAcknowledged: boolean;
};

export type WriteOptions = { readonly idempotencyKey?: string | null | undefined };

export type EpisodeServiceOptions = {
  readonly repository: EpisodeRepository;
  readonly clock?: () => Date;
  readonly config?: RulesConfig;
  /** The hospital's IANA time zone (HOSPITAL_TIME_ZONE): its calendar counts days since infusion. */
  readonly timeZone?: string;
  readonly newId: () => string;
  /** Attempts of a write whose head moved on (each re-reads and re-grades). */
  readonly maxWriteAttempts?: number;
};

/** Clinical times may be a little ahead of the server clock (device clocks), never more. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const parse = <S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> => {
  const result = schema.safeParse(input);
  if (!result.success) throw new EpisodeValidationError(describeIssues(result.error.issues, input, prefix));
  return result.data;
};

const withEpisodeId = z.looseObject({ episodeId: episodeIdSchema });

const EMPTY_SUMMARY: EpisodeSummary = {
  crsGrade: null,
  crsGradedAt: null,
  icansGrade: null,
  icansGradedAt: null,
  lastVitalsAt: null,
  tocilizumabDoseTimes: [],
  openAlerts: [],
};

/**
 * The episode service: one patient's CAR-T course, for GraphQL and Slack alike. Every recording
 * validates, reads the episode (1 Query), grades with the rules and writes the record, its
 * gradings, any alerts and the new head in one transaction guarded by the head's version.
 */
export class EpisodeService {
  readonly #repository: EpisodeRepository;
  readonly #clock: () => Date;
  readonly #config: RulesConfig;
  readonly #settings: AssessSettings;
  readonly #timeline: TimelineSettings;
  readonly #newId: () => string;
  readonly #maxWriteAttempts: number;

  constructor(options: EpisodeServiceOptions) {
    this.#repository = options.repository;
    this.#clock = options.clock ?? (() => new Date());
    this.#config = options.config ?? DEFAULT_RULES_CONFIG;
    this.#settings = { ...this.#config, timeZone: options.timeZone ?? DEFAULT_TIME_ZONE };
    this.#timeline = timelineSettings(this.#config, this.#settings.timeZone);
    this.#newId = options.newId;
    this.#maxWriteAttempts = options.maxWriteAttempts ?? 30;
  }

  get config(): RulesConfig {
    return this.#config;
  }

  /** The timeline's settings (EPI Decisions and the hospital's time zone). */
  get timelineSettings(): TimelineSettings {
    return this.#timeline;
  }

  now(): Date {
    return this.#clock();
  }

  /** The calendar date of `at` (default now) in the hospital's time zone: days since infusion count in it. */
  today(at: Date = this.#clock()): string {
    return calendarDateIn(at, this.#settings.timeZone);
  }

  // ---------------------------------------------------------------- reads

  /** The episode with every record (one Query). Another team's episode is "not found". */
  async getEpisode(actor: Actor, episodeId: string): Promise<EpisodeState> {
    const id = parse(episodeIdSchema, episodeId, 'episodeId');
    const partition = await this.#repository.loadEpisode(id);
    return stateOf(this.#authorize(actor, id, partition, 'read'));
  }

  /** A team's episodes by status, most recently updated first (one Query on the team index). */
  async listEpisodes(
    actor: Actor,
    query: {
      readonly team: string;
      readonly status?: 'ACTIVE' | 'CLOSED';
      readonly first?: number;
      readonly after?: string | null;
    },
  ): Promise<TeamPage> {
    const team = parse(teamIdSchema, query.team, 'team');
    const first = parse(
      z.number().int().min(1, { error: 'between 1 and 100' }).max(100, { error: 'between 1 and 100' }),
      query.first ?? 20,
      'first',
    );
    if (!inTeam(actor, team)) return { heads: [], cursor: null };
    return this.#repository.listTeamEpisodes(team, query.status ?? 'ACTIVE', first, query.after);
  }

  // ---------------------------------------------------------------- creation

  async createEpisode(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<EpisodeHead> {
    const data = parse(createEpisodeInputSchema, input, 'input');
    const key =
      options.idempotencyKey == null
        ? undefined
        : parse(idempotencyKeySchema, options.idempotencyKey, 'idempotencyKey');
    if (!may(actor, 'create'))
      throw new EpisodeForbiddenError(`Your role (${actor.role}) cannot create episodes`);
    if (!inTeam(actor, data.team))
      throw new EpisodeForbiddenError(`You are not a member of team ${data.team}`);
    const now = this.#clock();
    if (key) {
      const existing = await this.#repository.findCreation(
        actor.userId,
        key,
        Math.floor(now.getTime() / 1000),
      );
      if (existing) return JSON.parse(existing.result) as EpisodeHead;
    }
    const id = episodeIdFor(await this.#repository.nextEpisodeNumber());
    const at = now.toISOString();
    const author = this.#author(actor);
    const blank: EpisodeHead = {
      PK: episodePk(id),
      SK: HEAD_SK,
      kind: 'EPISODE',
      id,
      patientRef: data.patientRef,
      team: data.team,
      status: 'ACTIVE',
      product: data.product,
      weightKg: data.weightKg,
      heightCm: data.heightCm,
      apheresisDate: data.apheresisDate ?? null,
      lymphodepletionStartDate: data.lymphodepletionStartDate ?? null,
      lymphodepletionEndDate: data.lymphodepletionEndDate ?? null,
      infusionDate: data.infusionDate ?? null,
      createdAt: at,
      createdBy: author,
      updatedAt: at,
      closed: null,
      version: 0,
      ruleset: RULESET.ref,
      summary: EMPTY_SUMMARY,
      ...teamIndexKeys(data.team, 'ACTIVE', at, id),
    };
    // The plan itself may need attention (INF-2: infusion > 7 days after lymphodepletion).
    const context: WriteContext = { episodeId: id, now: at, author, newId: this.#newId };
    const planned = foldState(blank, []);
    const assessment = assessEpisodePlan(planned, this.#settings);
    const gradings = assessment.gradings.map((draft) => gradingRecord(draft, context));
    const alerts = assessment.triggers.map((t) => alertRecord(t, gradings[0]?.id ?? id, data.team, context));
    const head = nextHead(foldState(blank, [...gradings, ...alerts]), emptyTimeline(), at);
    const creation: IdempotencyRecord | undefined = key
      ? {
          ...creationIdempotencyKey(actor.userId, key),
          kind: 'IDEMPOTENCY',
          operation: 'createEpisode',
          result: JSON.stringify(head),
          createdAt: at,
          expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
        }
      : undefined;
    try {
      await this.#repository.createEpisode(head, [...gradings, ...alerts], creation);
      return head;
    } catch (error) {
      if (error instanceof WriteRefusedError && error.reason === 'IDEMPOTENT_REPLAY' && key) {
        const existing = await this.#repository.findCreation(
          actor.userId,
          key,
          Math.floor(now.getTime() / 1000),
        );
        if (existing) return JSON.parse(existing.result) as EpisodeHead;
      }
      throw error;
    }
  }

  // ---------------------------------------------------------------- recordings

  recordVitals(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<Recording> {
    return this.#recordClinical(actor, input, options, 'VITALS');
  }

  recordNeuroAssessment(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<Recording> {
    return this.#recordClinical(actor, input, options, 'NEURO');
  }

  recordLabResult(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<Recording> {
    return this.#recordClinical(actor, input, options, 'LAB');
  }

  recordDose(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<Recording> {
    return this.#recordClinical(actor, input, options, 'DOSE');
  }

  /**
   * A correction (EPI-4): a new record of the same kind that supersedes exactly one current record
   * (with the reason), or retracts it when `values` is null (entered in error). The original stays
   * in the timeline; a superseded record cannot be corrected again (the error names its successor).
   * The timeline is re-folded from the current records, so every derived figure counts them only.
   */
  async correctRecord(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<Recording> {
    const base = parse(
      z.looseObject({
        episodeId: episodeIdSchema,
        recordId: recordIdSchema,
        reason: correctionReasonSchema,
        values: z.unknown(),
      }),
      input,
      'input',
    );
    return this.#write(actor, base.episodeId, options, 'correctRecord', 'read', (state, context) => {
      const original = state.records.find((record) => record.id === base.recordId);
      if (!original || original.kind === 'GRADING' || original.kind === 'ALERT') {
        throw new EpisodeValidationError([
          {
            field: 'input.recordId',
            allowed: 'the id of a vital signs, neuro, lab, dose or death record of this episode',
            received: base.recordId,
            message: `input.recordId must be the id of a vital signs, neuro, lab, dose or death record of episode ${base.episodeId}; received ${JSON.stringify(base.recordId)}`,
          },
        ]);
      }
      const refusal = correctionRefusal(correctionIndexOf(state.records), original.id);
      if (refusal !== null) {
        const allowed =
          refusal.reason === 'SUPERSEDED'
            ? `the current version of the record: ${refusal.successor} supersedes ${original.id}`
            : 'a record, not a retraction';
        throw new EpisodeValidationError([
          {
            field: 'input.recordId',
            allowed,
            received: base.recordId,
            message:
              refusal.reason === 'SUPERSEDED'
                ? `Record ${original.id} was already corrected by ${refusal.successor} (EPI-4); correct ${refusal.successor} instead. Nothing was recorded`
                : `Record ${original.id} is a retraction and cannot be corrected (EPI-4). Nothing was recorded`,
          },
        ]);
      }
      const kind = original.kind;
      if (!may(actor, CLINICAL_KINDS[kind].permission)) {
        throw new EpisodeForbiddenError(
          `Your role (${actor.role}) cannot correct ${kind.toLowerCase()} records`,
        );
      }
      const retract = base.values === null;
      const spec = CLINICAL_KINDS[kind];
      const values = retract
        ? original.values
        : this.#parseValues(spec.schema, base.values, spec.timeField, 'input.values');
      const correction = {
        corrects: original.id,
        reason: base.reason,
        ...(retract ? { retracted: true } : {}),
      };
      const record = clinicalRecord(
        kind,
        values as never,
        (values as Record<string, string>)[spec.timeField] ?? context.now,
        context,
        correction,
      );
      if (kind === 'DOSE' && !retract) this.#checkDose(state, record as DoseRecord, [original.id]);
      return { record };
    });
  }

  /** EPI-5: a death with its attribution; closes the episode (CRS or ICANS: grade 5 of that syndrome). */
  async recordDeath(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<Recording> {
    const { episodeId, ...rest } = parse(withEpisodeId, input, 'input');
    const values = this.#parseValues(deathValuesSchema, rest, 'diedAt', 'input');
    return this.#write(actor, episodeId, options, 'recordDeath', 'close', (_state, context) => {
      const time = (values as { diedAt: string }).diedAt;
      return {
        record: clinicalRecord('DEATH', values as never, time, context),
        close: { reason: 'DIED' as const, closedAt: time },
      };
    });
  }

  async acknowledgeAlert(actor: Actor, input: unknown): Promise<Acknowledgement> {
    const { episodeId, alertId } = parse(
      z.strictObject({ episodeId: episodeIdSchema, alertId: recordIdSchema }),
      input,
      'input',
    );
    for (let attempt = 1; ; attempt += 1) {
      const state = stateOf(
        this.#authorize(actor, episodeId, await this.#repository.loadEpisode(episodeId), 'acknowledge'),
      );
      const alert = state.alerts.find((a) => a.id === alertId);
      if (!alert) throw new EpisodeNotFoundError(alertId, 'Alert');
      if (alert.acknowledgedAt !== undefined)
        return { episode: state.head, alert, alreadyAcknowledged: true };
      const at = this.#clock().toISOString();
      const by = this.#author(actor);
      const acknowledged: AlertRecord = { ...alert, acknowledgedAt: at, acknowledgedBy: by };
      const after = foldState(
        state.head,
        state.records.map((r) => (r.id === alertId ? acknowledged : r)),
      );
      const head = nextHead(after, this.#timelineOf(state), at);
      try {
        await this.#repository.commit({
          head,
          expectedVersion: state.head.version,
          records: [],
          acknowledge: { alert, at, by },
        });
        return { episode: head, alert: acknowledged, alreadyAcknowledged: false };
      } catch (error) {
        if (!(error instanceof WriteRefusedError) || attempt >= this.#maxWriteAttempts)
          throw this.#conflictOr(error, episodeId);
        await this.#backoff(attempt);
      }
    }
  }

  async closeEpisode(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<EpisodeHead> {
    const { episodeId, ...rest } = parse(withEpisodeId, input, 'input');
    const data = parse(closeEpisodeInputSchema, { closedAt: this.#clock().toISOString(), ...rest }, 'input');
    const key = this.#key(options);
    for (let attempt = 1; ; attempt += 1) {
      const partition = await this.#repository.loadEpisode(episodeId);
      const state = stateOf(this.#authorize(actor, episodeId, partition, 'close'));
      if (state.head.status === 'CLOSED') return state.head;
      const now = this.#clock().toISOString();
      const head = nextHead(state, this.#timelineOf(state), now, {
        status: 'CLOSED',
        closed: { ...data, by: this.#author(actor) },
      });
      const context: WriteContext = { episodeId, now, author: this.#author(actor), newId: this.#newId };
      try {
        await this.#repository.commit({
          head,
          expectedVersion: state.head.version,
          records: [],
          idempotency: key ? idempotencyRecord(context, key, 'closeEpisode', head) : undefined,
        });
        return head;
      } catch (error) {
        if (error instanceof WriteRefusedError && error.reason === 'IDEMPOTENT_REPLAY') continue;
        if (!(error instanceof WriteRefusedError) || attempt >= this.#maxWriteAttempts)
          throw this.#conflictOr(error, episodeId);
        await this.#backoff(attempt);
      }
    }
  }

  // ---------------------------------------------------------------- internals

  /** Records a vital signs, neuro, lab or dose record and what it leads to. */
  async #recordClinical(
    actor: Actor,
    input: unknown,
    options: WriteOptions,
    kind: Exclude<ClinicalKind, 'DEATH'>,
  ): Promise<Recording> {
    const spec = CLINICAL_KINDS[kind];
    const { episodeId, ...rest } = parse(withEpisodeId, input, 'input');
    const values = this.#parseValues(spec.schema, rest, spec.timeField, 'input');
    return this.#write(actor, episodeId, options, `record${kind}`, spec.permission, (state, context) => {
      const time = (values as Record<string, string>)[spec.timeField] ?? context.now;
      const record = clinicalRecord(kind, values as never, time, context);
      if (kind === 'DOSE') this.#checkDose(state, record as DoseRecord, []);
      return { record };
    });
  }

  /** The timeline's state on the head, or folded from the records (an episode stored before it). */
  #timelineOf(state: EpisodeState): TimelineState {
    return state.head.timeline ?? foldEpisode(state.head, state.records, this.#timeline);
  }

  /**
   * TOCI-5 and the TOCI limits before a dose is stored: over the computed dose or cap, by a wrong
   * route, or over a TOCI limit, it is refused unless it carries an override reason (then stored
   * with the reason, and ESC-DOSE / ESC-TOCI raised by the timeline).
   */
  #checkDose(state: EpisodeState, dose: DoseRecord, replacing: readonly string[]): void {
    const record = toTimelineRecord(dose);
    if (record === null || record.kind !== 'DOSE') return;
    const head = state.head.timeline;
    const before =
      head && replacing.length === 0 && appendsTo(head, record)
        ? head
        : foldTimeline(
            currentTimelineRecords(state.records).filter(
              (r) => !replacing.includes(r.id) && compareKeys(sortKeyOf(r), sortKeyOf(record)) < 0,
            ),
            timelineContext(state.head, this.#timeline),
          ).state;
    const check = checkDose(before, record, { weightKg: state.head.weightKg, infusionDate: state.head.infusionDate }, this.#timeline);
    if (check.problems.length > 0 && !dose.values.overrideReason) throw new DoseRefusedError(check.problems);
  }

  /** Validates clinical values; the clinical time defaults to now and may not be in the future. */
  #parseValues(schema: z.ZodType, input: unknown, timeField: string, prefix: string): unknown {
    const now = this.#clock();
    const withTime =
      typeof input === 'object' && input !== null && (input as Record<string, unknown>)[timeField] == null
        ? { ...input, [timeField]: now.toISOString() }
        : input;
    const values = parse(schema, withTime, prefix) as Record<string, unknown>;
    const time = values[timeField];
    if (typeof time === 'string' && Date.parse(time) > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new EpisodeValidationError([
        {
          field: `${prefix}.${timeField}`,
          allowed: `a time no later than 5 minutes from now (${now.toISOString()})`,
          received: time,
          message: `${prefix}.${timeField} must be a time no later than 5 minutes from now (${now.toISOString()}); received ${JSON.stringify(time)}`,
        },
      ]);
    }
    return values;
  }

  /**
   * The write loop: read, authorise, answer a replay, build the record, advance the timeline (one
   * step, or a re-fold for a late entry or a correction), grade, commit with the head's version;
   * on a version conflict re-read and rebuild (bounded), then report a conflict.
   */
  async #write(
    actor: Actor,
    episodeId: string,
    options: WriteOptions,
    operation: string,
    permission: Permission,
    build: (
      state: EpisodeState,
      context: WriteContext,
    ) => { readonly record: EpisodeRecord; readonly close?: { readonly reason: 'DIED'; readonly closedAt: string } },
  ): Promise<Recording> {
    const key = this.#key(options);
    for (let attempt = 1; ; attempt += 1) {
      const partition = await this.#repository.loadEpisode(episodeId);
      const authorized = this.#authorize(actor, episodeId, partition, permission);
      const nowDate = this.#clock();
      if (key) {
        const replay = EpisodeRepository.findReplay(
          authorized,
          actor.userId,
          key,
          Math.floor(nowDate.getTime() / 1000),
        );
        if (replay) return { ...(JSON.parse(replay.result) as Recording), replayed: true };
      }
      const state = stateOf(authorized);
      if (state.head.status === 'CLOSED') {
        throw new EpisodeValidationError([
          {
            field: 'input.episodeId',
            allowed: 'an active episode',
            received: episodeId,
            message: `Episode ${episodeId} is closed; nothing was recorded`,
          },
        ]);
      }
      const now = nowDate.toISOString();
      const context: WriteContext = { episodeId, now, author: this.#author(actor), newId: this.#newId };
      const { record, close } = build(state, context);
      const head = state.head.timeline ? state.head : { ...state.head, timeline: this.#timelineOf(state) };
      const advanced = advanceTimeline(head, state.records, record, this.#timeline);
      const assessment = advanced.step
        ? assessStep(advanced.step, this.#timeline)
        : { gradings: [], triggers: [] };
      const labAssessment =
        record.kind === 'LAB' && !record.correction?.retracted
          ? assessLab(state, record, this.#settings)
          : { gradings: [], triggers: [] };
      const gradings = [...assessment.gradings, ...labAssessment.gradings].map((draft) =>
        gradingRecord(draft, context),
      );
      const triggers = [
        ...assessment.triggers,
        ...labAssessment.triggers.map((t) => ({ ...t, crsEpisode: null, repeat: false })),
      ];
      const sorted = sortTriggers(state, triggers);
      const alerts = sorted.raise.map((trigger) =>
        alertRecord(trigger, gradings[0]?.id ?? record.id, state.head.team, context),
      );
      const repeats: AlertRepeat[] = sorted.repeat.map(({ trigger, alert }) => ({
        alert,
        at: now,
        basedOn: gradings[0]?.id ?? record.id,
        text: trigger.text,
      }));
      const repeatedAlerts = repeats.map((r) => ({
        ...r.alert,
        occurrences: (r.alert.occurrences ?? 1) + 1,
        lastRaisedAt: r.at,
        lastBasedOn: r.basedOn,
        text: r.text,
      }));
      const after = foldState(state.head, [
        ...state.records.map((r) => repeatedAlerts.find((a) => a.id === r.id) ?? r),
        record,
        ...gradings,
        ...alerts,
      ]);
      const death =
        record.kind === 'DEATH'
          ? { at: record.values.diedAt, attribution: record.values.attribution, recordId: record.id }
          : undefined;
      const nextHeadValue = nextHead(
        after,
        advanced.state,
        now,
        close
          ? { status: 'CLOSED', closed: { ...close, by: this.#author(actor) }, ...(death ? { death } : {}) }
          : {},
      );
      const result: Recording = {
        episode: nextHeadValue,
        record,
        gradings,
        alerts,
        repeatedAlerts,
        refolded: advanced.refolded,
        replayed: false,
      };
      try {
        await this.#repository.commit({
          head: nextHeadValue,
          expectedVersion: state.head.version,
          records: [record, ...gradings, ...alerts],
          idempotency: key ? idempotencyRecord(context, key, operation, result) : undefined,
          alertRepeats: repeats,
        });
        return result;
      } catch (error) {
        // A concurrent retry with the same key won: the next read finds and answers its result.
        if (error instanceof WriteRefusedError && error.reason === 'IDEMPOTENT_REPLAY') continue;
        if (!(error instanceof WriteRefusedError) || attempt >= this.#maxWriteAttempts)
          throw this.#conflictOr(error, episodeId);
        await this.#backoff(attempt);
      }
    }
  }

  /** Not found for a missing episode and for another team's alike; forbidden only within the team. */
  #authorize(
    actor: Actor,
    episodeId: string,
    partition: EpisodePartition | undefined,
    permission: Permission,
  ): EpisodePartition {
    if (!EPISODE_ID.test(episodeId) || !partition || !inTeam(actor, partition.head.team))
      throw new EpisodeNotFoundError(episodeId);
    if (!may(actor, permission))
      throw new EpisodeForbiddenError(`Your role (${actor.role}) cannot ${describePermission(permission)}`);
    return partition;
  }

  #author(actor: Actor): Author {
    return { userId: actor.userId, role: actor.role, via: actor.via };
  }

  #key(options: WriteOptions): string | undefined {
    return options.idempotencyKey == null
      ? undefined
      : parse(idempotencyKeySchema, options.idempotencyKey, 'idempotencyKey');
  }

  #conflictOr(error: unknown, episodeId: string): unknown {
    return error instanceof WriteRefusedError ? new EpisodeConflictError(episodeId) : error;
  }

  async #backoff(attempt: number): Promise<void> {
    await sleep(Math.random() * Math.min(500, 25 * 2 ** Math.min(attempt, 5)));
  }
}

type ClinicalKind = 'VITALS' | 'NEURO' | 'LAB' | 'DOSE' | 'DEATH';

/** Per kind of clinical record: its schema, its clinical time and who may record it. */
const CLINICAL_KINDS: Readonly<
  Record<
    ClinicalKind,
    { readonly schema: z.ZodType; readonly timeField: string; readonly permission: Permission }
  >
> = {
  VITALS: { schema: vitalsValuesSchema, timeField: 'measuredAt', permission: 'record-observation' },
  NEURO: { schema: neuroValuesSchema, timeField: 'assessedAt', permission: 'record-observation' },
  LAB: { schema: labValuesSchema, timeField: 'collectedAt', permission: 'record-observation' },
  DOSE: { schema: doseValuesSchema, timeField: 'givenAt', permission: 'record-dose' },
  DEATH: { schema: deathValuesSchema, timeField: 'diedAt', permission: 'close' },
};

const describePermission = (permission: Permission): string =>
  ({
    read: 'read episodes',
    create: 'create episodes',
    'record-observation': 'record observations',
    'record-dose': 'record doses',
    acknowledge: 'acknowledge alerts',
    close: 'close episodes',
  })[permission];
