import { settingsSavedView } from '../views/settings-saved.ts';
import { editorOf, teamOf, toChannel, type Handler } from './request.ts';

/** `/cart lang zh|en`: the channel's language, for anyone in a mapped channel. */
export const lang: Handler<'lang'> = async (command, request) => {
  teamOf(request);
  const settings = await request.deps.settings.setLanguage(
    editorOf(request),
    request.channelId,
    command.language,
  );
  return toChannel(settingsSavedView(settings, settings.language));
};
