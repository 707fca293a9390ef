import { evaluateTocilizumabDose } from '#rules';
import { tocilizumabCheckView } from '../views/tocilizumab-check.ts';
import { tocilizumabInputAt, tocilizumabNow } from '../views/tocilizumab-status.ts';
import { type Handler, recordingReply, teamOf, toUser } from './request.ts';

/**
 * `/cart toci EP-1`: the dose for this patient and whether it is allowed now (TOCI-1..4).
 * `/cart toci EP-1 give [mg=…] [at=…]`: records a tocilizumab dose (default: this patient's dose);
 * a dose given is a fact and is stored, and one given too soon or beyond a limit raises ESC-TOCI.
 */
export const toci: Handler<'toci'> = async (command, request) => {
  const { actor } = teamOf(request);
  const { episodes } = request.deps;
  const state = await episodes.getEpisode(actor, command.episodeId);
  if (!command.give) {
    const { head } = state;
    const evaluation = evaluateTocilizumabDose(tocilizumabInputAt(head, request.now), episodes.config);
    return toUser(
      tocilizumabCheckView({
        episode: head,
        evaluation,
        language: request.language,
        now: request.now,
        today: request.today,
        command: request.deps.command,
        appUrl: request.deps.appUrl,
      }),
    );
  }
  const mg = command.values.mg ?? tocilizumabNow(state.head, request.now, episodes.config).check.doseMg;
  const recording = await episodes.recordDose(
    actor,
    {
      episodeId: command.episodeId,
      drug: 'TOCILIZUMAB',
      mg,
      route: 'IV',
      ...(command.values.givenAt === undefined ? {} : { givenAt: command.values.givenAt }),
    },
    { idempotencyKey: request.idempotencyKey },
  );
  return recordingReply('dose', recording, request);
};
