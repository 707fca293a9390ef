import * as z from 'zod/mini';
import { numberIn } from '../core/index.ts';
import { refineTocilizumabContext, tocilizumabContextShape } from '../tocilizumab/schemas.ts';

/** Contract input IceScoreInput: the five ICE tasks, points per task (ASTCT). */
export const iceScoreInputSchema = z.strictObject({
  orientation: numberIn(0, 4, 'points (year, month, city, hospital)', { integer: true }),
  naming: numberIn(0, 3, 'points (three objects)', { integer: true }),
  followsCommands: numberIn(0, 1, 'point', { integer: true }),
  writing: numberIn(0, 1, 'point', { integer: true }),
  attention: numberIn(0, 1, 'point (count back from 100 by 10)', { integer: true }),
});
export type IceScoreInput = z.input<typeof iceScoreInputSchema>;
/** The five ICE task scores, already validated. */
export type IceScoreItems = {
  readonly orientation: number;
  readonly naming: number;
  readonly followsCommands: number;
  readonly writing: number;
  readonly attention: number;
};

/** Contract enums Consciousness, Seizure, CerebralEdema. */
export const CONSCIOUSNESS_LEVELS = [
  'NORMAL',
  'AWAKENS_SPONTANEOUSLY',
  'AWAKENS_TO_VOICE',
  'AWAKENS_TO_TACTILE',
  'UNAROUSABLE',
] as const;
export type Consciousness = (typeof CONSCIOUSNESS_LEVELS)[number];
export const SEIZURES = ['NONE', 'RAPIDLY_RESOLVING', 'PROLONGED_OR_REPETITIVE'] as const;
export type Seizure = (typeof SEIZURES)[number];
export const CEREBRAL_EDEMA = ['NONE', 'FOCAL', 'DIFFUSE'] as const;
export type CerebralEdema = (typeof CEREBRAL_EDEMA)[number];

/**
 * Contract input IcansAssessmentInput (same names, enum values and defaults), plus optional fields:
 * - movementDisorderSigns: movement-disorder (parkinsonism) signs recorded (ICANS-1 warning);
 * - weightKg, assessedAt, previousTocilizumabDoses: to dose for this patient and check the TOCI
 *   limits of the tocilizumab advice with concurrent CRS.
 * `ice` is omitted (or null) when the patient cannot be assessed.
 */
export const icansAssessmentInputSchema = z
  .strictObject({
    ice: z.nullish(iceScoreInputSchema),
    consciousness: z._default(z.enum(CONSCIOUSNESS_LEVELS), 'NORMAL'),
    seizure: z._default(z.enum(SEIZURES), 'NONE'),
    deepFocalMotorWeakness: z._default(z.boolean(), false),
    cerebralEdema: z._default(z.enum(CEREBRAL_EDEMA), 'NONE'),
    concurrentCrsGrade: z._default(numberIn(0, 4, '(CRS grade)', { integer: true }), 0),
    movementDisorderSigns: z._default(z.boolean(), false),
    ...tocilizumabContextShape,
  })
  .check(
    z.superRefine((value, ctx) => {
      refineTocilizumabContext(value, ctx);
    }),
  );
export type IcansAssessmentInput = z.input<typeof icansAssessmentInputSchema>;
export type IcansAssessment = z.output<typeof icansAssessmentInputSchema>;

/** The findings the ICANS grader reads, already validated (the hot path's input). */
export type IcansFindings = {
  readonly ice?: IceScoreItems | null | undefined;
  readonly consciousness: Consciousness;
  readonly seizure: Seizure;
  readonly deepFocalMotorWeakness: boolean;
  readonly cerebralEdema: CerebralEdema;
};
