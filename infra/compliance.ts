import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { controlTowerValidator } from './control-tower.ts';

/**
 * Runs the AWS Solutions and HIPAA Security rule packs (cdk-nag 3) and AWS Control Tower's
 * proactive controls (CloudFormation Guard) on every synth, as CDK policy validation: any finding
 * that is not acknowledged with a written reason fails the synth. Acknowledgements sit next to
 * the construct they concern.
 */
export const addComplianceChecks = (app: App): void => {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new HIPAASecurityChecks(app, { verbose: true }),
    controlTowerValidator(),
  );
};
