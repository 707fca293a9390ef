import { describe, expect, it } from 'vitest';
import type { EpisodeUpdateEvent } from '../../schema/live-updates.ts';
import { fanOut } from './fan-out.ts';
import {
  alert,
  claimsFor,
  grading,
  head,
  MemoryLiveStore,
  OTHER_TEAM,
  recordingPoster,
  serviceWithHeads,
  TEAM,
} from './live-test-fixtures.ts';
import type { LiveSubscription } from './live-store.ts';

const QUERY = `subscription($id: ID!) { episodeUpdates(episodeId: $id) { __typename
  ... on GradingAdded { episodeId grading { gradingId grade } }
  ... on AlertRaised { alert { alertId escalationId acknowledged } } } }`;
const TEAM_QUERY = `subscription($team: ID!) { teamUpdates(team: $team) { __typename ... on AlertRaised { team alert { alertId } } } }`;

const subscription = (
  connectionId: string,
  id: string,
  topic: string,
  teams: readonly string[],
  query = QUERY,
): LiveSubscription => ({
  connectionId,
  id,
  topic,
  query,
  variables: topic.startsWith('team:') ? { team: topic.slice(5) } : { id: topic.slice(8) },
  claims: claimsFor(teams),
  language: 'en',
});

const deps = (store: MemoryLiveStore, gone: ReadonlySet<string> = new Set()) => {
  const recorded = recordingPoster(gone);
  const logged: string[] = [];
  return {
    recorded,
    logged,
    deps: {
      store,
      poster: recorded.poster,
      episodes: serviceWithHeads([head('EP-1', TEAM)]),
      log: (message: string) => logged.push(message),
    },
  };
};

const graded: EpisodeUpdateEvent = {
  kind: 'GRADING_ADDED',
  episodeId: 'EP-1',
  team: TEAM,
  grading: grading('EP-1', 'G-1'),
};
const raised: EpisodeUpdateEvent = {
  kind: 'ALERT_RAISED',
  episodeId: 'EP-1',
  team: TEAM,
  alert: alert('EP-1', 'A-1', TEAM),
};

describe('live-updates fan-out', () => {
  it("sends each update to its episode's and its team's subscribers with their own selection", async () => {
    const store = new MemoryLiveStore();
    await store.putSubscription(subscription('c-1', 's-1', 'episode:EP-1', [TEAM]));
    await store.putSubscription(subscription('c-2', 't-1', `team:${TEAM}`, [TEAM], TEAM_QUERY));
    await store.putSubscription(subscription('c-3', 's-9', 'episode:EP-2', [TEAM]));
    const { deps: d, recorded } = deps(store);
    const report = await fanOut(d, [graded, raised]);
    expect(recorded.sent).toEqual([
      {
        connectionId: 'c-1',
        message: {
          id: 's-1',
          type: 'next',
          payload: {
            data: {
              episodeUpdates: {
                __typename: 'GradingAdded',
                episodeId: 'EP-1',
                grading: { gradingId: 'G-1', grade: 3 },
              },
            },
          },
        },
      },
      {
        connectionId: 'c-2',
        message: {
          id: 't-1',
          type: 'next',
          payload: { data: { teamUpdates: { __typename: 'GradingAdded' } } },
        },
      },
      {
        connectionId: 'c-1',
        message: {
          id: 's-1',
          type: 'next',
          payload: {
            data: {
              episodeUpdates: {
                __typename: 'AlertRaised',
                alert: { alertId: 'A-1', escalationId: 'ESC-CRS3', acknowledged: false },
              },
            },
          },
        },
      },
      {
        connectionId: 'c-2',
        message: {
          id: 't-1',
          type: 'next',
          payload: {
            data: { teamUpdates: { __typename: 'AlertRaised', team: TEAM, alert: { alertId: 'A-1' } } },
          },
        },
      },
    ]);
    expect(report).toEqual({ sent: 4, gone: 0, failed: 0 });
  });

  it('sends nothing to a subscriber no longer in the episode team (checked again at delivery)', async () => {
    const store = new MemoryLiveStore();
    await store.putSubscription(subscription('c-1', 's-1', 'episode:EP-1', [OTHER_TEAM]));
    const { deps: d, recorded } = deps(store);
    expect(await fanOut(d, [raised])).toEqual({ sent: 0, gone: 0, failed: 0 });
    expect(recorded.sent).toEqual([]);
  });

  it('removes a connection that has gone, with all its subscriptions, and still serves the others', async () => {
    const store = new MemoryLiveStore();
    await store.putConnection({
      connectionId: 'c-gone',
      claims: claimsFor([TEAM]),
      language: 'en',
      acknowledged: true,
    });
    await store.putSubscription(subscription('c-gone', 's-1', 'episode:EP-1', [TEAM]));
    await store.putSubscription(subscription('c-gone', 's-2', `team:${TEAM}`, [TEAM], TEAM_QUERY));
    await store.putSubscription(subscription('c-1', 's-1', 'episode:EP-1', [TEAM]));
    const { deps: d, recorded } = deps(store, new Set(['c-gone']));
    expect(await fanOut(d, [graded])).toEqual({ sent: 1, gone: 1, failed: 0 });
    expect(recorded.sent.map((s) => s.connectionId)).toEqual(['c-1']);
    expect(store.connections.has('c-gone')).toBe(false);
    expect([...store.subscriptions.keys()]).toEqual(['c-1/s-1']);
  });

  it('logs and skips a subscriber it cannot serve; never throws for one bad subscription', async () => {
    const store = new MemoryLiveStore();
    await store.putSubscription({
      ...subscription('c-bad', 's-1', 'episode:EP-1', [TEAM]),
      query: 'subscription {',
    });
    await store.putSubscription(subscription('c-1', 's-1', 'episode:EP-1', [TEAM]));
    const { deps: d, recorded, logged } = deps(store);
    expect(await fanOut(d, [graded])).toEqual({ sent: 1, gone: 0, failed: 1 });
    expect(recorded.sent.map((s) => s.connectionId)).toEqual(['c-1']);
    expect(logged).toEqual(['live update not sent']);
  });
});
