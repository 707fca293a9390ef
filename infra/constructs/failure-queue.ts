import { Duration, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption, RedrivePermission } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { controlTowerRule } from '../control-tower.ts';
import type { CartFunction } from './cart-function.ts';
import { removalPolicyOf } from './removal.ts';

/**
 * A queue that keeps what a function could not process, for 14 days (SQS's maximum), encrypted
 * with the data key (failure records name episodes) and reachable over TLS only. It is itself the
 * end of the line (Lambda's on-failure destination or dead-letter queue), so no SQS queue may
 * redrive into it (CT.SQS.PR.1: a dead-letter queue declares its redrive permission).
 */
export const failureQueue = (scope: Construct, id: string, config: StageConfig, key: IKey): Queue => {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.KMS,
    encryptionMasterKey: key,
    dataKeyReuse: Duration.minutes(5),
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    redriveAllowPolicy: { redrivePermission: RedrivePermission.DENY_ALL },
    removalPolicy: removalPolicyOf(config),
  });
  Validations.of(queue).acknowledge({
    id: controlTowerRule('sqs_dlq_check'),
    reason:
      'This queue is where failed Lambda events end (the stream consumer’s on-failure destination, the sweeper’s dead-letter queue), watched by an alarm on any visible message. A queue behind it would only move failures out of the alarm’s sight; no SQS queue may redrive into it either (denyAll). The control counts as dead-letter queues only those that SQS source queues may redrive into.',
  });
  return queue;
};

/** Lets the function (or Lambda on its behalf) send to the queue: SendMessage and the queue key. */
export const grantSendFailures = (queue: Queue, key: IKey, fn: CartFunction): void => {
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }),
  );
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [key.keyArn] }),
  );
};
