/**
 * Corticosteroid doses named by T4 (CRS) and T5 (ICANS), in mg for this patient:
 * dexamethasone 10 mg (refractory CRS: 20 mg) IV every 6 h; methylprednisolone 1 mg/kg IV every
 * 12 h (rounded to the nearest mg, no cap printed); high-dose methylprednisolone 1 g/day IV.
 */
import type { Dose } from '../core/index.ts';
import { messages } from './messages.ts';

export const DEXAMETHASONE_MG = 10;
export const DEXAMETHASONE_REFRACTORY_MG = 20;
export const METHYLPREDNISOLONE_MG_PER_KG = 1;
export const METHYLPREDNISOLONE_HIGH_DOSE_MG = 1000;

const dexamethasone = (mg: number): Dose =>
  Object.freeze({
    drug: 'dexamethasone',
    mg,
    route: 'IV',
    schedule: messages.everySixHoursIv,
    basis: messages.fixedDoseBasis(mg),
  });
const DEXAMETHASONE_DOSES = {
  10: dexamethasone(DEXAMETHASONE_MG),
  20: dexamethasone(DEXAMETHASONE_REFRACTORY_MG),
} as const;

/** Dexamethasone IV every 6 h, a fixed dose (T4 grade 3: 10 mg, 20 mg if refractory; T5: 10 mg). */
export const dexamethasoneEvery6h = (
  mg: typeof DEXAMETHASONE_MG | typeof DEXAMETHASONE_REFRACTORY_MG,
): Dose => DEXAMETHASONE_DOSES[mg];

/** Per-kg doses already built, by weight (number formatting is the costly part). Bounded, frozen, shared. */
const PER_KG_DOSES = new Map<number, Dose>();
const MAX_CACHED_DOSES = 1024;

/** Methylprednisolone 1 mg/kg actual body weight IV every 12 h (T5 grades 2–3). */
export const methylprednisolonePerKgEvery12h = (weightKg: number): Dose => {
  const cached = PER_KG_DOSES.get(weightKg);
  if (cached) return cached;
  const mg = Math.round(METHYLPREDNISOLONE_MG_PER_KG * weightKg);
  const dose: Dose = Object.freeze({
    drug: 'methylprednisolone',
    mg,
    route: 'IV',
    schedule: messages.everyTwelveHoursIv,
    basis: Object.freeze(messages.perKgBasis(METHYLPREDNISOLONE_MG_PER_KG, weightKg, mg)),
  });
  if (PER_KG_DOSES.size >= MAX_CACHED_DOSES) PER_KG_DOSES.clear();
  PER_KG_DOSES.set(weightKg, dose);
  return dose;
};

/** High-dose methylprednisolone 1 g/day IV (T4 grade 4, T5 grade 4). */
export const METHYLPREDNISOLONE_HIGH_DOSE: Dose = Object.freeze({
  drug: 'methylprednisolone',
  mg: METHYLPREDNISOLONE_HIGH_DOSE_MG,
  route: 'IV',
  schedule: messages.oncePerDayIv,
  basis: messages.highDoseMethylprednisoloneBasis,
});
