import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { EpisodeValidationError } from '#episodes';
import type { App } from '../bolt.ts';
import { actorFor, viewClock, type SlackBotDeps } from '../deps.ts';
import { STATUS_ACTIONS } from '../ids.ts';
import { episodeManagementView, STATUS_RECENT } from '../views/episode-status.ts';
import { buttonChannel } from './alert-button.ts';

const EPISODE_ID = /^EP-[1-9]\d{0,9}$/;

/**
 * "Show management" under `/cart status`: the episode's full management now (what drove each
 * grade, the steps with doses for this patient, citations, acknowledgements), to the presser only,
 * read again at the press so it is current.
 */
export const showManagement =
  (deps: SlackBotDeps) =>
  async ({
    ack,
    body,
    action,
    context,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const settings = await buttonChannel(deps, body, context);
    if (!EPISODE_ID.test(action.value ?? ''))
      throw new EpisodeValidationError([
        {
          field: 'value',
          allowed: 'an episode id EP-<n>',
          received: action.value,
          message: `Button value ${JSON.stringify(action.value ?? null)} names no episode`,
        },
      ]);
    const actor = actorFor(body.user.id, settings);
    const state = await deps.episodes.getEpisode(actor, action.value ?? '', { recent: STATUS_RECENT });
    const message = episodeManagementView({ state, language: settings.language, ...viewClock(deps) });
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  };

export const register = (app: App, deps: SlackBotDeps): void => {
  app.action<BlockButtonAction>(STATUS_ACTIONS.management, showManagement(deps));
};
