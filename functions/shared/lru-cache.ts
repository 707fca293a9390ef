/**
 * A least-recently-used cache with a time to live, with the part of lru-cache's API that
 * graphql-yoga's parse and validation caches use (`new LRUCache({ max, ttl })`, `get`, `set`).
 * The Lambda bundles take it in place of the lru-cache package (infra/lambda-bundling.ts), whose
 * general-purpose implementation weighs 16 KB minified.
 */
export type LRUCacheOptions = {
  /** Most entries kept; setting one more evicts the least recently used. */
  readonly max: number;
  /** Milliseconds an entry lives after it was set (0 or absent: no expiry). */
  readonly ttl?: number;
  /** The clock, in milliseconds (performance.now by default). */
  readonly now?: () => number;
};

export class LRUCache<K, V> {
  readonly #entries = new Map<K, { readonly value: V; readonly expires: number }>();
  readonly #max: number;
  readonly #ttl: number;
  readonly #now: () => number;

  constructor({ max, ttl = 0, now = () => performance.now() }: LRUCacheOptions) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`max must be a positive integer, got ${max}`);
    if (!Number.isFinite(ttl) || ttl < 0)
      throw new RangeError(`ttl must be 0 or more milliseconds, got ${ttl}`);
    this.#max = max;
    this.#ttl = ttl;
    this.#now = now;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    if (entry.expires <= this.#now()) return undefined;
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): this {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: this.#ttl > 0 ? this.#now() + this.#ttl : Infinity });
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return this;
  }
}
