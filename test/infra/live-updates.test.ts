import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { updateFromStreamRecord } from '../../functions/live/stream-updates.ts';
import { episodePk, HEAD_SK, recordSk } from '../../functions/episodes/keys.ts';
import { liveUpdateItemsOnly } from '../../infra/constructs/live-updates-api.ts';
import { synthStage } from './support/cart-app.ts';

/**
 * The live-updates WebSocket API: $connect authorised by the token authorizer reading the `token`
 * query parameter, a throttled and logged stage named graphql, the connections table with TTL and
 * its topic index, least-privilege grants, and the fan-out mapping filtered to gradings and alerts.
 */
const { template } = synthStage('prod');

type Pattern = { eventName: string[]; dynamodb: { Keys: Record<string, { S: { prefix: string }[] }> } };
const pattern = JSON.parse(String(liveUpdateItemsOnly.pattern)) as Pattern;
const passes = (eventName: string, keys: Record<string, string>): boolean =>
  pattern.eventName.includes(eventName) &&
  Object.entries(pattern.dynamodb.Keys).every(([name, rule]) =>
    rule.S.some(({ prefix }) => (keys[name] ?? '').startsWith(prefix)),
  );

describe('live updates infrastructure', () => {
  it('authorises $connect with the token authorizer (query parameter `token`) and only $connect', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.token'],
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$connect',
      AuthorizationType: 'CUSTOM',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$default',
      AuthorizationType: 'NONE',
    });
  });

  it('throttles and logs the graphql stage without query strings (the token)', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: 'graphql',
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      AccessLogSettings: { Format: Match.stringLikeRegexp('connectionId') },
    });
    const stages = template.findResources('AWS::ApiGatewayV2::Stage', {
      Properties: { StageName: 'graphql' },
    });
    for (const stage of Object.values(stages))
      expect(JSON.stringify(stage)).not.toMatch(/querystring|queryString/i);
  });

  it('keeps connections in an encrypted table with TTL and a topic index for the fan-out', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'TOPIC',
          KeySchema: [
            { AttributeName: 'topic', KeyType: 'HASH' },
            { AttributeName: 'PK', KeyType: 'RANGE' },
          ],
        }),
      ],
      SSESpecification: Match.objectLike({ SSEEnabled: true, SSEType: 'KMS' }),
    });
  });

  it('invokes the fan-out only for grading and alert items, from now on', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'LATEST',
      FilterCriteria: { Filters: [{ Pattern: String(liveUpdateItemsOnly.pattern) }] },
    });
    const grade = {
      PK: episodePk('EP-7'),
      SK: recordSk('GRADE', '2026-03-03T02:00:00.000Z', '01JQ0000000000000000000001'),
    };
    const alert = {
      PK: episodePk('EP-7'),
      SK: recordSk('ALERT', '2026-03-03T02:00:00.000Z', '01JQ0000000000000000000002'),
    };
    expect(passes('INSERT', grade)).toBe(true);
    expect(passes('MODIFY', alert)).toBe(true);
    expect(passes('REMOVE', alert)).toBe(false);
    expect(passes('MODIFY', { PK: episodePk('EP-7'), SK: HEAD_SK })).toBe(false);
    expect(
      passes('INSERT', {
        PK: episodePk('EP-7'),
        SK: recordSk('OBS', '2026-03-03T02:00:00.000Z', '01JQ0000000000000000000003'),
      }),
    ).toBe(false);
    // What the filter keeps out, the fan-out would ignore anyway.
    expect(
      updateFromStreamRecord({
        eventName: 'MODIFY',
        dynamodb: { NewImage: { PK: { S: episodePk('EP-7') }, SK: { S: HEAD_SK } } },
      }),
    ).toBeUndefined();
  });

  it('grants the socket and fan-out functions no write on the episodes table', () => {
    const policies = template.findResources('AWS::IAM::ManagedPolicy');
    const live = Object.entries(policies).filter(([id]) => /^Live(Socket|Fanout)/.test(id));
    expect(live.length).toBe(2);
    for (const [, policy] of live) {
      const statements = (
        policy as {
          Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
        }
      ).Properties.PolicyDocument.Statement;
      const onEpisodes = statements.filter((s) => JSON.stringify(s.Resource).includes('EpisodesTable'));
      expect(onEpisodes.length).toBeGreaterThan(0);
      for (const statement of onEpisodes)
        expect([statement.Action].flat().filter((a) => /Put|Update|Delete|Write/.test(a))).toEqual([]);
    }
  });
});
