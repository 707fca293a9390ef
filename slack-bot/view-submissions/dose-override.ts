import type { App } from '../bolt.ts';
import { actorFor, idempotencyKeyFor, languageOf, type SlackBotDeps } from '../deps.ts';
import { UnmappedChannelError } from '../errors/describe-error.ts';
import { setReplyContext } from '../errors/reply-context.ts';
import { DOSE_OVERRIDE_MODAL } from '../ids.ts';
import { VITALS_FIELDS } from '../parser/fields.ts';
import { parseDoseOverrideMetadata } from '../views/dose-override-modal.ts';
import { showRecording } from './show-recording.ts';

/**
 * The override form submitted: the refused dose recorded with its reason (idempotent on the form's
 * view id), the result shown in the form and posted to the channel with the alert it raised.
 */
export const register = (app: App, deps: SlackBotDeps): void => {
  app.view(DOSE_OVERRIDE_MODAL.callbackId, async ({ ack, view, body, client, context }) => {
    const metadata = parseDoseOverrideMetadata(view.private_metadata);
    if (!metadata) throw new Error('an override form without its dose');
    const settings = await deps.settings.forChannel(metadata.channelId);
    const language = languageOf(settings);
    setReplyContext(context, { language, fields: VITALS_FIELDS });
    if (!settings) throw new UnmappedChannelError(metadata.channelId);
    const reason =
      view.state.values[DOSE_OVERRIDE_MODAL.blocks.reason]?.[DOSE_OVERRIDE_MODAL.input]?.value ?? '';
    if (reason.trim().length < 3) {
      await ack({
        response_action: 'errors',
        errors: { [DOSE_OVERRIDE_MODAL.blocks.reason]: '3–500 characters · 请填写 3–500 字' },
      });
      return;
    }
    const { channelId: _channel, ...dose } = metadata;
    const recording = await deps.episodes.recordDose(
      actorFor(body.user.id, settings),
      { ...dose, overrideReason: reason },
      { idempotencyKey: idempotencyKeyFor('view', view.id) },
    );
    await showRecording({ ack, client }, deps, {
      kind: 'dose',
      recording,
      language,
      channelId: metadata.channelId,
      episodeId: metadata.episodeId,
    });
  });
};
