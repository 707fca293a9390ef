/**
 * TOCI-5 dose plausibility: a dose about to be recorded for a drug whose dose the rules compute for
 * this patient is compared with that dose, its cap and its route:
 * - tocilizumab (TOCI-1): 8 mg/kg actual body weight rounded to the nearest mg, single dose ≤ 800 mg,
 *   IV only (50 kg: 400 mg plausible, 401 mg not; 100 kg: 800 mg plausible, 801 mg above the cap);
 * - dexamethasone (T4 grade 3, T5 grades 2–3): 10 mg IV every 6 h, 20 mg if refractory → at most
 *   20 mg per dose, IV;
 * - methylprednisolone (T5 grades 2–3: 1 mg/kg IV every 12 h; T4/T5 grade 4: 1 g/day IV) → at most
 *   1000 mg per dose, IV.
 * Any other drug: PLAUSIBLE with nothing checked ("not computed by the rules").
 * An IMPLAUSIBLE dose is refused unless recorded with an override reason; with one it raises
 * ESC-DOSE (rules/escalation/dose.ts) and the reason is kept with the record.
 */
import { RulesInputError, cite, joinText, parseInput } from '../core/index.ts';
import type { Citation, LocalizedText } from '../core/index.ts';
import { DEXAMETHASONE_REFRACTORY_MG, METHYLPREDNISOLONE_HIGH_DOSE_MG } from '../crs/steroids.ts';
import { TOCILIZUMAB_MAX_SINGLE_DOSE_MG, tocilizumabDose } from '../tocilizumab/dose.ts';
import { DRUG_NAMES, ROUTE_NAMES, messages } from './messages.ts';
import { TOCILIZUMAB_WEIGHT_REQUIRED, dosePlausibilityInputSchema } from './schemas.ts';
import type { DoseDrug, DoseRoute, DoseToCheck } from './schemas.ts';

export const DOSE_PLAUSIBILITY_STATUSES = ['PLAUSIBLE', 'IMPLAUSIBLE'] as const;
export type DosePlausibilityStatus = (typeof DOSE_PLAUSIBILITY_STATUSES)[number];

export const DOSE_PROBLEM_CODES = ['ABOVE_COMPUTED_DOSE', 'ABOVE_CAP', 'WRONG_ROUTE'] as const;
export type DoseProblemCode = (typeof DOSE_PROBLEM_CODES)[number];

/** One reason a dose is implausible; every problem is TOCI-5's. */
export type DoseProblem = {
  readonly code: DoseProblemCode;
  readonly ruleId: 'TOCI-5';
  readonly text: LocalizedText;
};

export type DosePlausibility = {
  readonly status: DosePlausibilityStatus;
  readonly drug: DoseDrug;
  readonly mg: number;
  readonly route: DoseRoute;
  /** False when the rules do not compute this drug's dose: nothing was checked (always PLAUSIBLE). */
  readonly checked: boolean;
  /** The largest single dose the rules compute for this patient; null when not computed. */
  readonly computedMg: number | null;
  /** The single-dose cap; null when not computed. */
  readonly capMg: number | null;
  /** The routes the computed dose is given by; empty when not computed. */
  readonly routes: readonly DoseRoute[];
  /** Empty exactly when PLAUSIBLE; ABOVE_CAP and ABOVE_COMPUTED_DOSE never both (the cap wins). */
  readonly problems: readonly DoseProblem[];
  /** The finding in one line: within the computed dose, the problems, or "not computed by the rules". */
  readonly text: LocalizedText;
  /** The rules that compute this drug's dose (e.g. TOCI-1; CRS-T4-3, ICANS-T5-2, ICANS-T5-3). */
  readonly doseRuleIds: readonly string[];
  readonly citations: readonly Citation[];
};

/** What the rules compute for a drug, for this patient. */
type ComputedDose = {
  readonly computedMg: number;
  readonly capMg: number;
  /** How the computed dose is reached (ABOVE_COMPUTED_DOSE quotes it). */
  readonly basis: LocalizedText;
  /** Where the cap comes from (ABOVE_CAP quotes it). */
  readonly capBasis: LocalizedText;
  readonly doseRuleIds: readonly string[];
  readonly citations: readonly Citation[];
};

const IV_ONLY: readonly DoseRoute[] = Object.freeze(['IV']);
const T4 = cite('§7.1 T4');
const T5 = cite('§7.2 T5');

