import { DEATH_ATTRIBUTIONS } from '#rules';
import type { DeathRecord, Recording } from '#episodes';
import { builder } from '../builder.ts';
import { loadRecordNode, recordNodeId } from './node.ts';
import { recordingMutation, RecordingInterface } from './episode-recording.ts';
import { ClinicalRecordRef, DeathRecordRef, ObservationRef } from './episode-refs.ts';

/**
 * EPI-5: a death with its attribution. It closes the episode; attributed to CRS or ICANS it is grade
 * 5 of that syndrome (ASTCT), stored as a grading like every other grade.
 */
export const DeathAttributionEnum = builder.enumType('DeathAttribution', {
  values: {
    CRS: { value: 'CRS', description: 'Death due to CRS with no other principal cause: CRS grade 5.' },
    ICANS: {
      value: 'ICANS',
      description: 'Death due to ICANS with no other principal cause: ICANS grade 5.',
    },
    OTHER: { value: 'OTHER', description: 'Another principal cause: no grade 5.' },
  } as const satisfies Record<(typeof DEATH_ATTRIBUTIONS)[number], { value: string; description: string }>,
});

builder.node(DeathRecordRef, {
  id: recordNodeId,
  loadOne: loadRecordNode<DeathRecord>('DeathRecord'),
  description: 'A death as recorded (EPI-5).',
  interfaces: [ClinicalRecordRef, ObservationRef],
  fields: (t) => ({
    diedAt: t.field({ type: 'DateTime', resolve: (r) => r.values.diedAt }),
    attribution: t.field({ type: DeathAttributionEnum, resolve: (r) => r.values.attribution }),
  }),
});

const RecordDeathInput = builder.inputType('RecordDeathInput', {
  fields: (t) => ({
    episodeId: t.id({ required: true, description: 'e.g. "EP-12", or the Episode\'s global id.' }),
    diedAt: t.field({ type: 'DateTime', description: 'When; defaults to now.' }),
    attribution: t.field({ type: DeathAttributionEnum, required: true }),
  }),
});

const RecordDeathSuccess = builder.objectRef<Recording>('RecordDeathSuccess').implement({
  interfaces: [RecordingInterface],
  fields: (t) => ({
    death: t.field({ type: DeathRecordRef, resolve: (recording) => recording.record as DeathRecord }),
  }),
});

recordingMutation('recordDeath', {
  description:
    'Records a death with its attribution (clinicians): closes the episode; CRS or ICANS makes it grade 5 of that syndrome (EPI-5).',
  action: 'record a death',
  input: RecordDeathInput,
  success: RecordDeathSuccess,
  call: (service, actor, input, options) => service.recordDeath(actor, input, options),
});
