import { settingsSavedView } from '../views/settings-saved.ts';
import { teamOf, toChannel, type Handler } from './request.ts';

/** `/cart lang zh|en`: the channel's language, for anyone in a mapped channel. */
export const lang: Handler<'lang'> = async (command, request) => {
  teamOf(request);
  const settings = await request.deps.settings.setLanguage(
    { userId: `slack:${request.userId}`, admin: request.deps.adminUserIds.has(request.userId) },
    request.channelId,
    command.language,
  );
  return toChannel(settingsSavedView(settings, settings.language));
};
