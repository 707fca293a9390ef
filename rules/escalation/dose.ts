/**
 * ESC-DOSE (urgent): a dose recorded above the dose the rules compute or its cap, or by a wrong
 * route, with an override reason (TOCI-5). A dose with a TOCI-5 problem is refused unless it
 * carries a reason; recorded with one, it raises this alert (each such record is a new event) and
 * the reason is kept with the record. A plausible dose raises nothing.
 */
import { DRUG_NAMES } from '../dose-safety/messages.ts';
import type { DosePlausibility, DoseProblemCode } from '../dose-safety/plausibility.ts';
import type { DoseDrug, DoseRoute } from '../dose-safety/schemas.ts';
import { messages } from './messages.ts';
import { trigger } from './trigger.ts';
import type { EscalationTrigger } from './types.ts';

/** What ESC-DOSE reads: the recorded dose, what TOCI-5 found and the override reason given. */
export type DoseOverride = {
  readonly drug: DoseDrug;
  readonly mg: number;
  readonly route: DoseRoute;
  /** TOCI-5's computed dose and cap for this patient (null when the rules do not dose the drug). */
  readonly computedMg: number | null;
  readonly capMg: number | null;
  /** TOCI-5's problem codes; empty for a plausible dose (nothing fires). */
  readonly problems: readonly DoseProblemCode[];
  readonly overrideReason: string;
};

/** The ESC-DOSE input for a dose recorded with an override reason, from its TOCI-5 check. */
export const doseOverrideOf = (plausibility: DosePlausibility, overrideReason: string): DoseOverride => ({
  drug: plausibility.drug,
  mg: plausibility.mg,
  route: plausibility.route,
  computedMg: plausibility.computedMg,
  capMg: plausibility.capMg,
  problems: plausibility.problems.map((problem) => problem.code),
  overrideReason,
});

/** ESC-DOSE: fires for a dose with a TOCI-5 problem recorded with an override reason. */
export const escalateDoseOverride = (dose: DoseOverride): EscalationTrigger | null =>
  dose.problems.length === 0
    ? null
    : trigger(
        'ESC-DOSE',
        messages.doseOverridden({ ...dose, drug: DRUG_NAMES[dose.drug] }, dose.overrideReason),
        ['TOCI-5'],
      );
