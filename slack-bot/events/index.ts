import type { App } from '../bolt.ts';
import type { SlackBotDeps } from '../deps.ts';
import { register as registerAppHome } from './app-home-opened.ts';

/** Events API: App Home. */
export const register = (app: App, deps: SlackBotDeps): void => {
  registerAppHome(app, deps);
};
