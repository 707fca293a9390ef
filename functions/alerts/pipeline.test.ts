import { describe, expect, it } from 'vitest';
import { once, renotifyMinutesFrom } from './pipeline.ts';

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

describe('once', () => {
  it('creates once while it succeeds', () => {
    let created = 0;
    const get = once(() => ++created);
    expect([get(), get(), get()]).toEqual([1, 1, 1]);
    expect(created).toBe(1);
  });

  it('a failed creation is retried on the next call', () => {
    let calls = 0;
    const get = once(() => {
      calls += 1;
      if (calls === 1) throw new Error('ALERT_RENOTIFY_MINUTES must be a whole number');
      return calls;
    });
    expect(get).toThrow('ALERT_RENOTIFY_MINUTES');
    expect(get()).toBe(2);
    expect(get()).toBe(2);
  });
});
