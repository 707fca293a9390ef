/**
 * Stage configuration: one entry per stage under the `stages` key of cdk.json's context,
 * chosen with `-c stage=<name>` (every configured stage when no stage is given).
 * Parsed strictly so a typo in cdk.json fails the synth instead of deploying a default.
 */
import type { LambdaId } from '../lambda-bundling.ts';
import { functionDefaults } from './function-environment.ts';

export type StageConfig = {
  /** Stage name, also the suffix of the stack name (`CartOncall-<stage>`). */
  readonly stage: string;
  /** Target account/region; either may be left out (then CDK_DEFAULT_ACCOUNT/REGION, else env-agnostic). */
  readonly env: { readonly account?: string; readonly region?: string };
  /** `retain` keeps data (table, keys, logs, user pool, secrets) and turns on deletion protection. */
  readonly removalPolicy: 'retain' | 'destroy';
  /** CloudWatch Logs retention for every log group of the stage. */
  readonly logRetentionDays: number;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** `production` turns off GraphiQL and introspection. */
  readonly graphqlMode: 'production' | 'development';
  /** Browser origins allowed by CORS on the HTTP API. */
  readonly corsOrigins: readonly string[];
  /**
   * Steady-state requests per second and burst of each route of the HTTP API's default stage;
   * the anonymous public calculators (POST /public/graphql) have their own, lower limits.
   */
  readonly throttle: {
    readonly rateLimit: number;
    readonly burstLimit: number;
    readonly publicRateLimit: number;
    readonly publicBurstLimit: number;
  };
  readonly reservedConcurrency: Readonly<Record<LambdaId, number>>;
  /** Email address subscribed to the alarm topic (optional). */
  readonly alarmEmail?: string;
  /** AWS Backup: daily recovery points kept this many days, monthly ones optionally longer. */
  readonly backup: { readonly dailyRetentionDays: number; readonly monthlyRetentionDays?: number };
  /** Slash command name; must match the Slack app manifest (slack-bot/manifest.json). */
  readonly slackCommand: string;
  /** Slack user ids allowed to map channels to teams with `/cart setup` (may be empty). */
  readonly slackAdminUserIds: readonly string[];
  /** IANA time zone of the hospital's calendar (default Asia/Shanghai). */
  readonly hospitalTimeZone: string;
  /** Allow USER_PASSWORD_AUTH on the app client (for obtaining tokens from a shell in dev). */
  readonly allowPasswordAuth: boolean;
  /** Base URL of the frontend, linked from Slack alerts (optional). */
  readonly publicAppUrl?: string;
  /** Overrides of the defaults in function-environment.ts (the code's own defaults). */
  readonly tuning: {
    /** TOCI-3: 1 to 4 (the consensus prints 4; default 3). */
    readonly rulesTociMaxPer24h?: number;
    /** TOCI-4: count the 4 doses per CRS episode (default) or per course. */
    readonly rulesTociTotalScope?: 'per-episode' | 'per-course';
    /** ELIG-5: total bilirubin limit in µmol/L, above 0 and at most 342 (default 34.2). */
    readonly rulesBilirubinMaxUmolPerL?: number;
    readonly alertRenotifyMinutes?: number;
    readonly vitalsOverdueHours?: number;
  };
};

/** CloudWatch Logs accepts only these retention periods. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const STAGE_NAME = /^[a-z][a-z0-9-]{1,19}$/;

/**
 * Anonymous calculator traffic, when a stage sets no limits of its own: 10 requests per second
 * (burst 20) is far above what clinicians without an account use, and its own function has
 * 5 reserved executions (a calculation takes milliseconds).
 */
export const publicDefaults = { rateLimit: 10, burstLimit: 20, reservedConcurrency: 5 } as const;

/**
 * The chart function's reserved executions when a stage sets none: a chart takes a few hundred ms
 * and is asked for by a clinician (Episode.chart, `/cart chart`) or a severe alert, so 5 suffice
 * and the function can never take the clinical functions' concurrency.
 */
export const chartDefaults = { reservedConcurrency: 5 } as const;

/** The handoff digest function where a stage configures none: one scheduled run at a time is plenty. */
export const digestDefaults = { reservedConcurrency: 2 } as const;

