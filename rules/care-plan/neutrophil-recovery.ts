import { CYTOPENIA_THRESHOLDS, isSevereNeutropenia } from '../supportive-care/index.ts';
import type { NeutrophilCount } from './schemas.ts';

/**
 * PLAN-2 (Decision; the consensus says "until neutrophil recovery" without defining it): neutrophils
 * count as recovered from ANC ≥ 1.0 × 10⁹/L, the end of grade 3–4 neutropenia (CYTO-1 CTCAE v5,
 * the INFX-4 threshold).
 */
export const NEUTROPHIL_RECOVERY_ANC_E9_PER_L = CYTOPENIA_THRESHOLDS.NEUTROPHILS.grade3Below;

export type NeutrophilRecovery =
  /** No count on or after the infusion day (or no infusion date): recovery is not known. */
  | { readonly status: 'UNKNOWN'; readonly latest: null }
  /** The latest count after infusion is below the threshold. */
  | { readonly status: 'NOT_RECOVERED'; readonly latest: NeutrophilCount }
  /** The latest count is at or above it; `since` is the first day of the run of such counts it ends. */
  | { readonly status: 'RECOVERED'; readonly latest: NeutrophilCount; readonly since: string };

/**
 * PLAN-2: neutrophil recovery from the counts taken on or after the infusion day, in the order given
 * (a stable sort by date keeps that order within a day). The latest count decides; when it is
 * recovered, the recovery date is the first day of the unbroken run of recovered counts ending with
 * it, so a later count does not move the date, and a fall below the threshold undoes it.
 */
export const neutrophilRecovery = (
  counts: readonly NeutrophilCount[],
  infusionDate: string | null | undefined,
): NeutrophilRecovery => {
  if (!infusionDate) return { status: 'UNKNOWN', latest: null };
  const after = counts
    .filter((count) => count.date >= infusionDate)
    .sort((a, b) => a.date.localeCompare(b.date));
  const latest = after.at(-1);
  if (!latest) return { status: 'UNKNOWN', latest: null };
  if (isSevereNeutropenia(latest.ancE9PerL)) return { status: 'NOT_RECOVERED', latest };
  let first = after.length - 1;
  while (first > 0 && !isSevereNeutropenia(after[first - 1]?.ancE9PerL ?? 0)) first -= 1;
  return { status: 'RECOVERED', latest, since: after[first]?.date ?? latest.date };
};
