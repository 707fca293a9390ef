import type {
  AlertRecord,
  DeathRecord,
  DoseRecord,
  EpisodeHead,
  GradingRecord,
  LabRecord,
  NeuroRecord,
  ObservationRecord,
  VitalsRecord,
} from '#episodes';
import { builder } from '../builder.ts';

/**
 * References to the episode types, declared before any is implemented: the types point at each
 * other (an episode has alerts, acknowledging an alert answers with the episode), and refs keep
 * those imports free of cycles. Each type is implemented in its own file.
 */
export type ClinicalRecord = VitalsRecord | NeuroRecord | LabRecord | DoseRecord | DeathRecord;

export const EpisodeRef = builder.objectRef<EpisodeHead>('Episode');
export const GradingRef = builder.objectRef<GradingRecord>('Grading');
/**
 * An alert as the episode head keeps it (open alerts of a listed episode): the fields the head does
 * not hold are read from the alert's record.
 */
export type KeptAlert = NonNullable<EpisodeHead['alertRefs']>[number] & { readonly episodeId: string };
export type AlertSource = AlertRecord | KeptAlert;

export const AlertRef = builder.objectRef<AlertSource>('Alert');
export const ClinicalRecordRef = builder.interfaceRef<ClinicalRecord>('ClinicalRecord');
export const ObservationRef = builder.interfaceRef<ObservationRecord>('Observation');
export const VitalsObservationRef = builder.objectRef<VitalsRecord>('VitalsObservation');
export const NeuroAssessmentRef = builder.objectRef<NeuroRecord>('NeuroAssessment');
export const LabResultRef = builder.objectRef<LabRecord>('LabResult');
export const DoseAdministrationRef = builder.objectRef<DoseRecord>('DoseAdministration');
export const DeathRecordRef = builder.objectRef<DeathRecord>('DeathRecord');

/** The GraphQL type of a clinical record, by its kind. */
export const RECORD_TYPE_NAME = {
  VITALS: 'VitalsObservation',
  NEURO: 'NeuroAssessment',
  LAB: 'LabResult',
  DOSE: 'DoseAdministration',
  DEATH: 'DeathRecord',
} as const satisfies Record<ClinicalRecord['kind'], string>;
