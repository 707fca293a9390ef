/**
 * Pre-built, frozen ICANS drivers: the hot-path grader returns these objects and never builds a
 * string. One driver per domain level of the ASTCT ICANS table.
 */
import type { Driver } from '../core/index.ts';
import { messages } from './messages.ts';

const driver = (code: string, ruleId: string, text: Driver['text']): Driver =>
  Object.freeze({ code, ruleId, text });

export const ICANS_DRIVERS = {
  ice7to9: driver('ice-7-9', 'ICANS-GRADE', messages.ice7to9),
  ice3to6: driver('ice-3-6', 'ICANS-GRADE', messages.ice3to6),
  ice0to2: driver('ice-0-2', 'ICANS-GRADE', messages.ice0to2),
  consciousnessSpontaneous: driver(
    'consciousness-awakens-spontaneously',
    'ICANS-GRADE',
    messages.consciousnessSpontaneous,
  ),
  consciousnessVoice: driver('consciousness-awakens-to-voice', 'ICANS-GRADE', messages.consciousnessVoice),
  consciousnessTactile: driver(
    'consciousness-awakens-to-tactile',
    'ICANS-GRADE',
    messages.consciousnessTactile,
  ),
  consciousnessUnarousable: driver(
    'consciousness-unarousable',
    'ICANS-GRADE',
    messages.consciousnessUnarousable,
  ),
  seizureRapidlyResolving: driver(
    'seizure-rapidly-resolving',
    'ICANS-GRADE',
    messages.seizureRapidlyResolving,
  ),
  seizureProlongedOrRepetitive: driver(
    'seizure-prolonged-or-repetitive',
    'ICANS-GRADE',
    messages.seizureProlongedOrRepetitive,
  ),
  deepFocalMotorWeakness: driver('deep-focal-motor-weakness', 'ICANS-GRADE', messages.deepFocalMotorWeakness),
  edemaFocal: driver('cerebral-edema-focal', 'ICANS-GRADE', messages.edemaFocal),
  edemaDiffuse: driver('cerebral-edema-diffuse', 'ICANS-GRADE', messages.edemaDiffuse),
  noFindings: driver('no-icans-findings', 'ICANS-GRADE', messages.noFindings),
  iceNotAssessedGradeStands: driver(
    'ice-not-assessed-grade-stands',
    'ICANS-GRADE',
    messages.iceNotAssessedGradeStands,
  ),
  // ICANS-1: not a grading domain; recorded beside the grade with a warning.
  movementDisorderSigns: driver('movement-disorder-signs', 'ICANS-1', messages.movementDisorderSigns),
} as const;
