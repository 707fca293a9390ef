import * as z from 'zod/mini';
import {
  MAX_HANDOFF_EPISODES,
  RulesInputError,
  describeIssues,
  emptyTimeline,
  isoDateTimeSchema,
  shiftHandoff,
  type Handoff,
  type TimelineSettings,
} from '#rules';
import { inTeam, type Actor } from './actor.ts';
import { EpisodeValidationError } from './errors.ts';
import { handoffEpisodeOf } from './handoff-head.ts';
import { teamIdSchema } from './inputs.ts';
import type { EpisodeRepository } from './repository.ts';

const handoffQuerySchema = z.strictObject({
  team: teamIdSchema,
  at: z.nullish(isoDateTimeSchema),
  shiftHours: z.nullish(z.number()),
});

/**
 * HANDOFF-1, HANDOFF-2: a team's shift handoff at `at` (default now), from its ACTIVE episode heads
 * read with one Query on the team index (paged past 1 MB only): the cost is one round trip per team,
 * whatever the number of episodes or the length of their courses. A team the actor is not in hands
 * off nothing, as `episodes(team)` lists nothing.
 */
export const teamHandoff = async (
  repository: EpisodeRepository,
  settings: TimelineSettings,
  actor: Actor,
  query: { readonly team: string; readonly at?: string | null; readonly shiftHours?: number | null },
  now: Date,
): Promise<Handoff> => {
  const parsed = handoffQuerySchema.safeParse(query);
  if (!parsed.success) throw new EpisodeValidationError(describeIssues(parsed.error.issues, query, ''));
  const { team } = parsed.data;
  const at = parsed.data.at ?? now.toISOString();
  const heads = inTeam(actor, team)
    ? await repository.listActiveHeadsForHandoff(team, MAX_HANDOFF_EPISODES)
    : [];
  try {
    return shiftHandoff(team, {
      at,
      timeZone: settings.timeZone,
      ...(parsed.data.shiftHours == null ? {} : { shiftHours: parsed.data.shiftHours }),
      settings,
      episodes: heads.map((head) => handoffEpisodeOf(head, emptyTimeline)),
    });
  } catch (error) {
    if (error instanceof RulesInputError) throw new EpisodeValidationError(error.issues);
    throw error;
  }
};
