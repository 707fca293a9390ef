import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { CartFunction } from './cart-function.ts';
import type { EncryptionKeys } from './encryption-keys.ts';
import type { EpisodesTable } from './episodes-table.ts';
import { failureQueue, grantSendFailures } from './failure-queue.ts';
import type { SlackCredentials } from './slack-credentials.ts';

/**
 * The chart function: an episode's last hours as a picture (ECharts to SVG, resvg to PNG with the
 * bundled font) and its text summary. It reads episode items only, and the bot token to upload a
 * PNG to Slack. Invoked by the GraphQL function (synchronously, for Episode.chart) and by the
 * Slack, alert and sweeper functions (asynchronously, `/cart chart` and severe alerts); a failed
 * asynchronous render goes to its dead-letter queue after one retry.
 */
export class ChartRenderer extends Construct {
  readonly handler: CartFunction;
  readonly failures: Queue;

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
    const { config, keys } = props;
    this.failures = failureQueue(this, 'Failures', config, keys.data);
    this.handler = new CartFunction(this, 'Handler', {
      lambdaId: 'charts',
      description:
        'Episode charts: the course as a picture (SVG, PNG) with its summary, uploaded to Slack on request',
      config,
      logsKey: keys.operations,
      // Rendering is CPU-bound: memory buys CPU.
      memorySize: 1536,
      timeout: Duration.seconds(30),
      // A chart asked for in Slack is worth one retry; an old one is not worth posting.
      asyncFailure: { deadLetterQueue: this.failures, retryAttempts: 1, maxEventAge: Duration.minutes(10) },
    });
    props.table.grantEpisodeRead(this.handler);
    props.credentials.grantRead(this.handler, 'botToken');
    grantSendFailures(this.failures, keys.data, this.handler);
  }

  /**
   * Lets a function invoke the chart function (lambda:InvokeFunction on its unqualified ARN
   * only) and tells it the function's name (CHART_FUNCTION_NAME).
   */
  grantInvoke(caller: CartFunction): void {
    caller.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [this.handler.function.functionArn],
      }),
    );
    caller.addEnvironment('CHART_FUNCTION_NAME', this.handler.function.functionName);
  }
}
