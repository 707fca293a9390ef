import { createRequire } from 'node:module';
import type { IPolicyValidationPlugin } from 'aws-cdk-lib';

/**
 * AWS Control Tower's proactive controls (the CT.*.PR.* CloudFormation Guard rules, bundled with
 * the cfn-guard binary in @cdklabs/cdk-validator-cfnguard: no network at synth) as a CDK policy
 * validation plugin. A finding fails the synth unless acknowledged, next to the construct it
 * concerns, with `Validations.of(construct).acknowledge({ id: controlTowerRule('…'), reason })`.
 */
export const CONTROL_TOWER_PACKAGE = '@cdklabs/cdk-validator-cfnguard';
export const CONTROL_TOWER_VERSION = '0.0.62';

/** The validation id of a Control Tower rule, as the plugin reports it (its guard rule name). */
export const controlTowerRule = (guardRuleName: string): string => `cdk-validator-cfnguard::${guardRuleName}`;

type ValidatorModule = {
  readonly CfnGuardValidator: new (props?: {
    readonly controlTowerRulesEnabled?: boolean;
  }) => IPolicyValidationPlugin;
};

/** The Control Tower validator; a synth without the package fails with how to install it. */
export const controlTowerValidator = (): IPolicyValidationPlugin => {
  let module: ValidatorModule;
  try {
    module = createRequire(import.meta.url)(CONTROL_TOWER_PACKAGE) as ValidatorModule;
  } catch (error) {
    throw new Error(
      `The Control Tower proactive controls need ${CONTROL_TOWER_PACKAGE}: npm install -D ${CONTROL_TOWER_PACKAGE}@${CONTROL_TOWER_VERSION}`,
      { cause: error },
    );
  }
  return new module.CfnGuardValidator({ controlTowerRulesEnabled: true });
};
