import type { TeamSettings } from '#episodes';
import {
  EpisodeConflictError,
  EpisodeForbiddenError,
  EpisodeValidationError,
  StoreUnavailableError,
} from '#episodes';
import { builder } from '../builder.ts';
import { IDEMPOTENCY_KEY_DESCRIPTION } from './episode-recording.ts';
import { actorFor } from './errors.ts';

/** HANDOFF-1: the times a team's shift handoff digest is posted at (administrators, as `/cart setup handoff`). */

const SetHandoffTimesSuccess = builder.objectRef<TeamSettings>('SetHandoffTimesSuccess').implement({
  description: "The team's settings after the change.",
  fields: (t) => ({
    team: t.id({ resolve: (s) => s.team }),
    handoffTimes: t.stringList({
      description: 'Local times (hospital time zone), earliest first; empty when no digest is posted.',
      resolve: (s) => [...(s.handoffTimes ?? [])],
    }),
    updatedAt: t.field({ type: 'DateTime', resolve: (s) => s.updatedAt }),
  }),
});

builder.mutationField('setHandoffTimes', (t) =>
  t.field({
    type: SetHandoffTimesSuccess,
    description:
      'Sets the local times (hospital time zone, HH:MM, e.g. ["08:00", "20:00"]) a team\'s shift handoff digest is posted at in its Slack channel (HANDOFF-1); [] stops the digest. Administrators only (the `admin` group), as `/cart setup handoff` in Slack; the team must have a channel. Setting the times the team already has changes nothing.',
    args: {
      team: t.arg.id({ required: true }),
      times: t.arg.stringList({ required: true }),
      idempotencyKey: t.arg.string({ required: true, description: IDEMPOTENCY_KEY_DESCRIPTION }),
    },
    errors: {
      types: [EpisodeValidationError, EpisodeForbiddenError, EpisodeConflictError, StoreUnavailableError],
      directResult: true,
      union: { name: 'SetHandoffTimesResult' },
    },
    resolve: async (_root, args, context) => {
      const actor = actorFor(context, 'set handoff times');
      if (context.settings === undefined)
        throw new EpisodeForbiddenError('Team settings cannot be changed through this API');
      // Idempotent by content: the same times again write nothing, so a replayed key answers the same.
      return context.settings.setHandoffTimes(
        { userId: actor.userId, admin: context.viewer?.admin === true },
        args.team,
        args.times,
      );
    },
  }),
);
