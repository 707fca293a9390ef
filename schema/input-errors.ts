import { GraphQLError } from 'graphql';
import { describeIssues, type InputIssue, type IssueLike } from '#rules';

/**
 * The GraphQL error for invalid input: the message names every bad field with the allowed range and
 * the value received, and `extensions.issues` carries the same as data for clients.
 */
export const inputError = (issues: readonly InputIssue[]): GraphQLError =>
  new GraphQLError(`Invalid input: ${issues.map((issue) => issue.message).join('; ')}`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      issues: issues.map(({ field, allowed, received, message }) => ({
        field,
        allowed,
        received: received ?? null,
        message,
      })),
    },
  });

/** Adapter for the Pothos validation plugin: Standard Schema issues plus the field's arguments. */
export const validationError = (
  failure: { readonly issues: readonly IssueLike[] },
  args: Record<string, unknown>,
): GraphQLError => inputError(describeIssues(failure.issues, args));
