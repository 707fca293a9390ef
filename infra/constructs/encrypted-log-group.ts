import { Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { controlTowerRule } from '../control-tower.ts';
import { removalPolicyOf, retainsData } from './removal.ts';

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
export const encryptedLogGroup = (scope: Construct, id: string, config: StageConfig, key: IKey): LogGroup => {
  const group = new LogGroup(scope, id, {
    encryptionKey: key,
    retention: retentionDays(config.logRetentionDays),
    removalPolicy: removalPolicyOf(config),
  });
  // A stage that keeps clinical data keeps its logs a year or more (parseStageConfig enforces it).
  if (!retainsData(config)) {
    Validations.of(group).acknowledge({
      id: controlTowerRule('cloudwatch_log_group_retention_period_check'),
      reason: `Stage ${config.stage} keeps no clinical data (its resources are destroyed with it) and keeps logs ${config.logRetentionDays} days by its stage config; every stage that retains data keeps them at least 365 days.`,
    });
  }
  return group;
};
