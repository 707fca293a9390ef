import type { App } from '../bolt.ts';
import type { SlackBotDeps } from '../deps.ts';
import { register as registerDoseOverride } from './dose-override.ts';
import { register as registerNeuro } from './neuro-form.ts';
import { register as registerVitals } from './vitals-form.ts';

/** Form submissions (Bolt's `app.view` listeners): the vitals, neuro and dose-override forms. */
export const register = (app: App, deps: SlackBotDeps): void => {
  registerVitals(app, deps);
  registerNeuro(app, deps);
  registerDoseOverride(app, deps);
};
