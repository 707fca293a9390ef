/**
 * Seeds long patient courses fast: the episode is created by the episode service (its counter and
 * creation transaction), then every record the service would write for the course is built with
 * the service's own record builders and timeline step (record-builder.ts, timeline.ts,
 * assess/timeline-step.ts) in memory, and the items are written with BatchWriteItem.
 *
 * Recording through the service costs a GetItem and a TransactWriteItems per entry (a few hundred
 * ms each on a busy DynamoDB Local: 84 vital signs and their doses took 17–31 s), so 5 000 vital
 * signs through it would take half an hour; built here and batch-written they take about a minute.
 * Every append is the service's write step on the head's timeline state (no partition read).
 * `checkSeedingMatchesService` proves the items are the service's (see seed-check.ts).
 */
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { addDays, appendsTo, emptyTimeline, step, type TimelineRecord, type TimelineState } from '#rules';
import type { Actor } from '../../functions/episodes/actor.ts';
import { alertRefsOf, nextAlertRefs } from '../../functions/episodes/alert-refs.ts';
import { nextCurrentGradings } from '../../functions/episodes/current-gradings.ts';
import { assessStep } from '../../functions/episodes/assess/timeline-step.ts';
import { rulesConfigFromEnv } from '../../functions/episodes/create-service.ts';
import { doseValuesSchema, vitalsValuesSchema } from '../../functions/episodes/inputs.ts';
import { recordLookupSk, snapshotSk } from '../../functions/episodes/keys.ts';
import {
  alertRecord,
  clinicalRecord,
  gradingRecord,
  nextHead,
  sortTriggers,
  type WriteContext,
} from '../../functions/episodes/record-builder.ts';
import type {
  AlertRecord,
  DoseRecord,
  EpisodeHead,
  EpisodeRecord,
  RecordLookup,
  StoredItem,
  TimelineSnapshot,
  VitalsRecord,
} from '../../functions/episodes/records.ts';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import { EpisodeService } from '../../functions/episodes/service.ts';
import { nextShiftCourse } from '../../functions/episodes/shift-course.ts';
import { timelineContext, toTimelineRecord } from '../../functions/episodes/timeline.ts';
import { COURSE_PATIENT, courseEntries, onsetEndingBefore, type CourseEntry } from './course.ts';

/** Vital signs are entered by the nurse in Slack, doses by the physician in the web app. */
export const courseAuthors = (team: string) => ({
  nurse: { userId: 'slack:U0BENCHNURSE', role: 'nurse', teams: [team], via: 'slack' } satisfies Actor,
  clinician: {
    userId: 'cognito:bench-clinician',
    role: 'clinician',
    teams: [team],
    via: 'graphql',
  } satisfies Actor,
});

/** Entered a few minutes after the measurement (or the dose). */
const ENTRY_DELAY_MS = 3 * 60_000;
export const recordedAtOf = (entry: CourseEntry): Date => new Date(entry.at.getTime() + ENTRY_DELAY_MS);

export type SeedStore = { readonly client: DynamoDBClient; readonly tableName: string };

/** The episode service on the store, with the deployment's rules configuration and a settable clock. */
export const seedingService = (store: SeedStore, clock: { now: Date }): EpisodeService =>
  new EpisodeService({
    repository: new EpisodeRepository(
      DynamoDBDocumentClient.from(store.client, {
        marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
      }),
      store.tableName,
    ),
    clock: () => clock.now,
    config: rulesConfigFromEnv(),
    timeZone: process.env.HOSPITAL_TIME_ZONE,
    newId: monotonicFactory(),
  });

/** The dates the episode is created with: infusion the day before onset, lymphodepletion d-4..d-2. */
export const courseEpisodeInput = (
  service: EpisodeService,
  team: string,
  patientRef: string,
  onset: Date,
) => {
  const infusionDate = service.today(new Date(onset.getTime() - 24 * 3_600_000));
  return {
    patientRef,
    team,
    ...COURSE_PATIENT,
    lymphodepletionStartDate: addDays(infusionDate, -4),
    lymphodepletionEndDate: addDays(infusionDate, -2),
    infusionDate,
  };
};

/** The service's validated values of an entry (defaults applied, as stored). */
const valuesOf = (entry: CourseEntry): unknown =>
  entry.kind === 'VITALS'
    ? vitalsValuesSchema.parse({ measuredAt: entry.at.toISOString(), ...entry.values })
    : doseValuesSchema.parse({ givenAt: entry.at.toISOString(), ...entry.values });

