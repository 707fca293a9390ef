import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * GraphQL operations generated from the schema itself (fast-check arbitraries): any root query or
 * mutation, a random selection of its result (nested objects, unions with inline fragments,
 * connections with their arguments), and argument values that are mostly of the right type and
 * shape but often hostile: wrong types, huge, negative and NaN-like numbers, long and unicode
 * strings, nulls, unknown enum values and fields, bad ids and cursors, missing idempotency keys.
 * A share of operations is almost valid: an unknown field, a selection on a scalar, none on an
 * object. Arguments go inline as literals or as variables.
 */

/** A value to send: JSON for variables; enums are printed bare when inline. */
type Value =
  | null
  | boolean
  | number
  | string
  | { readonly enumValue: string }
  | { readonly bareNumber: string }
  | readonly Value[]
  | { readonly [field: string]: Value };

export type GeneratedOperation = {
  readonly kind: 'query' | 'mutation';
  readonly field: string;
  readonly mode: OperationMode;
  readonly query: string;
  readonly variables: Record<string, unknown>;
};

/** Facts of the running system the values draw on, so some operations reach real data. */
export type OperationFacts = {
  readonly episodeIds: readonly string[];
  readonly team: string;
};

/**
 * How one operation goes wrong: `valid` (right types and shapes, values still at their extremes),
 * `hostile` (a quarter of the values of a wrong type), `almost` (right values, structural slips:
 * unknown fields and arguments, a selection on a scalar, none on an object).
 */
export type OperationMode = 'valid' | 'hostile' | 'almost';

type Facts = OperationFacts & {
  readonly schema: GraphQLSchema;
  readonly mode: OperationMode;
  /** Arbitraries already built (per type, name, depth and mode): building them is the slow part. */
  readonly cache: Map<string, fc.Arbitrary<unknown>>;
};

