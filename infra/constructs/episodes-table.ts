import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { episodesTable } from '../../functions/episodes/table-definition.ts';
import type { StageConfig } from '../config/stage-config.ts';
import type { CartFunction } from './cart-function.ts';
import { removalPolicyOf, retainsData } from './removal.ts';

/**
 * Item operations the episode store performs. Clinical items are append-only (corrections are
 * new items), so no function may delete or scan: TransactWriteItems authorises each of its
 * items as PutItem, UpdateItem or ConditionCheckItem, TransactGetItems as GetItem.
 */
export const episodeStoreActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
] as const;

/** Reading episode items only (live updates resolve what they send with the episode service). */
export const episodeReadActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;

/** Reading the table's change stream (the alert consumer's event source mapping). */
export const streamReadActions = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
] as const;

/** Using the table key through DynamoDB: read and write items and stream records. */
const tableKeyActions = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'] as const;

const streamViews = {
  NEW_IMAGE: StreamViewType.NEW_IMAGE,
  NEW_AND_OLD_IMAGES: StreamViewType.NEW_AND_OLD_IMAGES,
  OLD_IMAGE: StreamViewType.OLD_IMAGE,
  KEYS_ONLY: StreamViewType.KEYS_ONLY,
} as const;

/**
 * The episodes table, built from the shared table definition (keys, indexes, stream, TTL) so
 * the deployed and local tables cannot drift: customer-managed key, point-in-time recovery,
 * a stream for alert delivery, and an AWS Backup plan. A stage that retains data also gets
 * deletion protection and RETAIN.
 */
export class EpisodesTable extends Construct {
  readonly table: Table;
  readonly encryptionKey: IKey;
  /** The table and each index by exact ARN (no `index/*` wildcard). */
  readonly itemResourceArns: string[];
  /** Vault of the table's recovery points (retained when the stack is deleted). */
  readonly backupVault: BackupVault;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly config: StageConfig; readonly encryptionKey: IKey },
  ) {
    super(scope, id);
    const { config } = props;
    this.encryptionKey = props.encryptionKey;
    const string = (name: string) => ({ name, type: AttributeType.STRING });

    this.table = new Table(this, 'Table', {
      partitionKey: string(episodesTable.partitionKey),
      sortKey: string(episodesTable.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      stream: streamViews[episodesTable.streamView],
      timeToLiveAttribute: episodesTable.timeToLiveAttribute,
      deletionProtection: retainsData(config),
      removalPolicy: removalPolicyOf(config),
    });
    for (const index of episodesTable.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
    this.itemResourceArns = [
      this.table.tableArn,
      ...episodesTable.globalSecondaryIndexes.map(
        (index) => `${this.table.tableArn}/index/${index.indexName}`,
      ),
    ];
    this.backupVault = this.addBackupPlan(config);
  }

  /** Lets the function read and write episode items, and tells it the table name. */
  grantEpisodeStore(fn: CartFunction): void {
    this.grant(fn.role, [...episodeStoreActions], this.itemResourceArns);
    fn.addEnvironment('TABLE_NAME', this.table.tableName);
  }

  /** Lets the function read episode items only (no writes), and tells it the table name: the chart and live-updates functions. */
  grantEpisodeRead(fn: CartFunction): void {
    this.grant(fn.role, [...episodeReadActions], this.itemResourceArns);
    fn.addEnvironment('TABLE_NAME', this.table.tableName);
  }

  /** Lets the function's event source mapping read the table's stream (and only that stream). */
  grantStreamRead(fn: CartFunction): void {
    const streamArn = this.table.tableStreamArn;
    if (streamArn === undefined) throw new Error('the episodes table has no stream');
    this.grant(fn.role, [...streamReadActions], [streamArn]);
  }

  private grant(grantee: IGrantable, actions: string[], resources: string[]): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions, resources }));
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...tableKeyActions], resources: [this.encryptionKey.keyArn] }),
    );
  }

  /**
   * Daily recovery points (and monthly ones where configured) in a vault encrypted with the data
   * key. The vault is always retained: AWS Backup refuses to delete a vault that still holds
   * recovery points, and those must outlive the stack anyway.
   */
  private addBackupPlan(config: StageConfig): BackupVault {
    const vault = new BackupVault(this, 'BackupVault', {
      encryptionKey: this.encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const rules = [
      new BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: Schedule.cron({ hour: '3', minute: '0' }),
        deleteAfter: Duration.days(config.backup.dailyRetentionDays),
      }),
    ];
    if (config.backup.monthlyRetentionDays !== undefined) {
      rules.push(
        new BackupPlanRule({
          ruleName: 'Monthly',
          scheduleExpression: Schedule.cron({ day: '1', hour: '4', minute: '0' }),
          deleteAfter: Duration.days(config.backup.monthlyRetentionDays),
        }),
      );
    }
    const plan = new BackupPlan(this, 'BackupPlan', { backupVault: vault, backupPlanRules: rules });
    const selection = plan.addSelection('Episodes', {
      resources: [BackupResource.fromDynamoDbTable(this.table)],
    });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'The AWS Backup service role needs the AWS-maintained backup policy: it tracks the DynamoDB actions AWS Backup uses (including advanced DynamoDB backup), which a hand-written copy would silently miss after a service change and leave the clinical table without backups.',
    });
    return vault;
  }
}
