import { describe, expect, it } from 'vitest';
import { LRUCache } from './lru-cache.ts';

describe('LRUCache', () => {
  it('evicts the least recently used entry beyond max; a read makes an entry recent', () => {
    const cache = new LRUCache<string, number>({ max: 2 });
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('setting an existing key replaces its value without evicting another', () => {
    const cache = new LRUCache<string, number>({ max: 2 });
    cache.set('a', 1).set('b', 2).set('a', 10);
    expect(cache.get('a')).toBe(10);
    expect(cache.get('b')).toBe(2);
  });

  it('an entry lives ttl milliseconds after it was set: there until just before, gone at ttl', () => {
    let now = 1_000;
    const cache = new LRUCache<string, string>({ max: 10, ttl: 500, now: () => now });
    cache.set('doc', 'parsed');
    now = 1_499;
    expect(cache.get('doc')).toBe('parsed');
    now = 1_500;
    expect(cache.get('doc')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('without ttl, entries do not expire', () => {
    let now = 0;
    const cache = new LRUCache<string, string>({ max: 1, now: () => now });
    cache.set('doc', 'parsed');
    now = Number.MAX_SAFE_INTEGER;
    expect(cache.get('doc')).toBe('parsed');
  });

  it('rejects a max that is not a positive integer and a negative ttl, naming the value', () => {
    expect(() => new LRUCache({ max: 0 })).toThrow('max must be a positive integer, got 0');
    expect(() => new LRUCache({ max: 1, ttl: -1 })).toThrow('ttl must be 0 or more milliseconds, got -1');
  });
});
