import { CEREBRAL_EDEMA, CONSCIOUSNESS_LEVELS, OXYGEN_SUPPORTS, SEIZURES, VASOPRESSORS } from '#rules';
import { builder } from '../builder.ts';

/**
 * The contract's clinical enums and ICE input (shared/spec/contract.graphql), used by the episode
 * observations. Values come from the rules package, so GraphQL and the rules cannot disagree.
 */
export const VasopressorEnum = builder.enumType('Vasopressor', { values: VASOPRESSORS });

export const OxygenSupportEnum = builder.enumType('OxygenSupport', {
  description: 'NASAL_CANNULA is low flow at ≤ 6 L/min and high flow above (oxygenFlowLpm).',
  values: OXYGEN_SUPPORTS,
});

export const ConsciousnessEnum = builder.enumType('Consciousness', { values: CONSCIOUSNESS_LEVELS });
export const SeizureEnum = builder.enumType('Seizure', { values: SEIZURES });
export const CerebralEdemaEnum = builder.enumType('CerebralEdema', {
  description: "DIFFUSE also covers posturing, CN VI palsy, papilloedema and Cushing's triad.",
  values: CEREBRAL_EDEMA,
});

export const IceScoreInput = builder.inputType('IceScoreInput', {
  description: 'The ICE score items (ICANS-ICE); omit the whole score when the patient cannot be assessed.',
  fields: (t) => ({
    orientation: t.int({ required: true, description: '0..4 (year, month, city, hospital)' }),
    naming: t.int({ required: true, description: '0..3' }),
    followsCommands: t.int({ required: true, description: '0..1' }),
    writing: t.int({ required: true, description: '0..1' }),
    attention: t.int({ required: true, description: '0..1 (count back from 100 by 10)' }),
  }),
});
