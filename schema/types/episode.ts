import {
  EpisodeForbiddenError,
  EpisodeNotFoundError,
  EpisodeValidationError,
  StoreUnavailableError,
  type EpisodeHead,
  type EpisodeState,
  type RecordFamily,
} from '#episodes';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { newestAlertsFirst } from './alert.ts';
import { CarTProductEnum } from './reference-data.ts';
import { AuthorType } from './author.ts';
import { DrugEnum } from './dose.ts';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  sliceConnection,
  type ConnectionArgs,
  type ConnectionPage,
} from './episode-connection.ts';
import {
  episodeIdFrom,
  readEpisodeHead,
  loadEpisodeState,
  loadFullEpisodeState,
  RECENT_WINDOW,
} from './episode-loader.ts';
import {
  AlertRef,
  DoseAdministrationRef,
  EpisodeRef,
  GradingRef,
  ObservationRef,
  type ClinicalRecord,
} from './episode-refs.ts';
import { CurrentStateType } from './episode-state.ts';
import { actorFor } from './errors.ts';
import { GradingDomainEnum } from './grading.ts';
import { loadEpisodeNode } from './node.ts';
import { isCurrent, newestClinicalFirst, ObservationKindEnum } from './observation.ts';

/**
 * An episode: one patient's CAR-T course (pseudonymous patient reference, never a name), as a Relay
 * node with its current state and its timeline (observations, gradings, doses, alerts; newest first).
 * One request reads one episode once: the head, current state and every connection share one Query.
 */
export const EpisodeStatusEnum = builder.enumType('EpisodeStatus', { values: ['ACTIVE', 'CLOSED'] as const });
export const ClosureReasonEnum = builder.enumType('ClosureReason', {
  values: ['COMPLETED_FOLLOW_UP', 'TRANSFERRED', 'DIED', 'ENTERED_IN_ERROR', 'OTHER'] as const,
});

type Closure = NonNullable<EpisodeHead['closed']>;
const ClosureType = builder.objectRef<Closure>('EpisodeClosure').implement({
  fields: (t) => ({
    reason: t.field({ type: ClosureReasonEnum, resolve: (c) => c.reason }),
    closedAt: t.field({ type: 'DateTime', resolve: (c) => c.closedAt }),
    closedBy: t.field({ type: AuthorType, resolve: (c) => c.by }),
  }),
});

const date = (
  t: PothosSchemaTypes.ObjectFieldBuilder<typeof builder.$inferSchemaTypes, EpisodeHead>,
  key: DateKey,
) => t.field({ type: 'Date', nullable: true, resolve: (head) => head[key] });
type DateKey = 'apheresisDate' | 'lymphodepletionStartDate' | 'lymphodepletionEndDate' | 'infusionDate';