/**
 * Live updates (WebSocket API) where a stage configures none: connections and subscribe messages
 * are few (one dashboard per on-call clinician); the fan-out reads the stream one batch per shard.
 */
export const liveDefaults = {
  rateLimit: 20,
  burstLimit: 40,
  reservedConcurrency: { liveAuthorizer: 5, liveSocket: 10, liveFanout: 2 },
} as const;

export class StageConfigError extends Error {
  override readonly name = 'StageConfigError';
}

type Raw = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads typed fields of one object and reports the full path of a bad one. */
class Fields {
  readonly #raw: Raw;
  readonly #path: string;

  constructor(raw: unknown, path: string) {
    if (!isRecord(raw)) throw new StageConfigError(`${path} must be an object`);
    this.#raw = raw;
    this.#path = path;
  }

  /** Fails on keys the schema does not know (catches typos such as `logRetentionDay`). */
  only(...known: string[]): this {
    const unknown = Object.keys(this.#raw).filter((key) => !known.includes(key));
    if (unknown.length > 0)
      throw new StageConfigError(`${this.#path} has unknown keys: ${unknown.join(', ')}`);
    return this;
  }

  object(key: string): Fields {
    return new Fields(this.#raw[key], `${this.#path}.${key}`);
  }

  optionalObject(key: string): Fields | undefined {
    return this.#raw[key] === undefined ? undefined : this.object(key);
  }

  string(key: string, pattern?: RegExp): string {
    const value = this.#raw[key];
    if (typeof value !== 'string' || value === '' || (pattern && !pattern.test(value))) {
      throw new StageConfigError(
        `${this.#path}.${key} must be a string${pattern ? ` matching ${String(pattern)}` : ''}`,
      );
    }
    return value;
  }

  optionalString(key: string, pattern?: RegExp): string | undefined {
    return this.#raw[key] === undefined ? undefined : this.string(key, pattern);
  }

  oneOf<const T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.#raw[key];
    const match = allowed.find((candidate) => candidate === value);
    if (match === undefined)
      throw new StageConfigError(`${this.#path}.${key} must be one of ${allowed.join(', ')}`);
    return match;
  }

  integer(key: string, min: number, max: number): number {
    const value = this.#raw[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new StageConfigError(`${this.#path}.${key} must be an integer from ${min} to ${max}`);
    }
    return value;
  }

  optionalInteger(key: string, min: number, max: number): number | undefined {
    return this.#raw[key] === undefined ? undefined : this.integer(key, min, max);
  }

  /** A finite number above `above` and at most `max`. */
  optionalNumber(key: string, above: number, max: number): number | undefined {
    const value = this.#raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= above || value > max) {
      throw new StageConfigError(`${this.#path}.${key} must be a number above ${above} and at most ${max}`);
    }
    return value;
  }

  boolean(key: string): boolean {
    const value = this.#raw[key];
    if (typeof value !== 'boolean') throw new StageConfigError(`${this.#path}.${key} must be true or false`);
    return value;
  }

  strings(key: string, pattern: RegExp): string[] {
    const value = this.#raw[key];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !pattern.test(item))) {
      throw new StageConfigError(
        `${this.#path}.${key} must be a list of strings matching ${String(pattern)}`,
      );
    }
    return value as string[];
  }

  optionalStrings(key: string, pattern: RegExp): string[] | undefined {
    return this.#raw[key] === undefined ? undefined : this.strings(key, pattern);
  }
}

