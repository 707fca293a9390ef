import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { DEFAULT_RULES_CONFIG, type RulesConfig } from '#rules';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import { EpisodeService } from '../../functions/episodes/service.ts';
import { createGraphQLServer } from '../../functions/graphql/yoga.ts';
import { schema } from '../../schema/index.ts';

/**
 * The GraphQL server as the Lambda runs it, called with `yoga.fetch` (no network, no store): the
 * calculators read no episode, so the service's repository is never reached.
 */
export type GraphQLResponse = {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[];
    readonly extensions?: {
      readonly code?: string;
      readonly issues?: readonly {
        readonly field: string;
        readonly allowed: string;
        readonly received: unknown;
        readonly message: string;
      }[];
    };
  }[];
};

const unusedRepository = new Proxy(Object.create(EpisodeRepository.prototype) as EpisodeRepository, {
  get: (_target, property) => {
    throw new Error(`a calculator reached the episode store (${String(property)})`);
  },
});

export const calculatorClient = (
  config: RulesConfig = DEFAULT_RULES_CONFIG,
  mode: 'development' | 'production' = 'development',
) => {
  const yoga = createGraphQLServer({
    schema,
    mode,
    episodes: new EpisodeService({ repository: unusedRepository, config, newId: () => 'unused' }),
  });
  const event = { requestContext: { requestId: 'unit' } } as unknown as APIGatewayProxyEventV2;
  return async (
    query: string,
    options: { readonly variables?: Record<string, unknown>; readonly headers?: Record<string, string> } = {},
  ): Promise<{ readonly status: number; readonly body: GraphQLResponse }> => {
    const response = await yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: JSON.stringify({ query, variables: options.variables }),
      },
      { event, lambdaContext: {} as Context },
    );
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  };
};

/** The single BAD_USER_INPUT error of a response (fails the test if the response is anything else). */
export const badUserInput = (body: GraphQLResponse) => {
  if (body.errors?.length !== 1) throw new Error(`expected one error, got ${JSON.stringify(body)}`);
  const [error] = body.errors;
  if (error?.extensions?.code !== 'BAD_USER_INPUT') {
    throw new Error(`expected BAD_USER_INPUT, got ${JSON.stringify(error)}`);
  }
  return { message: error.message, issues: error.extensions.issues ?? [], data: body.data };
};

type Call = ReturnType<typeof calculatorClient>;

/** The data of a query that must succeed (HTTP 200, no errors). */
export const dataOf = async <T>(
  call: Call,
  query: string,
  options: { readonly variables?: Record<string, unknown>; readonly headers?: Record<string, string> } = {},
): Promise<T> => {
  const { status, body } = await call(query, options);
  if (status !== 200 || body.errors !== undefined) {
    throw new Error(`expected data, got HTTP ${status} ${JSON.stringify(body)}`);
  }
  return body.data as T;
};
