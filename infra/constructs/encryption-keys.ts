import { Duration, Stack } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { removalPolicyOf, retainsData } from './removal.ts';

/**
 * The stage's customer-managed KMS keys, one per kind of data so that access to one does not
 * open the others. All rotate yearly; in a stage that retains data they are never deleted
 * (deleting a key makes everything it encrypted unreadable).
 */
export class EncryptionKeys extends Construct {
  /** Clinical data: the episodes table (and its stream and backups) and the dead-letter queues. */
  readonly data: Key;
  /** Operations: CloudWatch log groups and the alarm topic. */
  readonly operations: Key;
  /** Slack credentials in Secrets Manager. */
  readonly secrets: Key;

  constructor(scope: Construct, id: string, config: StageConfig) {
    super(scope, id);
    const key = (keyId: string, description: string): Key =>
      new Key(this, keyId, {
        description: `CAR-T on-call ${config.stage}: ${description}`,
        alias: `alias/cart-oncall/${config.stage}/${keyId.toLowerCase()}`,
        enableKeyRotation: true,
        removalPolicy: removalPolicyOf(config),
        pendingWindow: retainsData(config) ? Duration.days(30) : Duration.days(7),
      });
    this.data = key('Data', 'episodes table, its stream and backups, dead-letter queues');
    this.operations = key('Operations', 'log groups and alarm notifications');
    this.secrets = key('Secrets', 'Slack signing secret and bot token');
    // Grants (delegated use of a key) only for AWS services acting for a resource, such as
    // DynamoDB for the table: nobody can hand the key on to another principal (CT.KMS.PR.3).
    for (const each of [this.data, this.operations, this.secrets]) {
      each.addToResourcePolicy(
        new PolicyStatement({
          sid: 'GrantsOnlyForAwsServices',
          effect: Effect.DENY,
          principals: [new AnyPrincipal()],
          actions: ['kms:CreateGrant'],
          resources: ['*'],
          conditions: {
            BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' },
          },
        }),
      );
    }

    const { region, account, partition } = Stack.of(this);
    // CloudWatch Logs encrypts this account's log groups with the operations key (and nothing else).
    this.operations.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsEncryptsLogGroups',
        principals: [new ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*`,
          },
        },
      }),
    );
    // CloudWatch alarms publish to the encrypted alarm topic.
    this.operations.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTopic',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
  }
}
