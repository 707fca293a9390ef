import { iceScore, type IceScoreItems } from '#rules';
import type { NeuroRecord, Recording } from '#episodes';
import { builder } from '../builder.ts';
import { loadRecordNode, recordNodeId } from './node.ts';
import { recordingMutation, RecordingInterface } from './episode-recording.ts';
import { ClinicalRecordRef, NeuroAssessmentRef, ObservationRef } from './episode-refs.ts';
import { CerebralEdemaEnum, ConsciousnessEnum, IceScoreInput, SeizureEnum } from './observation-enums.ts';

/** A neurological assessment as entered: what ICANS grading (ICANS-GRADE, ICE) works from. */
type Types = typeof builder.$inferSchemaTypes;
type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

const IceScoreType = builder.objectRef<IceScoreItems>('IceScore').implement({
  description: 'The ICE score items as entered, with their total (0–10).',
  fields: (t) => ({
    orientation: t.exposeInt('orientation'),
    naming: t.exposeInt('naming'),
    followsCommands: t.exposeInt('followsCommands'),
    writing: t.exposeInt('writing'),
    attention: t.exposeInt('attention'),
    total: t.int({ description: '0..10', resolve: (ice) => iceScore(ice) }),
  }),
});

builder.node(NeuroAssessmentRef, {
  id: recordNodeId,
  loadOne: loadRecordNode<NeuroRecord>('NeuroAssessment'),
  description: 'A neurological assessment as entered.',
  interfaces: [ClinicalRecordRef, ObservationRef],
  fields: (t) => ({
    assessedAt: t.field({ type: 'DateTime', resolve: (r) => r.values.assessedAt }),
    ice: t.field({
      type: IceScoreType,
      nullable: true,
      description: 'Null when the patient could not be assessed.',
      resolve: (r) => r.values.ice ?? null,
    }),
    consciousness: t.field({ type: ConsciousnessEnum, resolve: (r) => r.values.consciousness }),
    seizure: t.field({ type: SeizureEnum, resolve: (r) => r.values.seizure }),
    deepFocalMotorWeakness: t.boolean({ resolve: (r) => r.values.deepFocalMotorWeakness }),
    cerebralEdema: t.field({ type: CerebralEdemaEnum, resolve: (r) => r.values.cerebralEdema }),
    movementDisorderSigns: t.boolean({ resolve: (r) => r.values.movementDisorderSigns }),
  }),
});

/** The neuro assessment fields, shared by recordNeuroAssessment and correctRecord. */
export const neuroInputFields = (t: InputFields) => ({
  assessedAt: t.field({
    type: 'DateTime',
    description: 'When assessed; defaults to now, at most 5 minutes ahead of the server clock.',
  }),
  ice: t.field({ type: IceScoreInput, description: 'Omit when the patient cannot be assessed.' }),
  consciousness: t.field({ type: ConsciousnessEnum, required: true, defaultValue: 'NORMAL' }),
  seizure: t.field({ type: SeizureEnum, required: true, defaultValue: 'NONE' }),
  deepFocalMotorWeakness: t.boolean({ required: true, defaultValue: false }),
  cerebralEdema: t.field({ type: CerebralEdemaEnum, required: true, defaultValue: 'NONE' }),
  movementDisorderSigns: t.boolean({ required: true, defaultValue: false }),
});

export const NeuroAssessmentValuesInput = builder.inputType('NeuroAssessmentValuesInput', {
  description: 'Neurological assessment values (for a correction).',
  fields: neuroInputFields,
});

const RecordNeuroAssessmentInput = builder.inputType('RecordNeuroAssessmentInput', {
  fields: (t) => ({
    episodeId: t.id({ required: true, description: 'e.g. "EP-12", or the Episode\'s global id.' }),
    ...neuroInputFields(t),
  }),
});

const RecordNeuroAssessmentSuccess = builder.objectRef<Recording>('RecordNeuroAssessmentSuccess').implement({
  interfaces: [RecordingInterface],
  fields: (t) => ({
    observation: t.field({
      type: NeuroAssessmentRef,
      resolve: (recording) => recording.record as NeuroRecord,
    }),
  }),
});

recordingMutation('recordNeuroAssessment', {
  description:
    'Records a neurological assessment (clinician or nurse), grades ICANS with it and raises any alert, in one transaction.',
  action: 'record neuro assessments',
  input: RecordNeuroAssessmentInput,
  success: RecordNeuroAssessmentSuccess,
  call: (service, actor, input, options) => service.recordNeuroAssessment(actor, input, options),
});
