import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { EpisodeValidationError, type Recording } from '#episodes';
import { actorFor, idempotencyKeyFor, languageOf, type SlackBotDeps } from '../deps.ts';
import { UnmappedChannelError } from '../errors/describe-error.ts';
import { setReplyContext } from '../errors/reply-context.ts';
import type { FieldSpec } from '../parser/fields.ts';
import type { FormState } from '../forms/form-state.ts';
import { parseModalMetadata } from '../views/form-inputs.ts';
import { formErrors } from '../views/result-modal.ts';
import { showRecording } from './show-recording.ts';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** How one form records: its fields, how its state becomes input, which block shows which error. */
export type FormRecording = {
  readonly kind: 'vitals' | 'neuro';
  readonly fields: readonly FieldSpec[];
  readonly read: (
    state: FormState,
  ) => { readonly values: Record<string, unknown> } | { readonly errors: Record<string, string> };
  readonly blockFor: (field: string) => string | undefined;
  readonly record: (deps: SlackBotDeps) => SlackBotDeps['episodes']['recordVitals'];
};

/**
 * A submitted vitals or neuro form: one settings read, one recording (idempotent on the form's
 * view id, so a double submit records once), the result shown in the form and posted to the
 * channel. Invalid values are shown under their fields and nothing is recorded.
 */
export const recordFromForm =
  (deps: SlackBotDeps, form: FormRecording) =>
  async ({ ack, view, body, client, context }: Args): Promise<void> => {
    const metadata = parseModalMetadata(view.private_metadata);
    if (!metadata) throw new Error('a form without its episode');
    const settings = await deps.settings.forChannel(metadata.channelId);
    const language = languageOf(settings);
    setReplyContext(context, { language, fields: form.fields });
    if (!settings) throw new UnmappedChannelError(metadata.channelId);
    const read = form.read(view.state.values);
    if ('errors' in read) {
      await ack({ response_action: 'errors', errors: read.errors });
      return;
    }
    let recording: Recording;
    try {
      recording = await form.record(deps)(
        actorFor(body.user.id, settings),
        { episodeId: metadata.episodeId, ...read.values },
        { idempotencyKey: idempotencyKeyFor('view', view.id) },
      );
    } catch (error) {
      const errors =
        error instanceof EpisodeValidationError ? formErrors(error.issues, form.blockFor) : undefined;
      if (!errors) throw error;
      await ack({ response_action: 'errors', errors });
      return;
    }
    await showRecording({ ack, client }, deps, {
      kind: form.kind,
      recording,
      language,
      channelId: metadata.channelId,
      episodeId: metadata.episodeId,
    });
  };
