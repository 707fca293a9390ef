import {
  getOperationAST,
  Kind,
  OperationTypeNode,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
} from 'graphql';
import { schema } from '../../schema/index.ts';

/** A subscribe message's payload, checked: one subscription operation, valid against the schema. */
export type PreparedOperation = {
  readonly query: string;
  readonly document: DocumentNode;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly operationName: string | undefined;
};

export type Preparation =
  | ({ readonly ok: true } & PreparedOperation)
  | { readonly ok: false; readonly errors: readonly GraphQLError[] };

/** The HTTP API's limits on a document (graphql-armor there), applied to subscriptions too. */
export const OPERATION_LIMITS = { maxTokens: 2000, maxQueryBytes: 16 * 1024, maxDepth: 10 } as const;

const refused = (message: string, code = 'BAD_USER_INPUT'): Preparation => ({
  ok: false,
  errors: [new GraphQLError(message, { extensions: { code } })],
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deepest selection nesting (fragments spread inline), for the same depth limit as the HTTP API. */
const depthOf = (document: DocumentNode): number => {
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  type Selections = { readonly selections: readonly import('graphql').SelectionNode[] } | undefined;
  const walk = (set: Selections, depth: number, seen: ReadonlySet<string>): number => {
    let deepest = depth;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD)
        deepest = Math.max(deepest, walk(selection.selectionSet, depth + 1, seen));
      else if (selection.kind === Kind.INLINE_FRAGMENT)
        deepest = Math.max(deepest, walk(selection.selectionSet, depth, seen));
      else if (!seen.has(selection.name.value))
        deepest = Math.max(
          deepest,
          walk(
            fragments.get(selection.name.value)?.selectionSet,
            depth,
            new Set([...seen, selection.name.value]),
          ),
        );
    }
    return deepest;
  };
  return Math.max(
    0,
    ...document.definitions.map((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? walk(d.selectionSet, 0, new Set()) : 0,
    ),
  );
};

/**
 * Checks a graphql-ws subscribe payload: `query` a string within the limits, `variables` an object
 * (or absent), `operationName` a string (or absent); the document parses, validates against the
 * schema (no introspection in production) and names one subscription. Queries and mutations are
 * refused here: they go to POST /graphql. Never throws.
 */
export const prepareOperation = (
  payload: unknown,
  options: { readonly production: boolean },
): Preparation => {
  if (!isPlainObject(payload)) return refused('payload must be an object with a `query` string');
  const { query, variables, operationName } = payload;
  if (typeof query !== 'string' || query.trim() === '')
    return refused(
      `payload.query must be a GraphQL document string; received ${query === undefined ? 'nothing' : JSON.stringify(query)}`,
    );
  if (Buffer.byteLength(query) > OPERATION_LIMITS.maxQueryBytes)
    return refused(`payload.query must be at most ${OPERATION_LIMITS.maxQueryBytes} bytes`);
  if (variables != null && !isPlainObject(variables))
    return refused('payload.variables must be an object when given');
  if (operationName != null && typeof operationName !== 'string')
    return refused('payload.operationName must be a string when given');
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: OPERATION_LIMITS.maxTokens });
  } catch (error) {
    return { ok: false, errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
  }
  const rules = options.production ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  const errors = validate(schema, document, rules);
  if (errors.length > 0) return { ok: false, errors };
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return refused('Unable to identify operation: name one with operationName');
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION)
    return refused(
      `Only subscriptions are served over WebSocket; send ${operation.operation} operations to POST /graphql`,
    );
  if (depthOf(document) > OPERATION_LIMITS.maxDepth)
    return refused(`The operation is nested deeper than ${OPERATION_LIMITS.maxDepth} levels`);
  return {
    ok: true,
    query,
    document,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
  };
};
