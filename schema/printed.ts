import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** A schema as committed: printed sorted, so reviews see every change and no order-only ones. */
export const printed = (schema: GraphQLSchema): string => `${printSchema(lexicographicSortSchema(schema))}\n`;
