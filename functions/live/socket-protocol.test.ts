import { describe, expect, it } from 'vitest';
import { acceptedProtocol, connect, handleMessage, type ProtocolDeps } from './socket-protocol.ts';
import {
  claimsFor,
  head,
  MemoryLiveStore,
  OTHER_TEAM,
  recordingPoster,
  serviceWithHeads,
  TEAM,
} from './live-test-fixtures.ts';

const setup = async (teams: readonly string[] = [TEAM], options: { production?: boolean } = {}) => {
  const store = new MemoryLiveStore();
  const { poster, sent, closed } = recordingPoster();
  const logged: string[] = [];
  const deps: ProtocolDeps = {
    store,
    poster,
    episodes: serviceWithHeads([head('EP-1', TEAM), head('EP-2', OTHER_TEAM)]),
    production: options.production ?? true,
    log: (message) => logged.push(message),
  };
  await connect(deps, { connectionId: 'c-1', claims: claimsFor(teams), language: 'en' });
  const send = (message: unknown) =>
    handleMessage(deps, 'c-1', typeof message === 'string' ? message : JSON.stringify(message));
  return { deps, store, sent, closed, send, logged };
};

const initialised = async (teams?: readonly string[], options?: { production?: boolean }) => {
  const found = await setup(teams, options);
  await found.send({ type: 'connection_init' });
  found.sent.length = 0;
  return found;
};

const EPISODE = 'subscription($id: ID!) { episodeUpdates(episodeId: $id) { __typename } }';
const TEAM_UPDATES = 'subscription($team: ID!) { teamUpdates(team: $team) { __typename } }';

