/**
 * Builds the CDK app the way `cdk synth -c stage=<stage>` does (cdk.json's context, feature
 * flags and stage configs, the compliance packs), for assertions on the synthesized templates.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App, CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildCartApp } from '../../../infra/cart-app.ts';
import type { CartOncallStack } from '../../../infra/stacks/cart-oncall-stack.ts';

export const repositoryRoot = resolve(import.meta.dirname, '..', '..', '..');

type CdkJson = { readonly app: string; readonly context: Readonly<Record<string, unknown>> };

export const cdkJson = (): CdkJson => JSON.parse(readFileSync(join(repositoryRoot, 'cdk.json'), 'utf8')) as CdkJson;

export type SynthOptions = {
  /** Run esbuild for real (only the one bundling test does); otherwise bundling is skipped. */
  readonly bundle?: boolean;
  /** CDK's built-in CloudFormation template validation, as the CLI runs it (slower). */
  readonly cloudFormationValidation?: boolean;
  /** Context values layered over cdk.json's. */
  readonly context?: Readonly<Record<string, unknown>>;
};

export type SynthesizedStage = {
  readonly app: App;
  readonly stack: CartOncallStack;
  readonly template: Template;
};

export const createApp = (stage: string | undefined, options: SynthOptions = {}): App =>
  new App({
    outdir: mkdtempSync(join(tmpdir(), 'cart-cdk-')),
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
    context: {
      ...cdkJson().context,
      ...(stage !== undefined && { stage }),
      // An empty list skips bundling for every stack: synth then needs only the entry paths.
      'aws:cdk:bundling-stacks': options.bundle ? ['**'] : [],
      ...options.context,
    },
  });

/** Builds and synthesizes one stage; the nag packs run as part of the synth. */
export const synthStage = (stage: string, options: SynthOptions = {}): SynthesizedStage => {
  const app = createApp(stage, options);
  const [stack, ...others] = buildCartApp(app);
  if (!stack || others.length > 0) throw new Error(`expected exactly one stack for stage ${stage}`);
  return { app, stack, template: Template.fromStack(stack) };
};

type Resource = { readonly Type: string; readonly Properties?: Record<string, unknown> };

/** The single resource of a type whose logical id starts with the construct-derived prefix. */
export const resourceOf = (template: Template, type: string, logicalIdPrefix: string): [string, Resource] => {
  const matches = Object.entries(template.findResources(type) as Record<string, Resource>).filter(([id]) =>
    id.startsWith(logicalIdPrefix),
  );
  if (matches.length !== 1) {
    throw new Error(`expected one ${type} with logical id ${logicalIdPrefix}*, found ${matches.length}`);
  }
  return matches[0] as [string, Resource];
};

/** Logical id of a construct's CloudFormation resource (its default child). */
export const logicalIdOf = (stack: CartOncallStack, construct: IConstruct): string => {
  const child = construct.node.defaultChild;
  if (!CfnElement.isCfnElement(child)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return stack.resolve(stack.getLogicalId(child)) as string;
};
