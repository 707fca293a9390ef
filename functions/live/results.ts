import type { ExecutionResult, GraphQLFormattedError } from 'graphql';

/**
 * An execution result as sent to a client: errors a resolver raised on purpose (with an
 * extensions.code: NOT_FOUND, FORBIDDEN, BAD_USER_INPUT, STORE_UNAVAILABLE) as they are; any other
 * masked as "Unexpected error." and logged, as the HTTP API does deployed.
 */
export const formattedResult = (
  result: ExecutionResult,
  log: (message: string, details: Record<string, unknown>) => void,
): { data?: unknown; errors?: GraphQLFormattedError[] } => {
  const errors = result.errors?.map((error): GraphQLFormattedError => {
    if (typeof error.extensions.code === 'string') return error.toJSON();
    log('unexpected error in a subscription', { message: error.message, path: error.path });
    return { message: 'Unexpected error.', ...(error.path ? { path: error.path } : {}) };
  });
  return { ...(result.data === undefined ? {} : { data: result.data }), ...(errors ? { errors } : {}) };
};
