import {
  EpisodeForbiddenError,
  EpisodeValidationError,
  StoreUnavailableError,
  type TeamPage,
} from '#episodes';
import { builder } from '../builder.ts';
import { rememberEpisodeHeads } from './episode-loader.ts';
import { EpisodeRef } from './episode-refs.ts';
import { EpisodeStatusEnum } from './episode.ts';
import { actorFor } from './errors.ts';

/**
 * The episode list: one team's episodes, or every episode of the viewer's teams, by status. It
 * answers a result union like the mutations: the connection, or ValidationError (a bad `first`,
 * an `after` this list did not return, backward paging), ForbiddenError (not signed in) or
 * StoreUnavailable.
 */
const backwardPaging = (received: unknown): EpisodeValidationError =>
  new EpisodeValidationError([
    {
      field: 'last/before',
      allowed: 'not used: episodes page forward with first and after',
      received,
      message: `last/before must be not used: episodes page forward with first and after; received ${JSON.stringify(received)}`,
    },
  ]);

builder.queryField('episodes', (t) =>
  t.connection(
    {
      type: EpisodeRef,
      description:
        "Episodes by status. With `team`, that team's, newest course first (one Query on the team index per page). Without, every episode of your teams (`viewer.teams`): teams by name, then newest course first in each; a page that finishes a team goes on in the next (one Query per team page). Both orders are by when each episode was created, so paging while episodes change never skips or repeats one. Cursors are opaque and checked: one this list did not return is a ValidationError naming `after`. A team you are not in lists nothing.",
      args: {
        team: t.arg.string({ description: 'One team; omit for every team of yours.' }),
        status: t.arg({ type: EpisodeStatusEnum, required: true, defaultValue: 'ACTIVE' }),
      },
      errors: {
        types: [EpisodeValidationError, EpisodeForbiddenError, StoreUnavailableError],
        directResult: true,
        union: { name: 'EpisodesResult' },
      },
      resolve: async (_root, args, context) => {
        if (args.last != null || args.before != null) throw backwardPaging(args.last ?? args.before);
        const actor = actorFor(context, 'list episodes');
        const query = { status: args.status, first: args.first ?? 20, after: args.after ?? null };
        const page: TeamPage =
          args.team == null
            ? await context.episodes.listEpisodesOfTeams(actor, query)
            : await context.episodes.listEpisodes(actor, { ...query, team: args.team });
        rememberEpisodeHeads(context, page.heads);
        const edges = page.heads.map((node, i) => ({ cursor: page.cursors[i] ?? '', node }));
        return {
          edges,
          pageInfo: {
            hasNextPage: page.cursor !== null,
            hasPreviousPage: args.after != null,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      },
    },
    { name: 'EpisodeConnection' },
    { name: 'EpisodeEdge' },
  ),
);
