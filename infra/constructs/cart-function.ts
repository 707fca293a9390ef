import { resolve } from 'node:path';
import { type Duration, Validations } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { configuredEnvironment } from '../config/function-environment.ts';
import type { StageConfig } from '../config/stage-config.ts';
import { bundledFiles, type LambdaId, lambdaBundling, lambdaEntries } from '../lambda-bundling.ts';
import { encryptedLogGroup } from './encrypted-log-group.ts';
import { ManagedPolicyRole } from './managed-policy-role.ts';

/** The repository root: entries and the lock file are resolved from here, whatever the cwd. */
export const repositoryRoot = resolve(import.meta.dirname, '..', '..');

/** The Lambda runtime every function uses (Node.js 24, the current Lambda Node runtime). */
export const lambdaRuntime = Runtime.NODEJS_24_X;

const outputFormats = { esm: OutputFormat.ESM, cjs: OutputFormat.CJS } as const;

/** NodejsFunction's bundling options, from the one shared definition in lambda-bundling.ts. */
export const cdkBundlingOptions: BundlingOptions = {
  format: outputFormats[lambdaBundling.format],
  target: lambdaBundling.target,
  minify: lambdaBundling.minify,
  sourceMap: lambdaBundling.sourceMap,
  sourcesContent: lambdaBundling.sourcesContent,
  mainFields: [...lambdaBundling.mainFields],
  // As esbuild flags: NodejsFunction has no alias option, and passes no --charset for its own.
  esbuildArgs: {
    '--charset': lambdaBundling.charset,
    '--alias': Object.entries(lambdaBundling.alias).map(([path, replacement]) => `${path}=${replacement}`),
  },
  banner: lambdaBundling.banner,
  externalModules: [...lambdaBundling.externalModules],
  define: { ...lambdaBundling.define },
  // Local esbuild from node_modules; there is no Docker fallback to reach for.
  forceDockerBundling: false,
};

/**
 * The bundling options of one function: the shared ones, plus copying the files it reads at run
 * time next to its bundle (bundledFiles) after esbuild ran, with local shell commands (no Docker).
 */
export const bundlingOptionsFor = (lambdaId: LambdaId): BundlingOptions => {
  const files = bundledFiles[lambdaId];
  if (!files || files.length === 0) return cdkBundlingOptions;
  return {
    ...cdkBundlingOptions,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir: string, outputDir: string) =>
        files.map(({ from, to }) => `cp "${inputDir}/${from}" "${outputDir}/${to}"`),
    },
  };
};

export type CartFunctionProps = {
  readonly lambdaId: LambdaId;
  readonly description: string;
  readonly config: StageConfig;
  /** Key of the function's log group (the stage's operations key). */
  readonly logsKey: IKey;
  readonly memorySize: number;
  readonly timeout: Duration;
  /**
   * Function-specific environment, added to the variables every function reads and to the
   * settings it takes from the stage config (config/function-environment.ts).
   */
  readonly environment?: Readonly<Record<string, string>>;
  /** For asynchronously invoked functions: where failed events go, and how often Lambda retries. */
  readonly asyncFailure?: {
    readonly deadLetterQueue: IQueue;
    readonly retryAttempts: number;
    readonly maxEventAge: Duration;
  };
};

/**
 * One Lambda function with the defaults every function of the system shares: bundled by the
 * local esbuild as minified ESM with a source map beside it (read only to describe an error),
 * arm64, Node.js 24, active tracing, reserved concurrency and the settings it reads from the stage
 * config, its own encrypted log group with retention, and its own role whose permissions are only
 * what its construct grants.
 */
export class CartFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: ManagedPolicyRole;
  readonly logGroup: LogGroup;
  readonly lambdaId: LambdaId;

  constructor(scope: Construct, id: string, props: CartFunctionProps) {
    super(scope, id);
    const { config, lambdaId } = props;
    this.lambdaId = lambdaId;
    this.logGroup = encryptedLogGroup(this, 'Logs', config, props.logsKey);
    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `CAR-T on-call ${config.stage}: ${lambdaId} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      description: props.description,
      entry: resolve(repositoryRoot, lambdaEntries[lambdaId]),
      handler: 'handler',
      projectRoot: repositoryRoot,
      depsLockFilePath: resolve(repositoryRoot, 'package-lock.json'),
      runtime: lambdaRuntime,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      tracing: Tracing.ACTIVE,
      reservedConcurrentExecutions: config.reservedConcurrency[lambdaId],
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      bundling: bundlingOptionsFor(lambdaId),
      environment: {
        STAGE: config.stage,
        LOG_LEVEL: config.logLevel,
        POWERTOOLS_SERVICE_NAME: `cart-${lambdaId}`,
        ...configuredEnvironment(config, lambdaId),
        ...props.environment,
      },
      ...(props.asyncFailure && {
        deadLetterQueue: props.asyncFailure.deadLetterQueue,
        retryAttempts: props.asyncFailure.retryAttempts,
        maxEventAge: props.asyncFailure.maxEventAge,
      }),
    });
    // The function starts only once its role holds every permission granted to it, so event
    // source mappings and first invocations never see a half-built policy.
    this.function.node.addDependency(this.role.policy);

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (resource must be "*"); the statement grants only these two write actions.',
    });
  }

  /** Adds an environment variable (used by the constructs that grant access to what it names). */
  addEnvironment(name: string, value: string): void {
    this.function.addEnvironment(name, value);
  }
}
