/** CDK app entry (`cdk.json`: `node infra/app.ts`). */
import { App } from 'aws-cdk-lib';
import { buildCartApp } from './cart-app.ts';

const app = new App();
// The CLI sets these from the current credentials; a stage config's env takes precedence.
buildCartApp(app, { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION });
app.synth();
