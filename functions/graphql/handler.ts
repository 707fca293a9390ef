import { schema } from '../../schema/index.ts';
import { createGraphQLHandler } from './http-handler.ts';

/** GraphQL Lambda (HTTP API v2, POST /graphql), one yoga per container; no GraphiQL page in the bundle. */
export const handler = createGraphQLHandler(schema);
