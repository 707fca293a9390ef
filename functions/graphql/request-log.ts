import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { getOperationAST, type DocumentNode, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { originalLocation } from '../shared/source-location.ts';

/** The part of the Powertools logger the request log writes to. */
export type RequestLogger = {
  info(message: string, extra: Record<string, unknown>): void;
  warn(message: string, extra: Record<string, unknown>): void;
  error(message: string, extra: Record<string, unknown>): void;
};

/** What is kept of an unexpected error: its kind and where it was thrown, never its message. */
export type UnexpectedError = { readonly name: string; readonly location: string | undefined };

export type RequestLog = {
  /** The yoga plugin that writes one line per GraphQL request. */
  readonly plugin: Plugin<{ request: Request }, { event?: APIGatewayProxyEventV2 }>;
  /** Notes the error behind a masked one, for the line of the request that returned it. */
  unexpected<E extends object>(masked: E, original: unknown): E;
};

type Entry = {
  readonly started: number;
  readonly requestId: string | undefined;
  operationName?: string | undefined;
  operationType?: string | undefined;
  errorCodes?: string[];
  unexpectedErrors?: UnexpectedError[];
};

/**
 * The first stack frame as `path:line`: in a bundle, its original source (from the bundle's source
 * map); otherwise relative to the working directory.
 */
const locationOf = (error: Error): string | undefined => {
  const frame = error.stack?.split('\n').find((line) => line.trimStart().startsWith('at '));
  const match = frame ? /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?$/.exec(frame) : null;
  if (!match?.[1]) return undefined;
  const original = originalLocation(match[1], Number(match[2]), Number(match[3]));
  if (original !== undefined) return original.replace(/:\d+$/, '');
  const path = match[1].replace(/^file:\/\//, '');
  const cwd = `${process.cwd()}/`;
  return `${path.startsWith(cwd) ? path.slice(cwd.length) : path}:${match[2] ?? ''}`;
};

const describe = (error: unknown): UnexpectedError => {
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  return original instanceof Error
    ? { name: original.name, location: locationOf(original) }
    : { name: typeof original, location: undefined };
};

const resultErrors = (result: unknown): readonly GraphQLError[] => {
  const results = Array.isArray(result) ? result : [result];
  return results.flatMap(
    (one) => ((one as { errors?: readonly GraphQLError[] } | null)?.errors ?? []) as GraphQLError[],
  );
};

/**
 * One structured line per GraphQL request, through the Powertools logger: the API Gateway request
 * id, the operation's name and type, the duration, the HTTP status, the error codes and, for an
 * error the client only sees as "Unexpected error.", its name and where it was thrown. Never the
 * query, the variables, field values or error messages: they can carry patient data. Info when
 * the request succeeded, warn for errors of the request itself, error for unexpected errors.
 */
export const createRequestLog = (logger: RequestLogger): RequestLog => {
  const entries = new WeakMap<Request, Entry>();
  const unexpectedErrors = new WeakMap<object, UnexpectedError>();

  const plugin: RequestLog['plugin'] = {
    onRequest({ request, serverContext }) {
      entries.set(request, {
        started: performance.now(),
        requestId: serverContext.event?.requestContext.requestId,
      });
    },
    onParams({ request, params }) {
      const entry = entries.get(request);
      if (entry) entry.operationName = params.operationName ?? undefined;
    },
    onExecute({ args }) {
      const entry = entries.get(args.contextValue.request);
      const operation = getOperationAST(
        args.document as DocumentNode,
        args.operationName as string | undefined,
      );
      if (entry && operation) {
        entry.operationName = operation.name?.value ?? entry.operationName;
        entry.operationType = operation.operation;
      }
    },
    onResultProcess({ request, result }) {
      const entry = entries.get(request);
      if (!entry) return;
      const errors = resultErrors(result);
      entry.errorCodes = errors.map((error) => {
        const code = error.extensions.code;
        return typeof code === 'string' ? code : 'UNCODED';
      });
      entry.unexpectedErrors = errors.flatMap((error) => {
        const unexpected = unexpectedErrors.get(error);
        return unexpected ? [unexpected] : [];
      });
    },
    onResponse({ request, response }) {
      const entry = entries.get(request);
      // GraphQL requests only: the GraphiQL page and unknown paths produce no result.
      if (!entry?.errorCodes) return;
      const line = {
        requestId: entry.requestId,
        operationName: entry.operationName ?? null,
        operationType: entry.operationType ?? null,
        durationMs: Math.round((performance.now() - entry.started) * 10) / 10,
        status: response.status,
        errorCodes: entry.errorCodes,
        ...(entry.unexpectedErrors?.length ? { unexpectedErrors: entry.unexpectedErrors } : {}),
      };
      if (entry.unexpectedErrors?.length) logger.error('graphql request', line);
      else if (entry.errorCodes.length > 0) logger.warn('graphql request', line);
      else logger.info('graphql request', line);
    },
  };

  return {
    plugin,
    unexpected: (masked, original) => {
      unexpectedErrors.set(masked, describe(original));
      return masked;
    },
  };
};
