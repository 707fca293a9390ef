import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { removalPolicyOf } from './removal.ts';

/**
 * A log group with the stage's retention, encrypted with the operations key. Logs can carry
 * pseudonymous episode ids and clinical values, so none is left unencrypted or kept forever.
 */
export const encryptedLogGroup = (scope: Construct, id: string, config: StageConfig, key: IKey): LogGroup =>
  new LogGroup(scope, id, {
    encryptionKey: key,
    // parseStageConfig admits only the retention periods CloudWatch Logs accepts.
    retention: config.logRetentionDays as RetentionDays,
    removalPolicy: removalPolicyOf(config),
  });
