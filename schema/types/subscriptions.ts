import { GraphQLError } from 'graphql';
import {
  EpisodeForbiddenError,
  EpisodeNotFoundError,
  EpisodeValidationError,
  type AlertRecord,
  type GradingRecord,
} from '#episodes';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { visibleTo, type EpisodeUpdateEvent, type UpdateSource, type UpdateTopic } from '../live-updates.ts';
import { AlertRef, GradingRef } from './episode-refs.ts';
import { episodeIdFrom, loadEpisodeHead } from './episode-loader.ts';

/**
 * Live updates of an episode or a team: new gradings, new alerts and alert acknowledgements, as
 * they are stored (GraphQL subscriptions over the graphql-ws protocol). Subscribing is authorised
 * exactly like reading: another team's episode is "not found", another team is forbidden, and
 * every update is checked against the viewer's teams again when it is delivered.
 */
type Update<K extends EpisodeUpdateEvent['kind']> = Extract<EpisodeUpdateEvent, { kind: K }>;

const GradingAddedType = builder.objectRef<Update<'GRADING_ADDED'>>('GradingAdded').implement({
  description: 'A grading was stored (a recording was graded).',
  fields: (t) => ({
    episodeId: t.exposeID('episodeId'),
    team: t.exposeString('team'),
    grading: t.field({ type: GradingRef, resolve: (update): GradingRecord => update.grading }),
  }),
});

const AlertRaisedType = builder.objectRef<Update<'ALERT_RAISED'>>('AlertRaised').implement({
  description: 'An alert was raised for the on-call team.',
  fields: (t) => ({
    episodeId: t.exposeID('episodeId'),
    team: t.exposeString('team'),
    alert: t.field({ type: AlertRef, resolve: (update): AlertRecord => update.alert }),
  }),
});

const AlertAcknowledgedType = builder.objectRef<Update<'ALERT_ACKNOWLEDGED'>>('AlertAcknowledged').implement({
  description: 'An alert was acknowledged (`alert.acknowledgedBy` says by whom).',
  fields: (t) => ({
    episodeId: t.exposeID('episodeId'),
    team: t.exposeString('team'),
    alert: t.field({ type: AlertRef, resolve: (update): AlertRecord => update.alert }),
  }),
});

const TYPE_OF_KIND = {
  GRADING_ADDED: 'GradingAdded',
  ALERT_RAISED: 'AlertRaised',
  ALERT_ACKNOWLEDGED: 'AlertAcknowledged',
} as const satisfies Record<EpisodeUpdateEvent['kind'], string>;

export const EpisodeUpdateType = builder.unionType('EpisodeUpdate', {
  description: 'One live update of an episode.',
  types: [GradingAddedType, AlertRaisedType, AlertAcknowledgedType],
  resolveType: (update) => TYPE_OF_KIND[update.kind],
});

/**
 * A refusal as a GraphQL error: the same message as the query's typed error, its type name in
 * `extensions.typename` and a code (NOT_FOUND, FORBIDDEN, BAD_USER_INPUT).
 */
export const subscriptionRefusal = (error: unknown): unknown => {
  if (error instanceof EpisodeNotFoundError)
    return new GraphQLError(error.message, { extensions: { code: 'NOT_FOUND', typename: 'NotFoundError' } });
  if (error instanceof EpisodeForbiddenError)
    return new GraphQLError(error.message, { extensions: { code: 'FORBIDDEN', typename: 'ForbiddenError' } });
  if (error instanceof EpisodeValidationError)
    return new GraphQLError(error.message, {
      extensions: { code: 'BAD_USER_INPUT', typename: 'ValidationError', issues: error.issues },
    });
  return error;
};

const sourceOf = (context: GraphQLContext): UpdateSource => {
  if (!context.updates)
    throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) only', {
      extensions: { code: 'BAD_REQUEST' },
    });
  return context.updates;
};

/** The source's updates the viewer may see; ending it ends the source at once. */
const visibleUpdates = (
  updates: AsyncIterable<EpisodeUpdateEvent>,
  context: GraphQLContext,
): AsyncIterableIterator<EpisodeUpdateEvent> => {
  const source = updates[Symbol.asyncIterator]();
  const iterator: AsyncIterableIterator<EpisodeUpdateEvent> = {
    next: async () => {
      for (;;) {
        const step = await source.next();
        if (step.done === true || visibleTo(step.value, context.viewer)) return step;
      }
    },
    return: async () => (await source.return?.()) ?? { done: true, value: undefined },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
};

const subscribeTo = async (
  context: GraphQLContext,
  topic: UpdateTopic,
  authorise: () => Promise<unknown>,
): Promise<AsyncIterable<EpisodeUpdateEvent>> => {
  const source = sourceOf(context);
  try {
    await authorise();
  } catch (error) {
    throw subscriptionRefusal(error);
  }
  return visibleUpdates(source.subscribe(topic), context);
};

builder.subscriptionType({
  description: 'Live updates over WebSocket (graphql-ws protocol), authorised like queries.',
});

builder.subscriptionField('episodeUpdates', (t) =>
  t.field({
    type: EpisodeUpdateType,
    description:
      'New gradings, alerts and acknowledgements of one episode of your teams ("EP-12" or its global id). Another team\'s episode is refused as NOT_FOUND, exactly like a missing one.',
    args: { episodeId: t.arg.id({ required: true }) },
    subscribe: (_root, args, context) => {
      const episodeId = episodeIdFrom(args.episodeId);
      return subscribeTo(context, { kind: 'episode', episodeId }, () => loadEpisodeHead(context, episodeId));
    },
    resolve: (update: EpisodeUpdateEvent) => update,
  }),
);

builder.subscriptionField('teamUpdates', (t) =>
  t.field({
    type: EpisodeUpdateType,
    description:
      'New gradings, alerts and acknowledgements of every episode of one of your teams. A team you are not a member of is refused as FORBIDDEN.',
    args: { team: t.arg.id({ required: true }) },
    subscribe: (_root, args, context) => {
      const { team } = args;
      return subscribeTo(context, { kind: 'team', team }, () => {
        const viewer = context.viewer;
        if (viewer === null) throw new EpisodeForbiddenError('Sign in to follow a team');
        if (!viewer.teams.includes(team))
          throw new EpisodeForbiddenError(`You are not a member of team ${team}`);
        return Promise.resolve();
      });
    },
    resolve: (update: EpisodeUpdateEvent) => update,
  }),
);