/** The stored record of one course entry, as the service builds it from the entry's input. */
const courseRecord = (entry: CourseEntry, context: WriteContext): VitalsRecord | DoseRecord =>
  clinicalRecord<'VITALS' | 'DOSE'>(entry.kind, valuesOf(entry) as never, entry.at.toISOString(), context);

/**
 * The course's entries as the timeline fold reads them: each built as the service stores it and
 * converted as the service converts a stored record (functions/episodes/timeline.ts).
 */
export const courseTimelineRecords = (
  entries: readonly CourseEntry[],
  team: string,
  newId: () => string = monotonicFactory(),
): TimelineRecord[] => {
  const authors = courseAuthors(team);
  return entries.map((entry) => {
    const actor = entry.kind === 'VITALS' ? authors.nurse : authors.clinician;
    const converted = toTimelineRecord(
      courseRecord(entry, {
        episodeId: 'EP-BENCH',
        now: recordedAtOf(entry).toISOString(),
        author: { userId: actor.userId, role: actor.role, via: actor.via },
        newId,
      }),
    );
    if (converted === null) throw new Error(`the fold does not read a course's ${entry.kind} entry`);
    return converted;
  });
};

/** A timeline snapshot every 6 hours of clinical time (service.ts SNAPSHOT_EVERY_MS). */
const SNAPSHOT_EVERY_MS = 6 * 3_600_000;

/** The clinical time of a vital signs or dose record. */
const clinicalTimeOf = (record: VitalsRecord | DoseRecord): string =>
  record.kind === 'VITALS' ? record.values.measuredAt : record.values.givenAt;

/** The open CRS episode's number (EPI-1), for the alerts a head keeps (service.ts openEpisodeNumber). */
const openEpisodeNumber = (timeline: TimelineState): number | null =>
  timeline.crsEpisode !== null && timeline.crsEpisode.closedAt === null ? timeline.crsEpisode.number : null;

/** The head's record counts after one more vital signs or dose record (service.ts nextCounts). */
const nextCounts = (counts: EpisodeHead['counts'], record: VitalsRecord | DoseRecord) => {
  const next = { ...(counts ?? { vitals: 0, neuro: 0, labs: 0, doses: 0 }) };
  if (record.kind === 'VITALS') next.vitals += 1;
  else next.doses += 1;
  return next;
};

/**
 * Every item the service writes when the course's entries are recorded one after the other, each
 * at `recordedAtOf(entry)`, without idempotency keys: the service's write step (service.ts
 * #writeOnce) for records that append to the timeline — the record, its gradings, new alerts, EPI-6
 * repeats applied to the stored alert as the repository's UpdateExpression does, the record's
 * lookup, a snapshot every 6 h of clinical time and the new head.
 */
