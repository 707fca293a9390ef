import { vitalsModalView } from '../views/vitals-modal.ts';
import { type Handler, recordingReply, teamOf } from './request.ts';

/** `/cart vitals EP-1 t=38.9 …`: record, grade, reply; with no values, the form. */
export const vitals: Handler<'vitals'> = async (command, request) => {
  const { actor } = teamOf(request);
  if (command.values === null)
    return {
      kind: 'modal',
      view: vitalsModalView({ episodeId: command.episodeId, channelId: request.channelId }, request.language),
    };
  const recording = await request.deps.episodes.recordVitals(
    actor,
    { episodeId: command.episodeId, ...command.values },
    { idempotencyKey: request.idempotencyKey },
  );
  return recordingReply('vitals', recording, request);
};
