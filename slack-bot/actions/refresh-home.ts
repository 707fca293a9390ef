import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { App } from '../bolt.ts';
import type { SlackBotDeps } from '../deps.ts';
import { publishHome } from '../home.ts';
import { HOME_ACTIONS } from '../ids.ts';

/** Refresh on App Home: publishes it again. */
export const refreshHome =
  (deps: SlackBotDeps) =>
  async ({
    ack,
    body,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await publishHome(client, deps, body.user.id);
  };

export const register = (app: App, deps: SlackBotDeps): void => {
  app.action<BlockButtonAction>(HOME_ACTIONS.refresh, refreshHome(deps));
};
