import { describe, expect, it } from 'vitest';
import { propertiesOfType, synthStage } from './support/cart-app.ts';

/**
 * What the stack does to satisfy Control Tower's proactive controls, rather than acknowledge them
 * (the acknowledged rest is in compliance.test.ts).
 */
const prod = synthStage('prod');

type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Principal: unknown;
  Condition?: unknown;
};

describe('Control Tower controls met by the stack', () => {
  it('CT.KMS.PR.3: every key refuses grants except to AWS services acting for a resource', () => {
    const keys = propertiesOfType(prod.template, 'AWS::KMS::Key');
    expect(keys).toHaveLength(3);
    for (const key of keys) {
      const statements = (key.KeyPolicy as { Statement: Statement[] }).Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({
          Sid: 'GrantsOnlyForAwsServices',
          Effect: 'Deny',
          Action: 'kms:CreateGrant',
          Principal: { AWS: '*' },
          Resource: '*',
          Condition: {
            BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' },
          },
        }),
      );
    }
  });

  it('failure queues accept no SQS redrive (they are the end of the line, alarmed)', () => {
    const queues = propertiesOfType(prod.template, 'AWS::SQS::Queue');
    expect(queues.length).toBeGreaterThan(0);
    for (const queue of queues) expect(queue.RedriveAllowPolicy).toEqual({ redrivePermission: 'denyAll' });
  });
});
