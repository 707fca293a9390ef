import { createGraphQLHandler } from './http-handler.ts';

/** GraphQL Lambda (HTTP API v2), one yoga per container; no GraphiQL page in the bundle. */
export const handler = createGraphQLHandler();
