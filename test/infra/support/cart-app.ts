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

export const cdkJson = (): CdkJson =>
  JSON.parse(readFileSync(join(repositoryRoot, 'cdk.json'), 'utf8')) as CdkJson;

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

/** A resource of the synthesized template, as JSON. */
export type ResourceJson = {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
};

export const resourcesOf = (template: Template): Readonly<Record<string, ResourceJson>> =>
  (template.toJSON() as { Resources: Record<string, ResourceJson> }).Resources;

/** Properties of every resource of a type. */
export const propertiesOfType = (template: Template, type: string): readonly Record<string, unknown>[] =>
  Object.values(resourcesOf(template))
    .filter((resource) => resource.Type === type)
    .map((resource) => resource.Properties);

/** Logical id of a construct's CloudFormation resource (its default child, or itself). */
export const logicalIdOf = (stack: CartOncallStack, construct: IConstruct): string => {
  const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild;
  if (!CfnElement.isCfnElement(element))
    throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return stack.resolve(stack.getLogicalId(element)) as string;
};

/** The template resource behind a construct. */
export const resourceFor = (stage: SynthesizedStage, construct: IConstruct): ResourceJson => {
  const resource = resourcesOf(stage.template)[logicalIdOf(stage.stack, construct)];
  if (!resource) throw new Error(`no resource for ${construct.node.path}`);
  return resource;
};

export const propertiesFor = (stage: SynthesizedStage, construct: IConstruct): Record<string, unknown> =>
  resourceFor(stage, construct).Properties;
