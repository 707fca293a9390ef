import { FINDING_COURSES, evaluateHlhCheck, hlhCheckInputSchema, type HlhOutcome } from '#rules';
import { builder } from '../builder.ts';
import { evaluationFields, type Evaluated, ruleCalculator } from './calculator-evaluation.ts';

const FindingCourseEnum = builder.enumType('FindingCourse', {
  description:
    'How a finding evolved since the first-line intervention: NOT_PRESENT (never present), IMPROVED, NOT_IMPROVED.',
  values: FINDING_COURSES,
});

/** The first-line intervention and how fever and end-organ toxicity evolved since (CRS-HLH, §7.1). */
export const HlhCheckInput = builder
  .inputType('HlhCheckInput', {
    description:
      'When the first-line intervention (tocilizumab and/or corticosteroids) was given, when the patient is assessed, and the course of fever and end-organ toxicity (hypoxia, hypotension).',
    fields: (t) => ({
      firstLineInterventionAt: t.field({ type: 'DateTime', required: true }),
      assessedAt: t.field({ type: 'DateTime', required: true, description: 'At or after the intervention.' }),
      fever: t.field({ type: FindingCourseEnum, required: true }),
      endOrganToxicity: t.field({
        type: FindingCourseEnum,
        required: true,
        description: 'Hypoxia, hypotension.',
      }),
    }),
  })
  .validate(hlhCheckInputSchema);

const HlhStatusEnum = builder.enumType('HlhStatus', {
  description:
    'SUSPECTED: a finding not improved 12 h or more after the intervention: suspect HLH/MAS. RECHECK: not improved yet, less than 12 h: reassess at recheckAt. NOT_SUSPECTED: improved or never present.',
  values: ['SUSPECTED', 'RECHECK', 'NOT_SUSPECTED'] as const,
});

export const HlhCheckType = builder.objectRef<Evaluated<HlhOutcome>>('HlhCheck').implement({
  description: 'Whether to suspect HLH/MAS after first-line CRS treatment (CRS-HLH).',
  fields: (t) => ({
    status: t.field({ type: HlhStatusEnum, resolve: (p) => p.evaluation.outcome.status }),
    hoursSinceIntervention: t.float({
      description: 'Hours from the intervention to the assessment (2 decimals).',
      resolve: (p) => p.evaluation.outcome.hoursSinceIntervention,
    }),
    recheckAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When RECHECK: 12 h after the intervention; null otherwise.',
      resolve: (p) => (p.evaluation.outcome.status === 'RECHECK' ? p.evaluation.outcome.recheckAt : null),
    }),
    ...evaluationFields(t),
  }),
});

ruleCalculator('hlhCheck', {
  type: HlhCheckType,
  input: HlhCheckInput,
  description:
    'Fever or end-organ toxicity (hypoxia, hypotension) not improved within 12 h of first-line intervention → suspect HLH/MAS (CRS-HLH, §7.1). No login needed.',
  rule: (input) => evaluateHlhCheck(input),
});
