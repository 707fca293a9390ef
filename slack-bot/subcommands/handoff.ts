import { shiftHandoffView } from '../views/shift-handoff.ts';
import { teamOf, toChannel, type Handler } from './request.ts';

/** `/cart handoff`: the team's shift handoff now, in the channel (one Query on the team index). */
export const handoff: Handler<'handoff'> = async (_command, request) => {
  const { settings, actor } = teamOf(request);
  const result = await request.deps.episodes.handoff(actor, {
    team: settings.team,
    at: request.now.toISOString(),
  });
  return toChannel(shiftHandoffView(result, request.language, request.deps.appUrl));
};