const cached = <T>(facts: Facts, key: string, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> => {
  const full = `${facts.mode}|${key}`;
  let arbitrary = facts.cache.get(full) as fc.Arbitrary<T> | undefined;
  if (!arbitrary) {
    arbitrary = build();
    facts.cache.set(full, arbitrary);
  }
  return arbitrary;
};

/** A slip in `almost` mode, one site in `oneIn`; never otherwise. */
const slip = (facts: Facts, roll: number, oneIn: number): boolean =>
  facts.mode === 'almost' && roll % oneIn === 0;

const isEnumValue = (value: Value): value is { readonly enumValue: string } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'enumValue' in value;
const isBareNumber = (value: Value): value is { readonly bareNumber: string } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'bareNumber' in value;

/** The value as a GraphQL literal. */
const literal = (value: Value): string => {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (isEnumValue(value)) return value.enumValue;
  if (isBareNumber(value)) return value.bareNumber;
  return `{ ${Object.entries(value as Record<string, Value>)
    .map(([name, item]) => `${name}: ${literal(item)}`)
    .join(', ')} }`;
};

/** The value as JSON for variables (enums by name; bare numbers as the text they are). */
const json = (value: Value): unknown => {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(json);
  if (isEnumValue(value)) return value.enumValue;
  if (isBareNumber(value)) return value.bareNumber;
  return Object.fromEntries(Object.entries(value as Record<string, Value>).map(([k, v]) => [k, json(v)]));
};

const HUGE_STRING_LENGTH = 20_000;

/** Values of any type, sent where another type is expected. */
const wrongValue: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(
    -1,
    0,
    -0,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '0x10', '', ' ', '38,9', 'null', 'undefined'),
  fc.constantFrom<Value>({ bareNumber: '1e999' }, { bareNumber: '-0.0' }, { bareNumber: '00012' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constant('x'.repeat(HUGE_STRING_LENGTH)),
  fc.constantFrom<Value>([], {}, [null], { __proto__: 1 } as Value, { enumValue: 'NOT_A_VALUE' }),
);

const BAD_IDS = [
  'EP-0',
  'EP--1',
  'EP-99999999999999999999',
  'EP-1.5',
  'ep-1',
  'EP-',
  '',
  'RXBpc29kZTpFUC0x',
  'Episode:EP-1',
  'VXNlcjox',
  '../../etc/passwd',
  "EP-1' OR '1'='1",
  'EP-1#META',
  'EP#1',
  '\u0000',
  '💥',
];
const BAD_CURSORS = ['', 'abc', 'eyJ9', 'eyJwayI6IkVQIzEifQ', 'A'.repeat(2000), '====', '\\u0000', 'null'];

const isoNear = fc
  .integer({ min: -40 * 86_400, max: 40 * 86_400 })
  .map((seconds) => new Date(Date.now() + seconds * 1000).toISOString());
const dateNear = isoNear.map((iso) => iso.slice(0, 10));

/** A value of the right shape for a named leaf type, chosen by the argument or field name. */
const leafValue = (typeName: string, name: string, facts: Facts): fc.Arbitrary<Value> => {
  const lower = name.toLowerCase();
  if (typeName === 'ID' || lower.endsWith('episodeid') || lower === 'id')
    return fc.oneof(
      { weight: facts.mode === 'valid' ? 8 : 3, arbitrary: fc.constantFrom(...facts.episodeIds) },
      { weight: 2, arbitrary: fc.constantFrom(...BAD_IDS) },
      fc.integer({ min: 1, max: 2_000_000 }).map((n) => `EP-${n}`),
      fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
    );
  if (lower === 'after' || lower === 'before' || lower.endsWith('cursor'))
    return fc.oneof(fc.constantFrom(...BAD_CURSORS), fc.base64String({ maxLength: 80 }));
  if (lower === 'team') return fc.constantFrom(facts.team, 'other-team', '', '*', 'team:*');
  if (lower === 'patientref')
    return fc.oneof(
      fc.stringMatching(/^P-[0-9]{4}$/),
      fc.constantFrom('Jane Doe', 'P', 'P-'.padEnd(40, '9')),
    );
  switch (typeName) {
    case 'Int':
      return fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom(2 ** 31 - 1, -(2 ** 31), 1_000_000));
    case 'Float':
      return fc.oneof(
        fc.double({ min: -10, max: 400, noNaN: true }),
        fc.integer({ min: 30, max: 250 }),
        fc.constantFrom(37, 38, 38.9, 90, 0, -0.0001, 1e-9),
      );
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return facts.mode === 'valid'
        ? isoNear
        : fc.oneof(isoNear, fc.constantFrom('2026-02-30T25:61:00Z', 'yesterday', '0000-00-00T00:00:00Z'));
    case 'Date':
      return facts.mode === 'valid'
        ? fc.oneof({ weight: 4, arbitrary: dateNear }, fc.constantFrom('1900-01-01', '9999-12-31'))
        : fc.oneof(dateNear, fc.constantFrom('2026-02-30', '2026-13-01', '1900-01-01', '9999-12-31'));
    default:
      return fc.oneof(
        fc.string({ maxLength: 16 }),
        fc.string({ unit: 'grapheme', maxLength: 24 }),
        fc.constantFrom('<!channel>', '<script>alert(1)</script>', '${jndi:ldap://x}', '%s%s%n'),
      );
  }
};

/** A new key per operation, as a client makes one per user action. */
const NEW_KEY: fc.Arbitrary<Value> = fc.constant(null).map(() => `fuzz-${randomUUID()}`);
const IDEMPOTENCY_KEY: fc.Arbitrary<Value | undefined> = fc.oneof(
  { weight: 6, arbitrary: NEW_KEY },
  fc.constant(undefined),
  fc.constantFrom('', 'short', 'k'.repeat(129), 'key with spaces', '钥匙钥匙钥匙钥匙', 'fuzz-replayed-key'),
);

/** A value for an input type: mostly right, sometimes wrong (depth bounds nested inputs). */
const inputValue = (type: GraphQLInputType, name: string, facts: Facts, depth: number): fc.Arbitrary<Value> =>
  cached(facts, `in|${String(type)}|${name}|${depth}`, () => {
    const right = rightValue(type, name, facts, depth);
    return facts.mode === 'hostile'
      ? fc.oneof({ weight: 3, arbitrary: right }, { weight: 1, arbitrary: wrongValue })
      : right;
  });

const rightValue = (
  type: GraphQLInputType,
  name: string,
  facts: Facts,
  depth: number,
): fc.Arbitrary<Value> => {
  if (isNonNullType(type)) return inputValue(type.ofType, name, facts, depth);
  if (isListType(type))
    return fc.oneof(
      { weight: 10, arbitrary: fc.array(inputValue(type.ofType, name, facts, depth + 1), { maxLength: 3 }) },
      { weight: 2, arbitrary: inputValue(type.ofType, name, facts, depth + 1) },
      {
        weight: 1,
        arbitrary: fc.constant(
          Array.from({ length: 300 }, () => (facts.mode === 'hostile' ? null : 'x')) as Value,
        ),
      },
    );
  if (isEnumType(type))
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...type.getValues().map((v) => ({ enumValue: v.name }))) },
      {
        weight: facts.mode === 'valid' ? 0 : 1,
        arbitrary: fc.constantFrom<Value>({ enumValue: 'UNKNOWN_VALUE' }, 'ZH_CN', 'en', {
          enumValue: 'true',
        }),
      },
    );
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const entries = fields.map((field) =>
      fc
        .tuple(fc.integer({ min: 0, max: 19 }), inputValue(field.type, field.name, facts, depth + 1))
        .map(([roll, value]) => {
          const required = isNonNullType(field.type);
          const present = required ? facts.mode === 'valid' || roll !== 0 : roll < 8;
          return present ? ([field.name, value] as const) : undefined;
        }),
    );
    return fc.tuple(fc.tuple(...entries), fc.integer({ min: 0, max: 29 })).map(([pairs, roll]) => {
      const object: Record<string, Value> = {};
      for (const pair of pairs) if (pair) object[pair[0]] = pair[1];
      if (slip(facts, roll, 10)) object.unknownField = 'x';
      return object;
    });
  }
  return leafValue(getNamedType(type).name, name, facts);
};