/** Whether the runtime's time zone database knows this IANA name. */
const isTimeZone = (name: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

/** An origin as the browser sends it: scheme, host, optional port; no path, no trailing slash. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
/** A Slack user id (U…, or W… on Enterprise Grid). */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;
/** An IANA zone name such as Asia/Shanghai (then checked against the runtime's database). */
const TIME_ZONE = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/;

/** Parses one stage's raw context entry. */
export const parseStageConfig = (stage: string, raw: unknown): StageConfig => {
  if (!STAGE_NAME.test(stage))
    throw new StageConfigError(`stage name "${stage}" must match ${String(STAGE_NAME)}`);
  // STAGE=local is how the functions know they run on the local server (full error details).
  if (stage === 'local') throw new StageConfigError('stage name "local" is reserved for the local server');
  const fields = new Fields(raw, `stages.${stage}`).only(
    'env',
    'removalPolicy',
    'logRetentionDays',
    'logLevel',
    'graphqlMode',
    'corsOrigins',
    'throttle',
    'reservedConcurrency',
    'alarmEmail',
    'backup',
    'slackCommand',
    'slackAdminUserIds',
    'hospitalTimeZone',
    'allowPasswordAuth',
    'publicAppUrl',
    'tuning',
  );
  const env = fields.optionalObject('env')?.only('account', 'region');
  const throttle = fields
    .object('throttle')
    .only('rateLimit', 'burstLimit', 'publicRateLimit', 'publicBurstLimit');
  const concurrency = fields
    .object('reservedConcurrency')
    .only(
      'graphql',
      'publicGraphql',
      'slack',
      'alerts',
      'sweeper',
      'handoffDigest',
      'charts',
      'liveAuthorizer',
      'liveSocket',
      'liveFanout',
    );
  const backup = fields.object('backup').only('dailyRetentionDays', 'monthlyRetentionDays');
  const tuning = fields
    .optionalObject('tuning')
    ?.only(
      'rulesTociMaxPer24h',
      'rulesTociTotalScope',
      'rulesBilirubinMaxUmolPerL',
      'alertRenotifyMinutes',
      'vitalsOverdueHours',
    );
  const hospitalTimeZone =
    fields.optionalString('hospitalTimeZone', TIME_ZONE) ?? functionDefaults.hospitalTimeZone;
  if (!isTimeZone(hospitalTimeZone)) {
    throw new StageConfigError(
      `stages.${stage}.hospitalTimeZone "${hospitalTimeZone}" is not an IANA time zone`,
    );
  }

  const logRetentionDays = fields.integer('logRetentionDays', 1, 3653);
  if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    throw new StageConfigError(
      `stages.${stage}.logRetentionDays must be one of ${LOG_RETENTION_DAYS.join(', ')}`,
    );
  }
  const dailyRetentionDays = backup.integer('dailyRetentionDays', 1, 3650);
  const monthlyRetentionDays = backup.optionalInteger('monthlyRetentionDays', 30, 36500);

  const config: StageConfig = {
    stage,
    env: {
      ...optional('account', env?.optionalString('account', ACCOUNT)),
      ...optional('region', env?.optionalString('region', REGION)),
    },
    removalPolicy: fields.oneOf('removalPolicy', ['retain', 'destroy']),
    logRetentionDays,
    logLevel: fields.oneOf('logLevel', ['DEBUG', 'INFO', 'WARN', 'ERROR']),
    graphqlMode: fields.oneOf('graphqlMode', ['production', 'development']),
    corsOrigins: fields.strings('corsOrigins', ORIGIN),
    throttle: {
      rateLimit: throttle.integer('rateLimit', 1, 10_000),
      burstLimit: throttle.integer('burstLimit', 1, 5_000),
      publicRateLimit: throttle.optionalInteger('publicRateLimit', 1, 10_000) ?? publicDefaults.rateLimit,
      publicBurstLimit: throttle.optionalInteger('publicBurstLimit', 1, 5_000) ?? publicDefaults.burstLimit,
    },
    reservedConcurrency: {
      graphql: concurrency.integer('graphql', 1, 1000),
      publicGraphql:
        concurrency.optionalInteger('publicGraphql', 1, 1000) ?? publicDefaults.reservedConcurrency,
      slack: concurrency.integer('slack', 1, 1000),
      alerts: concurrency.integer('alerts', 1, 1000),
      sweeper: concurrency.integer('sweeper', 1, 1000),
      handoffDigest:
        concurrency.optionalInteger('handoffDigest', 1, 1000) ?? digestDefaults.reservedConcurrency,
      charts: concurrency.optionalInteger('charts', 1, 1000) ?? chartDefaults.reservedConcurrency,
      liveAuthorizer:
        concurrency.optionalInteger('liveAuthorizer', 1, 1000) ??
        liveDefaults.reservedConcurrency.liveAuthorizer,
      liveSocket:
        concurrency.optionalInteger('liveSocket', 1, 1000) ?? liveDefaults.reservedConcurrency.liveSocket,
      liveFanout:
        concurrency.optionalInteger('liveFanout', 1, 1000) ?? liveDefaults.reservedConcurrency.liveFanout,
    },
    ...optional('alarmEmail', fields.optionalString('alarmEmail', EMAIL)),
    backup: { dailyRetentionDays, ...optional('monthlyRetentionDays', monthlyRetentionDays) },
    slackCommand: fields.string('slackCommand', /^\/[a-z0-9_-]{1,31}$/),
    slackAdminUserIds: fields.optionalStrings('slackAdminUserIds', SLACK_USER_ID) ?? [],
    hospitalTimeZone,
    allowPasswordAuth: fields.boolean('allowPasswordAuth'),
    ...optional('publicAppUrl', fields.optionalString('publicAppUrl', /^https:\/\/\S+$/)),
    tuning: {
      ...optional('rulesTociMaxPer24h', tuning?.optionalInteger('rulesTociMaxPer24h', 1, 4)),
      ...optional(
        'rulesTociTotalScope',
        tuning?.optionalString('rulesTociTotalScope', /^per-(episode|course)$/) as
          'per-episode' | 'per-course' | undefined,
      ),
      ...optional('rulesBilirubinMaxUmolPerL', tuning?.optionalNumber('rulesBilirubinMaxUmolPerL', 0, 342)),
      ...optional('alertRenotifyMinutes', tuning?.optionalInteger('alertRenotifyMinutes', 5, 1440)),
      ...optional('vitalsOverdueHours', tuning?.optionalInteger('vitalsOverdueHours', 1, 48)),
    },
  };
  // A stage that keeps clinical data is a production stage: no GraphiQL, no introspection.
  if (config.removalPolicy === 'retain' && config.graphqlMode !== 'production') {
    throw new StageConfigError(
      `stages.${stage}: a stage that retains data must run GraphQL in production mode`,
    );
  }
  // Logs of a stage that keeps clinical data are kept at least a year (CT.CLOUDWATCH.PR.2).
  if (config.removalPolicy === 'retain' && config.logRetentionDays < 365) {
    throw new StageConfigError(`stages.${stage}: a stage that retains data must keep logs at least 365 days`);
  }
  if (monthlyRetentionDays !== undefined && monthlyRetentionDays <= dailyRetentionDays) {
    throw new StageConfigError(`stages.${stage}.backup.monthlyRetentionDays must exceed dailyRetentionDays`);
  }
  if (config.throttle.burstLimit < config.throttle.rateLimit) {
    throw new StageConfigError(`stages.${stage}.throttle.burstLimit must be at least rateLimit`);
  }
  if (config.throttle.publicBurstLimit < config.throttle.publicRateLimit) {
    throw new StageConfigError(`stages.${stage}.throttle.publicBurstLimit must be at least publicRateLimit`);
  }
  // Anonymous traffic never gets more than the signed-in clinicians.
  if (
    config.throttle.publicRateLimit > config.throttle.rateLimit ||
    config.throttle.publicBurstLimit > config.throttle.burstLimit
  ) {
    throw new StageConfigError(
      `stages.${stage}.throttle: publicRateLimit and publicBurstLimit must not exceed rateLimit and burstLimit`,
    );
  }
  return config;
};

/** `{ key: value }` when the value is set, `{}` otherwise (keeps optional keys absent, not undefined). */
const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/**
 * The stages to synthesize: the one named by the `stage` context value, or every configured
 * stage when none is named (so a plain `cdk synth` writes every stack).
 */
export const selectStageConfigs = (stages: unknown, selected: unknown): StageConfig[] => {
  if (!isRecord(stages) || Object.keys(stages).length === 0) {
    throw new StageConfigError('cdk.json context must define "stages" with at least one stage');
  }
  if (selected === undefined) return Object.entries(stages).map(([name, raw]) => parseStageConfig(name, raw));
  if (typeof selected !== 'string' || !(selected in stages)) {
    throw new StageConfigError(
      `unknown stage ${JSON.stringify(selected)}; configured: ${Object.keys(stages).join(', ')}`,
    );
  }
  return [parseStageConfig(selected, stages[selected])];
};
