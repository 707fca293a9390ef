/**
 * Bolt's App and Lambda receiver, imported from their own files rather than from the package index:
 * the index also loads the Express receiver (express, mime-db, iconv-lite), which this bot never
 * uses, and would more than double the Lambda bundle. The Lambda bundle also replaces the modules
 * only the HTTP and Socket Mode receivers need (see infra/lambda-bundling.ts).
 */
import AppModule from '@slack/bolt/dist/App.js';
import AwsLambdaReceiverModule from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';

export const App = AppModule.default;
export type App = InstanceType<typeof App>;
export const LogLevel = AppModule.LogLevel;
export const AwsLambdaReceiver = AwsLambdaReceiverModule.default;
export type AwsLambdaReceiver = InstanceType<typeof AwsLambdaReceiver>;
