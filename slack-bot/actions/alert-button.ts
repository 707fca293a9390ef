import type { BlockButtonAction } from '@slack/bolt';
import { EpisodeValidationError, type Actor, type TeamSettings } from '#episodes';
import { actorFor, languageOf, type SlackBotDeps } from '../deps.ts';
import { UnmappedChannelError } from '../errors/describe-error.ts';
import { setReplyContext } from '../errors/reply-context.ts';
import { parseAlertButtonValue } from '../ids.ts';

export type AlertButtonTarget = {
  readonly settings: TeamSettings;
  readonly actor: Actor;
  readonly episodeId: string;
  readonly alertId: string;
};

/**
 * The team settings of the channel a button was pressed in (a press in an unmapped channel is
 * refused), with the reply language set for any error.
 */
export const buttonChannel = async (
  deps: SlackBotDeps,
  body: BlockButtonAction,
  context: object,
): Promise<TeamSettings> => {
  const channelId = body.channel?.id ?? '';
  const settings = await deps.settings.forChannel(channelId);
  setReplyContext(context, { language: languageOf(settings), fields: [] });
  if (!settings) throw new UnmappedChannelError(channelId);
  return settings;
};

/**
 * What an alert's button acts on: the channel's team (a press in an unmapped channel is refused)
 * and the alert its value names (`EP-n:<alert id>`; anything else is refused, naming the value).
 */
export const alertButtonTarget = async (
  deps: SlackBotDeps,
  {
    body,
    action,
    context,
  }: { body: BlockButtonAction; action: BlockButtonAction['actions'][number]; context: object },
): Promise<AlertButtonTarget> => {
  const settings = await buttonChannel(deps, body, context);
  const target = parseAlertButtonValue(action.value);
  if (!target)
    throw new EpisodeValidationError([
      {
        field: 'value',
        allowed: 'an alert button value EP-<n>:<alert id>',
        received: action.value,
        message: `Alert button value ${JSON.stringify(action.value ?? null)} names no alert`,
      },
    ]);
  return { settings, actor: actorFor(body.user.id, settings), ...target };
};
