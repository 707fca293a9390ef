import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renotifyMinutesFrom } from '../../functions/alerts/pipeline.ts';
import { rulesConfigFromEnv } from '../../functions/episodes/create-service.ts';
import { adminUserIdsFrom } from '../../functions/slack/bot-deps.ts';
import {
  configuredVariables,
  functionDefaults,
  type ConfiguredVariable,
} from '../../infra/config/function-environment.ts';
import type { CartFunction } from '../../infra/constructs/cart-function.ts';
import { slackCredentialEnv } from '../../infra/constructs/slack-credentials.ts';
import type { LambdaId } from '../../infra/lambda-bundling.ts';
import { DEFAULT_RULES_CONFIG } from '../../rules/core/config.ts';
import { DEFAULT_TIME_ZONE } from '../../rules/core/dates.ts';
import {
  cdkJson,
  propertiesFor,
  repositoryRoot,
  synthStage,
  type SynthesizedStage,
} from './support/cart-app.ts';

const stages = cdkJson().context.stages as Record<string, Record<string, unknown>>;
const prod = synthStage('prod');

/** dev with every setting the functions read configured away from its default. */
const tuned = synthStage('dev', {
  context: {
    stages: {
      ...stages,
      dev: {
        ...stages.dev,
        hospitalTimeZone: 'Europe/Berlin',
        slackAdminUserIds: ['U0ADMIN1', 'W0ADMIN2'],
        publicAppUrl: 'https://cart.example.org',
        slackCommand: '/cart-dev',
        tuning: {
          rulesTociMaxPer24h: 2,
          rulesBilirubinMaxUmolPerL: 30,
          alertRenotifyMinutes: 10,
          vitalsOverdueHours: 3,
        },
      },
    },
  },
});

const functionOf = (stage: SynthesizedStage, id: LambdaId): CartFunction =>
  ({
    graphql: stage.stack.graphql.handler,
    publicGraphql: stage.stack.graphql.publicHandler,
    slack: stage.stack.slack.handler,
    alerts: stage.stack.alerts.consumer,
    sweeper: stage.stack.alerts.sweeper,
    handoffDigest: stage.stack.alerts.handoffDigest,
    charts: stage.stack.charts.handler,
    liveAuthorizer: stage.stack.live.authorizer,
    liveSocket: stage.stack.live.socket,
    liveFanout: stage.stack.live.fanout,
  })[id];

/** The deployed function's environment variables, as the template gives them to Lambda. */
const envOf = (stage: SynthesizedStage, id: LambdaId): Record<string, unknown> =>
  (
    propertiesFor(stage, functionOf(stage, id).function) as {
      Environment: { Variables: Record<string, unknown> };
    }
  ).Environment.Variables;

/** Only the configured variables of a function's environment. */
const configuredOf = (stage: SynthesizedStage, id: LambdaId): Record<string, unknown> => {
  const names = new Set<string>(Object.values(configuredVariables).flat());
  return Object.fromEntries(Object.entries(envOf(stage, id)).filter(([name]) => names.has(name)));
};

/** Strings only: the variables under test are literal values, not references. */
const asProcessEnv = (env: Record<string, unknown>): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );

describe('function settings with no tuning configured (prod)', () => {
  it('gives GraphQL the hospital time zone and the rules’ limits, nothing of Slack or the alerts', () => {
    expect(configuredOf(prod, 'graphql')).toEqual({
      HOSPITAL_TIME_ZONE: 'Asia/Shanghai',
      RULES_TOCI_MAX_PER_24H: '3',
      RULES_TOCI_TOTAL_SCOPE: 'per-episode',
      RULES_BILIRUBIN_MAX_UMOL_L: '34.2',
    });
  });

  it('gives the Slack function the time zone, the rules’ limits and the slash command; no administrators', () => {
    expect(configuredOf(prod, 'slack')).toEqual({
      HOSPITAL_TIME_ZONE: 'Asia/Shanghai',
      RULES_TOCI_MAX_PER_24H: '3',
      RULES_TOCI_TOTAL_SCOPE: 'per-episode',
      RULES_BILIRUBIN_MAX_UMOL_L: '34.2',
      SLACK_COMMAND: '/cart',
    });
  });

  it('gives the stream consumer the re-notification interval', () => {
    expect(configuredOf(prod, 'alerts')).toEqual({ ALERT_RENOTIFY_MINUTES: '15' });
  });

  it('gives the sweeper the re-notification interval and the overdue-vitals hours (ESC-VITALS, 4 h)', () => {
    expect(configuredOf(prod, 'sweeper')).toEqual({
      ALERT_RENOTIFY_MINUTES: '15',
      VITALS_OVERDUE_HOURS: '4',
    });
  });

  it('gives the shift handoff digest (HANDOFF-1) the hospital zone and the rules limits', () => {
    expect(configuredOf(prod, 'handoffDigest')).toEqual({
      HOSPITAL_TIME_ZONE: 'Asia/Shanghai',
      RULES_TOCI_MAX_PER_24H: '3',
      RULES_TOCI_TOTAL_SCOPE: 'per-episode',
      RULES_BILIRUBIN_MAX_UMOL_L: '34.2',
    });
  });
});

