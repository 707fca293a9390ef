import { clinicalTimeOf, type EpisodeRecord, type EpisodeState } from '#episodes';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { AuthorType } from './author.ts';
import { loadSomeEpisodeState } from './episode-loader.ts';
import { ClinicalRecordRef, ObservationRef, RECORD_TYPE_NAME, type ClinicalRecord } from './episode-refs.ts';

/**
 * What every clinical record shares (vital signs, neuro assessment, lab result, dose): the values as
 * entered, who entered them when and through which door, and the correction trail. Records are
 * never edited: a correction is a new record pointing at the one it replaces (or retracts).
 */

type CorrectionShape = NonNullable<ClinicalRecord['correction']>;

const CorrectionType = builder.objectRef<CorrectionShape>('Correction').implement({
  description: 'Set on a record that replaces an earlier one (or retracts it, entered in error).',
  fields: (t) => ({
    corrects: t.exposeID('corrects', { description: 'The id of the record this one replaces.' }),
    reason: t.exposeString('reason'),
    retracted: t.boolean({
      description: 'True when the earlier record was retracted (entered in error) rather than replaced.',
      resolve: (correction) => correction.retracted === true,
    }),
  }),
});

/** Records just written by this request: nothing can supersede them yet (no read needed). */
const freshRecords = new WeakSet<object>();
export const markFresh = (record: EpisodeRecord): void => {
  freshRecords.add(record);
};

/** record id → id of the record that supersedes it, per loaded state. */
const supersessions = new WeakMap<EpisodeState, ReadonlyMap<string, string>>();
const supersessionsOf = (state: EpisodeState): ReadonlyMap<string, string> => {
  let map = supersessions.get(state);
  if (!map) {
    const next = new Map<string, string>();
    for (const record of state.records) {
      if ('correction' in record && record.correction) {
        next.set(record.correction.corrects, record.id);
        // A retraction is itself not a finding: it is superseded by nothing, but never counts.
      }
    }
    map = next;
    supersessions.set(state, map);
  }
  return map;
};

/** The id of the record that replaced or retracted this one, if any. */
export const supersededBy = async (
  record: ClinicalRecord,
  context: GraphQLContext,
): Promise<string | null> => {
  if (freshRecords.has(record)) return null;
  const state = await loadSomeEpisodeState(context, record.episodeId);
  return supersessionsOf(state).get(record.id) ?? null;
};

/** Does the record count in the clinical state (not superseded and not itself a retraction)? */
export const isCurrent = async (record: ClinicalRecord, context: GraphQLContext): Promise<boolean> =>
  record.correction?.retracted !== true && (await supersededBy(record, context)) === null;

/** Newest first by clinical time (then by id, which is time-ordered): the timeline order. */
export const newestClinicalFirst = <R extends ClinicalRecord>(records: readonly R[]): R[] =>
  [...records].sort(
    (a, b) => Date.parse(clinicalTimeOf(b)) - Date.parse(clinicalTimeOf(a)) || b.id.localeCompare(a.id),
  );

ClinicalRecordRef.implement({
  description:
    'A vital signs, neuro assessment, lab, dose or death record, with its audit and correction trail. A Node: `id` refetches it.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (record) => RECORD_TYPE_NAME[record.kind],
  fields: (t) => ({
    recordId: t.exposeID('id', {
      description:
        'The record id as Slack replies show it (what corrections point at); with its episode, "EP-12/<recordId>" is a short id node(id:) accepts.',
    }),
    episodeId: t.exposeString('episodeId'),
    clinicalTime: t.field({
      type: 'DateTime',
      description: 'When it was measured, assessed, collected or given (as entered).',
      resolve: clinicalTimeOf,
    }),
    recordedAt: t.field({
      type: 'DateTime',
      description: 'When the server stored it.',
      resolve: (record) => record.recordedAt,
    }),
    recordedBy: t.field({ type: AuthorType, resolve: (record) => record.recordedBy }),
    correction: t.field({
      type: CorrectionType,
      nullable: true,
      resolve: (record) => record.correction ?? null,
    }),
    supersededBy: t.id({
      nullable: true,
      description: 'The record that replaced or retracted this one; null while it stands.',
      resolve: (record, _args, context) => supersededBy(record, context),
    }),
    current: t.boolean({
      description: 'Whether it counts in the clinical state: not superseded, and not itself a retraction.',
      resolve: (record, _args, context) => isCurrent(record, context),
    }),
  }),
});

ObservationRef.implement({
  description: 'A vital signs, neuro assessment, lab or death record.',
  interfaces: [builder.nodeInterfaceRef(), ClinicalRecordRef],
  resolveType: (record) => RECORD_TYPE_NAME[record.kind],
});

export const OBSERVATION_KINDS = ['VITALS', 'NEURO', 'LAB'] as const;
export const ObservationKindEnum = builder.enumType('ObservationKind', {
  values: {
    VITALS: { value: 'VITALS', description: 'Vital signs (VitalsObservation).' },
    NEURO: { value: 'NEURO', description: 'Neurological assessment (NeuroAssessment).' },
    LAB: { value: 'LAB', description: 'Laboratory result (LabResult).' },
  } as const,
});
