import { cite } from '../core/index.ts';
import { messages } from './messages.ts';
import { ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/** ELIG-6 (§1.1②): SpO2 ≥ 92 % breathing room air. */
export const SPO2_ROOM_AIR_MIN_PERCENT = 92;

export const checkOxygenSaturation = (
  input: Pick<ParsedEligibilityInput, 'spo2RoomAirPercent'>,
): EligibilityRuleResult => {
  const citation = cite('§1.1');
  const spo2 = input.spo2RoomAirPercent;
  if (spo2 === undefined)
    return unknownResult('ELIG-6', ['spo2RoomAirPercent'], messages.spo2Needed, citation);
  return spo2 >= SPO2_ROOM_AIR_MIN_PERCENT
    ? ruleResult('ELIG-6', 'PASS', messages.spo2Met(spo2), citation)
    : ruleResult('ELIG-6', 'EXCLUDED', messages.spo2NotMet(spo2), citation);
};
