import { describe, expect, it } from 'vitest';
import { parseStageConfig, selectStageConfigs, StageConfigError } from '../../infra/config/stage-config.ts';
import { cdkJson } from './support/cart-app.ts';

const stages = cdkJson().context.stages as Record<string, Record<string, unknown>>;
const dev = stages.dev ?? {};
const prod = stages.prod ?? {};

describe('stage configs in cdk.json', () => {
  it('define dev and prod, and both parse', () => {
    expect(Object.keys(stages).sort()).toEqual(['dev', 'prod']);
    expect(parseStageConfig('dev', dev).stage).toBe('dev');
    expect(parseStageConfig('prod', prod).stage).toBe('prod');
  });

  it('make prod retain its data and run GraphQL in production mode, dev disposable', () => {
    const prodConfig = parseStageConfig('prod', prod);
    expect(prodConfig.removalPolicy).toBe('retain');
    expect(prodConfig.graphqlMode).toBe('production');
    expect(prodConfig.allowPasswordAuth).toBe(false);
    const devConfig = parseStageConfig('dev', dev);
    expect(devConfig.removalPolicy).toBe('destroy');
    expect(devConfig.graphqlMode).toBe('development');
  });

  it('leave the functions’ own defaults in place when no tuning is configured', () => {
    expect(parseStageConfig('prod', prod).tuning).toEqual({});
  });

  it('name the hospital’s time zone and no Slack administrator yet', () => {
    for (const raw of [dev, prod]) {
      expect(parseStageConfig('dev', raw).hospitalTimeZone).toBe('Asia/Shanghai');
      expect(parseStageConfig('dev', raw).slackAdminUserIds).toEqual([]);
    }
  });
});

