import { cnsProphylaxis, cnsProphylaxisInputSchema, type CnsProphylaxisOutcome } from '#rules';
import { builder } from '../builder.ts';
import {
  evaluationFields,
  ruleCalculator,
  statusAndNeeds,
  withoutNulls,
  type Evaluated,
} from './calculator-evaluation.ts';

/** CNS history before infusion (INF-1, §5.1). */
export const SeizureProphylaxisInput = builder
  .inputType('SeizureProphylaxisInput', {
    description:
      'Prior central-nervous-system disease before CAR-T infusion (INF-1). Omit what is not known.',
    fields: (t) => ({
      priorCnsDisease: t.boolean({ description: 'Prior CNS disease or complication.' }),
      cnsDiseaseControlled: t.boolean({ description: 'Whether that CNS disease is now controlled.' }),
    }),
  })
  .validate(withoutNulls(cnsProphylaxisInputSchema));

const SeizureProphylaxisStatusEnum = builder.enumType('SeizureProphylaxisStatus', {
  description:
    'PROPHYLAXIS_ADVISED: prior CNS disease: infuse once controlled, levetiracetam 750 mg PO every 12 h may be given. DEFER: CNS disease not controlled. NOT_NEEDED: no prior CNS disease. UNKNOWN: the CNS history is not given.',
  values: ['PROPHYLAXIS_ADVISED', 'DEFER', 'NOT_NEEDED', 'UNKNOWN'] as const,
});

export const SeizureProphylaxisType = builder
  .objectRef<Evaluated<CnsProphylaxisOutcome>>('SeizureProphylaxis')
  .implement({
    description:
      'Before infusion: infection screening for everyone, and with prior CNS disease levetiracetam seizure prophylaxis (INF-1).',
    fields: (t) => ({
      ...statusAndNeeds(t, SeizureProphylaxisStatusEnum),
      ...evaluationFields(t),
    }),
  });

ruleCalculator('seizureProphylaxis', {
  type: SeizureProphylaxisType,
  input: SeizureProphylaxisInput,
  description:
    'Seizure prophylaxis before CAR-T infusion for patients with prior CNS disease (INF-1, §5.1): levetiracetam 750 mg PO every 12 h. No login needed.',
  rule: (input) => cnsProphylaxis(input),
});
