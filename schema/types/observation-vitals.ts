import type { Recording, VitalsRecord } from '#episodes';
import { builder } from '../builder.ts';
import { loadRecordNode, recordNodeId } from './node.ts';
import { recordingMutation, RecordingInterface } from './episode-recording.ts';
import { ClinicalRecordRef, ObservationRef, VitalsObservationRef } from './episode-refs.ts';
import { OxygenSupportEnum, VasopressorEnum } from './observation-enums.ts';

/** Vital signs as entered at the bedside: what CRS grading (CRS-GRADE) and ESC-VITALS work from. */
type Types = typeof builder.$inferSchemaTypes;
type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

builder.node(VitalsObservationRef, {
  id: recordNodeId,
  loadOne: loadRecordNode<VitalsRecord>('VitalsObservation'),
  description: 'Vital signs as entered.',
  interfaces: [ClinicalRecordRef, ObservationRef],
  fields: (t) => {
    const value =
      <K extends keyof VitalsRecord['values']>(key: K) =>
      (record: VitalsRecord): NonNullable<VitalsRecord['values'][K]> | null =>
        record.values[key] ?? null;
    return {
      measuredAt: t.field({ type: 'DateTime', resolve: (r) => r.values.measuredAt }),
      temperatureCelsius: t.float({ nullable: true, resolve: value('temperatureCelsius') }),
      systolicBp: t.int({ nullable: true, description: 'mmHg', resolve: value('systolicBp') }),
      diastolicBp: t.int({ nullable: true, description: 'mmHg', resolve: value('diastolicBp') }),
      heartRate: t.int({ nullable: true, description: '/min', resolve: value('heartRate') }),
      respiratoryRate: t.int({ nullable: true, description: '/min', resolve: value('respiratoryRate') }),
      spo2Percent: t.float({ nullable: true, resolve: value('spo2Percent') }),
      oxygen: t.field({
        type: OxygenSupportEnum,
        nullable: true,
        description: 'Null when this entry did not record it (EPI-2: never read as room air).',
        resolve: value('oxygen'),
      }),
      oxygenFlowLpm: t.float({ nullable: true, description: 'L/min', resolve: value('oxygenFlowLpm') }),
      vasopressors: t.field({
        type: [VasopressorEnum],
        nullable: true,
        description:
          'Null when this entry did not record them; [] when "no vasopressor" was recorded (EPI-2).',
        resolve: (r) => (r.values.vasopressors ? [...r.values.vasopressors] : null),
      }),
      hypotension: t.boolean({
        nullable: true,
        description:
          'Hypotension judged at the bedside (a systolic < 90 mmHg or any vasopressor also counts); null when not recorded.',
        resolve: value('hypotension'),
      }),
      organToxicity: t.boolean({ resolve: (r) => r.values.organToxicity }),
    };
  },
});

/** The vital signs fields, shared by recordVitals and correctRecord. */
export const vitalsInputFields = (t: InputFields) => ({
  measuredAt: t.field({
    type: 'DateTime',
    description: 'When measured; defaults to now, at most 5 minutes ahead of the server clock.',
  }),
  temperatureCelsius: t.float({ description: 'Highest temperature, 25–45 °C.' }),
  systolicBp: t.int({ description: 'mmHg, 30–300.' }),
  diastolicBp: t.int({ description: 'mmHg, 10–200.' }),
  heartRate: t.int({ description: '/min, 20–250.' }),
  respiratoryRate: t.int({ description: '/min, 4–80.' }),
  spo2Percent: t.float({ description: '%, 20–100.' }),
  oxygen: t.field({
    type: OxygenSupportEnum,
    description:
      'Oxygen support. Omitted = not recorded (EPI-2): it is carried from an entry at most 4 h old, otherwise unknown and the CRS grade is a lower bound. Say ROOM_AIR for room air.',
  }),
  oxygenFlowLpm: t.float({
    description:
      'L/min, 0–80; required with NASAL_CANNULA; refused with ROOM_AIR or without a device (CRS-G7).',
  }),
  vasopressors: t.field({
    type: [VasopressorEnum],
    description:
      'Vasopressors running. Omitted = not recorded (EPI-2: carried ≤ 4 h, otherwise unknown); [] = none, said.',
  }),
  hypotension: t.boolean({
    description: 'Hypotension judged at the bedside (implied by any vasopressor); omitted = not recorded.',
  }),
  organToxicity: t.boolean({ required: true, defaultValue: false }),
});

export const VitalsValuesInput = builder.inputType('VitalsValuesInput', {
  description: 'Vital signs values (for a correction).',
  fields: vitalsInputFields,
});

const RecordVitalsInput = builder.inputType('RecordVitalsInput', {
  fields: (t) => ({
    episodeId: t.id({ required: true, description: 'e.g. "EP-12", or the Episode\'s global id.' }),
    ...vitalsInputFields(t),
  }),
});

const RecordVitalsSuccess = builder.objectRef<Recording>('RecordVitalsSuccess').implement({
  interfaces: [RecordingInterface],
  fields: (t) => ({
    observation: t.field({
      type: VitalsObservationRef,
      resolve: (recording) => recording.record as VitalsRecord,
    }),
  }),
});

recordingMutation('recordVitals', {
  description:
    'Records vital signs (clinician or nurse), grades CRS with them and raises any alert, in one transaction.',
  action: 'record vital signs',
  input: RecordVitalsInput,
  success: RecordVitalsSuccess,
  call: (service, actor, input, options) => service.recordVitals(actor, input, options),
});
