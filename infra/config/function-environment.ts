/**
 * The settings each function reads from its environment, taken from the stage config. Every
 * value the code would otherwise default is set explicitly, so the deployed template shows the
 * thresholds and time zone in force. Plain data and functions: no CDK imports.
 */
import type { LambdaId } from '../lambda-bundling.ts';
import type { StageConfig } from './stage-config.ts';

/**
 * The values that apply when a stage configures none: the same as the code's own defaults
 * (test/infra/function-environment.test.ts compares them), which follow the clinical spec.
 */
export const functionDefaults = {
  /** The hospital's calendar (dates such as "infusion today"); the consensus is Chinese. */
  hospitalTimeZone: 'Asia/Shanghai',
  /** TOCI-3: tocilizumab doses allowed in any 24-hour window (NCCN/CARTOX 3; the consensus prints 4). */
  rulesTociMaxPer24h: 3,
  /** TOCI-4: per CRS episode (the Decision). */
  rulesTociTotalScope: 'per-episode',
  /** ELIG-5: total bilirubin upper limit in µmol/L (2.0 mg/dL; the consensus misprints 0.2 g/L). */
  rulesBilirubinMaxUmolPerL: 34.2,
  /** Re-notification interval of an unacknowledged critical alert. */
  alertRenotifyMinutes: 15,
  /** ESC-VITALS (INF-5): hours without vital signs during CRS before the escalation. */
  vitalsOverdueHours: 4,
} as const;

/** The environment variables the stage config supplies (the functions' code names them). */
export type ConfiguredVariable =
  | 'HOSPITAL_TIME_ZONE'
  | 'RULES_TOCI_MAX_PER_24H'
  | 'RULES_TOCI_TOTAL_SCOPE'
  | 'RULES_BILIRUBIN_MAX_UMOL_L'
  | 'ALERT_RENOTIFY_MINUTES'
  | 'VITALS_OVERDUE_HOURS'
  | 'SLACK_COMMAND'
  | 'SLACK_ADMIN_USER_IDS'
  | 'PUBLIC_APP_URL';

/** The clinical rules' limits: read by every function that creates the episode service. */
const EPISODE_SERVICE: readonly ConfiguredVariable[] = [
  'RULES_TOCI_MAX_PER_24H',
  'RULES_TOCI_TOTAL_SCOPE',
  'RULES_BILIRUBIN_MAX_UMOL_L',
];

/** Which configured variables each function reads (see each entry's `process.env` use). */
export const configuredVariables: Readonly<Record<LambdaId, readonly ConfiguredVariable[]>> = {
  /** functions/graphql/handler.ts and the episode service. */
  graphql: ['HOSPITAL_TIME_ZONE', ...EPISODE_SERVICE],
  /** The same handler, for the public calculators. */
  publicGraphql: ['HOSPITAL_TIME_ZONE', ...EPISODE_SERVICE],
  /** functions/slack/bot-deps.ts and the episode service. */
  slack: [
    'HOSPITAL_TIME_ZONE',
    ...EPISODE_SERVICE,
    'SLACK_COMMAND',
    'SLACK_ADMIN_USER_IDS',
    'PUBLIC_APP_URL',
  ],
  /** functions/alerts/pipeline.ts. */
  alerts: ['ALERT_RENOTIFY_MINUTES', 'PUBLIC_APP_URL'],
  /** functions/sweeper/handler.ts and the alert pipeline it delivers through. */
  sweeper: ['ALERT_RENOTIFY_MINUTES', 'VITALS_OVERDUE_HOURS', 'PUBLIC_APP_URL'],
  /** functions/handoff-digest/handler.ts: the handoff through the episode service, in the hospital's zone. */
  handoffDigest: ['PUBLIC_APP_URL', 'HOSPITAL_TIME_ZONE', ...EPISODE_SERVICE],
  /** functions/charts/handler.ts: local times and days since infusion in the hospital's calendar. */
  charts: ['HOSPITAL_TIME_ZONE'],
  /** functions/live/authorizer-handler.ts: the user pool only (set by its construct). */
  liveAuthorizer: [],
  /** functions/live/socket-handler.ts: subscribing reads the episode head (the episode service). */
  liveSocket: ['HOSPITAL_TIME_ZONE', ...EPISODE_SERVICE],
  /** functions/live/fanout-handler.ts: updates are resolved with the episode service. */
  liveFanout: ['HOSPITAL_TIME_ZONE', ...EPISODE_SERVICE],
};

/** Each variable's value for a stage; undefined leaves it unset (nothing configured, no default). */
const valuesOf = (config: StageConfig): Readonly<Record<ConfiguredVariable, string | undefined>> => {
  const { tuning } = config;
  return {
    HOSPITAL_TIME_ZONE: config.hospitalTimeZone,
    RULES_TOCI_MAX_PER_24H: String(tuning.rulesTociMaxPer24h ?? functionDefaults.rulesTociMaxPer24h),
    RULES_TOCI_TOTAL_SCOPE: tuning.rulesTociTotalScope ?? functionDefaults.rulesTociTotalScope,
    RULES_BILIRUBIN_MAX_UMOL_L: String(
      tuning.rulesBilirubinMaxUmolPerL ?? functionDefaults.rulesBilirubinMaxUmolPerL,
    ),
    ALERT_RENOTIFY_MINUTES: String(tuning.alertRenotifyMinutes ?? functionDefaults.alertRenotifyMinutes),
    VITALS_OVERDUE_HOURS: String(tuning.vitalsOverdueHours ?? functionDefaults.vitalsOverdueHours),
    SLACK_COMMAND: config.slackCommand,
    // No administrator configured: nobody may map channels (the code treats unset as none).
    SLACK_ADMIN_USER_IDS:
      config.slackAdminUserIds.length > 0 ? config.slackAdminUserIds.join(',') : undefined,
    PUBLIC_APP_URL: config.publicAppUrl,
  };
};

/** The configured part of one function's environment for a stage. */
export const configuredEnvironment = (config: StageConfig, lambdaId: LambdaId): Record<string, string> => {
  const values = valuesOf(config);
  const environment: Record<string, string> = {};
  for (const name of configuredVariables[lambdaId]) {
    const value = values[name];
    if (value !== undefined) environment[name] = value;
  }
  return environment;
};
