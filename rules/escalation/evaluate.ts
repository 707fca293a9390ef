/** All escalation triggers over one set of inputs: the fired ones, most severe first. */
import { parseInput } from '../core/index.ts';
import { escalateCrsGrade3, escalateCrsRiseTo2 } from './crs.ts';
import { escalateDoseOverride } from './dose.ts';
import { escalateHlh } from './hlh.ts';
import { escalateIcansGrade3, escalateIcansWithCrs } from './icans.ts';
import { escalateIgg } from './igg.ts';
import { escalateLateInfusion } from './infusion.ts';
import { escalationInputSchema } from './schemas.ts';
import type { EscalationChecks } from './schemas.ts';
import { escalateCrsSuspicion } from './suspect.ts';
import { escalateTocilizumab } from './tocilizumab.ts';
import { ESCALATION_LEVELS } from './types.ts';
import type { EscalationTrigger } from './types.ts';
import { escalateOverdueVitals } from './vitals.ts';

const severity = (t: EscalationTrigger): number => ESCALATION_LEVELS.indexOf(t.level);

/** Runs every trigger whose input is present; returns the fired ones, CRITICAL first (stable). */
export const collectEscalations = (checks: EscalationChecks): EscalationTrigger[] => {
  const { crsGrades, icansGrades } = checks;
  const fired = [
    crsGrades ? escalateCrsRiseTo2(crsGrades) : null,
    crsGrades ? escalateCrsGrade3(crsGrades) : null,
    crsGrades && icansGrades
      ? escalateIcansWithCrs({
          previous:
            icansGrades.previousGrade === null && crsGrades.previousGrade === null
              ? null
              : { icansGrade: icansGrades.previousGrade ?? 0, crsGrade: crsGrades.previousGrade ?? 0 },
          current: { icansGrade: icansGrades.currentGrade, crsGrade: crsGrades.currentGrade },
        })
      : null,
    icansGrades ? escalateIcansGrade3(icansGrades) : null,
    checks.suspicion ? escalateCrsSuspicion(checks.suspicion) : null,
    checks.hlh ? escalateHlh(checks.hlh) : null,
    checks.tocilizumab ? escalateTocilizumab(checks.tocilizumab) : null,
    checks.dose ? escalateDoseOverride(checks.dose) : null,
    checks.vitals ? escalateOverdueVitals(checks.vitals) : null,
    checks.infusionPlan ? escalateLateInfusion(checks.infusionPlan) : null,
    checks.igg ? escalateIgg(checks.igg) : null,
  ].filter((t): t is EscalationTrigger => t !== null);
  return fired.sort((a, b) => severity(b) - severity(a));
};

/** Validates the inputs (throws RulesInputError naming every bad field) and collects the fired triggers. */
export const evaluateEscalations = (input: unknown): EscalationTrigger[] =>
  collectEscalations(parseInput(escalationInputSchema, input));
