import { decodeGlobalID } from '@pothos/plugin-relay';
import type { EpisodeHead, EpisodeState } from '#episodes';
import type { GraphQLContext } from '../context.ts';
import { actorFor, callService } from './errors.ts';

/**
 * Per-request memos of the episode service's reads: every field of one episode reads the same
 * head (1 GetItem) and the same window of its newest records (4 bounded Queries), so an episode
 * costs the same on day 1 and on day 40 however much of it a request selects. Only a cursor older
 * than the window (deep history) reads the whole partition. Keyed by the request's context object,
 * so nothing outlives it.
 */
export const RECENT_WINDOW = 100;

type Memo = {
  heads: Map<string, Promise<EpisodeHead>>;
  recent: Map<string, Promise<EpisodeState>>;
  full: Map<string, Promise<EpisodeState>>;
};
const memo = new WeakMap<GraphQLContext, Memo>();

const memoOf = (context: GraphQLContext): Memo => {
  let found = memo.get(context);
  if (!found) {
    found = { heads: new Map(), recent: new Map(), full: new Map() };
    memo.set(context, found);
  }
  return found;
};

const remembered = <T>(map: Map<string, Promise<T>>, id: string, load: () => Promise<T>): Promise<T> => {
  let value = map.get(id);
  if (!value) {
    value = load();
    // A failed read is not remembered: a later field may try again.
    value.catch(() => map.delete(id));
    map.set(id, value);
  }
  return value;
};

/**
 * The episode's head for this request's viewer (1 GetItem per episode per request), failing with
 * the service's own errors (for fields answering a result union: StoreUnavailable is a member).
 */
export const readEpisodeHead = (context: GraphQLContext, episodeId: string): Promise<EpisodeHead> =>
  remembered(memoOf(context).heads, episodeId, () => {
    const actor = actorFor(context, 'read episodes');
    return context.episodes.getEpisodeHead(actor, episodeId);
  });

/** The episode's head, for fields outside a result union (a store failure is a GraphQL error). */
export const loadEpisodeHead = (context: GraphQLContext, episodeId: string): Promise<EpisodeHead> =>
  callService(() => readEpisodeHead(context, episodeId));

/**
 * Heads this request already read (a page of the team index): the episode's fields read them
 * instead of reading each head again.
 */
export const rememberEpisodeHeads = (context: GraphQLContext, heads: readonly EpisodeHead[]): void => {
  const { heads: known } = memoOf(context);
  for (const head of heads) if (!known.has(head.id)) known.set(head.id, Promise.resolve(head));
};

/**
 * The head and the newest `perKind` records of each family (bounded; once per episode and window
 * size per request). Connections ask for their page size plus one, so a request for the first 20
 * of each reads 21 of each, on day 1 as on day 40.
 */
export const loadEpisodeState = (
  context: GraphQLContext,
  episodeId: string,
  perKind: number = RECENT_WINDOW,
): Promise<EpisodeState> =>
  remembered(memoOf(context).recent, `${episodeId}#${perKind}`, async () => {
    const actor = actorFor(context, 'read episodes');
    // The head this request already read (1 GetItem) is reused: the window is 4 Queries more.
    const head = await loadEpisodeHead(context, episodeId);
    return callService(() => context.episodes.getEpisode(actor, episodeId, { recent: perKind, head }));
  });

/**
 * A window of the episode this request already read (whatever its size), or the default window:
 * for fields that look up records near those shown (the record a grading was based on, whether a
 * shown record was corrected), so they add no read of their own.
 */
export const loadSomeEpisodeState = (context: GraphQLContext, episodeId: string): Promise<EpisodeState> => {
  for (const [key, state] of memoOf(context).recent) if (key.startsWith(`${episodeId}#`)) return state;
  return loadEpisodeState(context, episodeId);
};

/** Every record of the episode (deep history: a cursor beyond the window, the care plan's labs). */
export const loadFullEpisodeState = (context: GraphQLContext, episodeId: string): Promise<EpisodeState> =>
  remembered(memoOf(context).full, episodeId, () => {
    const actor = actorFor(context, 'read episodes');
    return callService(() => context.episodes.getEpisode(actor, episodeId));
  });

/** After a write, the next read of that episode in the same request must see it. */
export const forgetEpisodeState = (context: GraphQLContext, episodeId: string): void => {
  const found = memoOf(context);
  found.heads.delete(episodeId);
  for (const key of [...found.recent.keys()]) if (key.startsWith(`${episodeId}#`)) found.recent.delete(key);
  found.full.delete(episodeId);
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
