import type { App } from '../bolt.ts';
import type { SlackBotDeps } from '../deps.ts';
import { vitalsBlockFor, vitalsFromForm } from '../forms/vitals-form.ts';
import { VITALS_MODAL } from '../ids.ts';
import { VITALS_FIELDS } from '../parser/fields.ts';
import { recordFromForm } from './record-from-form.ts';

/** The vital-signs form submitted. */
export const register = (app: App, deps: SlackBotDeps): void => {
  app.view(
    VITALS_MODAL.callbackId,
    recordFromForm(deps, {
      kind: 'vitals',
      fields: VITALS_FIELDS,
      read: (state) => {
        const values = vitalsFromForm(state);
        return values
          ? { values }
          : {
              errors: {
                [VITALS_MODAL.blocks.temperature]: 'Enter at least one measurement · 请至少填写一项',
              },
            };
      },
      blockFor: vitalsBlockFor,
      record: (d) => d.episodes.recordVitals.bind(d.episodes),
    }),
  );
};
