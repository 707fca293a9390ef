import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { App } from '../bolt.ts';
import type { SlackBotDeps } from '../deps.ts';
import { publishHome } from '../home.ts';

/** App Home opened: publish the user's teams' active episodes (a retried event publishes again, harmlessly). */
export const appHomeOpened =
  (deps: SlackBotDeps) =>
  async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await publishHome(client, deps, event.user);
  };

export const register = (app: App, deps: SlackBotDeps): void => {
  app.event('app_home_opened', appHomeOpened(deps));
};
