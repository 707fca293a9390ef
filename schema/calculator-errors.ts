import type { GraphQLError } from 'graphql';
import { RulesInputError, type InputIssue } from '#rules';
import { inputError } from './input-errors.ts';

/** What an operation needs for one input field a rule could not decide without. */
export type Requirement = {
  /** What the field must be, e.g. "given (between 25 and 45 °C) to grade CRS". */
  readonly allowed: string;
};

/**
 * The GraphQL error for an UNKNOWN rule outcome: the rules never guess, and an operation whose
 * contract result cannot say "unknown" (e.g. a grade that is Int!) answers with a BAD_USER_INPUT
 * error naming each needed field, what it must be and what was received (nothing).
 */
export const missingInputError = (
  argument: string,
  needs: readonly string[],
  requirements: Readonly<Record<string, Requirement>>,
  received: Readonly<Record<string, unknown>>,
): GraphQLError =>
  inputError(
    needs.map((need): InputIssue => {
      const field = `${argument}.${need}`;
      const allowed = requirements[need]?.allowed ?? 'given';
      const value = received[need] ?? null;
      return {
        field,
        allowed,
        received: value,
        message: `${field} must be ${allowed}; received ${value === null ? 'nothing' : JSON.stringify(value)}`,
      };
    }),
  );

/** An issue of a rule's own input check, with its field named from the operation's argument. */
const underArgument = (argument: string, issue: InputIssue): InputIssue => {
  const field = `${argument}.${issue.field}`;
  return {
    ...issue,
    field,
    message: issue.message.startsWith(issue.field)
      ? `${field}${issue.message.slice(issue.field.length)}`
      : `${field}: ${issue.message}`,
  };
};

/**
 * Runs a rule on an operation's input: a RulesInputError (a check the rule makes beyond its schema,
 * e.g. an infusion date on or before the end of lymphodepletion) becomes the BAD_USER_INPUT error
 * naming the field (as `argument.field` when the rule read one input object argument, as the
 * argument itself when `argument` is null), the allowed range and the value received.
 */
export const applyRule = <T>(argument: string | null, rule: () => T): T => {
  try {
    return rule();
  } catch (error) {
    if (error instanceof RulesInputError) {
      throw inputError(
        argument === null ? error.issues : error.issues.map((issue) => underArgument(argument, issue)),
      );
    }
    throw error;
  }
};
