/**
 * TOCI-1: tocilizumab 8 mg/kg actual body weight, single dose ≤ 800 mg, IV over more than 1 h.
 * The dose is rounded to the nearest mg, then capped (99.9 kg → 799 mg, 100 kg → 800 mg,
 * 100.1 kg → 800 mg).
 */
import type { Dose } from '../core/index.ts';
import { messages } from './messages.ts';

export const TOCILIZUMAB_MG_PER_KG = 8;
export const TOCILIZUMAB_MAX_SINGLE_DOSE_MG = 800;

/** The exact product 8 × kg, to two decimals, as shown in the dose basis. */
const exactMg = (weightKg: number): number => Math.round(TOCILIZUMAB_MG_PER_KG * weightKg * 100) / 100;

/** TOCI-1: the dose in mg for this weight. */
export const tocilizumabDoseMg = (weightKg: number): number =>
  Math.min(TOCILIZUMAB_MAX_SINGLE_DOSE_MG, Math.round(TOCILIZUMAB_MG_PER_KG * weightKg));

/**
 * Doses already built, by weight: a patient is graded again and again at the same weight, and the
 * basis text (number formatting) is the costly part. Bounded; entries are frozen and shared.
 */
const DOSES = new Map<number, Dose>();
const MAX_CACHED_DOSES = 1024;

/** TOCI-1: the dose for this patient with its arithmetic. */
export const tocilizumabDose = (weightKg: number): Dose => {
  const cached = DOSES.get(weightKg);
  if (cached) return cached;
  const mg = tocilizumabDoseMg(weightKg);
  const dose: Dose = Object.freeze({
    drug: 'tocilizumab',
    mg,
    route: 'IV',
    schedule: messages.schedule,
    basis: Object.freeze(messages.doseBasis(weightKg, exactMg(weightKg), mg)),
  });
  if (DOSES.size >= MAX_CACHED_DOSES) DOSES.clear();
  DOSES.set(weightKg, dose);
  return dose;
};
