import { describe, expect, it } from 'vitest';
import { once } from './once.ts';

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
