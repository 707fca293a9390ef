import { type Handler, recordingReply, teamOf } from './request.ts';

/**
 * `/cart death EP-1 cause=crs|icans|other [at=…]` (EPI-5): records the death with its attribution
 * and closes the episode; CRS or ICANS makes it grade 5 of that syndrome. Clinicians only.
 */
export const death: Handler<'death'> = async (command, request) => {
  const { actor } = teamOf(request);
  const recording = await request.deps.episodes.recordDeath(
    actor,
    { episodeId: command.episodeId, ...command.values },
    { idempotencyKey: request.idempotencyKey },
  );
  return recordingReply('death', recording, request);
};
