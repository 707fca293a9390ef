import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { App } from '../bolt.ts';
import type { SlackBotDeps } from '../deps.ts';
import { ALERT_ACTIONS } from '../ids.ts';
import { alertMessageView } from '../views/alert-message.ts';
import { alertButtonTarget } from './alert-button.ts';

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
    const { settings, actor, episodeId, alertId } = await alertButtonTarget(deps, { body, action, context });
    const result = await deps.episodes.acknowledgeAlert(actor, { episodeId, alertId });
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