describe('function settings from the stage config (tuned dev)', () => {
  it('passes every configured value to exactly the functions that read it', () => {
    expect(configuredOf(tuned, 'graphql')).toEqual({
      HOSPITAL_TIME_ZONE: 'Europe/Berlin',
      RULES_TOCI_MAX_PER_24H: '2',
      RULES_TOCI_TOTAL_SCOPE: 'per-episode',
      RULES_BILIRUBIN_MAX_UMOL_L: '30',
    });
    expect(configuredOf(tuned, 'slack')).toEqual({
      HOSPITAL_TIME_ZONE: 'Europe/Berlin',
      RULES_TOCI_MAX_PER_24H: '2',
      RULES_TOCI_TOTAL_SCOPE: 'per-episode',
      RULES_BILIRUBIN_MAX_UMOL_L: '30',
      SLACK_COMMAND: '/cart-dev',
      SLACK_ADMIN_USER_IDS: 'U0ADMIN1,W0ADMIN2',
      PUBLIC_APP_URL: 'https://cart.example.org',
    });
    expect(configuredOf(tuned, 'alerts')).toEqual({
      ALERT_RENOTIFY_MINUTES: '10',
      PUBLIC_APP_URL: 'https://cart.example.org',
    });
    expect(configuredOf(tuned, 'sweeper')).toEqual({
      ALERT_RENOTIFY_MINUTES: '10',
      VITALS_OVERDUE_HOURS: '3',
      PUBLIC_APP_URL: 'https://cart.example.org',
    });
    expect(configuredOf(tuned, 'handoffDigest')).toEqual({
      PUBLIC_APP_URL: 'https://cart.example.org',
      HOSPITAL_TIME_ZONE: 'Europe/Berlin',
      RULES_TOCI_MAX_PER_24H: '2',
      RULES_TOCI_TOTAL_SCOPE: 'per-episode',
      RULES_BILIRUBIN_MAX_UMOL_L: '30',
    });
  });

  it('keeps GraphQL’s own settings beside them', () => {
    expect(envOf(tuned, 'graphql').GRAPHQL_MODE).toBe('development');
    expect(envOf(prod, 'graphql').GRAPHQL_MODE).toBe('production');
  });
});

