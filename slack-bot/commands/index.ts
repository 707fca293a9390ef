import type { App } from '../bolt.ts';
import type { SlackBotDeps } from '../deps.ts';
import { register as registerCart } from './cart.ts';

/** Slash commands: one, `/cart` (name configurable), with subcommands. */
export const register = (app: App, deps: SlackBotDeps): void => {
  registerCart(app, deps);
};
