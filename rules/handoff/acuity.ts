/**
 * HANDOFF-2: the handoff's order, most acute first. Compared field by field:
 *  1. the highest current grade of CRS and ICANS (ungraded = −1);
 *  2. unacknowledged CRITICAL alerts (more first);
 *  3. all unacknowledged alerts (more first);
 *  4. overdue vital signs (INF-5) before not overdue;
 *  5. time since the last vital signs (longer first; none recorded counts as longest);
 *  6. episode number (EP-2 before EP-10), so the order is total and stable.
 */
export type Acuity = {
  readonly highestGrade: number;
  readonly unacknowledgedCritical: number;
  readonly unacknowledged: number;
  readonly vitalsOverdue: boolean;
  /** Minutes since the last vital signs; null when none were recorded. */
  readonly minutesSinceVitals: number | null;
  readonly episodeId: string;
};

const episodeNumber = (id: string): number => {
  const n = Number(/(\d+)$/.exec(id)?.[1]);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
};

/** Negative when `a` is more acute (comes first). */
export const compareAcuity = (a: Acuity, b: Acuity): number =>
  b.highestGrade - a.highestGrade ||
  b.unacknowledgedCritical - a.unacknowledgedCritical ||
  b.unacknowledged - a.unacknowledged ||
  Number(b.vitalsOverdue) - Number(a.vitalsOverdue) ||
  (b.minutesSinceVitals ?? Number.MAX_SAFE_INTEGER) - (a.minutesSinceVitals ?? Number.MAX_SAFE_INTEGER) ||
  episodeNumber(a.episodeId) - episodeNumber(b.episodeId) ||
  a.episodeId.localeCompare(b.episodeId);
