import { numberIn } from './input.ts';

/**
 * Actual body weight in kg, shared by every rule that doses by weight (TOCI-1, TOCI-5, LD-2,
 * INF-3, the T4/T5 steroids): adults (§2.1), so a weight below 20 kg or above 350 kg is a typing
 * or unit error, never a patient. The error reads "between 20 and 350 kg".
 */
export const WEIGHT_KG_MIN = 20;
export const WEIGHT_KG_MAX = 350;
export const weightKgSchema = numberIn(WEIGHT_KG_MIN, WEIGHT_KG_MAX, 'kg');
