import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { removalPolicyOf } from './removal.ts';

/** The RetentionDays member for a number of days (parseStageConfig admits only valid ones). */
const retentionDays = (days: number): RetentionDays => {
  const match = (Object.values(RetentionDays) as unknown[]).find(
    (value): value is RetentionDays => value === days,
  );
  if (match === undefined) throw new Error(`CloudWatch Logs has no ${days}-day retention`);
  return match;
};

/**
 * A log group with the stage's retention, encrypted with the operations key. Logs can carry
 * pseudonymous episode ids and clinical values, so none is left unencrypted or kept forever.
 */
export const encryptedLogGroup = (scope: Construct, id: string, config: StageConfig, key: IKey): LogGroup =>
  new LogGroup(scope, id, {
    encryptionKey: key,
    retention: retentionDays(config.logRetentionDays),
    removalPolicy: removalPolicyOf(config),
  });
