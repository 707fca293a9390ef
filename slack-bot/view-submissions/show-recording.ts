import type {
  AckFn,
  AllMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewResponseAction,
  ViewSubmitAction,
} from '@slack/bolt';
import type { Language } from '#rules';
import type { Recording } from '#episodes';
import { viewClock, type SlackBotDeps } from '../deps.ts';
import { recordingView, type RecordingViewInput } from '../views/recording.ts';
import { resultModalView } from '../views/result-modal.ts';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * A form's recording shown where the user is (the form turns into its result) and posted to the
 * channel; a post that fails is logged, since the recording itself is stored.
 */
export const showRecording = async (
  // A view handler's ack (Bolt types it for submissions and closings alike).
  { ack, client }: { readonly ack: AckFn<ViewResponseAction> | AckFn<void>; readonly client: Args['client'] },
  deps: SlackBotDeps,
  shown: {
    readonly kind: RecordingViewInput['kind'];
    readonly recording: Recording;
    readonly language: Language;
    readonly channelId: string;
    readonly episodeId: string;
  },
): Promise<void> => {
  const message = recordingView({
    kind: shown.kind,
    recording: shown.recording,
    language: shown.language,
    ...viewClock(deps),
  });
  await ack({ response_action: 'update', view: resultModalView(message, shown.language) });
  await client.chat.postMessage({ channel: shown.channelId, ...message }).catch((error: unknown) => {
    deps.log('warn', `${shown.kind} recorded from a form but not posted to the channel`, {
      episodeId: shown.episodeId,
      error: String(error),
    });
  });
};
