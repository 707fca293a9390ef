import { validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../index.ts';

/** The executable schema is valid (e.g. every object implements the interfaces of its interfaces). */
describe('episode schema', () => {
  it('is a valid GraphQL schema', () => {
    expect(validateSchema(schema).map((error) => error.message)).toEqual([]);
  });

  it('answers each mutation with its result union of success and typed errors', () => {
    const mutation = schema.getMutationType();
    for (const name of [
      'createEpisode',
      'recordVitals',
      'recordNeuroAssessment',
      'recordLabResult',
      'recordDose',
      'correctRecord',
      'acknowledgeAlert',
      'closeEpisode',
      'recordDeath',
    ]) {
      const type = mutation?.getFields()[name]?.type.toString();
      expect(type, name).toBe(`${name.charAt(0).toUpperCase()}${name.slice(1)}Result!`);
      const union = schema.getType(`${name.charAt(0).toUpperCase()}${name.slice(1)}Result`);
      const members =
        union && 'getTypes' in union
          ? union
              .getTypes()
              .map((t) => t.name)
              .sort()
          : [];
      // Every write but the acknowledgement (idempotent by itself) takes a required key.
      const key = mutation?.getFields()[name]?.args.find((a) => a.name === 'idempotencyKey');
      expect(key?.type.toString(), name).toBe(name === 'acknowledgeAlert' ? undefined : 'String!');
      expect(members, name).toEqual(
        [
          'ConflictError',
          'ForbiddenError',
          'IdempotencyConflict',
          'NotFoundError',
          'StoreUnavailable',
          'ValidationError',
          `${name.charAt(0).toUpperCase()}${name.slice(1)}Success`,
        ].sort(),
      );
    }
  });
});
