/**
 * ESC-HLH (critical): CRS-HLH suspects HLH/MAS (no improvement 12 h after first-line
 * intervention). Fires when the check turns SUSPECTED; a repeated SUSPECTED check of the same
 * intervention does not raise it again.
 */
import type { HlhStatus } from '../crs/hlh.ts';
import { messages } from './messages.ts';
import { trigger } from './trigger.ts';
import type { EscalationTrigger } from './types.ts';

export const escalateHlh = (check: {
  readonly status: HlhStatus;
  readonly previousStatus?: HlhStatus | null | undefined;
}): EscalationTrigger | null =>
  check.status === 'SUSPECTED' && check.previousStatus !== 'SUSPECTED'
    ? trigger('ESC-HLH', messages.hlh, ['CRS-HLH'])
    : null;