describe('the deployed values, as the functions read them', () => {
  it('are the rules’ own defaults when nothing is tuned (TOCI-3: 3 per 24 h; ELIG-5: 34.2 µmol/L)', () => {
    for (const id of ['graphql', 'slack'] as const)
      expect(rulesConfigFromEnv(asProcessEnv(envOf(prod, id)))).toEqual(DEFAULT_RULES_CONFIG);
    expect(functionDefaults.rulesTociMaxPer24h).toBe(DEFAULT_RULES_CONFIG.tocilizumabMaxDosesPer24h);
    expect(functionDefaults.rulesBilirubinMaxUmolPerL).toBe(DEFAULT_RULES_CONFIG.bilirubinMaxUmolPerL);
  });

  it('are the tuned limits when configured', () => {
    expect(rulesConfigFromEnv(asProcessEnv(envOf(tuned, 'slack')))).toEqual({
      tocilizumabMaxDosesPer24h: 2,
      tocilizumabTotalLimitScope: 'per-episode',
      bilirubinMaxUmolPerL: 30,
    });
  });

  it('use the rules’ time zone and the alert pipeline’s interval as defaults', () => {
    expect(functionDefaults.hospitalTimeZone).toBe(DEFAULT_TIME_ZONE);
    expect(functionDefaults.alertRenotifyMinutes).toBe(renotifyMinutesFrom(undefined));
    expect(renotifyMinutesFrom(String(envOf(prod, 'alerts').ALERT_RENOTIFY_MINUTES))).toBe(15);
  });

  it('name the Slack administrators the bot accepts', () => {
    expect([...adminUserIdsFrom(String(envOf(tuned, 'slack').SLACK_ADMIN_USER_IDS))]).toEqual([
      'U0ADMIN1',
      'W0ADMIN2',
    ]);
    expect(adminUserIdsFrom(undefined).size).toBe(0);
  });

  it('are accepted by the functions at the stage config’s limits (TOCI-3 at most 4 per 24 h)', () => {
    expect(rulesConfigFromEnv({ RULES_TOCI_MAX_PER_24H: '4', RULES_BILIRUBIN_MAX_UMOL_L: '342' })).toEqual({
      tocilizumabMaxDosesPer24h: 4,
      tocilizumabTotalLimitScope: 'per-episode',
      bilirubinMaxUmolPerL: 342,
    });
    expect(rulesConfigFromEnv({ RULES_TOCI_TOTAL_SCOPE: 'per-course' }).tocilizumabTotalLimitScope).toBe(
      'per-course',
    );
    expect(() => rulesConfigFromEnv({ RULES_TOCI_TOTAL_SCOPE: 'per-day' })).toThrow();
    expect(() => rulesConfigFromEnv({ RULES_TOCI_MAX_PER_24H: '5' })).toThrow();
    expect(() => rulesConfigFromEnv({ RULES_BILIRUBIN_MAX_UMOL_L: '342.1' })).toThrow();
  });
});

/** Variables the functions read that a deployment leaves unset on purpose. */
const unsetWhenDeployed: Readonly<Record<string, string>> = {
  DYNAMODB_ENDPOINT: 'DynamoDB Local only; deployed functions use the regional endpoint',
  SLACK_API_URL: 'the fake Slack API locally; deployed, Slack’s own Web API',
  SLACK_BOT_USER_ID: 'optional: without it the bot asks auth.test once per container',
  SLACK_BOT_ID: 'optional, with SLACK_BOT_USER_ID',
  SLACK_SIGNING_SECRET: 'plain value locally; deployed, the secret named by SLACK_SIGNING_SECRET_ARN',
  SLACK_BOT_TOKEN: 'plain value locally; deployed, the secret named by SLACK_BOT_TOKEN_ARN',
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });

/** Every `process.env.X` / `env.X` the deployed functions' code reads. */
const variablesRead = (): Map<string, string[]> => {
  const read = new Map<string, string[]>();
  const folders = ['graphql', 'slack', 'alerts', 'sweeper', 'episodes', 'shared'].map((folder) =>
    join(repositoryRoot, 'functions', folder),
  );
  for (const file of folders.flatMap(sourceFiles)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) {
      const name = match[1] ?? '';
      read.set(name, [...(read.get(name) ?? []), relative(repositoryRoot, file)]);
    }
  }
  return read;
};

describe('what the functions read', () => {
  it('is deployed to some function, or unset on purpose', () => {
    const deployed = new Set(
      (['graphql', 'slack', 'alerts', 'sweeper'] as const).flatMap((id) => [
        ...Object.keys(envOf(tuned, id)),
        ...Object.keys(envOf(prod, id)),
      ]),
    );
    const read = variablesRead();
    expect(read.size).toBeGreaterThan(5);
    const missing = [...read.keys()].filter((name) => !deployed.has(name) && !(name in unsetWhenDeployed));
    expect(missing).toEqual([]);
    // The secrets are read by ARN (functions/slack/secrets.ts reads `<NAME>_ARN`).
    expect(deployed).toContain(slackCredentialEnv.signingSecret);
    expect(deployed).toContain(slackCredentialEnv.botToken);
  });

  it('includes every variable the stage config supplies', () => {
    const read = variablesRead();
    const supplied = new Set<ConfiguredVariable>(Object.values(configuredVariables).flat());
    for (const name of supplied) expect(read.has(name), name).toBe(true);
  });
});
