import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { CartFunction } from './cart-function.ts';
import type { EncryptionKeys } from './encryption-keys.ts';
import type { EpisodesTable } from './episodes-table.ts';
import type { SlackCredentials } from './slack-credentials.ts';

/**
 * The Slack function (Bolt): slash commands, interactivity and events on POST /slack/events.
 * The route has no JWT authorizer; Bolt verifies Slack's request signature with the signing
 * secret before any listener runs. Slack waits 3 s for an answer, so the function is kept warm
 * in memory size and short in timeout; the duration alarm watches the margin.
 */
export class SlackEndpoint extends Construct {
  readonly handler: CartFunction;

  constructor(
    scope: Construct,
    id: string,
    props: {
      readonly config: StageConfig;
      readonly keys: EncryptionKeys;
      readonly table: EpisodesTable;
      readonly credentials: SlackCredentials;
    },
  ) {
    super(scope, id);
    this.handler = new CartFunction(this, 'Handler', {
      lambdaId: 'slack',
      description: 'Slack bot: /cart commands, buttons, modals and App Home',
      config: props.config,
      logsKey: props.keys.operations,
      memorySize: 1024,
      timeout: Duration.seconds(6),
    });
    props.table.grantEpisodeStore(this.handler);
    props.credentials.grantRead(this.handler, 'signingSecret', 'botToken');
  }
}
