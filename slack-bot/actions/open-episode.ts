import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { App } from '../bolt.ts';
import { viewClock, type SlackBotDeps } from '../deps.ts';
import { ALERT_ACTIONS } from '../ids.ts';
import { episodeStatusView } from '../views/episode-status.ts';
import { alertButtonTarget } from './alert-button.ts';

/**
 * Open on an alert: with the frontend's URL configured the button itself opens the episode and
 * this only acknowledges the press; without it, the episode's status is shown to the user.
 */
export const openEpisode =
  (deps: SlackBotDeps) =>
  async ({
    ack,
    body,
    action,
    context,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    if (deps.appUrl) return;
    const { settings, actor, episodeId } = await alertButtonTarget(deps, { body, action, context });
    const state = await deps.episodes.getEpisode(actor, episodeId);
    const message = episodeStatusView({ state, language: settings.language, ...viewClock(deps) });
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  };

export const register = (app: App, deps: SlackBotDeps): void => {
  app.action<BlockButtonAction>(ALERT_ACTIONS.open, openEpisode(deps));
};
