import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { App } from '../bolt.ts';
import { actorFor, languageOf, type SlackBotDeps } from '../deps.ts';
import { UnmappedChannelError } from '../errors/describe-error.ts';
import { setReplyContext } from '../errors/reply-context.ts';
import { ALERT_ACTIONS, parseAlertButtonValue } from '../ids.ts';
import { alertMessageView } from '../views/alert-message.ts';

/**
 * Acknowledge on an alert: records who and when through the episode service (as GraphQL does).
 * The message is updated in place by the alert pipeline, which sees the acknowledgement in the
 * table; pressing again (or a retried request) changes nothing and says who acknowledged it.
 */
export const acknowledgeAlert =
  (deps: SlackBotDeps) =>
  async ({
    ack,
    body,
    action,
    context,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const channelId = body.channel?.id ?? '';
    const settings = await deps.settings.forChannel(channelId);
    setReplyContext(context, { language: languageOf(settings), fields: [] });
    if (!settings) throw new UnmappedChannelError(channelId);
    const target = parseAlertButtonValue(action.value);
    if (!target) throw new Error(`alert button with an unexpected value`);
    const result = await deps.episodes.acknowledgeAlert(actorFor(body.user.id, settings), target);
    if (result.alreadyAcknowledged) {
      const message = alertMessageView({
        alert: result.alert,
        language: settings.language,
        oncallUserGroupId: null,
        appUrl: deps.appUrl,
      });
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    }
  };

export const register = (app: App, deps: SlackBotDeps): void => {
  app.action<BlockButtonAction>(ALERT_ACTIONS.acknowledge, acknowledgeAlert(deps));
};
