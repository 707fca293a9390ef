/**
 * ESC-TOCI (urgent): a tocilizumab dose requested too soon (TOCI-2) or a limit reached (TOCI-3
 * 24-hour, TOCI-4 total). Raised per refused request: each refusal is a new event.
 */
import { localTimeText } from '../core/index.ts';
import { RULE_OF_STATUS } from '../tocilizumab/timing.ts';
import type { TocilizumabStatus } from '../tocilizumab/timing.ts';
import { messages } from './messages.ts';
import { trigger } from './trigger.ts';
import type { EscalationTrigger } from './types.ts';

const REASON = {
  TOO_SOON: messages.tocilizumabTooSoon,
  MAX_24H_REACHED: messages.tocilizumab24hLimit,
  MAX_TOTAL_REACHED: messages.tocilizumabTotalLimit,
} as const;

export const escalateTocilizumab = (check: {
  readonly status: TocilizumabStatus;
  readonly earliestNextDoseAt?: string | null | undefined;
  /** EPI-7: the hospital's zone, to show the time locally with the zone named (else the instant as given). */
  readonly timeZone?: string | undefined;
}): EscalationTrigger | null => {
  if (check.status === 'ALLOWED') return null;
  const reason = REASON[check.status];
  const earliest = check.earliestNextDoseAt;
  const text =
    earliest == null
      ? reason
      : check.timeZone === undefined
        ? messages.earliestNextDose(reason, earliest)
        : messages.earliestNextDoseLocal(reason, localTimeText(earliest, check.timeZone));
  return trigger('ESC-TOCI', text, [RULE_OF_STATUS[check.status]]);
};
