import { describe, expect, it } from 'vitest';
import { renotifyMinutesFrom } from './pipeline.ts';

describe('renotifyMinutesFrom (ALERT_RENOTIFY_MINUTES)', () => {
  it('defaults to 15 minutes when unset', () => {
    expect(renotifyMinutesFrom(undefined)).toBe(15);
  });

  it('accepts whole minutes from 1 to 1440 (a day), on the boundaries too', () => {
    expect(renotifyMinutesFrom('1')).toBe(1);
    expect(renotifyMinutesFrom('30')).toBe(30);
    expect(renotifyMinutesFrom('1440')).toBe(1440);
  });

  it('refuses 0, 1441, fractions and text, naming the setting', () => {
    for (const bad of ['0', '1441', '7.5', 'fifteen', '-15']) {
      expect(() => renotifyMinutesFrom(bad), bad).toThrow(/ALERT_RENOTIFY_MINUTES .*received/);
    }
  });
});
