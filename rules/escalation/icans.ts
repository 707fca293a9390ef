/**
 * ESC-ICANS2 and ESC-ICANS3: ICANS escalations (built on T5, §7.2). Rise-based like the CRS ones:
 * they fire when the state is entered, so repeated identical assessments do not raise them again.
 * - ESC-ICANS2: ICANS ≥ 2 with concurrent CRS ≥ 2 (T5 grade 2 with CRS ≥ 2: consider ICU transfer);
 *   fires when that combination starts to hold.
 * - ESC-ICANS3: ICANS enters ≥ 3 (T5 grade 3: ICU transfer recommended).
 */
import type { Grade } from '../crs/types.ts';
import { entered } from './crs.ts';
import type { GradeChange } from './crs.ts';
import { messages } from './messages.ts';
import { trigger } from './trigger.ts';
import type { EscalationTrigger } from './types.ts';

export type NeuroState = { readonly icansGrade: Grade; readonly crsGrade: Grade };

const icansWithCrsAtLeast2 = (state: NeuroState | null): boolean =>
  state !== null && state.icansGrade >= 2 && state.crsGrade >= 2;

/** ESC-ICANS2 (critical): ICANS ≥ 2 with concurrent CRS ≥ 2, on entering that state. */
export const escalateIcansWithCrs = (change: {
  readonly previous: NeuroState | null;
  readonly current: NeuroState;
}): EscalationTrigger | null =>
  icansWithCrsAtLeast2(change.current) && !icansWithCrsAtLeast2(change.previous)
    ? trigger('ESC-ICANS2', messages.icansWithCrs(change.current.icansGrade, change.current.crsGrade), [
        'ICANS-T5-2',
      ])
    : null;

/** ESC-ICANS3 (critical): ICANS enters ≥ 3. */
export const escalateIcansGrade3 = (change: GradeChange): EscalationTrigger | null =>
  entered(change, 3)
    ? trigger('ESC-ICANS3', messages.icansGrade3OrMore(change.currentGrade), ['ICANS-T5-3'])
    : null;
