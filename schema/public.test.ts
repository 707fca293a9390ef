import { readFileSync } from 'node:fs';
import { graphql, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printed } from './printed.ts';
import { PUBLIC_QUERY_FIELDS } from './public-operations.ts';
// Only the public types are registered in this file's module graph (as in the public function):
// schema/index.ts must not be imported here.
import { publicSchema } from './public.ts';

describe('the public calculators’ schema, built from their types alone (the public function)', () => {
  it('is public-schema.graphql, the schema cut from the whole one (run `npm run schema:print`)', () => {
    expect(printed(publicSchema)).toBe(
      readFileSync(new URL('./public-schema.graphql', import.meta.url), 'utf8'),
    );
  });

  it('holds exactly the public queries, and no mutation or subscription', () => {
    expect(Object.keys(publicSchema.getQueryType()?.getFields() ?? {}).sort()).toEqual(
      [...PUBLIC_QUERY_FIELDS].sort(),
    );
    expect(publicSchema.getMutationType()).toBeUndefined();
    expect(publicSchema.getSubscriptionType()).toBeUndefined();
  });

  it('has no episode, list, node or viewer to query', () => {
    for (const query of [
      '{ episode(id: "EP-1") { id } }',
      '{ episodes(team: "hem-a") { totalCount } }',
      '{ viewer { id } }',
      '{ node(id: "x") { id } }',
    ]) {
      const [error] = validate(publicSchema, parse(query));
      expect(error?.message, query).toMatch(/^Cannot query field "\w+" on type "Query"\./);
    }
  });

  it('answers a calculator without any episode store', async () => {
    const result = await graphql({
      schema: publicSchema,
      source: '{ health { status } }',
      contextValue: {},
    });
    expect(result).toEqual({ data: { health: { status: 'ok' } } });
  });
});
