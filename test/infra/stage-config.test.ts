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

  it('rejects a burst limit below the rate limit', () => {
    expect(() =>
      parseStageConfig('dev', withOverride({ throttle: { rateLimit: 20, burstLimit: 19 } })),
    ).toThrow(/burstLimit/);
    expect(
      parseStageConfig('dev', withOverride({ throttle: { rateLimit: 20, burstLimit: 20 } })).throttle
        .burstLimit,
    ).toBe(20);
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
