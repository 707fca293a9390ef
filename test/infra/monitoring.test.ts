import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { alarmThresholds } from '../../infra/constructs/monitoring.ts';
import { cdkJson, logicalIdOf, propertiesOfType, synthStage } from './support/cart-app.ts';

const prod = synthStage('prod');
const { stack, template } = prod;
const id = (construct: Parameters<typeof logicalIdOf>[1]) => logicalIdOf(stack, construct);

type Alarm = {
  AlarmName: string;
  MetricName: string;
  Namespace: string;
  Threshold: number;
  ComparisonOperator: string;
  Statistic?: string;
  ExtendedStatistic?: string;
  TreatMissingData: string;
  EvaluationPeriods: number;
  Dimensions: { Name: string; Value: unknown }[];
  AlarmActions: unknown[];
  OKActions: unknown[];
};
const alarms = propertiesOfType(template, 'AWS::CloudWatch::Alarm') as readonly Alarm[];
const alarmNamed = (suffix: string): Alarm => {
  const alarm = alarms.find((candidate) => candidate.AlarmName === `cart-oncall-prod-${suffix}`);
  if (!alarm) throw new Error(`no alarm ${suffix}`);
  return alarm;
};

describe('alarms', () => {
  it('watch errors and throttles of every function', () => {
    const functions = [
      stack.graphql.handler,
      stack.slack.handler,
      stack.alerts.consumer,
      stack.alerts.sweeper,
    ];
    for (const fn of functions) {
      for (const [suffix, metric] of [
        ['errors', 'Errors'],
        ['throttles', 'Throttles'],
      ] as const) {
        expect(alarmNamed(`${fn.lambdaId}-${suffix}`)).toMatchObject({
          MetricName: metric,
          Namespace: 'AWS/Lambda',
          Statistic: 'Sum',
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: id(fn.function) } }],
        });
      }
    }
  });

  it('page on any message in a dead-letter or on-failure queue', () => {
    for (const [suffix, queue] of [
      ['alert-stream-failures-depth', stack.alerts.streamFailures],
      ['sweeper-failures-depth', stack.alerts.sweeperFailures],
    ] as const) {
      expect(alarmNamed(suffix)).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id(queue), 'QueueName'] } }],
      });
    }
  });

  it('page when the alert stream falls a minute behind', () => {
    expect(alarmNamed('alerts-iterator-age')).toMatchObject({
      MetricName: 'IteratorAge',
      Statistic: 'Maximum',
      Threshold: 60_000,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: id(stack.alerts.consumer.function) } }],
    });
  });

  it('page when the Slack handler’s p99 duration nears Slack’s 3 s limit', () => {
    expect(alarmThresholds.slackDurationP99Ms).toBeLessThan(3_000);
    expect(alarmNamed('slack-duration-p99')).toMatchObject({
      MetricName: 'Duration',
      ExtendedStatistic: 'p99',
      Threshold: 2_500,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: id(stack.slack.handler.function) } }],
    });
  });

  it('page when the sweeper stops running (missing data counts as breaching)', () => {
    expect(alarmNamed('sweeper-silent')).toMatchObject({
      MetricName: 'Invocations',
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'breaching',
    });
  });

  it('all notify the encrypted alarm topic, on alarm and on recovery', () => {
    // 10 functions × (errors, throttles) + 4 dead-letter queues + 3 (stream age, Slack p99, sweeper silent)
    expect(alarms).toHaveLength(10 * 2 + 4 + 3);
    const topic = { Ref: id(stack.monitoring.topic) };
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([topic]);
      expect(alarm.OKActions).toEqual([topic]);
    }
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [id(stack.keys.operations), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      }),
    });
  });

  it('subscribe the alarm email only when the stage configures one', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    const stages = cdkJson().context.stages as Record<string, Record<string, unknown>>;
    const withEmail = synthStage('prod', {
      context: { stages: { ...stages, prod: { ...stages.prod, alarmEmail: 'oncall-ops@example.org' } } },
    });
    withEmail.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall-ops@example.org',
    });
  });
});