const DEXAMETHASONE: ComputedDose = Object.freeze({
  computedMg: DEXAMETHASONE_REFRACTORY_MG,
  capMg: DEXAMETHASONE_REFRACTORY_MG,
  basis: messages.dexamethasoneBasis,
  capBasis: messages.dexamethasoneBasis,
  doseRuleIds: Object.freeze(['CRS-T4-3', 'ICANS-T5-2', 'ICANS-T5-3']),
  citations: Object.freeze([T4, T5]),
});
const METHYLPREDNISOLONE: ComputedDose = Object.freeze({
  computedMg: METHYLPREDNISOLONE_HIGH_DOSE_MG,
  capMg: METHYLPREDNISOLONE_HIGH_DOSE_MG,
  basis: messages.methylprednisoloneBasis,
  capBasis: messages.methylprednisoloneBasis,
  doseRuleIds: Object.freeze(['ICANS-T5-2', 'ICANS-T5-3', 'CRS-T4-4', 'ICANS-T5-4']),
  citations: Object.freeze([T4, T5]),
});

const TOCILIZUMAB_NEEDS_WEIGHT = {
  field: 'weightKg',
  allowed: TOCILIZUMAB_WEIGHT_REQUIRED,
  received: undefined,
  message: `weightKg must be ${TOCILIZUMAB_WEIGHT_REQUIRED}; received nothing`,
} as const;

/** The computed dose of a drug the rules dose; null for any other drug. Weight is validated for tocilizumab. */
const computedDoseOf = (dose: DoseToCheck): ComputedDose | null => {
  switch (dose.drug) {
    case 'TOCILIZUMAB': {
      // Never guess a weight: the schema requires it; a caller that skipped validation gets the same error.
      if (dose.weightKg == null) throw new RulesInputError([TOCILIZUMAB_NEEDS_WEIGHT]);
      const computed = tocilizumabDose(dose.weightKg);
      return {
        computedMg: computed.mg,
        capMg: TOCILIZUMAB_MAX_SINGLE_DOSE_MG,
        basis: computed.basis,
        capBasis: messages.tocilizumabCap,
        doseRuleIds: ['TOCI-1'],
        citations: [T4],
      };
    }
    case 'DEXAMETHASONE':
      return DEXAMETHASONE;
    case 'METHYLPREDNISOLONE':
      return METHYLPREDNISOLONE;
    case 'ANTIPYRETIC':
    case 'LEVETIRACETAM':
    case 'IVIG':
    case 'G_CSF':
      return null;
  }
};

const problem = (code: DoseProblemCode, text: LocalizedText): DoseProblem => ({
  code,
  ruleId: 'TOCI-5',
  text,
});

/** TOCI-5 for an already-validated dose (tocilizumab needs its weight: validation requires it). */
export const dosePlausibility = (dose: DoseToCheck): DosePlausibility => {
  const { drug, mg, route } = dose;
  const name = DRUG_NAMES[drug];
  const computed = computedDoseOf(dose);
  if (computed === null) {
    return {
      status: 'PLAUSIBLE',
      drug,
      mg,
      route,
      checked: false,
      computedMg: null,
      capMg: null,
      routes: [],
      problems: [],
      text: messages.notComputed(name),
      doseRuleIds: [],
      citations: [],
    };
  }
  const problems: DoseProblem[] = [];
  if (mg > computed.capMg) {
    problems.push(problem('ABOVE_CAP', messages.aboveCap(name, mg, computed.capMg, computed.capBasis)));
  } else if (mg > computed.computedMg) {
    problems.push(
      problem(
        'ABOVE_COMPUTED_DOSE',
        messages.aboveComputedDose(name, mg, computed.computedMg, computed.basis),
      ),
    );
  }
  if (!IV_ONLY.includes(route))
    problems.push(problem('WRONG_ROUTE', messages.wrongRoute(name, ROUTE_NAMES[route])));
  return {
    status: problems.length === 0 ? 'PLAUSIBLE' : 'IMPLAUSIBLE',
    drug,
    mg,
    route,
    checked: true,
    computedMg: computed.computedMg,
    capMg: computed.capMg,
    routes: IV_ONLY,
    problems,
    text:
      problems.length === 0
        ? messages.plausible(name, mg, computed.computedMg)
        : joinText([...problems.map((p) => p.text), messages.overrideNeeded]),
    doseRuleIds: computed.doseRuleIds,
    citations: computed.citations,
  };
};

/**
 * TOCI-5: validates a dose (drug, mg, route, weightKg; throws RulesInputError naming every bad
 * field) and checks it against the dose the rules compute for this patient.
 */
export const checkDosePlausibility = (input: unknown): DosePlausibility =>
  dosePlausibility(parseInput(dosePlausibilityInputSchema, input));
