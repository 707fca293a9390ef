import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { episodesTable } from '../../functions/episodes/table-definition.ts';
import { logicalIdOf, propertiesFor, propertiesOfType, synthStage } from './support/cart-app.ts';

const dev = synthStage('dev');
const prod = synthStage('prod');

describe('episodes table', () => {
  const tableId = logicalIdOf(prod.stack, prod.stack.episodes.table);
  const dataKeyId = logicalIdOf(prod.stack, prod.stack.keys.data);

  it('is encrypted with the stage’s customer-managed data key, which rotates', () => {
    prod.template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [dataKeyId, 'Arn'] },
      },
    });
    expect(propertiesFor(prod, prod.stack.keys.data).EnableKeyRotation).toBe(true);
  });

  it('has point-in-time recovery', () => {
    prod.template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('streams new images and expires items by the shared TTL attribute', () => {
    prod.template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      TimeToLiveSpecification: { AttributeName: episodesTable.timeToLiveAttribute, Enabled: true },
    });
  });

  it('takes keys and indexes from the shared table definition', () => {
    prod.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: episodesTable.partitionKey, KeyType: 'HASH' },
        { AttributeName: episodesTable.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: episodesTable.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('is deletion-protected and retained in prod', () => {
    prod.template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    prod.template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    expect(prod.stack.terminationProtection).toBe(true);
  });

  it('can be torn down in dev', () => {
    dev.template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
      DeletionPolicy: 'Delete',
    });
    expect(dev.stack.terminationProtection).toBe(false);
  });

  it('is in an AWS Backup plan whose vault is encrypted with the data key', () => {
    prod.template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [tableId, 'Arn'] }] }),
    });
    prod.template.hasResourceProperties('AWS::Backup::BackupVault', {
      EncryptionKeyArn: { 'Fn::GetAtt': [dataKeyId, 'Arn'] },
    });
  });

  it('keeps daily recovery points for the stage’s retention, and monthly ones in prod only', () => {
    type Rule = { RuleName: string; Lifecycle: { DeleteAfterDays: number } };
    const rules = (template: typeof prod.template): Rule[] =>
      (
        propertiesOfType(template, 'AWS::Backup::BackupPlan') as readonly {
          BackupPlan: { BackupPlanRule: Rule[] };
        }[]
      )[0]?.BackupPlan.BackupPlanRule ?? [];
    expect(rules(prod.template).map((rule) => [rule.RuleName, rule.Lifecycle.DeleteAfterDays])).toEqual([
      ['Daily', 35],
      ['Monthly', 365],
    ]);
    expect(rules(dev.template).map((rule) => [rule.RuleName, rule.Lifecycle.DeleteAfterDays])).toEqual([
      ['Daily', 7],
    ]);
  });
});