describe('graphql-ws messages on the WebSocket API', () => {
  it('accepts only the graphql-transport-ws subprotocol', () => {
    expect(acceptedProtocol('graphql-transport-ws')).toBe('graphql-transport-ws');
    expect(acceptedProtocol('foo, graphql-transport-ws')).toBe('graphql-transport-ws');
    expect(acceptedProtocol('graphql-ws')).toBeUndefined();
    expect(acceptedProtocol(undefined)).toBeUndefined();
  });

  it('answers connection_init with connection_ack once; a second one closes the connection', async () => {
    const { send, sent, closed } = await setup();
    await send({ type: 'connection_init' });
    expect(sent).toEqual([{ connectionId: 'c-1', message: { type: 'connection_ack' } }]);
    await send({ type: 'connection_init' });
    expect(closed).toEqual([{ connectionId: 'c-1', reason: '4429: Too many initialisation requests' }]);
  });

  it('answers ping with pong', async () => {
    const { send, sent } = await initialised();
    await send({ type: 'ping' });
    expect(sent.map((s) => s.message)).toEqual([{ type: 'pong' }]);
  });

  it('stores an authorised subscription to an episode and to a team, and deletes it on complete', async () => {
    const { send, sent, store } = await initialised();
    await send({ id: 's-1', type: 'subscribe', payload: { query: EPISODE, variables: { id: 'EP-1' } } });
    await send({ id: 's-2', type: 'subscribe', payload: { query: TEAM_UPDATES, variables: { team: TEAM } } });
    expect(sent).toEqual([]);
    expect([...store.subscriptions.values()].map((s) => [s.id, s.topic])).toEqual([
      ['s-1', 'episode:EP-1'],
      ['s-2', `team:${TEAM}`],
    ]);
    await send({ id: 's-1', type: 'complete' });
    expect([...store.subscriptions.values()].map((s) => s.id)).toEqual(['s-2']);
  });

  it("refuses another team's episode as NOT_FOUND (like the episode query) and an unknown episode alike", async () => {
    const { send, sent, store } = await initialised();
    await send({ id: 's-1', type: 'subscribe', payload: { query: EPISODE, variables: { id: 'EP-2' } } });
    await send({ id: 's-2', type: 'subscribe', payload: { query: EPISODE, variables: { id: 'EP-99' } } });
    expect(sent.map((s) => s.message)).toEqual([
      {
        id: 's-1',
        type: 'next',
        payload: {
          errors: [
            expect.objectContaining({
              message: 'Episode EP-2 not found',
              extensions: { code: 'NOT_FOUND', typename: 'NotFoundError' },
            }),
          ],
        },
      },
      { id: 's-1', type: 'complete' },
      {
        id: 's-2',
        type: 'next',
        payload: { errors: [expect.objectContaining({ message: 'Episode EP-99 not found' })] },
      },
      { id: 's-2', type: 'complete' },
    ]);
    expect(store.subscriptions.size).toBe(0);
  });

  it('refuses a team the viewer is not in as FORBIDDEN, and a malformed episode id as BAD_USER_INPUT', async () => {
    const { send, sent, store } = await initialised();
    await send({
      id: 's-1',
      type: 'subscribe',
      payload: { query: TEAM_UPDATES, variables: { team: OTHER_TEAM } },
    });
    await send({
      id: 's-2',
      type: 'subscribe',
      payload: { query: EPISODE, variables: { id: 'patient-zhang' } },
    });
    const errors = sent
      .filter((s) => s.message.type === 'next')
      .map((s) => (s.message.payload as { errors: { extensions: unknown; message: string }[] }).errors[0]);
    expect(errors).toEqual([
      expect.objectContaining({
        message: `You are not a member of team ${OTHER_TEAM}`,
        extensions: { code: 'FORBIDDEN', typename: 'ForbiddenError' },
      }),
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          typename: 'ValidationError',
        }) as unknown,
      }),
    ]);
    expect(store.subscriptions.size).toBe(0);
  });

  it('answers invalid operations with a graphql-ws error message and keeps the connection', async () => {
    const { send, sent, closed } = await initialised();
    await send({ id: 's-1', type: 'subscribe', payload: { query: 'subscription { episodeUpdates(' } });
    await send({
      id: 's-2',
      type: 'subscribe',
      payload: { query: 'subscription { episodeUpdates(episodeId: "EP-1") { nope } }' },
    });
    await send({ id: 's-3', type: 'subscribe', payload: { query: '{ __typename }' } });
    await send({
      id: 's-4',
      type: 'subscribe',
      payload: { query: 'subscription { __schema { types { name } } }' },
    });
    const errors = sent.map((s) => [
      s.message.id,
      s.message.type,
      (s.message.payload as { message: string }[])[0]?.message,
    ]);
    expect(errors).toEqual([
      ['s-1', 'error', expect.stringMatching(/Syntax Error/)],
      ['s-2', 'error', expect.stringMatching(/Cannot query field "nope"/)],
      ['s-3', 'error', expect.stringMatching(/Only subscriptions are served over WebSocket/)],
      ['s-4', 'error', expect.stringMatching(/introspection/i)],
    ]);
    expect(closed).toEqual([]);
  });

  it('closes the connection for messages that are not graphql-ws, a subscribe before connection_init, or a reused id', async () => {
    const early = await setup();
    await early.send({
      id: 's-1',
      type: 'subscribe',
      payload: { query: EPISODE, variables: { id: 'EP-1' } },
    });
    expect(early.closed.map((c) => c.reason)).toEqual(['4401: Unauthorized']);
    expect(early.store.subscriptions.size).toBe(0);

    const { send, closed } = await initialised();
    await send('not json');
    await send({ type: 'launch' });
    await send({ type: 'next', id: 'x', payload: {} });
    await send({ id: 's-0', type: 'subscribe', payload: { query: EPISODE, variables: [1] } });
    await send({ id: 's-1', type: 'subscribe', payload: { query: EPISODE, variables: { id: 'EP-1' } } });
    await send({ id: 's-1', type: 'subscribe', payload: { query: EPISODE, variables: { id: 'EP-1' } } });
    expect(closed.map((c) => c.reason.slice(0, 4))).toEqual(['4400', '4400', '4400', '4400', '4409']);
  });

  it('closes an unknown connection (no $connect stored) without touching the store', async () => {
    const { deps, closed, store } = await setup();
    await handleMessage(deps, 'c-unknown', JSON.stringify({ type: 'connection_init' }));
    expect(closed.map((c) => [c.connectionId, c.reason])).toEqual([
      ['c-unknown', '4401: Unknown connection'],
    ]);
    expect(store.connections.has('c-unknown')).toBe(false);
  });
});
