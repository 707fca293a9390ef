import { describe, expect, it } from 'vitest';
import { isFreshSlackTimestamp, SLACK_TIMESTAMP_TOLERANCE_SECONDS } from './request-freshness.ts';

const NOW_MS = Date.parse('2026-03-03T02:00:00.000Z');
const now = NOW_MS / 1000;
const at = (offsetSeconds: number) => String(now + offsetSeconds);

describe('Slack request timestamps: five minutes either side of now', () => {
  it('the tolerance is five minutes', () => {
    expect(SLACK_TIMESTAMP_TOLERANCE_SECONDS).toBe(300);
  });

  it('accepts now, and exactly five minutes before or after', () => {
    expect(isFreshSlackTimestamp(at(0), NOW_MS)).toBe(true);
    expect(isFreshSlackTimestamp(at(-300), NOW_MS)).toBe(true);
    expect(isFreshSlackTimestamp(at(300), NOW_MS)).toBe(true);
    expect(isFreshSlackTimestamp(at(-299), NOW_MS)).toBe(true);
    expect(isFreshSlackTimestamp(at(299), NOW_MS)).toBe(true);
  });

  it('refuses one second beyond, on either side', () => {
    expect(isFreshSlackTimestamp(at(-301), NOW_MS)).toBe(false);
    expect(isFreshSlackTimestamp(at(301), NOW_MS)).toBe(false);
  });

  it('counts whole seconds of now (Slack sends whole seconds)', () => {
    expect(isFreshSlackTimestamp(at(300), NOW_MS + 999)).toBe(true);
    expect(isFreshSlackTimestamp(at(-300), NOW_MS + 1000)).toBe(false);
  });

  it('refuses a missing or malformed header', () => {
    for (const header of [undefined, '', 'abc', '-1', '1.5', `${now}x`, '9'.repeat(13)])
      expect(isFreshSlackTimestamp(header, NOW_MS)).toBe(false);
  });
});
