import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import type { CartFunction } from './cart-function.ts';

/** Thresholds of the alarms, in one place. */
export const alarmThresholds = {
  /** Slack drops a request it has not had an answer to within 3 s; page well before that. */
  slackDurationP99Ms: 2_500,
  /** Stream records waiting longer than this mean clinical alerts are reaching Slack late. */
  streamIteratorAgeMs: 60_000,
  /** Three missed five-minute sweeps: ESC-VITALS and re-notifications have stopped. */
  sweeperSilence: Duration.minutes(15),
} as const;

export type MonitoringProps = {
  readonly config: StageConfig;
  readonly topicKey: IKey;
  /** Every function: errors and throttles are alarmed on each. */
  readonly functions: readonly CartFunction[];
  /** Dead-letter and on-failure queues by a readable name: any message is alarmed. */
  readonly failureQueues: Readonly<Record<string, IQueue>>;
  readonly streamConsumer: CartFunction;
  readonly slackHandler: CartFunction;
  readonly sweeper: CartFunction;
};

/**
 * Alarms on what would silently stop clinical alerts or the Slack bot, all published to one
 * encrypted SNS topic (with an optional email subscription from the stage config).
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly #config: StageConfig;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { config } = props;
    this.#config = config;
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: `CAR-T on-call ${config.stage} alarms`,
      masterKey: props.topicKey,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    if (config.alarmEmail !== undefined) this.topic.addSubscription(new EmailSubscription(config.alarmEmail));

    for (const fn of props.functions) {
      const metrics = { period: Duration.minutes(5), statistic: Stats.SUM };
      this.alarm(
        `${fn.lambdaId}-errors`,
        `${fn.lambdaId} function errors`,
        fn.function.metricErrors(metrics),
        1,
      );
      this.alarm(
        `${fn.lambdaId}-throttles`,
        `${fn.lambdaId} function throttled`,
        fn.function.metricThrottles(metrics),
        1,
      );
    }
    for (const [name, queue] of Object.entries(props.failureQueues)) {
      this.alarm(
        `${name}-depth`,
        `${name}: failed work is waiting in the queue`,
        queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(1),
          statistic: Stats.MAXIMUM,
        }),
        1,
      );
    }
    this.alarm(
      'alerts-iterator-age',
      'Alert stream is behind: clinical alerts are reaching Slack late',
      props.streamConsumer.function.metric('IteratorAge', {
        period: Duration.minutes(1),
        statistic: Stats.MAXIMUM,
      }),
      alarmThresholds.streamIteratorAgeMs,
      { evaluationPeriods: 2 },
    );
    this.alarm(
      'slack-duration-p99',
      'Slack handler p99 duration is close to Slack’s 3 s limit',
      props.slackHandler.function.metricDuration({ period: Duration.minutes(5), statistic: Stats.p(99) }),
      alarmThresholds.slackDurationP99Ms,
    );
    this.alarm(
      'sweeper-silent',
      'Sweeper has not run: overdue-vitals alerts and re-notifications have stopped',
      props.sweeper.function.metricInvocations({
        period: alarmThresholds.sweeperSilence,
        statistic: Stats.SUM,
      }),
      1,
      {
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.BREACHING,
      },
    );
  }

  private alarm(
    name: string,
    description: string,
    metric: IMetric,
    threshold: number,
    options: {
      readonly evaluationPeriods?: number;
      readonly comparisonOperator?: ComparisonOperator;
      readonly treatMissingData?: TreatMissingData;
    } = {},
  ): void {
    const alarm = new Alarm(this, name, {
      alarmName: `cart-oncall-${this.#config.stage}-${name}`,
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      comparisonOperator: options.comparisonOperator ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: options.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
  }
}
