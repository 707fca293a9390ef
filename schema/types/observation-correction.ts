import { EpisodeValidationError, type Recording } from '#episodes';
import { builder } from '../builder.ts';
import { DoseValuesInput } from './dose.ts';
import { recordingMutation, RecordingInterface } from './episode-recording.ts';
import { ClinicalRecordRef, type ClinicalRecord } from './episode-refs.ts';
import { recordIdFrom } from './node-ids.ts';
import { LabResultValuesInput } from './observation-lab.ts';
import { NeuroAssessmentValuesInput } from './observation-neuro.ts';
import { VitalsValuesInput } from './observation-vitals.ts';

/**
 * Corrections: a record is never edited. A correction is a new record of the same kind that
 * replaces the one it points at, with the reason, or retracts it (entered in error); the episode
 * is re-graded from what then counts, and the original stays in the timeline.
 */
const VALUE_GROUPS = ['vitals', 'neuroAssessment', 'labResult', 'dose'] as const;
type ValueGroup = (typeof VALUE_GROUPS)[number];

const CorrectRecordInput = builder.inputType('CorrectRecordInput', {
  description:
    'Give the record to correct, the reason, and either its corrected values (the group of its kind, every value again, clinical time included) or retract: true.',
  fields: (t) => ({
    episodeId: t.id({ required: true, description: 'e.g. "EP-12", or the Episode\'s global id.' }),
    recordId: t.id({
      required: true,
      description:
        'The vital signs, neuro, lab or dose record to correct: its `recordId`, or its global `id`.',
    }),
    reason: t.string({ required: true, description: '3–500 characters saying why.' }),
    retract: t.boolean({
      required: true,
      defaultValue: false,
      description: 'True to retract the record (entered in error) instead of replacing its values.',
    }),
    vitals: t.field({ type: VitalsValuesInput }),
    neuroAssessment: t.field({ type: NeuroAssessmentValuesInput }),
    labResult: t.field({ type: LabResultValuesInput }),
    dose: t.field({ type: DoseValuesInput }),
  }),
});

const EXACTLY_ONE = `exactly one of ${VALUE_GROUPS.join(', ')} (the kind of the record), or retract: true`;

/** The service's `values` (null retracts) and which input group they came from. */
const valuesOf = (
  input: Partial<Record<ValueGroup, unknown>> & { readonly retract: boolean },
): { readonly values: unknown; readonly group: ValueGroup | null } => {
  const given = VALUE_GROUPS.filter((group) => input[group] != null);
  const [group] = given;
  if (input.retract && given.length === 0) return { values: null, group: null };
  if (group === undefined || given.length > 1 || input.retract) {
    const received = input.retract ? ['retract', ...given] : given;
    throw new EpisodeValidationError([
      {
        field: 'input',
        allowed: EXACTLY_ONE,
        received,
        message: `input must give ${EXACTLY_ONE}; received ${received.length === 0 ? 'none' : received.join(', ')}`,
      },
    ]);
  }
  return { values: input[group], group };
};

/** The service names the values `input.values`; the client sent them as `input.<group>`. */
const renameValueFields = (error: unknown, group: ValueGroup | null): unknown => {
  if (!(error instanceof EpisodeValidationError) || group === null) return error;
  const rename = (text: string) => text.replaceAll('input.values', `input.${group}`);
  return new EpisodeValidationError(
    error.issues.map((issue) => ({ ...issue, field: rename(issue.field), message: rename(issue.message) })),
  );
};

const CorrectRecordSuccess = builder.objectRef<Recording>('CorrectRecordSuccess').implement({
  interfaces: [RecordingInterface],
  fields: (t) => ({
    record: t.field({
      type: ClinicalRecordRef,
      description: 'The new record (its `correction` points at the record it replaces or retracts).',
      resolve: (recording) => recording.record as ClinicalRecord,
    }),
  }),
});

recordingMutation('correctRecord', {
  description:
    'Corrects or retracts a vital signs, neuro, lab or dose record (whoever may record that kind), re-grading the episode, in one transaction.',
  action: 'correct records',
  input: CorrectRecordInput,
  success: CorrectRecordSuccess,
  call: async (service, actor, input, options) => {
    const { values, group } = valuesOf(input);
    try {
      return await service.correctRecord(
        actor,
        { episodeId: input.episodeId, recordId: recordIdFrom(input.recordId), reason: input.reason, values },
        options,
      );
    } catch (error) {
      throw renameValueFields(error, group);
    }
  },
});
