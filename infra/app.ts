/** CDK app entry (`cdk.json`: `node infra/app.ts`). */
import { App } from 'aws-cdk-lib';
import { buildCartApp } from './cart-app.ts';

const app = new App();
buildCartApp(app);
app.synth();
