import { Duration, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import {
  EventSourceMapping,
  FilterCriteria,
  FilterRule,
  type IEventSourceDlq,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { CartFunction } from './cart-function.ts';
import type { EncryptionKeys } from './encryption-keys.ts';
import type { EpisodesTable } from './episodes-table.ts';
import { failureQueue, grantSendFailures } from './failure-queue.ts';
import type { SlackCredentials } from './slack-credentials.ts';

/** Stream records of alert items (`EP#…` / `ALERT#…`), the only ones the consumer acts on. */
export const alertItemsOnly = FilterCriteria.filter({
  dynamodb: { Keys: { PK: { S: FilterRule.beginsWith('EP#') }, SK: { S: FilterRule.beginsWith('ALERT#') } } },
});

/** How the stream consumer treats failures: bounded, so one bad record never blocks a shard. */
export const streamConsumerSettings = {
  batchSize: 10,
  /** Alerts go out as soon as they are written. */
  maxBatchingWindow: Duration.seconds(0),
  /** One batch per shard at a time keeps each episode's alerts in order. */
  parallelizationFactor: 1,
  retryAttempts: 5,
  /** Older undelivered alerts are re-sent by the sweeper's re-notification anyway. */
  maxRecordAge: Duration.hours(1),
} as const;

/** The sweeper's cadence: ESC-VITALS and re-notification of unacknowledged critical alerts. */
export const sweepInterval = Duration.minutes(5);
/**
 * HANDOFF-1: how often the handoff digest function looks for teams whose handoff time has come
 * (a digest is posted within this long after the time, once per slot).
 */
export const digestInterval = Duration.minutes(5);

/**
 * Alert delivery. The stream consumer reads new items from the episodes table's stream and posts
 * alerts to the team's Slack channel: partial batch failures, bisect on error, bounded retries
 * and record age, then the batch's coordinates go to an SQS on-failure destination. The sweeper
 * runs on a schedule to raise overdue-vitals alerts and re-notify unacknowledged critical ones;
 * the handoff digest function, on its own schedule, posts each team's shift handoff digest.
 */
export class AlertPipeline extends Construct {
  readonly consumer: CartFunction;
  readonly sweeper: CartFunction;
  /** HANDOFF-1: the scheduled shift handoff digests (the episode service and the handoff's views). */
  readonly handoffDigest: CartFunction;
  /** Dead-letter queue of the handoff digest function's asynchronous invocations. */
  readonly digestFailures: Queue;
  readonly mapping: EventSourceMapping;
  /** On-failure destination of the stream mapping. */
  readonly streamFailures: Queue;
  /** Dead-letter queue of the sweeper's asynchronous invocations. */
  readonly sweeperFailures: Queue;

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
    const { config, keys, table, credentials } = props;

    this.consumer = new CartFunction(this, 'StreamConsumer', {
      lambdaId: 'alerts',
      description: 'Alert delivery: episodes table stream to the team Slack channel',
      config,
      logsKey: keys.operations,
      memorySize: 512,
      timeout: Duration.seconds(60),
    });
    table.grantEpisodeStore(this.consumer);
    table.grantStreamRead(this.consumer);
    credentials.grantRead(this.consumer, 'botToken');

    this.streamFailures = failureQueue(this, 'StreamFailures', config, keys.data);
    grantSendFailures(this.streamFailures, keys.data, this.consumer);
    const onFailure: IEventSourceDlq = { bind: () => ({ destination: this.streamFailures.queueArn }) };
    const streamArn = table.table.tableStreamArn;
    if (streamArn === undefined) throw new Error('the episodes table has no stream');
    this.mapping = new EventSourceMapping(this, 'StreamMapping', {
      target: this.consumer.function,
      eventSourceArn: streamArn,
      // Never skip what was written while the mapping was being (re)created.
      startingPosition: StartingPosition.TRIM_HORIZON,
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      onFailure,
      // Only alert items invoke the consumer (it ignores every other item): episode heads,
      // records, settings and the Slack replay guard's claims change far more often.
      filters: [alertItemsOnly],
      ...streamConsumerSettings,
    });

    Validations.of(this.consumer).acknowledge({
      id: 'HIPAA.Security-LambdaDLQ',
      reason:
        'Invoked synchronously by the DynamoDB stream event source mapping, where a function dead-letter queue never applies; records that still fail after bounded retries go to the mapping’s on-failure SQS destination (StreamFailures), which is alarmed.',
    });
    Validations.of(this.streamFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the terminal failure destination of the stream mapping (it receives the coordinates of batches that exhausted their retries); a dead-letter queue behind it would never receive anything. Any message raises the dead-letter-depth alarm.',
    });

    const scheduled = { config, keys, table, credentials };
    // The next scheduled run is the retry: a failed sweep is recorded, not repeated.
    ({ fn: this.sweeper, failures: this.sweeperFailures } = scheduledFunction(this, scheduled, {
      ids: ['Sweeper', 'SweeperFailures', 'SweepSchedule'],
      lambdaId: 'sweeper',
      description:
        'Sweeper: overdue vital signs (ESC-VITALS), re-notification of unacknowledged critical alerts',
      schedule: `CAR-T on-call ${config.stage}: run the sweeper`,
      interval: sweepInterval,
    }));
    // The next run is the retry: a slot's marker makes a repeated run post nothing twice.
    ({ fn: this.handoffDigest, failures: this.digestFailures } = scheduledFunction(this, scheduled, {
      ids: ['HandoffDigest', 'DigestFailures', 'DigestSchedule'],
      lambdaId: 'handoffDigest',
      description:
        'Shift handoff digests (HANDOFF-1): each team’s digest in its channel at its handoff times',
      schedule: `CAR-T on-call ${config.stage}: post the shift handoff digests that are due`,
      interval: digestInterval,
    }));
  }
}

/**
 * A function an EventBridge rule runs every `interval`, on the episode store with the bot token.
 * The next run is its retry: a failed run is recorded in its dead-letter queue, not repeated, and
 * an event older than 4 minutes is dropped before the next run is due.
 */
const scheduledFunction = (
  scope: Construct,
  props: {
    readonly config: StageConfig;
    readonly keys: EncryptionKeys;
    readonly table: EpisodesTable;
    readonly credentials: SlackCredentials;
  },
  what: {
    /** Construct ids: the function, its dead-letter queue, its rule. */
    readonly ids: readonly [string, string, string];
    readonly lambdaId: 'sweeper' | 'handoffDigest';
    readonly description: string;
    /** The rule's description. */
    readonly schedule: string;
    readonly interval: Duration;
  },
): { readonly fn: CartFunction; readonly failures: Queue } => {
  const { config, keys, table, credentials } = props;
  const [functionId, failuresId, ruleId] = what.ids;
  const failures = failureQueue(scope, failuresId, config, keys.data);
  const fn = new CartFunction(scope, functionId, {
    lambdaId: what.lambdaId,
    description: what.description,
    config,
    logsKey: keys.operations,
    memorySize: 512,
    timeout: Duration.seconds(60),
    asyncFailure: { deadLetterQueue: failures, retryAttempts: 0, maxEventAge: Duration.minutes(4) },
  });
  table.grantEpisodeStore(fn);
  credentials.grantRead(fn, 'botToken');
  grantSendFailures(failures, keys.data, fn);
  new Rule(scope, ruleId, {
    description: what.schedule,
    schedule: Schedule.rate(what.interval),
    targets: [new LambdaFunction(fn.function, { retryAttempts: 2, maxEventAge: Duration.minutes(4) })],
  });
  return { fn, failures };
};
