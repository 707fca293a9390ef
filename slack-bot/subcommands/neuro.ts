import { neuroModalView } from '../views/neuro-modal.ts';
import { type Handler, recordingReply, teamOf } from './request.ts';

/** `/cart neuro EP-1 ice=4,3,1,0,0 loc=voice`: record, grade ICANS, reply; with no values, the form. */
export const neuro: Handler<'neuro'> = async (command, request) => {
  const { actor } = teamOf(request);
  if (command.values === null)
    return {
      kind: 'modal',
      view: neuroModalView({ episodeId: command.episodeId, channelId: request.channelId }, request.language),
    };
  const recording = await request.deps.episodes.recordNeuroAssessment(
    actor,
    { episodeId: command.episodeId, ...command.values },
    { idempotencyKey: request.idempotencyKey },
  );
  return recordingReply('neuro', recording, request);
};
