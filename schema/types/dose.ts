import { DRUGS, ROUTES, type DoseRecord, type Recording } from '#episodes';
import { builder } from '../builder.ts';
import { loadRecordNode, recordNodeId } from './node.ts';
import { recordingMutation, RecordingInterface } from './episode-recording.ts';
import { ClinicalRecordRef, DoseAdministrationRef } from './episode-refs.ts';

/**
 * A dose given (tocilizumab, corticosteroids, …): what the TOCI limits count and what lets CRS be
 * graded without fever (CRS-G2). Only clinicians record doses.
 */
type Types = typeof builder.$inferSchemaTypes;
type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

export const DrugEnum = builder.enumType('Drug', { values: DRUGS });
export const DoseRouteEnum = builder.enumType('DoseRoute', { values: ROUTES });

builder.node(DoseAdministrationRef, {
  id: recordNodeId,
  loadOne: loadRecordNode<DoseRecord>('DoseAdministration'),
  description: 'A dose given, as entered.',
  interfaces: [ClinicalRecordRef],
  fields: (t) => ({
    givenAt: t.field({ type: 'DateTime', resolve: (r) => r.values.givenAt }),
    drug: t.field({ type: DrugEnum, resolve: (r) => r.values.drug }),
    mg: t.float({ resolve: (r) => r.values.mg }),
    route: t.field({ type: DoseRouteEnum, resolve: (r) => r.values.route }),
    overrideReason: t.string({
      nullable: true,
      description:
        'Why the dose was given over the computed dose or cap, by another route, or over a TOCI limit (TOCI-5); null when within them.',
      resolve: (r) => r.values.overrideReason ?? null,
    }),
  }),
});

/** The dose fields, shared by recordDose and correctRecord. */
export const doseInputFields = (t: InputFields) => ({
  givenAt: t.field({
    type: 'DateTime',
    description: 'When given; defaults to now, at most 5 minutes ahead of the server clock.',
  }),
  drug: t.field({ type: DrugEnum, required: true }),
  mg: t.float({
    required: true,
    description:
      'Milligrams. Above the dose the rules compute for this patient (tocilizumab 8 mg/kg, at most 800 mg; steroids per T4/T5) it is refused without overrideReason (TOCI-5).',
  }),
  route: t.field({ type: DoseRouteEnum, required: true }),
  overrideReason: t.string({
    description:
      'Required to record a dose over the computed dose or cap, by a route other than IV, or over a TOCI limit (TOCI-2..5); it is kept and raises ESC-DOSE / ESC-TOCI.',
  }),
});

export const DoseValuesInput = builder.inputType('DoseValuesInput', {
  description: 'Dose values (for a correction).',
  fields: doseInputFields,
});

const RecordDoseInput = builder.inputType('RecordDoseInput', {
  fields: (t) => ({
    episodeId: t.id({ required: true, description: 'e.g. "EP-12", or the Episode\'s global id.' }),
    ...doseInputFields(t),
  }),
});

const RecordDoseSuccess = builder.objectRef<Recording>('RecordDoseSuccess').implement({
  interfaces: [RecordingInterface],
  fields: (t) => ({
    dose: t.field({ type: DoseAdministrationRef, resolve: (recording) => recording.record as DoseRecord }),
  }),
});

recordingMutation('recordDose', {
  description:
    'Records a dose given (clinicians only); a tocilizumab dose is checked against the TOCI limits, in one transaction.',
  action: 'record doses',
  input: RecordDoseInput,
  success: RecordDoseSuccess,
  call: (service, actor, input, options) => service.recordDose(actor, input, options),
});