builder.node(EpisodeRef, {
  description: "One patient's CAR-T course, from lymphodepletion to follow-up.",
  id: { resolve: (head) => head.id },
  loadOne: loadEpisodeNode,
  fields: (t) => ({
    episodeId: t.string({
      description: 'The short id, e.g. "EP-12" (as used in Slack).',
      resolve: (h) => h.id,
    }),
    patientRef: t.string({
      description: 'Pseudonymous patient reference (never a name).',
      resolve: (h) => h.patientRef,
    }),
    team: t.exposeString('team'),
    status: t.field({ type: EpisodeStatusEnum, resolve: (h) => h.status }),
    product: t.field({ type: CarTProductEnum, resolve: (h) => h.product }),
    weightKg: t.exposeFloat('weightKg', {
      description: 'Actual body weight, kg (doses are computed from it).',
    }),
    heightCm: t.exposeFloat('heightCm'),
    apheresisDate: date(t, 'apheresisDate'),
    lymphodepletionStartDate: date(t, 'lymphodepletionStartDate'),
    lymphodepletionEndDate: date(t, 'lymphodepletionEndDate'),
    infusionDate: date(t, 'infusionDate'),
    createdAt: t.field({ type: 'DateTime', resolve: (h) => h.createdAt }),
    createdBy: t.field({ type: AuthorType, resolve: (h) => h.createdBy }),
    updatedAt: t.field({ type: 'DateTime', resolve: (h) => h.updatedAt }),
    closure: t.field({ type: ClosureType, nullable: true, resolve: (h) => h.closed }),
    version: t.exposeInt('version', { description: 'Incremented by every write.' }),
    ruleset: t.string({ description: 'The ruleset of the latest write.', resolve: (h) => h.ruleset }),
    currentState: t.field({
      type: CurrentStateType,
      args: {
        today: t.arg({
          type: 'Date',
          description:
            "The hospital's calendar date for day counts; defaults to the request's date in the hospital's time zone (HOSPITAL_TIME_ZONE, Asia/Shanghai unless configured).",
        }),
      },
      resolve: (head, args, context) => ({
        head,
        today: args.today ?? context.today(),
      }),
    }),
    observations: t.connection({
      type: ObservationRef,
      description: 'Vital signs, neuro assessments and lab results, newest first by clinical time.',
      args: {
        kinds: t.arg({ type: [ObservationKindEnum], description: 'Only these kinds.' }),
        currentOnly: t.arg.boolean({
          defaultValue: false,
          description: 'Only records that count (hide corrected and retracted ones).',
        }),
      },
      resolve: (head, args, context) =>
        withinWindow(head, args, 'OBS', context, async (state) => {
          const kinds = new Set(args.kinds ?? ['VITALS', 'NEURO', 'LAB']);
          const records = state.records.filter(
            (r): r is Extract<ClinicalRecord, { kind: 'VITALS' | 'NEURO' | 'LAB' }> =>
              (r.kind === 'VITALS' || r.kind === 'NEURO' || r.kind === 'LAB') && kinds.has(r.kind),
          );
          const shown = args.currentOnly ? await onlyCurrent(records, context) : records;
          return sliceConnection(newestClinicalFirst(shown), args, (r) => r.id);
        }),
    }),
    gradings: t.connection({
      type: GradingRef,
      description: 'Rule evaluations, newest first.',
      args: { domain: t.arg({ type: GradingDomainEnum, description: 'Only this domain.' }) },
      resolve: (head, args, context) =>
        withinWindow(head, args, 'GRADE', context, (state) => {
          const gradings = state.gradings
            .filter((g) => args.domain == null || g.domain === args.domain)
            .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || b.id.localeCompare(a.id));
          return sliceConnection(gradings, args, (g) => g.id);
        }),
    }),
    doses: t.connection({
      type: DoseAdministrationRef,
      description: 'Doses given, newest first.',
      args: {
        drug: t.arg({ type: DrugEnum, description: 'Only this drug.' }),
        currentOnly: t.arg.boolean({ defaultValue: false, description: 'Only records that count.' }),
      },
      resolve: (head, args, context) =>
        withinWindow(head, args, 'DOSE', context, async (state) => {
          const doses = state.records.filter(
            (r): r is Extract<ClinicalRecord, { kind: 'DOSE' }> =>
              r.kind === 'DOSE' && (args.drug == null || r.values.drug === args.drug),
          );
          const shown = args.currentOnly ? await onlyCurrent(doses, context) : doses;
          return sliceConnection(newestClinicalFirst(shown), args, (d) => d.id);
        }),
    }),
    alerts: t.connection({
      type: AlertRef,
      description: 'Alerts raised, newest first.',
      args: { openOnly: t.arg.boolean({ defaultValue: false, description: 'Only unacknowledged alerts.' }) },
      resolve: (head, args, context) =>
        withinWindow(head, args, 'ALERT', context, (state) => {
          const alerts = state.alerts.filter((a) => !args.openOnly || a.acknowledgedAt === undefined);
          return sliceConnection(newestAlertsFirst(alerts), args, (a) => a.id);
        }),
    }),
  }),
});

/**
 * A connection page from the newest records of its family (a bounded read: the page size plus one
 * of each family, 4 Queries). A page that reaches past them (a cursor older than the window, a
 * filter the window does not fill, backward paging) reads a window of RECENT_WINDOW, then, only if
 * that family has older records still, the whole episode.
 */
const withinWindow = async <T>(
  head: EpisodeHead,
  args: ConnectionArgs,
  family: RecordFamily,
  context: GraphQLContext,
  page: (state: EpisodeState) => ConnectionPage<T> | Promise<ConnectionPage<T>>,
): Promise<ConnectionPage<T>> => {
  const forward = args.after == null && args.before == null && args.last == null;
  // The read's size only: a `first` out of range (0, negative) is refused by the page itself.
  const sizes = forward
    ? [Math.max(1, Math.min(args.first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)) + 1, RECENT_WINDOW]
    : [RECENT_WINDOW];
  for (const size of sizes) {
    const recent = await loadEpisodeState(context, head.id, size);
    const olderExist = recent.truncated?.includes(family) ?? false;
    try {
      const result = await page(recent);
      // Complete when the family has nothing older, or the page stops inside the window.
      if (!olderExist || result.pageInfo.hasNextPage) return result;
    } catch (error) {
      if (!olderExist) throw error;
    }
  }
  return page(await loadFullEpisodeState(context, head.id));
};

const onlyCurrent = async <R extends ClinicalRecord>(
  records: readonly R[],
  context: GraphQLContext,
): Promise<R[]> => {
  const current = await Promise.all(records.map((r) => isCurrent(r, context)));
  return records.filter((_r, i) => current[i]);
};

// ---------------------------------------------------------------- queries

builder.queryField('episode', (t) =>
  t.field({
    type: EpisodeRef,
    description:
      'An episode of your teams by id ("EP-12" or its global id). Another team\'s episode answers NotFoundError, exactly like a missing one.',
    args: { id: t.arg.id({ required: true }) },
    errors: {
      types: [EpisodeValidationError, EpisodeNotFoundError, EpisodeForbiddenError, StoreUnavailableError],
      directResult: true,
      union: { name: 'EpisodeResult' },
    },
    resolve: async (_root, args, context) => {
      actorFor(context, 'read episodes');
      return readEpisodeHead(context, episodeIdFrom(args.id));
    },
  }),
);
