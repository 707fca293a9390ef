import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { CartFunction } from './cart-function.ts';
import type { EncryptionKeys } from './encryption-keys.ts';
import type { EpisodesTable } from './episodes-table.ts';

/**
 * The GraphQL function (graphql-yoga over the episode service). It sits behind the HTTP API's
 * JWT authorizer on POST /graphql and authorises each field by the verified claims.
 */
export class GraphqlApi extends Construct {
  readonly handler: CartFunction;

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
  }
}
