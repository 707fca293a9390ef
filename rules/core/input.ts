import * as z from 'zod/mini';
import { en } from 'zod/locales';

// zod/mini (a third of the classic API's size in every bundle) sets no messages of its own: the
// English ones, as the classic API sets them, for the few issues described by their message.
z.config(en());

/**
 * Input validation shared by every rule, the GraphQL API and the Slack bot: an invalid input gives
 * one issue per field with the field path, the allowed values or range and the value received.
 */
export type InputIssue = {
  /** Dotted path of the field, e.g. "ice.orientation". */
  readonly field: string;
  /** What is allowed, e.g. "25 to 45", "one of ROOM_AIR, NASAL_CANNULA", "a number". */
  readonly allowed: string;
  /** The value received, as given (undefined when missing). */
  readonly received: unknown;
  /** One sentence: field, allowed, received. */
  readonly message: string;
};

export class RulesInputError extends Error {
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
    this.name = 'RulesInputError';
    this.issues = issues;
  }
}

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return typeof value;
  }
};

const bound = (value: unknown, inclusive: boolean | undefined, side: 'min' | 'max'): string => {
  const n = typeof value === 'bigint' ? value.toString() : String(value);
  if (inclusive === false) return side === 'min' ? `more than ${n}` : `less than ${n}`;
  return side === 'min' ? `at least ${n}` : `at most ${n}`;
};

/** What a zod issue allows, in words. */
const allowedFor = (issue: z.core.$ZodIssue): string => {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `${bound(issue.minimum, issue.inclusive, 'min')} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : bound(issue.minimum, issue.inclusive, 'min');
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `${bound(issue.maximum, issue.inclusive, 'max')} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : bound(issue.maximum, issue.inclusive, 'max');
    case 'invalid_type':
      return issue.expected === 'int'
        ? 'a whole number'
        : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`;
    case 'invalid_format':
      return `a valid ${issue.format}`;
    case 'unrecognized_keys':
      return 'only known fields';
    default:
      return issue.message;
  }
};

const fieldOf = (path: readonly PropertyKey[], prefix: string): string =>
  [prefix, ...path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
    .filter((p) => p !== '')
    .join('.')
    .replace(/\.\[/g, '[');

/** zod's own default messages; any other message is a schema's own "allowed" phrase (see numberIn). */
const ZOD_DEFAULT_MESSAGE = /^(Too small|Too big|Invalid|Unrecognized|Expected)/;

/** An issue as zod or any Standard Schema library reports it. */
export type IssueLike = {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
};

const isZodIssue = (issue: IssueLike): issue is z.core.$ZodIssue & IssueLike => 'code' in issue;

/** Turns validation issues (zod's or Standard Schema's) into field/allowed/received issues. */
export const describeIssues = (issues: readonly IssueLike[], input: unknown, prefix = ''): InputIssue[] =>
  issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => (typeof p === 'object' ? p.key : p));
    const field = fieldOf(path, prefix) || prefix || 'input';
    const unknownKeys = isZodIssue(issue) && issue.code === 'unrecognized_keys' ? issue.keys : undefined;
    const received = unknownKeys ?? valueAt(input, path);
    const allowed =
      isZodIssue(issue) && ZOD_DEFAULT_MESSAGE.test(issue.message) ? allowedFor(issue) : issue.message;
    const message = unknownKeys
      ? `${field} has unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.join(', ')}`
      : `${field} must be ${allowed}; received ${show(received)}`;
    return { field, allowed, received, message };
  });

/** Turns a ZodError into field/allowed/received issues. */
export const toInputIssues = (error: z.core.$ZodError, input: unknown, prefix = ''): InputIssue[] =>
  describeIssues(error.issues, input, prefix);

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
};

/** Parses input with a rule's schema, or throws RulesInputError naming every bad field. */
export const parseInput = <S extends z.ZodMiniType>(schema: S, input: unknown, prefix = ''): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new RulesInputError(toInputIssues(result.error, input, prefix));
};

/**
 * A number in an inclusive range with a unit: whichever bound is crossed, the error says
 * "between 25 and 45 °C". `integer` for whole numbers.
 */
export const numberIn = (
  min: number,
  max: number,
  unit = '',
  options: { readonly integer?: boolean } = {},
) => {
  const allowed = `${options.integer ? 'a whole number ' : ''}between ${min} and ${max}${unit ? ` ${unit}` : ''}`;
  const n = z.number({ error: allowed });
  return (options.integer ? n.check(z.int({ error: allowed })) : n).check(
    z.minimum(min, { error: allowed }),
    z.maximum(max, { error: allowed }),
  );
};
