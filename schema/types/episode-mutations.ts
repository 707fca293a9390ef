import type { EpisodeHead } from '#episodes';
import { builder } from '../builder.ts';
import { ClosureReasonEnum } from './episode.ts';
import { CarTProductEnum } from './reference-data.ts';
import { episodeIdFrom, forgetEpisodeState } from './episode-loader.ts';
import { IDEMPOTENCY_KEY_DESCRIPTION } from './episode-recording.ts';
import { EpisodeRef } from './episode-refs.ts';
import { actorFor, EPISODE_ERRORS } from './errors.ts';

/** Opening and closing an episode (clinicians, for their own teams). */

const CreateEpisodeInput = builder.inputType('CreateEpisodeInput', {
  fields: (t) => ({
    patientRef: t.string({
      required: true,
      description:
        'Pseudonymous reference, 3–32 letters, digits, - or _ with at least one digit (e.g. P-2026-0042); never a name.',
    }),
    team: t.string({ required: true, description: 'One of your teams.' }),
    weightKg: t.float({ required: true, description: 'Actual body weight, kg (more than 0, at most 350).' }),
    heightCm: t.float({ required: true, description: '50–250 cm.' }),
    product: t.field({ type: CarTProductEnum, required: true }),
    apheresisDate: t.field({ type: 'Date' }),
    lymphodepletionStartDate: t.field({ type: 'Date' }),
    lymphodepletionEndDate: t.field({ type: 'Date' }),
    infusionDate: t.field({
      type: 'Date',
      description: 'Day 0: grading windows and follow-up count from it.',
    }),
  }),
});

type EpisodePayload = { readonly episode: EpisodeHead };

const CreateEpisodeSuccess = builder.objectRef<EpisodePayload>('CreateEpisodeSuccess').implement({
  fields: (t) => ({ episode: t.field({ type: EpisodeRef, resolve: (p) => p.episode }) }),
});

builder.mutationField('createEpisode', (t) =>
  t.field({
    type: CreateEpisodeSuccess,
    description:
      'Opens an episode for one of your teams (clinicians). The plan itself is checked (INF-2: infusion > 7 days after lymphodepletion raises ESC-INF).',
    args: {
      input: t.arg({ type: CreateEpisodeInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, description: IDEMPOTENCY_KEY_DESCRIPTION }),
    },
    errors: { types: [...EPISODE_ERRORS], directResult: true, union: { name: 'CreateEpisodeResult' } },
    resolve: async (_root, { input, idempotencyKey }, context) => {
      const actor = actorFor(context, 'create episodes');
      const episode = await context.episodes.createEpisode(actor, input, { idempotencyKey });
      return { episode };
    },
  }),
);

const CloseEpisodeInput = builder.inputType('CloseEpisodeInput', {
  fields: (t) => ({
    episodeId: t.id({ required: true, description: 'e.g. "EP-12", or the Episode\'s global id.' }),
    reason: t.field({ type: ClosureReasonEnum, required: true }),
    closedAt: t.field({ type: 'DateTime', description: 'Defaults to now.' }),
  }),
});

const CloseEpisodeSuccess = builder.objectRef<EpisodePayload>('CloseEpisodeSuccess').implement({
  fields: (t) => ({ episode: t.field({ type: EpisodeRef, resolve: (p) => p.episode }) }),
});

builder.mutationField('closeEpisode', (t) =>
  t.field({
    type: CloseEpisodeSuccess,
    description:
      'Closes an episode (clinicians); nothing more can be recorded in it. Closing a closed episode answers it as it is.',
    args: {
      input: t.arg({ type: CloseEpisodeInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, description: IDEMPOTENCY_KEY_DESCRIPTION }),
    },
    errors: { types: [...EPISODE_ERRORS], directResult: true, union: { name: 'CloseEpisodeResult' } },
    resolve: async (_root, { input, idempotencyKey }, context) => {
      const actor = actorFor(context, 'close episodes');
      const episodeId = episodeIdFrom(input.episodeId);
      const { closedAt, ...rest } = input;
      const episode = await context.episodes.closeEpisode(
        actor,
        { ...rest, episodeId, ...(closedAt == null ? {} : { closedAt }) },
        { idempotencyKey },
      );
      forgetEpisodeState(context, episodeId);
      return { episode };
    },
  }),
);
