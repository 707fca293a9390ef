import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';

/**
 * Runs the AWS Solutions and HIPAA Security rule packs on every synth (cdk-nag 3, CDK policy
 * validation): any finding that is not acknowledged with a written reason fails the synth.
 * Acknowledgements sit next to the construct they concern.
 */
export const addComplianceChecks = (app: App): void => {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new HIPAASecurityChecks(app, { verbose: true }),
  );
};
