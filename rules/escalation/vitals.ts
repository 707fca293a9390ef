/**
 * ESC-VITALS (urgent): an episode with active CRS (current grade ≥ 1) and no vital signs recorded
 * for more than 4 h (INF-5: vital signs at least every 4 hours during CRS). Exactly 4 h is still
 * on time; 4 h and a moment later fires. No vital signs ever recorded during active CRS fires.
 * Level-triggered: the caller (the sweeper) does not raise it again while one is open.
 */
import type { Grade } from '../crs/types.ts';
import { messages } from './messages.ts';
import { trigger } from './trigger.ts';
import type { EscalationTrigger } from './types.ts';

/** INF-5: vital signs at least every 4 hours during CRS. */
export const VITALS_MAX_INTERVAL_HOURS = 4;

export const escalateOverdueVitals = (state: {
  readonly currentCrsGrade: Grade;
  /** Hours since the last vital signs; null when none was ever recorded. */
  readonly hoursSinceLastVitals: number | null;
}): EscalationTrigger | null => {
  if (state.currentCrsGrade < 1) return null;
  const hours = state.hoursSinceLastVitals;
  if (hours === null) return trigger('ESC-VITALS', messages.vitalsNeverRecorded, ['INF-5']);
  if (hours <= VITALS_MAX_INTERVAL_HOURS) return null;
  return trigger('ESC-VITALS', messages.vitalsOverdue(Math.floor(hours * 10) / 10), ['INF-5']);
};
