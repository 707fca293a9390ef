import { publicSchema } from '../../schema/public.ts';
import { createGraphQLHandler } from './http-handler.ts';

/**
 * The public calculators' Lambda (POST /public/graphql, no authorizer): the same handler over the
 * calculators' schema alone, so it builds, bundles and exposes none of the episode types.
 */
export const handler = createGraphQLHandler(publicSchema);
