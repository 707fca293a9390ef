import type { GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import { publicSchemaOf } from './public-operations.ts';
import './public-types.ts';

/**
 * The public calculators' executable schema (the public function, functions/graphql/public-handler.ts):
 * only the public types (public-types.ts) are registered on the builder, so a cold start builds a
 * third of the types. Import it in a process that does not import schema/index.ts (both register on the one
 * builder); a process serving both routes derives this schema with publicSchemaOf(schema).
 * schema/public-schema.graphql is its printed form: schema/public.test.ts checks this build against
 * it, schema/schema.test.ts checks the derived one.
 */
export const publicSchema: GraphQLSchema = publicSchemaOf(builder.toSchema({ sortSchema: false }));
