import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { CartFunction } from './cart-function.ts';
import type { EncryptionKeys } from './encryption-keys.ts';
import type { EpisodesTable } from './episodes-table.ts';

/**
 * The GraphQL functions (graphql-yoga over the episode service). `handler` sits behind the HTTP
 * API's JWT authorizer on POST /graphql and authorises each field by the verified claims;
 * `publicHandler` runs the same code for the anonymous calculators on POST /public/graphql, as a
 * function of its own: its reserved concurrency is separate (anonymous traffic cannot use up the
 * clinicians' executions) and it holds no permission on the episodes table (requests there carry
 * no claims, so the resolvers refuse every episode field anyway).
 */
export class GraphqlApi extends Construct {
  readonly handler: CartFunction;
  readonly publicHandler: CartFunction;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly config: StageConfig; readonly keys: EncryptionKeys; readonly table: EpisodesTable },
  ) {
    super(scope, id);
    const { config } = props;
    this.handler = new CartFunction(this, 'Handler', {
      lambdaId: 'graphql',
      description: 'GraphQL API: episodes, observations, grading, dosing and calculators',
      config,
      logsKey: props.keys.operations,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: { GRAPHQL_MODE: config.graphqlMode },
    });
    props.table.grantEpisodeStore(this.handler);
    this.publicHandler = new CartFunction(this, 'PublicHandler', {
      lambdaId: 'publicGraphql',
      description: 'GraphQL without login: calculators and reference data (no episode access)',
      config,
      logsKey: props.keys.operations,
      memorySize: 1024,
      timeout: Duration.seconds(5),
      environment: { GRAPHQL_MODE: config.graphqlMode },
    });
  }
}
