import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { GraphQLContext, Role } from './context.ts';
import { validationError } from './input-errors.ts';

/**
 * The schema builder: setup only (plugins, context, scalars, auth scopes). Each GraphQL type lives
 * in its own file under types/ with its own queries and mutations.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: {
    /** Any signed-in user. */
    signedIn: boolean;
    /** The viewer holds at least this role (clinician > nurse > viewer). */
    role: Role;
  };
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: (context) => ({
      signedIn: context.viewer !== null,
      role: (required) => context.viewer !== null && roleRank(context.viewer.role) >= roleRank(required),
    }),
    unauthorizedError: (_parent, context) =>
      context.viewer === null ? 'Sign in to use this operation' : 'Your role does not allow this operation',
  },
  errors: { defaultTypes: [] },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // node and nodes are defined in types/node.ts: they also accept the short ids clinicians see.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  validation: { validationError },
});

const roleRank = (role: Role): number => (role === 'clinician' ? 3 : role === 'nurse' ? 2 : 1);
