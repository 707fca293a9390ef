import type { GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import { printed } from './printed.ts';
import { publicSchemaOf } from './public-operations.ts';
import './public-types.ts';
import './types/mutation.ts';
import './types/episode.ts';
import './types/episode-mutations.ts';
import './types/episode-state.ts';
import './types/episode-plan.ts';
import './types/episode-chart.ts';
import './types/observation.ts';
import './types/observation-vitals.ts';
import './types/observation-neuro.ts';
import './types/observation-lab.ts';
import './types/observation-correction.ts';
import './types/dose.ts';
import './types/observation-death.ts';
import './types/grading.ts';
import './types/alert.ts';
import './types/viewer.ts';
import './types/node.ts';
import './types/episode-list.ts';
import './types/subscriptions.ts';
import './types/handoff.ts';
import './types/handoff-times.ts';

/**
 * The executable schema: importing the type files registers them on the builder. Left in the
 * order the type files define it: sorting rebuilds every type, a cost each cold start would pay
 * for an order no answer depends on (the committed schema.graphql is sorted when printed).
 */
export const schema: GraphQLSchema = builder.toSchema({ sortSchema: false });

/** The committed schema.graphql: printed from code, sorted, so reviews see every change. */
export const printedSchema = (): string => printed(schema);

/** The committed public-schema.graphql: what POST /public/graphql serves, cut from the whole schema. */
export const printedPublicSchema = (): string => printed(publicSchemaOf(schema));

export type { ChartRenderer, EpisodeChartPicture, GraphQLContext, Role, Viewer } from './context.ts';
export { ROLES } from './context.ts';
