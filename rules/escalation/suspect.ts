/**
 * ESC-SUSPECT (urgent): a CRS-S1 sign after infusion — within the 21 days, or later labelled
 * "late CRS possible" (from day 22, the CRS-S1 Decision). Rise-based: fires when suspicion starts
 * (the previous observation was not suspicious), so repeated identical observations do not raise
 * it again.
 */
import { CRS_SUSPICION_WINDOW_DAYS } from '../crs/suspicion.ts';
import { messages } from './messages.ts';
import { trigger } from './trigger.ts';
import type { EscalationTrigger } from './types.ts';

export type SuspicionChange = {
  readonly daysSinceInfusion: number;
  /** CRS-S1 result of this observation: SUSPECTED. */
  readonly suspected: boolean;
  /** CRS-S1 result of the previous observation (default false). */
  readonly previouslySuspected?: boolean | undefined;
};

export const escalateCrsSuspicion = (change: SuspicionChange): EscalationTrigger | null => {
  if (!change.suspected || change.previouslySuspected === true) return null;
  const day = change.daysSinceInfusion;
  const text =
    day <= CRS_SUSPICION_WINDOW_DAYS ? messages.suspectWithin3Weeks(day) : messages.suspectLate(day);
  return trigger('ESC-SUSPECT', text, ['CRS-S1']);
};
