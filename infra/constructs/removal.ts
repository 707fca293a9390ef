import { RemovalPolicy } from 'aws-cdk-lib';
import type { StageConfig } from '../config/stage-config.ts';

/** The CloudFormation removal policy of a stage's stateful resources. */
export const removalPolicyOf = (config: StageConfig): RemovalPolicy =>
  config.removalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

/** Whether the stage keeps its data (deletion protection on, RETAIN everywhere). */
export const retainsData = (config: StageConfig): boolean => config.removalPolicy === 'retain';