describe('parseStageConfig', () => {
  const withOverride = (override: Record<string, unknown>) => ({ ...dev, ...override });

  it('rejects keys it does not know (a typo must not deploy a default)', () => {
    expect(() => parseStageConfig('dev', withOverride({ logRetentionDay: 30 }))).toThrow(
      /unknown keys: logRetentionDay/,
    );
  });

  it('accepts only retention periods CloudWatch Logs supports', () => {
    expect(parseStageConfig('dev', withOverride({ logRetentionDays: 14 })).logRetentionDays).toBe(14);
    expect(() => parseStageConfig('dev', withOverride({ logRetentionDays: 15 }))).toThrow(StageConfigError);
  });

  it('requires reserved concurrency for every function, at least 1', () => {
    expect(() =>
      parseStageConfig('dev', withOverride({ reservedConcurrency: { graphql: 1, slack: 1, alerts: 1 } })),
    ).toThrow(/reservedConcurrency\.sweeper/);
    expect(() =>
      parseStageConfig(
        'dev',
        withOverride({ reservedConcurrency: { graphql: 0, slack: 1, alerts: 1, sweeper: 1 } }),
      ),
    ).toThrow(/reservedConcurrency\.graphql/);
  });

  it('takes CORS origins without path or trailing slash', () => {
    expect(
      parseStageConfig('dev', withOverride({ corsOrigins: ['https://cart.example.org'] })).corsOrigins,
    ).toEqual(['https://cart.example.org']);
    expect(() =>
      parseStageConfig('dev', withOverride({ corsOrigins: ['https://cart.example.org/'] })),
    ).toThrow(/corsOrigins/);
  });

  it('refuses a stage that retains data but runs GraphQL in development mode', () => {
    expect(() => parseStageConfig('prod', { ...prod, graphqlMode: 'development' })).toThrow(
      /production mode/,
    );
  });

  it('keeps optional settings absent rather than undefined', () => {
    const config = parseStageConfig('dev', dev);
    expect('alarmEmail' in config).toBe(false);
    expect('publicAppUrl' in config).toBe(false);
    expect(config.env).toEqual({});
  });

  it('reads optional account, region, alarm email and tuning when given', () => {
    const config = parseStageConfig(
      'dev',
      withOverride({
        env: { account: '123456789012', region: 'eu-central-1' },
        alarmEmail: 'oncall-ops@example.org',
        tuning: { rulesTociMaxPer24h: 2, alertRenotifyMinutes: 10, vitalsOverdueHours: 2 },
      }),
    );
    expect(config.env).toEqual({ account: '123456789012', region: 'eu-central-1' });
    expect(config.alarmEmail).toBe('oncall-ops@example.org');
    expect(config.tuning).toEqual({ rulesTociMaxPer24h: 2, alertRenotifyMinutes: 10, vitalsOverdueHours: 2 });
  });

  it('defaults the hospital time zone to Asia/Shanghai and accepts only IANA names', () => {
    const { hospitalTimeZone: _zone, ...withoutZone } = dev;
    expect(parseStageConfig('dev', withoutZone).hospitalTimeZone).toBe('Asia/Shanghai');
    expect(
      parseStageConfig('dev', withOverride({ hospitalTimeZone: 'Europe/Berlin' })).hospitalTimeZone,
    ).toBe('Europe/Berlin');
    expect(() => parseStageConfig('dev', withOverride({ hospitalTimeZone: 'Asia/Shangai' }))).toThrow(
      /not an IANA time zone/,
    );
    expect(() => parseStageConfig('dev', withOverride({ hospitalTimeZone: '+08:00' }))).toThrow(
      /hospitalTimeZone/,
    );
  });

  it('takes Slack administrators as user ids, none when left out', () => {
    const { slackAdminUserIds: _admins, ...withoutAdmins } = dev;
    expect(parseStageConfig('dev', withoutAdmins).slackAdminUserIds).toEqual([]);
    expect(
      parseStageConfig('dev', withOverride({ slackAdminUserIds: ['U0123ABCD', 'W0123ABCD'] }))
        .slackAdminUserIds,
    ).toEqual(['U0123ABCD', 'W0123ABCD']);
    expect(() => parseStageConfig('dev', withOverride({ slackAdminUserIds: ['@alice'] }))).toThrow(
      /slackAdminUserIds/,
    );
    expect(() => parseStageConfig('dev', withOverride({ slackAdminUserIds: 'U0123ABCD' }))).toThrow(
      /slackAdminUserIds/,
    );
  });

  it('limits TOCI-3’s doses per 24 h to 1–4, as the rules do (the consensus prints 4)', () => {
    const toci = (value: number) => withOverride({ tuning: { rulesTociMaxPer24h: value } });
    expect(parseStageConfig('dev', toci(4)).tuning.rulesTociMaxPer24h).toBe(4);
    expect(parseStageConfig('dev', toci(1)).tuning.rulesTociMaxPer24h).toBe(1);
    expect(() => parseStageConfig('dev', toci(5))).toThrow(/rulesTociMaxPer24h/);
    expect(() => parseStageConfig('dev', toci(0))).toThrow(/rulesTociMaxPer24h/);
    expect(() => parseStageConfig('dev', toci(2.5))).toThrow(/rulesTociMaxPer24h/);
  });

  it('limits ELIG-5’s bilirubin limit to above 0 and at most 342 µmol/L, as the rules do', () => {
    const bilirubin = (value: unknown) => withOverride({ tuning: { rulesBilirubinMaxUmolPerL: value } });
    expect(parseStageConfig('dev', bilirubin(342)).tuning.rulesBilirubinMaxUmolPerL).toBe(342);
    expect(parseStageConfig('dev', bilirubin(34.2)).tuning.rulesBilirubinMaxUmolPerL).toBe(34.2);
    expect(parseStageConfig('dev', bilirubin(0.1)).tuning.rulesBilirubinMaxUmolPerL).toBe(0.1);
    expect(() => parseStageConfig('dev', bilirubin(342.1))).toThrow(/rulesBilirubinMaxUmolPerL/);
    expect(() => parseStageConfig('dev', bilirubin(0))).toThrow(/rulesBilirubinMaxUmolPerL/);
    expect(() => parseStageConfig('dev', bilirubin('34.2'))).toThrow(/rulesBilirubinMaxUmolPerL/);
  });

  it('rejects a burst limit below the rate limit', () => {
    expect(() =>
      parseStageConfig('dev', withOverride({ throttle: { rateLimit: 20, burstLimit: 19 } })),
    ).toThrow(/burstLimit/);
    expect(
      parseStageConfig('dev', withOverride({ throttle: { rateLimit: 20, burstLimit: 20 } })).throttle
        .burstLimit,
    ).toBe(20);
  });

  it('gives the anonymous calculators 10 rps (burst 20) and 5 executions unless configured', () => {
    const config = parseStageConfig('dev', withOverride({}));
    expect(config.throttle).toMatchObject({ publicRateLimit: 10, publicBurstLimit: 20 });
    expect(config.reservedConcurrency.publicGraphql).toBe(5);
    const tuned = parseStageConfig(
      'dev',
      withOverride({
        throttle: { rateLimit: 20, burstLimit: 40, publicRateLimit: 2, publicBurstLimit: 4 },
        reservedConcurrency: { graphql: 5, publicGraphql: 1, slack: 5, alerts: 2, sweeper: 1 },
      }),
    );
    expect(tuned.throttle).toMatchObject({ publicRateLimit: 2, publicBurstLimit: 4 });
    expect(tuned.reservedConcurrency.publicGraphql).toBe(1);
  });

  it('keeps the logs of a stage that retains data at least 365 days', () => {
    expect(() => parseStageConfig('prod', { ...prod, logRetentionDays: 180 })).toThrow(
      /must keep logs at least 365 days/,
    );
    expect(parseStageConfig('prod', { ...prod, logRetentionDays: 365 }).logRetentionDays).toBe(365);
    expect(parseStageConfig('dev', withOverride({ logRetentionDays: 30 })).logRetentionDays).toBe(30);
  });

  it('reserves the stage name "local" for the local server (which reveals error details)', () => {
    expect(() => parseStageConfig('local', withOverride({}))).toThrow(/reserved for the local server/);
  });

  it('never lets anonymous traffic have more than the clinicians', () => {
    const throttle = (publicRateLimit: number, publicBurstLimit: number) =>
      withOverride({ throttle: { rateLimit: 20, burstLimit: 40, publicRateLimit, publicBurstLimit } });
    expect(() => parseStageConfig('dev', throttle(21, 40))).toThrow(/must not exceed rateLimit/);
    expect(() => parseStageConfig('dev', throttle(20, 41))).toThrow(/must not exceed rateLimit/);
    expect(() => parseStageConfig('dev', throttle(5, 4))).toThrow(/publicBurstLimit must be at least/);
    expect(parseStageConfig('dev', throttle(20, 40)).throttle.publicRateLimit).toBe(20);
  });
});

describe('selectStageConfigs', () => {
  it('selects every configured stage when no stage is named (plain `cdk synth`)', () => {
    expect(selectStageConfigs(stages, undefined).map((config) => config.stage)).toEqual(['dev', 'prod']);
  });

  it('selects the named stage only', () => {
    expect(selectStageConfigs(stages, 'prod').map((config) => config.stage)).toEqual(['prod']);
  });

  it('fails on an unknown stage, naming the configured ones', () => {
    expect(() => selectStageConfigs(stages, 'staging')).toThrow(
      /unknown stage "staging"; configured: dev, prod/,
    );
  });

  it('fails when cdk.json defines no stages', () => {
    expect(() => selectStageConfigs(undefined, undefined)).toThrow(/"stages"/);
  });
});
