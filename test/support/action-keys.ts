import { randomUUID } from 'node:crypto';

/**
 * Every GraphQL write takes an idempotency key, one per user action, as a client makes one when
 * the user presses Save. A test's operation that declares `$key` gets a new one unless the test
 * gives its own (to replay an action, or to reuse a key on purpose).
 */
export const withActionKey = (
  query: string,
  variables: Record<string, unknown> = {},
): Record<string, unknown> =>
  /\$key\s*:/.test(query) && variables.key === undefined
    ? { ...variables, key: `test-${randomUUID()}` }
    : variables;
