import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedPublicSchema, printedSchema } from './index.ts';

describe('schema.graphql', () => {
  it('is the schema printed from code (run `npm run schema:print` and commit it)', () => {
    expect(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')).toBe(printedSchema());
  });
});

describe('public-schema.graphql', () => {
  it('is the public calculators’ schema cut from the whole one (run `npm run schema:print` and commit it)', () => {
    expect(readFileSync(new URL('./public-schema.graphql', import.meta.url), 'utf8')).toBe(
      printedPublicSchema(),
    );
  });
});
