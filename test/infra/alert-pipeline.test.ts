import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { logicalIdOf, propertiesFor, synthStage } from './support/cart-app.ts';

const prod = synthStage('prod');
const { stack, template } = prod;
const id = (construct: Parameters<typeof logicalIdOf>[1]) => logicalIdOf(stack, construct);

describe('alert stream consumer', () => {
  it('reads the episodes table stream with partial batch failures, bisect on error, bounded retries and record age', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [id(stack.episodes.table), 'StreamArn'] },
      FunctionName: { Ref: id(stack.alerts.consumer.function) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 3600,
      BatchSize: 10,
      ParallelizationFactor: 1,
      StartingPosition: 'TRIM_HORIZON',
    });
  });

  it('sends batches that exhaust their retries to an SQS on-failure destination', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [id(stack.alerts.streamFailures), 'Arn'] } },
      },
    });
  });

  it('may send to that queue and read exactly that stream', () => {
    const statements = (
      propertiesFor(prod, stack.alerts.consumer.role.policy) as { PolicyDocument: { Statement: unknown[] } }
    ).PolicyDocument.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 'sqs:SendMessage',
        Resource: { 'Fn::GetAtt': [id(stack.alerts.streamFailures), 'Arn'] },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        Resource: { 'Fn::GetAtt': [id(stack.episodes.table), 'StreamArn'] },
      }),
    );
  });

  it('keeps failure queues encrypted with the data key, TLS-only, for 14 days', () => {
    for (const queue of [stack.alerts.streamFailures, stack.alerts.sweeperFailures]) {
      expect(propertiesFor(prod, queue)).toMatchObject({
        KmsMasterKeyId: { 'Fn::GetAtt': [id(stack.keys.data), 'Arn'] },
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id(queue) }],
        PolicyDocument: Match.objectLike({
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        }),
      });
    }
  });
});

describe('sweeper', () => {
  it('carries no shift handoff digest: that is a function of its own (HANDOFF-1)', () => {
    expect(String(propertiesFor(prod, stack.alerts.sweeper.function).Description)).not.toContain('handoff');
    expect(String(propertiesFor(prod, stack.alerts.handoffDigest.function).Description)).toContain(
      'Shift handoff digests (HANDOFF-1)',
    );
  });

  it('runs every 5 minutes', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [id(stack.alerts.sweeper.function), 'Arn'] } })],
    });
  });

  it('does not retry a failed sweep (the next run is due) and records it in its dead-letter queue', () => {
    expect(propertiesFor(prod, stack.alerts.sweeper.function).DeadLetterConfig).toEqual({
      TargetArn: { 'Fn::GetAtt': [id(stack.alerts.sweeperFailures), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: id(stack.alerts.sweeper.function) },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 240,
    });
  });

  it('never overlaps itself (reserved concurrency 1)', () => {
    expect(propertiesFor(prod, stack.alerts.sweeper.function).ReservedConcurrentExecutions).toBe(1);
  });
});

describe('shift handoff digest function (HANDOFF-1)', () => {
  it('runs every 5 minutes on a schedule of its own', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({ Arn: { 'Fn::GetAtt': [id(stack.alerts.handoffDigest.function), 'Arn'] } }),
      ],
    });
  });

  it('does not retry a failed run (the slot marker makes the next run the retry) and keeps it in its dead-letter queue', () => {
    expect(propertiesFor(prod, stack.alerts.handoffDigest.function).DeadLetterConfig).toEqual({
      TargetArn: { 'Fn::GetAtt': [id(stack.alerts.digestFailures), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: id(stack.alerts.handoffDigest.function) },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 240,
    });
  });

  it('may not invoke the chart function (a digest has no picture)', () => {
    const policy = JSON.stringify(propertiesFor(prod, stack.alerts.handoffDigest.role.policy));
    expect(policy).toContain('dynamodb:');
    expect(policy).not.toContain('lambda:InvokeFunction');
    expect(JSON.stringify(propertiesFor(prod, stack.alerts.sweeper.role.policy))).toContain(
      'lambda:InvokeFunction',
    );
  });
});
