import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema } from './index.ts';

describe('schema.graphql', () => {
  it('is the schema printed from code (run `npm run schema:print` and commit it)', () => {
    expect(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')).toBe(printedSchema());
  });
});
