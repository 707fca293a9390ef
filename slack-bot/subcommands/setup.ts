import { CommandInputError, problems } from '../parser/problems.ts';
import { handoffTimesSavedView } from '../views/handoff-times-saved.ts';
import { settingsSavedView } from '../views/settings-saved.ts';
import { editorOf, toUser, type Handler } from './request.ts';

/**
 * `/cart setup team=<id> oncall=<S…> lang=en role=clinician`: maps this channel to a team (or
 * changes the team's settings). Administrators only (SLACK_ADMIN_USER_IDS); the settings service
 * checks it. Omitted fields keep their value; the team may be omitted in a mapped channel.
 */
export const setup: Handler<'setup'> = async (command, request) => {
  const team = command.change.team ?? request.settings?.team;
  if (team === undefined)
    throw new CommandInputError(
      [problems.missing('team', `${request.deps.command} setup team=hem-a`)],
      'setup',
    );
  // HANDOFF-1: `setup handoff 08:00 20:00` sets the team's shift handoff digest times.
  if (command.handoffTimes !== undefined) {
    const saved = await request.deps.settings.setHandoffTimes(
      editorOf(request),
      typeof team === 'string' ? team : JSON.stringify(team),
      command.handoffTimes,
    );
    return toUser(handoffTimesSavedView(saved, request.language));
  }
  const settings = await request.deps.settings.configure(editorOf(request), {
    ...command.change,
    team,
    channelId: request.channelId,
  });
  return toUser(settingsSavedView(settings, settings.language));
};
