import type { App } from '../bolt.ts';
import type { SlackBotDeps } from '../deps.ts';
import { register as registerAcknowledge } from './acknowledge-alert.ts';
import { register as registerOpen } from './open-episode.ts';
import { register as registerRefresh } from './refresh-home.ts';
import { register as registerShowManagement } from './show-management.ts';

/** Buttons: Acknowledge and Open on alerts, Refresh on App Home, Show management under a status. */
export const register = (app: App, deps: SlackBotDeps): void => {
  registerAcknowledge(app, deps);
  registerOpen(app, deps);
  registerRefresh(app, deps);
  registerShowManagement(app, deps);
};
