import {
  type AddToPrincipalPolicyResult,
  ManagedPolicy,
  type PolicyStatement,
  Role,
  type RoleProps,
} from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/**
 * A role whose permissions live in one customer-managed policy instead of inline policies
 * (HIPAA.Security-IAMNoInlinePolicy). Every grant made through CDK (`grant*`, `addToRolePolicy`,
 * tracing, dead-letter queues) lands in that policy, statement by statement, so nothing is
 * granted that the code does not ask for.
 */
export class ManagedPolicyRole extends Role {
  readonly policy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: RoleProps) {
    super(scope, id, props);
    this.policy = new ManagedPolicy(this, 'Policy', { roles: [this], description: props.description });
  }

  override addToPrincipalPolicy(statement: PolicyStatement): AddToPrincipalPolicyResult {
    this.policy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.policy };
  }
}