type Selection = { readonly text: string; readonly args: readonly ArgumentValue[] };
type ArgumentValue = {
  readonly name: string;
  /** The declared type; undefined for an argument the field does not have (sent inline). */
  readonly type: GraphQLInputType | undefined;
  readonly value: Value;
};

/** Arguments of a field: required ones usually, optional ones sometimes, now and then an unknown one. */
const argumentsOf = (args: readonly GraphQLArgument[], facts: Facts): fc.Arbitrary<ArgumentValue[]> =>
  fc
    .tuple(
      fc.tuple(
        ...args.map((arg) =>
          fc.tuple(
            fc.integer({ min: 0, max: 19 }),
            arg.name === 'idempotencyKey'
              ? facts.mode === 'valid'
                ? NEW_KEY
                : IDEMPOTENCY_KEY
              : inputValue(arg.type, arg.name, facts, 0),
          ),
        ),
      ),
      fc.integer({ min: 0, max: 39 }),
    )
    .map(([rolls, unknownRoll]) => {
      const chosen: ArgumentValue[] = [];
      args.forEach((arg, index) => {
        const [roll, value] = rolls[index] ?? [0, null];
        const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
        const present = required ? facts.mode === 'valid' || roll !== 0 : roll < 9;
        if (present && value !== undefined) chosen.push({ name: arg.name, type: arg.type, value });
      });
      if (slip(facts, unknownRoll, 10)) chosen.push({ name: 'notAnArgument', type: undefined, value: 1 });
      return chosen;
    });

