import { GraphQLError } from 'graphql';
import type { InputIssue } from '#rules';
import {
  EpisodeConflictError,
  EpisodeForbiddenError,
  EpisodeNotFoundError,
  EpisodeValidationError,
  IdempotencyConflictError,
  StoreUnavailableError,
  type Actor,
} from '#episodes';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';

/**
 * The typed failures of episode operations, as members of each operation's result union. They are
 * the episode service's own error classes, so a service failure becomes its GraphQL member as is;
 * every message is safe to show (no internals).
 */
export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure: nothing was written. `message` is safe to show to the user.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const ValidationIssueType = builder.objectRef<InputIssue>('ValidationIssue').implement({
  description: 'One invalid input field: which field, what is allowed and what was received.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Dotted path, e.g. "input.temperatureCelsius".' }),
    allowed: t.exposeString('allowed', { description: 'What is allowed, e.g. "between 25 and 45 °C".' }),
    received: t.string({
      nullable: true,
      description: 'The value received, as JSON (e.g. `99.1`, `"ZhangSan"`); null when it was missing.',
      resolve: (issue) => (issue.received === undefined ? null : JSON.stringify(issue.received)),
    }),
    message: t.exposeString('message', { description: 'One sentence naming field, allowed and received.' }),
  }),
});

builder.objectType(EpisodeValidationError, {
  name: 'ValidationError',
  description: 'The input is invalid; `issues` names every bad field. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssueType], resolve: (error) => error.issues }),
  }),
});

builder.objectType(EpisodeNotFoundError, {
  name: 'NotFoundError',
  description:
    "No such episode (or alert) for this user. Another team's episode answers exactly like a missing one.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ id: t.exposeString('episodeId', { description: 'The id that was not found.' }) }),
});

builder.objectType(EpisodeConflictError, {
  name: 'ConflictError',
  description: 'The episode changed while this was being saved, repeatedly; nothing was written, try again.',
  interfaces: [ErrorInterface],
});

builder.objectType(EpisodeForbiddenError, {
  name: 'ForbiddenError',
  description: 'Not signed in, or your role or team does not allow this. Nothing was written.',
  interfaces: [ErrorInterface],
});

builder.objectType(IdempotencyConflictError, {
  name: 'IdempotencyConflict',
  description:
    'The idempotency key was already used for another operation or with different input: the first result is never answered for a different request. Nothing was written; send a new key per user action.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ key: t.exposeString('key', { description: 'The key that was reused.' }) }),
});

const WriteOutcomeEnum = builder.enumType('WriteOutcome', {
  description: 'What is known about a write the store did not confirm.',
  values: {
    NOT_WRITTEN: {
      description:
        'Nothing was stored: try again shortly (a new attempt of the same user action may reuse its idempotency key).',
    },
    UNKNOWN: {
      description:
        'The store did not answer in time after the write was sent: it may have been stored. Send it again with the same idempotency key; it is stored at most once and the first result is answered.',
    },
  },
});

builder.objectType(StoreUnavailableError, {
  name: 'StoreUnavailable',
  description:
    'The episode store is throttling, stalled or unreachable, and the request ran out of time (a Slack command has under 3 s, a GraphQL request 8 s). `outcome` says whether anything may have been stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    outcome: t.field({ type: WriteOutcomeEnum, resolve: (error) => error.outcome }),
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', {
      description: 'A sensible wait before trying again.',
    }),
  }),
});

/** The members every episode operation's result union carries besides its success type. */
export const EPISODE_ERRORS = [
  EpisodeValidationError,
  EpisodeNotFoundError,
  EpisodeConflictError,
  EpisodeForbiddenError,
  IdempotencyConflictError,
  StoreUnavailableError,
] as const;

/**
 * The service actor for the signed-in viewer. Without a viewer, the operation answers with its
 * Forbidden member (never a server error).
 */
export const actorFor = (context: GraphQLContext, action: string): Actor => {
  if (context.viewer === null) throw new EpisodeForbiddenError(`Sign in to ${action}`);
  return { ...context.viewer, via: 'graphql' };
};

/** The actor, or null without a viewer (for reads that answer "nothing" rather than an error). */
export const actorOrNull = (context: GraphQLContext): Actor | null =>
  context.viewer === null ? null : { ...context.viewer, via: 'graphql' };

/**
 * The store is throttling or unreachable: a GraphQL error with code STORE_UNAVAILABLE and the
 * service's safe message, which error masking lets through (it is not an unexpected error).
 */
export const storeUnavailable = (error: StoreUnavailableError): GraphQLError =>
  new GraphQLError(error.message, { extensions: { code: 'STORE_UNAVAILABLE' } });

/** Runs a service call, turning StoreUnavailableError into its GraphQL error. */
export const callService = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw storeUnavailable(error);
    throw error;
  }
};

/** For fields outside a result union (the episode list): not signed in. */
export const signInRequired = (action: string): GraphQLError =>
  new GraphQLError(`Sign in to ${action}`, { extensions: { code: 'FORBIDDEN' } });

/** A GraphQL error for bad arguments outside a result union (e.g. an unknown cursor). */
export const badArgument = (field: string, allowed: string, received: unknown): GraphQLError =>
  new GraphQLError(
    `${field} must be ${allowed}; received ${received === undefined ? 'nothing' : JSON.stringify(received)}`,
    {
      extensions: {
        code: 'BAD_USER_INPUT',
        issues: [{ field, allowed, received: received ?? null }],
      },
    },
  );
