import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import type { CartFunction } from './cart-function.ts';
import { removalPolicyOf } from './removal.ts';

/**
 * A queue that keeps what a function could not process, for 14 days (SQS's maximum), encrypted
 * with the data key (failure records name episodes) and reachable over TLS only.
 */
export const failureQueue = (scope: Construct, id: string, config: StageConfig, key: IKey): Queue =>
  new Queue(scope, id, {
    encryption: QueueEncryption.KMS,
    encryptionMasterKey: key,
    dataKeyReuse: Duration.minutes(5),
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: removalPolicyOf(config),
  });

/** Lets the function (or Lambda on its behalf) send to the queue: SendMessage and the queue key. */
export const grantSendFailures = (queue: Queue, key: IKey, fn: CartFunction): void => {
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }),
  );
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [key.keyArn] }),
  );
};
