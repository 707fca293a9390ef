import { GraphQLError, Kind } from 'graphql';
import type * as z from 'zod/mini';
import { isoDateSchema, isoDateTimeSchema } from '#rules';
import { builder } from '../builder.ts';

const scalar = (name: 'Date' | 'DateTime', description: string, schema: z.ZodMiniType<string>) => {
  const parse = (value: unknown): string => {
    const result = schema.safeParse(value);
    if (!result.success) {
      throw new GraphQLError(`${name} must be ${description}; received ${JSON.stringify(value)}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return result.data;
  };
  builder.scalarType(name, {
    description,
    serialize: (value) => value,
    parseValue: parse,
    parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
};

scalar('Date', 'an ISO 8601 calendar date, e.g. 2026-03-01', isoDateSchema);
scalar('DateTime', 'an ISO 8601 instant with offset, e.g. 2026-03-01T08:00:00Z', isoDateTimeSchema);
