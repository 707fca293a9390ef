import type { App } from 'aws-cdk-lib';
import { addComplianceChecks } from './compliance.ts';
import { selectStageConfigs } from './config/stage-config.ts';
import { CartOncallStack, type DeploymentEnv } from './stacks/cart-oncall-stack.ts';

/**
 * Builds the CDK app: one stack per selected stage (`-c stage=<name>`, or every stage configured
 * under the `stages` context key), with the compliance checks registered. `defaultEnv` fills in
 * the account/region a stage config leaves out.
 */
export const buildCartApp = (app: App, defaultEnv: DeploymentEnv = {}): CartOncallStack[] => {
  const configs = selectStageConfigs(app.node.tryGetContext('stages'), app.node.tryGetContext('stage'));
  const stacks = configs.map((config) => new CartOncallStack(app, config, defaultEnv));
  addComplianceChecks(app);
  return stacks;
};
