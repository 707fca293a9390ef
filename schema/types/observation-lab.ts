import type { LabRecord, Recording } from '#episodes';
import { builder } from '../builder.ts';
import { loadRecordNode, recordNodeId } from './node.ts';
import { recordingMutation, RecordingInterface } from './episode-recording.ts';
import { ClinicalRecordRef, LabResultRef, ObservationRef } from './episode-refs.ts';

/** A laboratory result as entered: IgG (IG-2, IG-3) and blood counts (cytopenia). */
type Types = typeof builder.$inferSchemaTypes;
type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

builder.node(LabResultRef, {
  id: recordNodeId,
  loadOne: loadRecordNode<LabRecord>('LabResult'),
  description: 'A laboratory result as entered.',
  interfaces: [ClinicalRecordRef, ObservationRef],
  fields: (t) => {
    const value =
      (key: 'iggGPerL' | 'ancE9PerL' | 'plateletsE9PerL' | 'haemoglobinGPerL') =>
      (record: LabRecord): number | null =>
        record.values[key] ?? null;
    return {
      collectedAt: t.field({ type: 'DateTime', resolve: (r) => r.values.collectedAt }),
      iggGPerL: t.float({ nullable: true, description: 'IgG, g/L', resolve: value('iggGPerL') }),
      ancE9PerL: t.float({
        nullable: true,
        description: 'Neutrophils, × 10⁹/L',
        resolve: value('ancE9PerL'),
      }),
      plateletsE9PerL: t.float({
        nullable: true,
        description: 'Platelets, × 10⁹/L',
        resolve: value('plateletsE9PerL'),
      }),
      haemoglobinGPerL: t.float({
        nullable: true,
        description: 'Haemoglobin, g/L',
        resolve: value('haemoglobinGPerL'),
      }),
      infection: t.boolean({
        nullable: true,
        description: 'Active infection at the time (decides IVIG for IgG 4–6 g/L, IG-3).',
        resolve: (r) => r.values.infection ?? null,
      }),
    };
  },
});

/** The lab fields, shared by recordLabResult and correctRecord. */
export const labInputFields = (t: InputFields) => ({
  collectedAt: t.field({
    type: 'DateTime',
    description: 'When collected; defaults to now, at most 5 minutes ahead of the server clock.',
  }),
  iggGPerL: t.float({ description: 'IgG, g/L.' }),
  ancE9PerL: t.float({ description: 'Neutrophils, × 10⁹/L.' }),
  plateletsE9PerL: t.float({ description: 'Platelets, × 10⁹/L.' }),
  haemoglobinGPerL: t.float({ description: 'Haemoglobin, g/L.' }),
  infection: t.boolean({ description: 'Active infection at the time (IG-3).' }),
});

export const LabResultValuesInput = builder.inputType('LabResultValuesInput', {
  description: 'Laboratory values (for a correction); at least one value.',
  fields: labInputFields,
});

const RecordLabResultInput = builder.inputType('RecordLabResultInput', {
  description: 'At least one of iggGPerL, ancE9PerL, plateletsE9PerL, haemoglobinGPerL.',
  fields: (t) => ({
    episodeId: t.id({ required: true, description: 'e.g. "EP-12", or the Episode\'s global id.' }),
    ...labInputFields(t),
  }),
});

const RecordLabResultSuccess = builder.objectRef<Recording>('RecordLabResultSuccess').implement({
  interfaces: [RecordingInterface],
  fields: (t) => ({
    observation: t.field({ type: LabResultRef, resolve: (recording) => recording.record as LabRecord }),
  }),
});

recordingMutation('recordLabResult', {
  description:
    'Records a laboratory result (clinician or nurse), assesses IgG and blood counts and raises any alert, in one transaction.',
  action: 'record lab results',
  input: RecordLabResultInput,
  success: RecordLabResultSuccess,
  call: (service, actor, input, options) => service.recordLabResult(actor, input, options),
});
