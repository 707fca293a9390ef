/**
 * cdk-nag (AwsSolutions and HIPAA.Security) and AWS Control Tower's proactive controls
 * (CloudFormation Guard) on both stages: the synth succeeds with all three, no finding is left
 * unacknowledged (warnings included), and every acknowledgement is written out, specific, and
 * still needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildCartApp } from '../../infra/cart-app.ts';
import { controlTowerRule, controlTowerValidator } from '../../infra/control-tower.ts';
import { createApp } from './support/cart-app.ts';

type Finding = { readonly rule: string; readonly path: string };

const findings = (app: App): Finding[] =>
  [new AwsSolutionsChecks(), new HIPAASecurityChecks()].flatMap((pack) =>
    pack.validateScope(app).violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => ({
        rule: violation.ruleName,
        path: resource.constructPath ?? '',
      })),
    ),
  );

/**
 * What the packs would report if nothing were acknowledged. cdk-nag 3.0.2 checks
 * acknowledgements in its (private) `isAcknowledged`; it is switched off for this one call.
 */
const rawFindings = (app: App): Finding[] => {
  const prototype = NagPack.prototype as unknown as { isAcknowledged: () => boolean };
  const original = prototype.isAcknowledged;
  prototype.isAcknowledged = () => false;
  try {
    return findings(app);
  } finally {
    prototype.isAcknowledged = original;
  }
};

/** Construct path of every CloudFormation resource, by template file and logical id. */
const constructPaths = (app: App): Map<string, string> => {
  const paths = new Map<string, string>();
  for (const construct of app.node.findAll()) {
    if (!CfnElement.isCfnElement(construct)) continue;
    const stack = Stack.of(construct);
    paths.set(
      `${stack.templateFile}#${stack.resolve(stack.getLogicalId(construct)) as string}`,
      construct.node.path,
    );
  }
  return paths;
};

/**
 * What the Control Tower controls report on the synthesized templates before any acknowledgement
 * (CDK applies acknowledgements to the plugin's report afterwards), as construct paths.
 */
const rawControlTowerFindings = (app: App): Finding[] => {
  const assembly = app.synth();
  const templatePaths = assembly.stacks.map((stack) => stack.templateFullPath);
  const report = controlTowerValidator().validate({
    templatePaths,
    stackTemplates: [],
    appConstruct: app,
  });
  const paths = constructPaths(app);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => ({
      rule: controlTowerRule(violation.ruleName),
      path:
        paths.get(
          `${(resource.templatePath ?? '').split('/').pop() ?? ''}#${resource.resourceLogicalId ?? ''}`,
        ) ?? '',
    })),
  );
};

type Acknowledgement = { readonly rule: string; readonly reason: string; readonly scope: string };

const acknowledgements = (root: IConstruct): Acknowledgement[] =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          rule: id.replace(/^annotation::/i, ''),
          reason,
          scope: construct.node.path,
        })),
      ),
  );

describe.each(['dev', 'prod'])('compliance of the %s stage', (stage) => {
  // As the CLI runs it: both packs and CDK's CloudFormation validation, real synth.
  const app = createApp(stage, { cloudFormationValidation: true });
  buildCartApp(app);
  const synth = () => app.synth();

  it('synthesizes with both nag packs registered (no finding fails the synth)', () => {
    expect(synth).not.toThrow();
    const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { summary?: unknown; violations?: unknown[] }[];
    };
    expect(report.pluginReports.flatMap((pluginReport) => pluginReport.violations ?? [])).toEqual([]);
  });

  it('leaves no finding unacknowledged, errors and warnings alike', () => {
    synth();
    expect(findings(app)).toEqual([]);
  });

  it('acknowledges only findings that would otherwise be reported, each with a specific reason', () => {
    synth();
    const raw = [...rawFindings(app), ...rawControlTowerFindings(app)];
    const acknowledged = acknowledgements(app);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { rule, reason, scope } of acknowledged) {
      const covered = raw.filter((finding) => finding.rule === rule && finding.path.startsWith(`${scope}/`));
      expect(covered, `${rule} acknowledged on ${scope} matches no finding`).not.toEqual([]);
      expect(reason.length, `${rule} on ${scope}: reason too short`).toBeGreaterThanOrEqual(100);
    }
    // A reason explains one decision: the same text is never reused for a different rule (the
    // packs' rules for one and the same decision count as one).
    const sameDecision: Readonly<Record<string, string>> = {
      [controlTowerRule('lambda_inside_vpc_check')]: 'LambdaInsideVPC',
      [controlTowerRule('api_gw_v2_authorization_type_configured_check')]: 'APIG4',
    };
    const rulesByReason = new Map<string, Set<string>>();
    for (const { rule, reason } of acknowledged) {
      rulesByReason.set(
        reason,
        (rulesByReason.get(reason) ?? new Set()).add(
          sameDecision[rule] ?? rule.replace(/^HIPAA\.Security-|^AwsSolutions-/, ''),
        ),
      );
    }
    for (const [reason, rules] of rulesByReason) {
      const kinds = [...rules].map((rule) => (/Rotation|SMG4/.test(rule) ? 'rotation' : rule));
      expect(new Set(kinds).size, `reason reused across rules: ${reason}`).toBe(1);
    }
  });

  it('acknowledges exactly the reviewed set of rules', () => {
    synth();
    const rules = [...new Set(acknowledgements(app).map((acknowledgement) => acknowledgement.rule))].sort();
    expect(rules).toEqual(
      [
        'AwsSolutions-APIG4',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<LiveApi149456B6>/graphql/*/@connections/*]',
        'HIPAA.Security-DynamoDBInBackupPlan',
        'AwsSolutions-SMG4',
        'AwsSolutions-SQS3',
        'HIPAA.Security-LambdaDLQ',
        'HIPAA.Security-LambdaInsideVPC',
        'HIPAA.Security-SecretsManagerRotationEnabled',
        ...(stage === 'dev' ? [controlTowerRule('cloudwatch_log_group_retention_period_check')] : []),
        controlTowerRule('api_gw_v2_authorization_type_configured_check'),
        controlTowerRule('lambda_function_public_access_prohibited_check'),
        controlTowerRule('lambda_inside_vpc_check'),
        controlTowerRule('sqs_dlq_check'),
      ].sort(),
    );
  });

  it('the Control Tower controls run on the synth and would fail it without the acknowledgements', () => {
    synth();
    const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion?: string }[];
    };
    expect(report.pluginReports.map((pluginReport) => pluginReport.pluginName)).toContain(
      'cdk-validator-cfnguard',
    );
    const raw = rawControlTowerFindings(app).map((finding) => finding.rule);
    expect(new Set(raw).size).toBeGreaterThanOrEqual(4);
    expect(raw).not.toContain(controlTowerRule('kms_create_grant_aws_service_check'));
  });
});