/** A selection of an output type, up to `depth` levels of objects below it. */
const selectionOf = (type: GraphQLOutputType, facts: Facts, depth: number): fc.Arbitrary<Selection> => {
  const named = getNamedType(type);
  if (isLeafType(named))
    return fc
      .integer({ min: 0, max: 49 })
      .map((roll) => ({ text: slip(facts, roll, 12) ? ' { value }' : '', args: [] }));
  if (isUnionType(named) || isInterfaceType(named)) {
    const possible: readonly GraphQLObjectType[] = isUnionType(named)
      ? named.getTypes()
      : Object.values(facts.schema.getTypeMap()).filter(
          (t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().includes(named),
        );
    if (depth <= 0 || possible.length === 0) return fc.constant({ text: ' { __typename }', args: [] });
    return fc
      .subarray([...possible], { minLength: 1, maxLength: Math.min(3, possible.length) })
      .chain((types) =>
        fc.tuple(...types.map((t) => objectSelection(t, facts, depth - 1))).map((parts) => ({
          text: ` { __typename ${types.map((t, i) => `... on ${t.name}${parts[i]?.text ?? ''}`).join(' ')} }`,
          args: parts.flatMap((part) => part.args),
        })),
      );
  }
  if (isObjectType(named)) return objectSelection(named, facts, depth);
  return fc.constant({ text: '', args: [] });
};

const objectSelection = (type: GraphQLObjectType, facts: Facts, depth: number): fc.Arbitrary<Selection> =>
  cached(facts, `object|${type.name}|${depth}`, () => buildObjectSelection(type, facts, depth));

const buildObjectSelection = (
  type: GraphQLObjectType,
  facts: Facts,
  depth: number,
): fc.Arbitrary<Selection> => {
  const fields = Object.values(type.getFields()).filter(
    (field) => depth > 0 || isLeafType(getNamedType(field.type)),
  );
  if (fields.length === 0) return fc.constant({ text: ' { __typename }', args: [] });
  return fc
    .tuple(
      fc.subarray(fields, { minLength: 1, maxLength: Math.min(4, fields.length) }),
      fc.integer({ min: 0, max: 49 }),
    )
    .chain(([chosen, roll]) =>
      fc.tuple(...chosen.map((field) => fieldSelection(type.name, field, facts, depth - 1))).map((parts) => ({
        text: ` { ${slip(facts, roll, 8) ? 'notAField ' : ''}${parts.map((part) => part.text).join(' ')} }`,
        args: parts.flatMap((part) => part.args),
      })),
    );
};

const fieldSelection = (
  owner: string,
  field: GraphQLField<unknown, unknown>,
  facts: Facts,
  depth: number,
): fc.Arbitrary<Selection> =>
  cached(facts, `field|${owner}.${field.name}|${depth}`, () => buildFieldSelection(field, facts, depth));

const buildFieldSelection = (
  field: GraphQLField<unknown, unknown>,
  facts: Facts,
  depth: number,
): fc.Arbitrary<Selection> =>
  fc
    .tuple(
      field.args.length > 0 ? argumentsOf(field.args, facts) : fc.constant([]),
      selectionOf(field.type, facts, depth),
      fc.integer({ min: 0, max: 49 }),
    )
    .map(([args, sub, roll]) => {
      const named = getNamedType(field.type);
      // Almost valid: an object selected without its fields.
      const subText = slip(facts, roll, 12) && !isLeafType(named) ? '' : sub.text;
      return {
        text: `${field.name}${placeholder(args)}${subText}`,
        args: [...args, ...sub.args],
      };
    });

/** Arguments are written as markers first, then printed inline or as variables. */
const placeholder = (args: readonly ArgumentValue[]): string =>
  args.length === 0 ? '' : `(${args.map((arg) => `${arg.name}: §${arg.name}§`).join(', ')})`;

/** An operation on one root field, with its arguments inline or as variables. */
export const operationArbitrary = (schema: GraphQLSchema, facts: OperationFacts) => {
  const cache = new Map<string, fc.Arbitrary<unknown>>();
  const roots = (['query', 'mutation'] as const).flatMap((kind) => {
    const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(root?.getFields() ?? {}).map((field) => ({ kind, field }));
  });
  return fc
    .tuple(
      fc.constantFrom(...roots),
      fc.boolean(),
      fc.oneof(
        { weight: 9, arbitrary: fc.constant<OperationMode>('valid') },
        { weight: 7, arbitrary: fc.constant<OperationMode>('hostile') },
        { weight: 4, arbitrary: fc.constant<OperationMode>('almost') },
      ),
    )
    .chain(([{ kind, field }, inline, mode]) =>
      fc
        .tuple(fieldSelection(kind, field, { ...facts, schema, mode, cache }, 3), fc.constant(inline))
        .map(([selection, asLiterals]) => {
          const variables: Record<string, unknown> = {};
          const declarations: string[] = [];
          let text = selection.text;
          let n = 0;
          // Each marker is replaced in order by its argument (inline literal or a new variable).
          for (const arg of selection.args) {
            const marker = `§${arg.name}§`;
            const at = text.indexOf(marker);
            if (at < 0) continue;
            let replacement: string;
            if (asLiterals || arg.type === undefined) replacement = literal(arg.value);
            else {
              n += 1;
              const variable = `v${n}`;
              declarations.push(`$${variable}: ${String(arg.type)}`);
              variables[variable] = json(arg.value);
              replacement = `$${variable}`;
            }
            text = `${text.slice(0, at)}${replacement}${text.slice(at + marker.length)}`;
          }
          const header = declarations.length > 0 ? `${kind} Fuzz(${declarations.join(', ')})` : kind;
          return { kind, field: field.name, mode, query: `${header} { ${text} }`, variables };
        }),
    );
};
