import type { App } from '../bolt.ts';
import type { SlackBotDeps } from '../deps.ts';
import { neuroBlockFor, neuroFromForm } from '../forms/neuro-form.ts';
import { NEURO_MODAL } from '../ids.ts';
import { NEURO_FIELDS } from '../parser/fields.ts';
import { recordFromForm } from './record-from-form.ts';

/** The neuro-assessment form submitted. */
export const register = (app: App, deps: SlackBotDeps): void => {
  app.view(
    NEURO_MODAL.callbackId,
    recordFromForm(deps, {
      kind: 'neuro',
      fields: NEURO_FIELDS,
      read: (state) => {
        const result = neuroFromForm(state);
        return 'values' in result
          ? result
          : {
              errors: Object.fromEntries(
                result.missing.map((block) => [
                  block,
                  'All five ICE tasks, or none · ICE 五项需全部填写或全部留空',
                ]),
              ),
            };
      },
      blockFor: neuroBlockFor,
      record: (d) => d.episodes.recordNeuroAssessment.bind(d.episodes),
    }),
  );
};
