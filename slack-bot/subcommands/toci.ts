import { evaluateTocilizumabDose } from '#rules';
import { DoseRefusedError } from '#episodes';
import { doseOverrideModal } from '../views/dose-override-modal.ts';
import { tocilizumabCheckView } from '../views/tocilizumab-check.ts';
import { tocilizumabInputAt, tocilizumabNow } from '../views/tocilizumab-status.ts';
import { type Handler, recordingReply, teamOf, toUser } from './request.ts';

/**
 * `/cart toci EP-1`: the dose for this patient and whether it is allowed now (TOCI-1..4).
 * `/cart toci EP-1 give [mg=…] [at=…]`: records a tocilizumab dose (default: this patient's dose);
 * over the computed dose or a TOCI limit it is not recorded: a form asks for the reason (TOCI-5),
 * and the dose recorded with it raises ESC-DOSE or ESC-TOCI.
 */
export const toci: Handler<'toci'> = async (command, request) => {
  const { actor } = teamOf(request);
  const { episodes } = request.deps;
  const head = await episodes.getEpisodeHead(actor, command.episodeId);
  if (!command.give) {
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
  const mg = command.values.mg ?? tocilizumabNow(head, request.now, episodes.config).check.doseMg;
  const dose = {
    episodeId: command.episodeId,
    drug: 'TOCILIZUMAB' as const,
    mg,
    route: 'IV' as const,
    ...(command.values.givenAt === undefined ? {} : { givenAt: command.values.givenAt }),
  };
  try {
    const recording = await episodes.recordDose(actor, dose, { idempotencyKey: request.idempotencyKey });
    return recordingReply('dose', recording, request);
  } catch (error) {
    // TOCI-5 / TOCI-2..4: over a limit it is never recorded silently: ask for the reason.
    if (!(error instanceof DoseRefusedError)) throw error;
    return {
      kind: 'modal',
      view: doseOverrideModal(
        {
          episodeId: dose.episodeId,
          channelId: request.channelId,
          drug: 'TOCILIZUMAB',
          mg: Number(mg),
          route: 'IV',
          ...(typeof command.values.givenAt === 'string' ? { givenAt: command.values.givenAt } : {}),
        },
        error.problems,
        request.language,
      ),
    };
  }
};
