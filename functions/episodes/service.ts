import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod/mini';
import {
  DEFAULT_RULES_CONFIG,
  DEFAULT_TIME_ZONE,
  RULESET,
  appendsTo,
  calendarDateIn,
  checkDose,
  describeIssues,
  emptyTimeline,
  sortKeyOf,
  step,
  type Handoff,
  type RulesConfig,
  type StepResult,
  type TimelineSettings,
  type TimelineState,
} from '#rules';
import { may, inTeam, type Actor, type Permission } from './actor.ts';
import { alertRefsOf, nextAlertRefs } from './alert-refs.ts';
import { nextCurrentGradings, NO_CURRENT_GRADINGS } from './current-gradings.ts';
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
  IdempotencyConflictError,
} from './errors.ts';
import { fingerprintOf } from './idempotency.ts';
import { decodeTeamsCursor, encodeTeamsCursor } from './teams-cursor.ts';
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
  episodeIdFor,
  episodePk,
  HEAD_SK,
  recordLookupSk,
  snapshotSk,
  teamIndexKeys,
  tombstoneSk,
} from './keys.ts';
import {
  alertRecord,
  clinicalRecord,
  gradingRecord,
  idempotencyRecord,
  recordingIdempotencyRecord,
  nextHead,
  sortTriggers,
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
  RecordLookup,
  StoredItem,
  TimelineSnapshot,
  Tombstone,
} from './records.ts';
import { teamHandoff } from './handoff.ts';
import { refold } from './refold.ts';
import { nextShiftCourse } from './shift-course.ts';
import {
  EpisodeRepository,
  WriteRefusedError,
  type AlertRepeat,
  type EpisodePartition,
  type TeamPage,
} from './repository.ts';
import { EMPTY_SUMMARY, foldState, stateOf, type EpisodeState } from './state.ts';
import { decodeTeamCursor, encodeTeamCursor } from './team-cursor.ts';
import { clinicalTimeOf } from './clinical-time.ts';
import { NeedsCommittedStateError, type Prepared } from './group-commit.ts';
import { WriteQueue } from './write-queue.ts';
import { timelineContext, timelineSettings, toTimelineRecord } from './timeline.ts';

/** A page of a team's (or the viewer's teams') episodes: 1 to 100. */
const pageSizeSchema = z
  .number()
  .check(
    z.int(),
    z.minimum(1, { error: 'between 1 and 100' }),
    z.maximum(100, { error: 'between 1 and 100' }),
  );

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
  /** With a re-fold: how many later records were graded again. */
  readonly regraded?: number;
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

const parse = <S extends z.ZodMiniType>(schema: S, input: unknown, prefix = ''): z.output<S> => {
  const result = schema.safeParse(input);
  if (!result.success) throw new EpisodeValidationError(describeIssues(result.error.issues, input, prefix));
  return result.data;
};

const withEpisodeId = z.looseObject({ episodeId: episodeIdSchema });

