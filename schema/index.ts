import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './types/scalars.ts';
import './types/health.ts';

/** The executable schema: importing the type files registers them on the builder. */
export const schema: GraphQLSchema = builder.toSchema({ sortSchema: true });

/** The committed schema.graphql: printed from code, sorted, so reviews see every change. */
export const printedSchema = (): string => `${printSchema(lexicographicSortSchema(schema))}\n`;

export type { GraphQLContext, Role, Viewer } from './context.ts';
export { ROLES } from './context.ts';
