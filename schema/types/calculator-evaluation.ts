import type { ArgBuilder, EnumRef, InputObjectRef, ObjectRef } from '@pothos/core';
import * as z from 'zod/mini';
import type { Language, RuleEvaluation } from '#rules';
import { builder } from '../builder.ts';
import { applyRule } from '../calculator-errors.ts';
import type { GraphQLContext } from '../context.ts';
import {
  CitationType,
  DriverType,
  LanguageEnum,
  NoteType,
  RecommendationType,
  driverTexts,
  localized,
} from './rule-output.ts';

/**
 * What every calculator returns besides its own outcome: the rule evaluation (drivers,
 * recommendations with rule ids and doses, notes, citations, ruleset) and the language its `text`
 * fields use.
 */
export type Evaluated<T> = { readonly evaluation: RuleEvaluation<T>; readonly language: Language };

export const evaluated = <T>(evaluation: RuleEvaluation<T>, language: Language): Evaluated<T> => ({
  evaluation,
  language,
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type FieldBuilder<Shape> = PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>;

/** The optional `language` argument every calculator takes; absent, Accept-Language decides. */
export const languageArg = (t: { readonly arg: ArgBuilder<Types> }) =>
  t.arg({
    type: LanguageEnum,
    required: false,
    description: 'Language of `text` fields; defaults to the request Accept-Language (zh-CN or en).',
  });

/** The request's language: the `language` argument, else the context's (Accept-Language). */
export const requestLanguage = (
  args: { readonly language?: Language | null | undefined },
  context: GraphQLContext,
): Language => args.language ?? context.language;

/**
 * The fields every calculator output shares, taken from its evaluation. `drivers` are plain texts in
 * the requested language (as the contract's CrsGrading.drivers); `driverDetails` carry their codes.
 */
export const evaluationFields = <T>(t: FieldBuilder<Evaluated<T>>) => ({
  drivers: t.stringList({
    description: 'What set the outcome, in the requested language.',
    resolve: (p) => driverTexts(p.evaluation.drivers, p.language),
  }),
  driverDetails: t.field({
    type: [DriverType],
    description: 'The drivers with their stable codes and rule ids, in both languages.',
    resolve: (p) => localized(p.evaluation.drivers, p.language),
  }),
  recommendations: t.field({
    type: [RecommendationType],
    description: 'What to do, each with its rule id, citation and (where one applies) the dose in mg.',
    resolve: (p) => localized(p.evaluation.recommendations, p.language),
  }),
  notes: t.field({
    type: [NoteType],
    description: 'Information beside the outcome, e.g. where the consensus prints another value.',
    resolve: (p) => localized(p.evaluation.notes, p.language),
  }),
  citations: t.field({
    type: [CitationType],
    description: 'The sections and tables of the sources the outcome comes from.',
    resolve: (p) => p.evaluation.citations,
  }),
  ruleset: t.string({
    description: 'Ruleset identifier and version, e.g. cn-mm-cart-2022@1.',
    resolve: (p) => p.evaluation.ruleset,
  }),
  language: t.field({
    type: LanguageEnum,
    description: 'The language of the `text` fields.',
    resolve: (p) => p.language,
  }),
});

/**
 * GraphQL passes an input field the client sent as null as an explicit null; the rules read a
 * missing value as "not given" (UNKNOWN, never a pass). This drops null-valued keys before the
 * rules' schema parses the input, so null and absent mean the same.
 */
export const withoutNulls = <S extends z.ZodMiniType>(schema: S) =>
  z.pipe(
    z.transform((value: unknown) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null))
        : value,
    ),
    schema,
  );

/**
 * The `status` and `needs` fields of a calculator whose outcome may be UNKNOWN: `needs` names the
 * input fields it could not decide without.
 */
export const statusAndNeeds = <
  S extends string,
  T extends { readonly status: S; readonly needs: readonly string[] },
>(
  t: FieldBuilder<Evaluated<T>>,
  statusEnum: EnumRef<Types, S, S>,
) => ({
  // Pothos cannot work out a generic enum's resolver type; the value is one of the enum's own.
  status: t.field({ type: statusEnum, resolve: (p) => p.evaluation.outcome.status as never }),
  needs: t.stringList({
    description: 'Input fields needed; non-empty exactly when the status is UNKNOWN.',
    resolve: (p) => [...p.evaluation.outcome.needs],
  }),
});

/**
 * A public calculator: `name(input: <Input>!, language: Language): <Output>!`, the rule run on the
 * validated input (an input the rule refuses is a BAD_USER_INPUT naming the field), its evaluation
 * in the request's language.
 */
export const ruleCalculator = <In, Out>(
  name: string,
  options: {
    readonly type: ObjectRef<Types, Evaluated<Out>>;
    readonly input: InputObjectRef<Types, In>;
    readonly description: string;
    readonly rule: (input: In, context: GraphQLContext) => RuleEvaluation<Out>;
  },
): void => {
  builder.queryField(name, (t) =>
    t.field({
      type: options.type,
      description: options.description,
      args: {
        input: t.arg({ type: options.input, required: true }),
        language: languageArg(t),
      },
      resolve: (_root, args, context) => {
        // Pothos cannot narrow a generic input's shape; it is `options.input`'s, validated.
        const { input } = args as unknown as { readonly input: In };
        return evaluated(
          applyRule('input', () => options.rule(input, context)),
          requestLanguage(args, context),
        );
      },
    }),
  );
};
