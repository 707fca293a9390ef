import { describe, expect, it } from 'vitest';
import { msUntilClearOfMidnight } from '../support/hospital-midnight.ts';

// Midnight in Asia/Shanghai (UTC+8) is 16:00 UTC.
const at = (iso: string): number => Date.parse(iso);

describe('waiting for the hospital day to turn before an end-to-end test that counts days', () => {
  it('does not wait when midnight is further off than the margin', () => {
    expect(msUntilClearOfMidnight(at('2026-12-04T15:59:39.999Z'), 20_000)).toBe(0);
    expect(msUntilClearOfMidnight(at('2026-12-04T16:00:00.000Z'), 20_000)).toBe(0);
  });

  it('waits until just after midnight in the hospital zone when it comes within the margin', () => {
    expect(msUntilClearOfMidnight(at('2026-12-04T15:59:40.001Z'), 20_000)).toBe(19_999 + 1_000);
    expect(msUntilClearOfMidnight(at('2026-12-04T15:59:59.500Z'), 20_000)).toBe(500 + 1_000);
  });

  it("counts midnight in the zone it is given, not the machine's", () => {
    expect(msUntilClearOfMidnight(at('2026-12-04T23:59:50.000Z'), 20_000, 'UTC')).toBe(11_000);
    expect(msUntilClearOfMidnight(at('2026-12-04T23:59:50.000Z'), 20_000)).toBe(0);
  });
});