export const courseItems = (
  created: EpisodeHead,
  entries: readonly CourseEntry[],
  service: EpisodeService,
  newId: () => string = monotonicFactory(),
): { readonly head: EpisodeHead; readonly items: StoredItem[]; readonly records: EpisodeRecord[] } => {
  const authors = courseAuthors(created.team);
  const settings = service.timelineSettings;
  const records: EpisodeRecord[] = [];
  const extra: (RecordLookup | TimelineSnapshot)[] = [];
  const alerts = new Map<string, AlertRecord>();
  let head = created;
  for (const entry of entries) {
    const actor = entry.kind === 'VITALS' ? authors.nurse : authors.clinician;
    const now = recordedAtOf(entry).toISOString();
    const context: WriteContext = {
      episodeId: created.id,
      now,
      author: { userId: actor.userId, role: actor.role, via: actor.via },
      newId,
    };
    const record = courseRecord(entry, context);
    const current = head.timeline ?? emptyTimeline();
    const converted = toTimelineRecord(record);
    if (converted === null || !appendsTo(current, converted))
      throw new Error(`seeding appends only; ${record.SK} did not append`);
    const stepped = step(current, converted, timelineContext(head, settings));
    const assessment = assessStep(stepped, settings);
    const gradings = assessment.gradings.map((draft) => gradingRecord(draft, context));
    const refs = alertRefsOf(head);
    const sorted = sortTriggers(refs, assessment.triggers);
    const basedOn = gradings[0]?.id ?? record.id;
    const raised = sorted.raise.map((trigger) => alertRecord(trigger, basedOn, head.team, context));
    // EPI-6: a repeat updates the stored alert (repository.ts commit, alertRepeats).
    const repeated = sorted.repeat.map(({ trigger, alert }) => {
      const stored = alerts.get(alert.id);
      if (!stored) throw new Error(`seeding: alert ${alert.id} on the head was never written`);
      const updated: AlertRecord = {
        ...stored,
        occurrences: (stored.occurrences ?? 1) + 1,
        lastRaisedAt: now,
        lastBasedOn: basedOn,
        text: trigger.text,
      };
      alerts.set(alert.id, updated);
      return updated;
    });
    for (const alert of raised) alerts.set(alert.id, alert);
    const version = head.version + 1;
    const at = clinicalTimeOf(record);
    const snapshot =
      head.lastSnapshotAt && Date.parse(at) - Date.parse(head.lastSnapshotAt) < SNAPSHOT_EVERY_MS
        ? undefined
        : ({
            PK: head.PK,
            SK: snapshotSk(at, record.id),
            kind: 'SNAPSHOT',
            state: stepped.state,
            headVersion: version,
          } satisfies TimelineSnapshot);
    head = nextHead(
      head,
      stepped.state,
      nextAlertRefs(refs, {
        raised,
        repeated,
        currentCrsEpisode: openEpisodeNumber(stepped.state),
        now,
      }),
      now,
      {
        ...(snapshot ? { lastSnapshotAt: at } : {}),
        counts: nextCounts(head.counts, record),
        shiftCourse: nextShiftCourse(head, stepped.state, now),
        currentGradings: nextCurrentGradings(head.currentGradings, { record, gradings, refolded: false }),
      },
    );
    records.push(record, ...gradings);
    extra.push({ PK: head.PK, SK: recordLookupSk(record.id), kind: 'LOOKUP', recordSk: record.SK });
    if (snapshot) extra.push(snapshot);
  }
  const all = [...records, ...alerts.values()];
  return { head, records: all, items: [...all, ...extra, head] };
};

const BATCH = 25;
const PARALLEL_BATCHES = 4;

/** Writes items with BatchWriteItem (25 per request, a few requests at a time, unprocessed items retried). */
export const batchWrite = async (
  store: SeedStore,
  items: readonly StoredItem[] | readonly object[],
): Promise<void> => {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += BATCH)
    batches.push(
      items
        .slice(i, i + BATCH)
        .map((item) => marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false })),
    );
  const writeBatch = async (batch: Record<string, unknown>[]): Promise<void> => {
    let pending = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 10) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed`);
      const result = await store.client.send(
        new BatchWriteItemCommand({ RequestItems: { [store.tableName]: pending as never } }),
      );
      pending = (result.UnprocessedItems?.[store.tableName] ?? []) as typeof pending;
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL_BATCHES }, async () => {
      while (next < batches.length) {
        const batch = batches[next];
        next += 1;
        if (batch) await writeBatch(batch);
      }
    }),
  );
};

export type SeededEpisode = {
  readonly episodeId: string;
  readonly vitals: number;
  readonly doses: number;
  readonly gradings: number;
  readonly alerts: number;
  /** Items in the partition: head, records, gradings, alerts, record lookups and snapshots. */
  readonly items: number;
  readonly onset: Date;
};

/**
 * One episode with a course of `vitalsCount` vital signs ending just before `endsBefore` (and the
 * doses in that span), in team `team`.
 */
export const seedEpisode = async (
  store: SeedStore,
  options: {
    readonly team: string;
    readonly patientRef: string;
    readonly vitalsCount: number;
    readonly endsBefore: Date;
  },
): Promise<SeededEpisode> => {
  const onset = onsetEndingBefore(options.vitalsCount, options.endsBefore);
  const clock = { now: new Date(onset.getTime() - 3_600_000) };
  const service = seedingService(store, clock);
  const created = await service.createEpisode(
    courseAuthors(options.team).clinician,
    courseEpisodeInput(service, options.team, options.patientRef, onset),
  );
  const entries = courseEntries(options.vitalsCount, onset);
  const { head, records, items } = courseItems(created, entries, service);
  await batchWrite(store, items);
  const count = (kind: EpisodeRecord['kind']) => records.filter((r) => r.kind === kind).length;
  return {
    episodeId: head.id,
    vitals: count('VITALS'),
    doses: count('DOSE'),
    gradings: count('GRADING'),
    alerts: count('ALERT'),
    items: items.length,
    onset,
  };
};
