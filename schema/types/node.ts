import { brandWithType } from '@pothos/core';
import { resolveNodes } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import {
  EpisodeForbiddenError,
  EpisodeNotFoundError,
  EpisodeValidationError,
  StoreUnavailableError,
  type EpisodeRecord,
} from '#episodes';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { inputError } from '../input-errors.ts';
import { readEpisodeHead } from './episode-loader.ts';
import { RECORD_TYPE_NAME } from './episode-refs.ts';
import { actorFor, storeUnavailable } from './errors.ts';
import {
  KIND_OF_TYPE,
  NODE_ID_ALLOWED,
  parseNodeId,
  parseRecordNodeKey,
  recordNodeKey,
  type NodeAddress,
  type NodeTypeName,
} from './node-ids.ts';

/**
 * Relay refetching: `node(id:)` and `nodes(ids:)` as Relay expects them (a `Node`, null when there
 * is no such node for this user), and `nodeResult(id:)` answering the same lookup as a result union
 * with the typed errors of every episode operation. Ids are global ids or the short ids clinicians
 * see (node-ids.ts). Every refetch is authorised like the episode queries (another team's node is
 * not found) and bounded: an episode is 1 GetItem, a record, grading or alert 2 (its episode's
 * head, then the item), a short record id 3 (head, the record's lookup, the record).
 */

type RecordNodeType = Exclude<NodeTypeName, 'Episode'>;

/** The `id` option of a record, grading or alert node: its episode and key (one GetItem). */
export const recordNodeId = {
  resolve: (item: { readonly episodeId: string; readonly SK: string }) => recordNodeKey(item),
};

/**
 * The `loadOne` of a record, grading or alert node: the item its key names, in an episode of the
 * viewer's teams, of this node's kind; the service's typed errors otherwise.
 */
export const loadRecordNode =
  <T extends EpisodeRecord>(type: RecordNodeType) =>
  async (key: string, context: GraphQLContext): Promise<T> => {
    const parsed = parseRecordNodeKey(key);
    if (parsed === null) throw new EpisodeNotFoundError(key, type);
    const actor = actorFor(context, 'read episodes');
    const record = await context.episodes.getEpisodeItem(actor, parsed.episodeId, parsed.sortKey);
    if (record.kind !== KIND_OF_TYPE[type]) throw new EpisodeNotFoundError(key, type);
    return record as T;
  };

/** The `loadOne` of Episode: its head (memoised for the request). */
export const loadEpisodeNode = (episodeId: string, context: GraphQLContext) =>
  readEpisodeHead(context, episodeId);

const typeOfRecord = (record: EpisodeRecord): RecordNodeType =>
  record.kind === 'GRADING' ? 'Grading' : record.kind === 'ALERT' ? 'Alert' : RECORD_TYPE_NAME[record.kind];

/** The node an address names, through the relay plugin's loaders; the service's errors otherwise. */
const loadAddress = async (
  address: NodeAddress,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<object> => {
  if (address.type === 'ShortRecord') {
    const actor = actorFor(context, 'read episodes');
    const record = await context.episodes.findEpisodeRecord(actor, address.episodeId, address.recordId);
    brandWithType(record, typeOfRecord(record) as never);
    return record;
  }
  const key = address.type === 'Episode' ? address.episodeId : `${address.episodeId}/${address.sortKey}`;
  const [node] = await resolveNodes(builder, context, info, [{ typename: address.type, id: key }]);
  if (node == null) throw new EpisodeNotFoundError(key, address.type);
  return node;
};

/**
 * Relay's answer for one id: the node, or null when there is none for this user (missing, another
 * team's, or not signed in). A malformed id is a BAD_USER_INPUT error saying what ids are accepted;
 * a store failure is a STORE_UNAVAILABLE error.
 */
const relayNode = async (
  raw: string,
  field: string,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<object | null> => {
  try {
    return await loadAddress(parseNodeId(raw, field), context, info);
  } catch (error) {
    if (error instanceof EpisodeValidationError) throw inputError(error.issues);
    if (error instanceof EpisodeNotFoundError || error instanceof EpisodeForbiddenError) return null;
    if (error instanceof StoreUnavailableError) throw storeUnavailable(error);
    throw error;
  }
};

const NodeInterface = builder.nodeInterfaceRef();

builder.queryField('node', (t) =>
  t.field({
    type: NodeInterface,
    nullable: true,
    description: `Refetches any node (Relay). \`id\` is ${NODE_ID_ALLOWED}. Null when there is no such node for you (another team's answers like a missing one); a malformed id is a BAD_USER_INPUT error naming what is accepted. \`nodeResult\` answers the same with typed errors.`,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context, info) => relayNode(args.id, 'id', context, info),
  }),
);

builder.queryField('nodes', (t) =>
  t.field({
    type: [NodeInterface],
    nullable: { list: false, items: true },
    description: 'Refetches several nodes (Relay), like `node` for each id, in order.',
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, context, info) =>
      Promise.all(args.ids.map((id, i) => relayNode(id, `ids[${i}]`, context, info))),
  }),
);

const NodeFoundType = builder.objectRef<{ readonly node: object }>('NodeFound').implement({
  description: 'The node the id names.',
  fields: (t) => ({ node: t.field({ type: NodeInterface, resolve: (found) => found.node }) }),
});

builder.queryField('nodeResult', (t) =>
  t.field({
    type: NodeFoundType,
    description: `Looks up any node like \`node\`, answering a result union: NodeFound, or ValidationError (the id is not ${NODE_ID_ALLOWED}), NotFoundError (none for you, another team's included), ForbiddenError (not signed in) or StoreUnavailable.`,
    args: { id: t.arg.id({ required: true }) },
    errors: {
      types: [EpisodeValidationError, EpisodeNotFoundError, EpisodeForbiddenError, StoreUnavailableError],
      directResult: true,
      union: { name: 'NodeResult' },
    },
    resolve: async (_root, args, context, info) => {
      actorFor(context, 'read episodes');
      return { node: await loadAddress(parseNodeId(args.id), context, info) };
    },
  }),
);
