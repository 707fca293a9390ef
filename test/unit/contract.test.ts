import { readFileSync } from 'node:fs';
import {
  astFromValue,
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  print,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { calculatorClient } from './calculator-client.ts';

/**
 * The public contract (schema/contract.graphql, a copy of the fixed shared contract) must exist in
 * the schema as served (read by introspection, as a client sees it) exactly: every type, field,
 * argument, type reference (nullability and list wrapping), default value and enum value. The
 * schema may add types, fields and optional arguments.
 */
const contractSdl = readFileSync(new URL('../../schema/contract.graphql', import.meta.url), 'utf8');

const kindOf = (type: GraphQLNamedType): string =>
  isObjectType(type)
    ? 'object'
    : isInputObjectType(type)
      ? 'input'
      : isEnumType(type)
        ? 'enum'
        : isScalarType(type)
          ? 'scalar'
          : isInterfaceType(type)
            ? 'interface'
            : isUnionType(type)
              ? 'union'
              : 'unknown';

/** A default value as SDL (enum values by name, lists and objects as literals); null when none. */
const defaultOf = (input: GraphQLArgument | GraphQLInputField): string | null => {
  if (input.defaultValue === undefined) return null;
  const ast = astFromValue(input.defaultValue, input.type);
  return ast ? print(ast) : null;
};

/** An added argument or input field must not be required, or the contract's callers would break. */
const isRequiredAddition = (input: GraphQLArgument | GraphQLInputField): boolean =>
  isNonNullType(input.type) && input.defaultValue === undefined;

const compareInputs = (
  where: string,
  expected: readonly (GraphQLArgument | GraphQLInputField)[],
  actual: readonly (GraphQLArgument | GraphQLInputField)[],
): string[] => {
  const differences: string[] = [];
  for (const want of expected) {
    const have = actual.find((candidate) => candidate.name === want.name);
    if (!have) {
      differences.push(`${where}(${want.name}) is missing`);
      continue;
    }
    if (String(have.type) !== String(want.type)) {
      differences.push(`${where}(${want.name}) is ${String(have.type)}, contract says ${String(want.type)}`);
    }
    if (defaultOf(have) !== defaultOf(want)) {
      differences.push(
        `${where}(${want.name}) defaults to ${defaultOf(have) ?? 'nothing'}, contract says ${defaultOf(want) ?? 'nothing'}`,
      );
    }
  }
  for (const extra of actual) {
    if (!expected.some((want) => want.name === extra.name) && isRequiredAddition(extra)) {
      differences.push(
        `${where}(${extra.name}) is an added required input: callers of the contract would break`,
      );
    }
  }
  return differences;
};

/** Every way `actual` differs from the contract `expected` (empty when it conforms). */
export const contractDifferences = (expected: GraphQLSchema, actual: GraphQLSchema): string[] => {
  const differences: string[] = [];
  for (const want of Object.values(expected.getTypeMap())) {
    if (want.name.startsWith('__') || isSpecifiedScalarType(want)) continue;
    const have = actual.getType(want.name);
    if (!have) {
      differences.push(`type ${want.name} is missing`);
      continue;
    }
    if (kindOf(have) !== kindOf(want)) {
      differences.push(`${want.name} is a ${kindOf(have)}, contract says ${kindOf(want)}`);
      continue;
    }
    if ((isObjectType(want) && isObjectType(have)) || (isInterfaceType(want) && isInterfaceType(have))) {
      const fields = have.getFields();
      for (const field of Object.values(want.getFields())) {
        const mine = fields[field.name];
        if (!mine) {
          differences.push(`${want.name}.${field.name} is missing`);
          continue;
        }
        if (String(mine.type) !== String(field.type)) {
          differences.push(
            `${want.name}.${field.name} is ${String(mine.type)}, contract says ${String(field.type)}`,
          );
        }
        differences.push(...compareInputs(`${want.name}.${field.name}`, field.args, mine.args));
      }
    } else if (isInputObjectType(want) && isInputObjectType(have)) {
      differences.push(
        ...compareInputs(want.name, Object.values(want.getFields()), Object.values(have.getFields())),
      );
    } else if (isEnumType(want) && isEnumType(have)) {
      const names = (type: typeof want) =>
        type
          .getValues()
          .map((value) => value.name)
          .sort();
      if (names(have).join(',') !== names(want).join(',')) {
        differences.push(
          `enum ${want.name} is ${names(have).join(' ')}, contract says ${names(want).join(' ')}`,
        );
      }
    }
  }
  return differences;
};

const contract = buildSchema(contractSdl);

describe('public GraphQL contract (schema/contract.graphql)', () => {
  let served: GraphQLSchema;
  beforeAll(async () => {
    const { body } = await calculatorClient()(getIntrospectionQuery());
    served = buildClientSchema(body.data as unknown as IntrospectionQuery);
  });

  it('is served exactly: types, fields, arguments, nullability, lists, defaults and enum values', () => {
    expect(contractDifferences(contract, served)).toEqual([]);
  });

  it('covers every part of the contract (the comparison is not vacuous)', () => {
    const named = Object.values(contract.getTypeMap()).filter(
      (type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type),
    );
    expect(named.map((type) => type.name).sort()).toEqual(
      [
        'CerebralEdema',
        'Citation',
        'Consciousness',
        'CrsAssessmentInput',
        'CrsGrading',
        'Date',
        'DateTime',
        'FollowUpVisit',
        'IceScoreInput',
        'IcansAssessmentInput',
        'IcansGrading',
        'LymphodepletionDay',
        'LymphodepletionDose',
        'LymphodepletionPlan',
        'LymphodepletionPlanInput',
        'LymphodepletionProduct',
        'OxygenSupport',
        'Query',
        'Recommendation',
        'Seizure',
        'TocilizumabDoseCheck',
        'TocilizumabDoseInput',
        'TocilizumabStatus',
        'Vasopressor',
      ].sort(),
    );
    expect(Object.keys(contract.getQueryType()?.getFields() ?? {}).sort()).toEqual([
      'followUpSchedule',
      'gradeCrs',
      'gradeIcans',
      'lymphodepletionPlan',
      'tocilizumabDose',
    ]);
  });

  describe('detects each kind of drift', () => {
    const drifted = (from: string, to: string): string[] => {
      expect(contractSdl).toContain(from);
      return contractDifferences(contract, buildSchema(contractSdl.replace(from, to)));
    };

    it.each([
      [
        'a nullability change',
        'grade: Int!                      # 0..4\n  drivers',
        'grade: Int\n  drivers',
        'CrsGrading.grade is Int, contract says Int!',
      ],
      [
        'a list wrapping change',
        'vasopressors: [Vasopressor!]! = []',
        'vasopressors: [Vasopressor!] = []',
        'CrsAssessmentInput(vasopressors) is [Vasopressor!], contract says [Vasopressor!]!',
      ],
      [
        'a default value change',
        'oxygen: OxygenSupport! = ROOM_AIR',
        'oxygen: OxygenSupport! = CPAP',
        'CrsAssessmentInput(oxygen) defaults to CPAP, contract says ROOM_AIR',
      ],
      [
        'an argument default change',
        'throughMonth: Int! = 36',
        'throughMonth: Int! = 24',
        'Query.followUpSchedule(throughMonth) defaults to 24, contract says 36',
      ],
      [
        'a renamed field',
        'earliestNextDoseAt: DateTime',
        'earliestNextDose: DateTime',
        'TocilizumabDoseCheck.earliestNextDoseAt is missing',
      ],
      [
        'a missing enum value',
        'DOPAMINE PHENYLEPHRINE',
        'PHENYLEPHRINE',
        'enum Vasopressor is EPINEPHRINE NOREPINEPHRINE PHENYLEPHRINE VASOPRESSIN, contract says DOPAMINE EPINEPHRINE NOREPINEPHRINE PHENYLEPHRINE VASOPRESSIN',
      ],
      [
        'an added required input field',
        'infusionDate: Date!\n}',
        'infusionDate: Date!\n  renalClearance: Float!\n}',
        'LymphodepletionPlanInput(renalClearance) is an added required input: callers of the contract would break',
      ],
    ])('%s', (_kind, from, to, message) => {
      expect(drifted(from, to)).toContain(message);
    });

    it('a missing type', () => {
      const withoutFollowUp = contractSdl
        .replace('type FollowUpVisit { date: Date!, label: String! }', '')
        .replace('followUpSchedule(infusionDate: Date!, throughMonth: Int! = 36): [FollowUpVisit!]!', '');
      expect(contractDifferences(contract, buildSchema(withoutFollowUp))).toEqual(
        expect.arrayContaining(['type FollowUpVisit is missing', 'Query.followUpSchedule is missing']),
      );
    });
  });
});