/** The head of a partition, or the head itself. */
const headOf = (found: EpisodeHead | EpisodePartition | undefined): EpisodeHead | undefined =>
  found === undefined ? undefined : 'head' in found ? found.head : found;

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
  /** Writes to one episode from this process: recordings committed in groups (write-queue.ts). */
  readonly #queue: WriteQueue;
  /** Results of recordings by their idempotency record, while that record is in memory (a group's replays). */
  readonly #recordingsCommitted = new WeakMap<IdempotencyRecord, Recording>();

  constructor(options: EpisodeServiceOptions) {
    this.#repository = options.repository;
    this.#clock = options.clock ?? (() => new Date());
    this.#config = options.config ?? DEFAULT_RULES_CONFIG;
    this.#settings = { ...this.#config, timeZone: options.timeZone ?? DEFAULT_TIME_ZONE };
    this.#timeline = timelineSettings(this.#config, this.#settings.timeZone);
    this.#newId = options.newId;
    this.#maxWriteAttempts = options.maxWriteAttempts ?? 30;
    const repository = this.#repository;
    this.#queue = new WriteQueue({
      loadHead: (episodeId) => repository.loadHead(episodeId),
      commitGroup: (group) => repository.commitGroup(group),
      maxConflicts: this.#maxWriteAttempts,
      conflict: (episodeId) => new EpisodeConflictError(episodeId),
      backoff: (attempt) => this.#backoff(attempt),
    });
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

  /**
   * The episode. With `recent`, the head and the newest `recent` records of each kind (1 GetItem
   * and 4 bounded Queries, the cost of a bedside read on day 1 and on day 40 alike); without, every
   * record (one Query of the partition: deep history). Another team's episode is "not found".
   */
  async getEpisode(
    actor: Actor,
    episodeId: string,
    options: { readonly recent?: number; readonly head?: EpisodeHead } = {},
  ): Promise<EpisodeState> {
    const id = parse(episodeIdSchema, episodeId, 'episodeId');
    // A head the caller already read (for this episode) saves its GetItem; it is authorised again.
    const knownHead = options.head?.id === id ? options.head : undefined;
    const partition =
      options.recent === undefined
        ? await this.#repository.loadEpisode(id)
        : await this.#repository.loadRecent(id, options.recent, knownHead);
    return stateOf(this.#authorize(actor, id, partition, 'read'));
  }

  /** The episode's head alone (1 GetItem): identity, dates, current state and the timeline's state. */
  async getEpisodeHead(actor: Actor, episodeId: string): Promise<EpisodeHead> {
    const id = parse(episodeIdSchema, episodeId, 'episodeId');
    return this.#authorize(actor, id, await this.#repository.loadHead(id), 'read');
  }

  /**
   * A team's episodes by status, newest course first (one Query on the team index). `after` is a
   * cursor this list returned; any other is refused naming the argument.
   */
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
    const first = parse(pageSizeSchema, query.first ?? 20, 'first');
    const status = query.status ?? 'ACTIVE';
    const startKey = query.after ? decodeTeamCursor(query.after, { team, status }) : undefined;
    if (!inTeam(actor, team)) return { heads: [], cursors: [], cursor: null };
    const { heads, more } = await this.#repository.listTeamEpisodes(team, status, first, startKey);
    const cursors = heads.map((head) =>
      encodeTeamCursor({ team, status, createdAt: head.createdAt, episodeId: head.id }),
    );
    return { heads, cursors, cursor: more ? (cursors.at(-1) ?? null) : null };
  }

  /**
   * The episodes of every team of the actor, by status: teams by name, then newest course first in
   * each (see teams-cursor.ts). One Query on the team index per team page: a page that ends a team
   * continues in the next one, and a full page that ends a team reads one item of the next teams to
   * know whether more follow. `after` is a cursor this list returned; any other is refused.
   */
  async listEpisodesOfTeams(
    actor: Actor,
    query: {
      readonly status?: 'ACTIVE' | 'CLOSED';
      readonly first?: number;
      readonly after?: string | null;
    } = {},
  ): Promise<TeamPage> {
    const first = parse(pageSizeSchema, query.first ?? 20, 'first');
    const status = query.status ?? 'ACTIVE';
    const start = query.after ? decodeTeamsCursor(query.after, { status }) : undefined;
    const teams = [...new Set(actor.teams)]
      .sort()
      .filter((team) => start === undefined || team >= start.team);
    const heads: EpisodeHead[] = [];
    const cursors: string[] = [];
    let more = false;
    for (const team of teams) {
      const startKey = team === start?.team ? start.startKey : undefined;
      const page = await this.#repository.listTeamEpisodes(team, status, first - heads.length, startKey);
      for (const head of page.heads) {
        heads.push(head);
        cursors.push(encodeTeamsCursor({ team, status, createdAt: head.createdAt, episodeId: head.id }));
      }
      if (page.more) {
        more = true;
        break;
      }
    }
    return { heads, cursors, cursor: more ? (cursors.at(-1) ?? null) : null };
  }

  /**
   * One record, grading or alert by its key in the episode (its global id carries it): the head
   * (authorisation; none when the caller already read it) and the item, 2 GetItems at most.
   */
  async getEpisodeItem(
    actor: Actor,
    episodeId: string,
    sortKey: string,
    options: { readonly head?: EpisodeHead } = {},
  ): Promise<EpisodeRecord> {
    const id = parse(episodeIdSchema, episodeId, 'episodeId');
    const knownHead = options.head?.id === id ? options.head : undefined;
    const [head, item] = await Promise.all([
      knownHead ?? this.#repository.loadHead(id),
      this.#repository.loadRecordAt(id, sortKey),
    ]);
    this.#authorize(actor, id, head, 'read');
    if (!item) throw new EpisodeNotFoundError(`${id}/${sortKey}`, 'Record');
    return item;
  }

  /**
   * A clinical record (vital signs, neuro assessment, lab, dose, death) by the id a reply shows, or
   * an alert the head still keeps: the head, the record's lookup and the record (3 GetItems at most).
   */
  async findEpisodeRecord(
    actor: Actor,
    episodeId: string,
    recordId: string,
    options: { readonly head?: EpisodeHead } = {},
  ): Promise<EpisodeRecord> {
    const id = parse(episodeIdSchema, episodeId, 'episodeId');
    const rid = parse(recordIdSchema, recordId, 'recordId');
    const knownHead = options.head?.id === id ? options.head : undefined;
    const [head, record] = await Promise.all([
      knownHead ?? this.#repository.loadHead(id),
      this.#repository.loadRecord(id, rid),
    ]);
    const authorised = this.#authorize(actor, id, head, 'read');
    if (record) return record;
    const kept = alertRefsOf(authorised).find((ref) => ref.id === rid);
    const alert = kept ? await this.#repository.loadRecordAt(id, kept.SK) : undefined;
    if (alert) return alert;
    throw new EpisodeNotFoundError(`${id}/${rid}`, 'Record');
  }

  /** HANDOFF-1, HANDOFF-2: a team's shift handoff (handoff.ts): one Query on the team index. */
  handoff(
    actor: Actor,
    query: { readonly team: string; readonly at?: string | null; readonly shiftHours?: number | null },
  ): Promise<Handoff> {
    return teamHandoff(this.#repository, this.#timeline, actor, query, this.#clock());
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
    const fingerprint = fingerprintOf('createEpisode', data);
    if (key) {
      const existing = await this.#firstResult<EpisodeHead>(actor, key, 'createEpisode', fingerprint, now);
      if (existing) return existing;
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
    const head = nextHead(
      blank,
      emptyTimeline(),
      nextAlertRefs([], { raised: alerts, currentCrsEpisode: null, now: at }),
      at,
      { currentGradings: NO_CURRENT_GRADINGS },
    );
    const creation: IdempotencyRecord | undefined = key
      ? idempotencyRecord(context, key, 'createEpisode', fingerprint, head)
      : undefined;
    try {
      await this.#repository.createEpisode(head, [...gradings, ...alerts], creation);
      return head;
    } catch (error) {
      if (error instanceof WriteRefusedError && error.reason === 'IDEMPOTENT_REPLAY' && key) {
        const existing = await this.#firstResult<EpisodeHead>(actor, key, 'createEpisode', fingerprint, now);
        if (existing) return existing;
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
   * The timeline is re-folded from the earlier of the two clinical times, so every derived figure
   * counts current records only; the answer says how many later records were graded again.
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
    return this.#write(
      actor,
      base.episodeId,
      options,
      'correctRecord',
      input,
      'read',
      async (head, context, pending) => {
        // EPI-4: a correction reads stored records and re-folds from them: it needs them committed.
        if (pending) throw new NeedsCommittedStateError();
        const original = await this.#repository.loadRecord(base.episodeId, base.recordId);
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
        // EPI-4: a superseded record cannot be corrected again; its successor can.
        const tombstone = (await this.#repository.loadItem({ PK: head.PK, SK: tombstoneSk(original.SK) })) as
          Tombstone | undefined;
        if (tombstone)
          throw new EpisodeValidationError([
            {
              field: 'input.recordId',
              allowed: `the current version of the record: ${tombstone.by} supersedes ${original.id}`,
              received: base.recordId,
              message: `Record ${original.id} was already corrected by ${tombstone.by} (EPI-4); correct ${tombstone.by} instead. Nothing was recorded`,
            },
          ]);
        if (original.correction?.retracted)
          throw new EpisodeValidationError([
            {
              field: 'input.recordId',
              allowed: 'a record, not a retraction',
              received: base.recordId,
              message: `Record ${original.id} is a retraction and cannot be corrected (EPI-4). Nothing was recorded`,
            },
          ]);
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
        const originalTime = clinicalTimeOf(original);
        const recordTime = clinicalTimeOf(record);
        if (kind === 'DOSE' && !retract)
          await this.#checkDose(head, record as DoseRecord, [original.id], false);
        return {
          record,
          supersedes: original,
          refoldFrom: Date.parse(originalTime) < Date.parse(recordTime) ? originalTime : recordTime,
        };
      },
    );
  }

  /** EPI-5: a death with its attribution; closes the episode (CRS or ICANS: grade 5 of that syndrome). */
  async recordDeath(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<Recording> {
    const { episodeId, ...rest } = parse(withEpisodeId, input, 'input');
    const values = this.#parseValues(deathValuesSchema, rest, 'diedAt', 'input');
    return this.#write(actor, episodeId, options, 'recordDeath', input, 'close', (_head, context) => {
      const time = (values as { diedAt: string }).diedAt;
      return Promise.resolve({
        record: clinicalRecord('DEATH', values as never, time, context),
        close: { reason: 'DIED' as const, closedAt: time },
      });
    });
  }

  /** Acknowledges an alert: the head and the alert (2 GetItems) and one transaction. */
  acknowledgeAlert(actor: Actor, input: unknown): Promise<Acknowledgement> {
    const { episodeId, alertId } = parse(
      z.strictObject({ episodeId: episodeIdSchema, alertId: recordIdSchema }),
      input,
      'input',
    );
    return this.#queue.alone(episodeId, () => this.#acknowledge(actor, episodeId, alertId));
  }

  async #acknowledge(actor: Actor, episodeId: string, alertId: string): Promise<Acknowledgement> {
    for (let attempt = 1; ; attempt += 1) {
      const head = this.#authorize(
        actor,
        episodeId,
        await this.#repository.loadHead(episodeId),
        'acknowledge',
      );
      const alert = await this.#alertOf(head, alertId);
      if (!alert) throw new EpisodeNotFoundError(alertId, 'Alert');
      if (alert.acknowledgedAt !== undefined) return { episode: head, alert, alreadyAcknowledged: true };
      const at = this.#clock().toISOString();
      const by = this.#author(actor);
      const acknowledged: AlertRecord = { ...alert, acknowledgedAt: at, acknowledgedBy: by };
      const timeline = this.#timelineOf(head);
      const next = nextHead(
        head,
        timeline,
        nextAlertRefs(alertRefsOf(head), {
          acknowledged: alertId,
          currentCrsEpisode: openEpisodeNumber(timeline),
          now: at,
        }),
        at,
      );
      try {
        await this.#repository.commit({
          head: next,
          expectedVersion: head.version,
          records: [],
          acknowledge: { alert, at, by },
        });
        return { episode: next, alert: acknowledged, alreadyAcknowledged: false };
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
    const fingerprint = fingerprintOf('closeEpisode', input);
    for (let attempt = 1; ; attempt += 1) {
      const head = this.#authorize(actor, episodeId, await this.#repository.loadHead(episodeId), 'close');
      if (head.status === 'CLOSED') return head;
      const now = this.#clock().toISOString();
      const next = nextHead(head, this.#timelineOf(head), alertRefsOf(head), now, {
        status: 'CLOSED',
        closed: { ...data, by: this.#author(actor) },
      });
      const context: WriteContext = { episodeId, now, author: this.#author(actor), newId: this.#newId };
      try {
        await this.#repository.commit({
          head: next,
          expectedVersion: head.version,
          records: [],
          idempotency: key ? idempotencyRecord(context, key, 'closeEpisode', fingerprint, next) : undefined,
        });
        return next;
      } catch (error) {
        if (error instanceof WriteRefusedError && error.reason === 'IDEMPOTENT_REPLAY' && key) {
          const replay = await this.#firstResult<EpisodeHead>(
            actor,
            key,
            'closeEpisode',
            fingerprint,
            this.#clock(),
          );
          if (replay) return replay;
          continue;
        }
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
    return this.#write(
      actor,
      episodeId,
      options,
      `record${kind}`,
      input,
      spec.permission,
      async (head, context, pending) => {
        const time = (values as Record<string, string>)[spec.timeField] ?? context.now;
        const record = clinicalRecord(kind, values as never, time, context);
        if (kind === 'DOSE') await this.#checkDose(head, record as DoseRecord, [], pending);
        return { record };
      },
    );
  }

  /** The timeline's state on the head (every episode written since the timeline carries it). */
  #timelineOf(head: EpisodeHead): TimelineState {
    return head.timeline ?? emptyTimeline();
  }

  /** An alert by id: from the head's references (1 GetItem), else a read of the episode's alerts. */
  async #alertOf(head: EpisodeHead, alertId: string): Promise<AlertRecord | undefined> {
    const ref = alertRefsOf(head).find((r) => r.id === alertId);
    if (ref) return (await this.#repository.loadItem({ PK: head.PK, SK: ref.SK })) as AlertRecord | undefined;
    const partition = await this.#repository.loadEpisode(head.id);
    return partition?.records.find((r): r is AlertRecord => r.kind === 'ALERT' && r.id === alertId);
  }

  /**
   * TOCI-5 and the TOCI limits before a dose is stored: over the computed dose or cap, by a wrong
   * route, or over a TOCI limit, it is refused unless it carries an override reason (then stored
   * with the reason, and ESC-DOSE / ESC-TOCI raised by the timeline). Checked against the state just
   * before the dose: the head's, or a re-fold up to it when the dose is entered late.
   */
  async #checkDose(
    head: EpisodeHead,
    dose: DoseRecord,
    replacing: readonly string[],
    pending: boolean,
  ): Promise<void> {
    const record = toTimelineRecord(dose);
    if (record?.kind !== 'DOSE') return;
    const context = timelineContext(head, this.#timeline);
    const current = this.#timelineOf(head);
    const appends = replacing.length === 0 && appendsTo(current, record);
    // A late dose is checked on a re-fold of stored records: they must be committed.
    if (!appends && pending) throw new NeedsCommittedStateError();
    const before = appends
      ? current
      : (
          await refold(this.#repository, head, context, {
            fromIso: record.at,
            added: [],
            superseded: replacing,
            until: sortKeyOf(record),
          })
        ).state;
    const check = checkDose(before, record, context.patient, this.#timeline);
    if (check.problems.length > 0 && !dose.values.overrideReason) throw new DoseRefusedError(check.problems);
  }

  /**
   * The first result stored under an idempotency key, or undefined; a key reused with other input
   * or on another operation is a conflict.
   */
  async #firstResult<T>(
    actor: Actor,
    key: string,
    operation: string,
    fingerprint: string,
    now: Date,
  ): Promise<T | undefined> {
    const stored = await this.#repository.findIdempotent(actor.userId, key, Math.floor(now.getTime() / 1000));
    return stored ? (this.#storedResult(stored, key, operation, fingerprint) as T) : undefined;
  }

  /** The result an idempotency record holds, for the same operation and input only. */
  #storedResult(stored: IdempotencyRecord, key: string, operation: string, fingerprint: string): unknown {
    this.#sameRequest(stored, key, operation, fingerprint);
    if (stored.result === undefined) throw new Error(`idempotency record of ${operation} holds no result`);
    return JSON.parse(stored.result) as unknown;
  }

  /** A key reused with another operation or other input is a conflict. */
  #sameRequest(stored: IdempotencyRecord, key: string, operation: string, fingerprint: string): void {
    if (stored.operation !== operation) throw new IdempotencyConflictError(key, 'OPERATION');
    if (stored.fingerprint !== undefined && stored.fingerprint !== fingerprint)
      throw new IdempotencyConflictError(key, 'INPUT');
  }

  /**
   * A recording's first result under an idempotency key, or undefined: its record, gradings and
   * alerts read back by the keys the idempotency record names (1 GetItem + 1 BatchGetItem; alerts as
   * they are now, e.g. acknowledged since), with the episode as it is now (1 GetItem).
   */
  async #firstRecording(
    actor: Actor,
    episodeId: string,
    key: string,
    operation: string,
    fingerprint: string,
  ): Promise<Recording | undefined> {
    const now = this.#clock();
    const stored = await this.#repository.findIdempotent(actor.userId, key, Math.floor(now.getTime() / 1000));
    if (!stored) return undefined;
    this.#sameRequest(stored, key, operation, fingerprint);
    const reference = stored.recording;
    // Written before results were kept by reference (at most IDEMPOTENCY_TTL ago): the copy itself.
    if (!reference)
      return { ...(this.#storedResult(stored, key, operation, fingerprint) as Recording), replayed: true };
    const sortKeys = [
      reference.recordSk,
      ...reference.gradingSks,
      ...reference.alertSks,
      ...(reference.repeatedAlertSks ?? []),
    ];
    const [items, episode] = await Promise.all([
      this.#repository.loadItemsAt(episodeId, sortKeys),
      this.#repository.loadHead(episodeId),
    ]);
    const itemAt = (sk: string): StoredItem => {
      const item = items.get(sk);
      if (!item)
        throw new Error(`the first result of idempotency key ${key} names ${sk}, which is not stored`);
      return item;
    };
    if (!episode) throw new EpisodeNotFoundError(episodeId);
    return {
      episode,
      record: itemAt(reference.recordSk) as EpisodeRecord,
      gradings: reference.gradingSks.map((sk) => itemAt(sk) as GradingRecord),
      alerts: reference.alertSks.map((sk) => itemAt(sk) as AlertRecord),
      ...(reference.repeatedAlertSks
        ? { repeatedAlerts: reference.repeatedAlertSks.map((sk) => itemAt(sk) as AlertRecord) }
        : {}),
      ...(reference.refolded === undefined ? {} : { refolded: reference.refolded }),
      ...(reference.regraded === undefined ? {} : { regraded: reference.regraded }),
      replayed: true,
    };
  }

  /** Validates clinical values; the clinical time defaults to now and may not be in the future. */
  #parseValues(schema: z.ZodMiniType, input: unknown, timeField: string, prefix: string): unknown {
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
   * A write: queued for its episode (write-queue.ts) and committed with the others queued with it
   * (group-commit.ts). Each is prepared on the head the write before it left (the first of an idle
   * episode reads the head: 1 GetItem), exactly as if written alone; the group is one
   * TransactWriteItems with one head update guarded by the version it started from. On a version
   * conflict the head alone is re-read (bounded); a used key answers the first result (the same
   * operation and input) or a conflict.
   */
  #write(
    actor: Actor,
    episodeId: string,
    options: WriteOptions,
    operation: string,
    input: unknown,
    permission: Permission,
    build: (head: EpisodeHead, context: WriteContext, pending: boolean) => Promise<Built>,
  ): Promise<Recording> {
    const key = this.#key(options);
    const fingerprint = fingerprintOf(operation, input);
    const replay = async (): Promise<Recording | undefined> =>
      key ? this.#firstRecording(actor, episodeId, key, operation, fingerprint) : undefined;
    return this.#queue.fold<Recording>(episodeId, {
      idempotencyItem: key === undefined ? undefined : `${actor.userId}\u0000${key}`,
      prepare: (current, pending) =>
        this.#prepare(actor, episodeId, key, operation, fingerprint, permission, build, current, pending),
      replay,
      replayOf: (record) => {
        this.#sameRequest(record, key ?? '', operation, fingerprint);
        // Committed by this process in the same group: its result is still at hand.
        const first = this.#recordingsCommitted.get(record);
        if (!first) throw new Error(`the first result of idempotency key ${key ?? ''} is not at hand`);
        return { ...first, replayed: true };
      },
    });
  }

  /**
   * One write on `current` (the committed head, or the head the write queued before it left):
   * authorise, build the record, advance the timeline (one step on the head's state; a re-fold from
   * a snapshot for a late entry or a correction), grade, and give the items and the head after it.
   * `pending`: writes folded before it are not committed yet (a write that must re-fold from stored
   * records then waits for the next group).
   */
  async #prepare(
    actor: Actor,
    episodeId: string,
    key: string | undefined,
    operation: string,
    fingerprint: string,
    permission: Permission,
    build: (head: EpisodeHead, context: WriteContext, pending: boolean) => Promise<Built>,
    current: EpisodeHead | undefined,
    pending: boolean,
  ): Promise<Prepared<Recording>> {
    const head = this.#authorize(actor, episodeId, current, permission);
    if (head.status === 'CLOSED') {
      if (key) {
        const replay = await this.#firstRecording(actor, episodeId, key, operation, fingerprint);
        if (replay) return { kind: 'answer', value: replay };
      }
      throw new EpisodeValidationError([
        {
          field: 'input.episodeId',
          allowed: 'an active episode',
          received: episodeId,
          message: `Episode ${episodeId} is closed; nothing was recorded`,
        },
      ]);
    }
    const nowDate = this.#clock();
    const now = nowDate.toISOString();
    const context: WriteContext = { episodeId, now, author: this.#author(actor), newId: this.#newId };
    const built = await build(head, context, pending);
    const { record } = built;
    const advanced = await this.#advance(head, built, pending);
    const assessment = advanced.step
      ? assessStep(advanced.step, this.#timeline)
      : { gradings: [], triggers: [] };
    const labAssessment =
      record.kind === 'LAB' && !record.correction?.retracted
        ? assessLab(foldState(head, [record]), record, this.#settings)
        : { gradings: [], triggers: [] };
    const gradings = [...assessment.gradings, ...labAssessment.gradings].map((draft) =>
      gradingRecord(draft, context),
    );
    const triggers = [
      ...assessment.triggers,
      ...labAssessment.triggers.map((t) => ({ ...t, crsEpisode: null, repeat: false })),
    ];
    const refs = alertRefsOf(head);
    const sorted = sortTriggers(refs, triggers);
    const alerts = sorted.raise.map((trigger) =>
      alertRecord(trigger, gradings[0]?.id ?? record.id, head.team, context),
    );
    const basedOn = gradings[0]?.id ?? record.id;
    const repeats: AlertRepeat[] = sorted.repeat.map(({ trigger, alert }) => ({
      alert: { PK: head.PK, SK: alert.SK } as AlertRecord,
      at: now,
      basedOn,
      text: trigger.text,
    }));
    const repeatedAlerts = sorted.repeat.map(
      ({ trigger, alert }) =>
        ({
          PK: head.PK,
          SK: alert.SK,
          id: alert.id,
          kind: 'ALERT',
          episodeId,
          escalationId: alert.escalationId,
          level: alert.level,
          raisedAt: alert.raisedAt,
          crsEpisode: alert.crsEpisode,
          occurrences: alert.occurrences + 1,
          lastRaisedAt: now,
          lastBasedOn: basedOn,
          text: trigger.text,
          team: head.team,
          ...(alert.acknowledged ? { acknowledgedAt: alert.raisedAt } : {}),
        }) as unknown as AlertRecord,
    );
    const death =
      record.kind === 'DEATH'
        ? { at: record.values.diedAt, attribution: record.values.attribution, recordId: record.id }
        : undefined;
    const version = head.version + 1;
    const snapshot = advanced.refolded ? undefined : this.#snapshotFor(head, advanced.state, record);
    const nextHeadValue = nextHead(
      head,
      advanced.state,
      nextAlertRefs(refs, {
        raised: alerts,
        repeated: repeatedAlerts,
        currentCrsEpisode: openEpisodeNumber(advanced.state),
        now,
      }),
      now,
      {
        ...(built.close
          ? {
              status: 'CLOSED',
              closed: { ...built.close, by: this.#author(actor) },
              ...(death ? { death } : {}),
            }
          : {}),
        ...(snapshot ? { lastSnapshotAt: clinicalTimeOf(record) } : {}),
        counts: nextCounts(head.counts, record),
        shiftCourse: nextShiftCourse(
          head,
          advanced.state,
          now,
          advanced.refolded ? (built.refoldFrom ?? clinicalTimeOf(record)) : undefined,
        ),
        currentGradings: nextCurrentGradings(head.currentGradings, {
          record,
          gradings,
          refolded: advanced.refolded,
        }),
        ...(advanced.refolded && built.refoldFrom !== undefined
          ? { refolds: [...(head.refolds ?? []), { from: built.refoldFrom, version }].slice(-200) }
          : advanced.refolded
            ? { refolds: [...(head.refolds ?? []), { from: clinicalTimeOf(record), version }].slice(-200) }
            : {}),
      },
    );
    const result: Recording = {
      episode: nextHeadValue,
      record,
      gradings,
      alerts,
      repeatedAlerts,
      refolded: advanced.refolded,
      regraded: advanced.regraded,
      replayed: false,
    };
    const extra: (RecordLookup | Tombstone | TimelineSnapshot)[] = [
      { PK: head.PK, SK: recordLookupSk(record.id), kind: 'LOOKUP', recordSk: record.SK },
      ...(built.supersedes
        ? [
            {
              PK: head.PK,
              SK: tombstoneSk(built.supersedes.SK),
              kind: 'SUPERSEDED' as const,
              corrects: built.supersedes.id,
              by: record.id,
            },
          ]
        : []),
      ...(snapshot ? [{ ...snapshot, headVersion: version }] : []),
    ];
    return {
      kind: 'write',
      head: nextHeadValue,
      value: result,
      write: {
        records: [record, ...gradings, ...alerts],
        extra,
        idempotency: key
          ? this.#recordingIdempotency(context, key, operation, fingerprint, result)
          : undefined,
        alertRepeats: repeats,
      },
    };
  }

  /** The recording's idempotency record (its result by reference), its result kept at hand for `replayOf`. */
  #recordingIdempotency(
    context: WriteContext,
    key: string,
    operation: string,
    fingerprint: string,
    result: Recording,
  ): IdempotencyRecord {
    const record = recordingIdempotencyRecord(context, key, operation, fingerprint, {
      recordSk: result.record.SK,
      gradingSks: result.gradings.map((grading) => grading.SK),
      alertSks: result.alerts.map((alert) => alert.SK),
      ...(result.repeatedAlerts && result.repeatedAlerts.length > 0
        ? { repeatedAlertSks: result.repeatedAlerts.map((alert) => alert.SK) }
        : {}),
      ...(result.refolded === undefined ? {} : { refolded: result.refolded }),
      ...(result.regraded === undefined ? {} : { regraded: result.regraded }),
    });
    this.#recordingsCommitted.set(record, result);
    return record;
  }

  /**
   * The timeline after the record: one step on the head's state when it comes after everything
   * folded; otherwise (entered late, a correction) a re-fold from the latest snapshot before it.
   */
  async #advance(
    head: EpisodeHead,
    built: Built,
    pending: boolean,
  ): Promise<{ state: TimelineState; step: StepResult | null; refolded: boolean; regraded: number }> {
    const { record } = built;
    const context = timelineContext(head, this.#timeline);
    const current = this.#timelineOf(head);
    const converted = toTimelineRecord(record);
    if (built.supersedes === undefined) {
      if (converted === null) return { state: current, step: null, refolded: false, regraded: 0 };
      if (appendsTo(current, converted)) {
        const result = step(current, converted, context);
        return { state: result.state, step: result, refolded: false, regraded: 0 };
      }
    }
    // A re-fold reads stored records: the writes folded before this one must be committed first.
    if (pending) throw new NeedsCommittedStateError();
    const fromIso = built.refoldFrom ?? clinicalTimeOf(record);
    const folded = await refold(this.#repository, head, context, {
      fromIso,
      added: [record],
      superseded: built.supersedes ? [built.supersedes.id] : [],
    });
    return {
      state: folded.state,
      step: folded.steps.find((s) => s.record.id === record.id) ?? null,
      refolded: true,
      regraded: folded.regraded,
    };
  }

  /** A snapshot of the timeline every few hours of clinical time (a later re-fold starts from one). */
  #snapshotFor(
    head: EpisodeHead,
    state: TimelineState,
    record: EpisodeRecord,
  ): Omit<TimelineSnapshot, 'headVersion'> | undefined {
    if (toTimelineRecord(record) === null) return undefined;
    const at = clinicalTimeOf(record);
    const last = head.lastSnapshotAt;
    if (last && Date.parse(at) - Date.parse(last) < SNAPSHOT_EVERY_MS) return undefined;
    return { PK: head.PK, SK: snapshotSk(at, record.id), kind: 'SNAPSHOT', state };
  }

  /** Not found for a missing episode and for another team's alike; forbidden only within the team. */
  #authorize<T extends EpisodeHead | EpisodePartition>(
    actor: Actor,
    episodeId: string,
    found: T | undefined,
    permission: Permission,
  ): T {
    const head = headOf(found);
    if (!EPISODE_ID.test(episodeId) || !found || !head || !inTeam(actor, head.team))
      throw new EpisodeNotFoundError(episodeId);
    if (!may(actor, permission))
      throw new EpisodeForbiddenError(`Your role (${actor.role}) cannot ${describePermission(permission)}`);
    return found;
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

/** What a write builds: the record, what it supersedes (a correction) and where a re-fold starts. */
type Built = {
  readonly record: EpisodeRecord;
  readonly supersedes?: EpisodeRecord;
  readonly refoldFrom?: string;
  readonly close?: { readonly reason: 'DIED'; readonly closedAt: string };
};

/** A timeline snapshot every 6 hours of clinical time: a re-fold reads at most that much before its start. */
const SNAPSHOT_EVERY_MS = 6 * 3_600_000;

type Counts = NonNullable<EpisodeHead['counts']>;
const COUNTED: Partial<Record<EpisodeRecord['kind'], keyof Counts>> = {
  VITALS: 'vitals',
  NEURO: 'neuro',
  LAB: 'labs',
  DOSE: 'doses',
};

/** Current records by kind after a record: a new one adds, a correction replaces, a retraction removes. */
const nextCounts = (counts: EpisodeHead['counts'], record: EpisodeRecord): Counts => {
  const next = { ...(counts ?? { vitals: 0, neuro: 0, labs: 0, doses: 0 }) };
  const key = COUNTED[record.kind];
  if (key === undefined) return next;
  const correction = 'correction' in record ? record.correction : undefined;
  if (correction === undefined) next[key] += 1;
  else if (correction.retracted) next[key] = Math.max(0, next[key] - 1);
  return next;
};

/** The open CRS episode's number (EPI-1), for the alerts a head keeps. */
const openEpisodeNumber = (timeline: TimelineState): number | null =>
  timeline.crsEpisode !== null && timeline.crsEpisode.closedAt === null ? timeline.crsEpisode.number : null;

/** Per kind of clinical record: its schema, its clinical time and who may record it. */
const CLINICAL_KINDS: Readonly<
  Record<
    ClinicalKind,
    { readonly schema: z.ZodMiniType; readonly timeField: string; readonly permission: Permission }
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
