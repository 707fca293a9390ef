import { decodeGlobalID } from '@pothos/plugin-relay';
import type { EpisodeState } from '#episodes';
import type { GraphQLContext } from '../context.ts';
import { actorFor, callService } from './errors.ts';

/**
 * Per-request memo of the episode service's getEpisode: every field of one episode (head, current
 * state, each connection) reads the same partition, so an episode costs one DynamoDB Query however
 * much of it a request selects. Keyed by the request's context object, so nothing outlives it.
 */
const memo = new WeakMap<GraphQLContext, Map<string, Promise<EpisodeState>>>();

const statesOf = (context: GraphQLContext): Map<string, Promise<EpisodeState>> => {
  let states = memo.get(context);
  if (!states) {
    states = new Map();
    memo.set(context, states);
  }
  return states;
};

/** The episode's state for this request's viewer (one Query per episode per request). */
export const loadEpisodeState = (context: GraphQLContext, episodeId: string): Promise<EpisodeState> => {
  const states = statesOf(context);
  let state = states.get(episodeId);
  if (!state) {
    const actor = actorFor(context, 'read episodes');
    state = callService(() => context.episodes.getEpisode(actor, episodeId));
    // A failed read is not remembered: a later field may try again.
    state.catch(() => states.delete(episodeId));
    states.set(episodeId, state);
  }
  return state;
};

/** After a write, the next read of that episode in the same request must see it. */
export const forgetEpisodeState = (context: GraphQLContext, episodeId: string): void => {
  statesOf(context).delete(episodeId);
};

const PLAIN_EPISODE_ID = /^EP-\d+$/;

/**
 * An episode id as clients may send it: the plain id ("EP-12") or the Relay global id of an
 * Episode. Anything else is passed on unchanged, so the service reports it as invalid.
 */
export const episodeIdFrom = (raw: string): string => {
  if (PLAIN_EPISODE_ID.test(raw)) return raw;
  try {
    const { typename, id } = decodeGlobalID(raw);
    return typename === 'Episode' ? id : raw;
  } catch {
    return raw;
  }
};
