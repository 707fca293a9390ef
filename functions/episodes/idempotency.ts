import { createHash } from 'node:crypto';

/**
 * Idempotency fingerprints: a key is scoped to the user and the operation, and bound to the input
 * it was first used with (a canonical JSON: object keys sorted, so field order never matters).
 */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
};

export const fingerprintOf = (operation: string, input: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify([operation, canonical(input)]))
    .digest('base64url');
