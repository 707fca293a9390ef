import type { InputObjectRef, ObjectRef } from '@pothos/core';
import type { Actor, EpisodeService, Recording, WriteOptions } from '#episodes';
import { builder } from '../builder.ts';
import { actorFor, EPISODE_ERRORS } from './errors.ts';
import { episodeIdFrom, forgetEpisodeState } from './episode-loader.ts';
import { AlertRef, EpisodeRef, GradingRef } from './episode-refs.ts';
import { markFresh } from './observation.ts';

/**
 * What every recording mutation answers on success: the episode after the write, the gradings the
 * rules made of it and the alerts it raised. Recording = 1 Query (read and authorise) + 1
 * TransactWriteItems (record, gradings, alerts and head together, or nothing).
 */
type Types = typeof builder.$inferSchemaTypes;

export const RecordingInterface = builder.interfaceRef<Recording>('Recording').implement({
  description: 'A stored clinical record with the gradings and alerts it led to.',
  fields: (t) => ({
    episode: t.field({
      type: EpisodeRef,
      description: 'The episode after the write: `currentState` already reflects this record.',
      resolve: (recording) => recording.episode,
    }),
    gradings: t.field({
      type: [GradingRef],
      description: 'What the rules made of this record (e.g. the CRS grade with its management).',
      resolve: (recording) => [...recording.gradings],
    }),
    alerts: t.field({
      type: [AlertRef],
      description: 'Alerts this record raised (an escalation already open is not raised again).',
      resolve: (recording) => [...recording.alerts],
    }),
    repeatedAlerts: t.field({
      type: [AlertRef],
      description:
        'Alerts already raised in this CRS episode that this record raised again: updated (occurrences, lastRaisedAt), not duplicated (EPI-6).',
      resolve: (recording) => [...(recording.repeatedAlerts ?? [])],
    }),
    refolded: t.boolean({
      description:
        'True when the record was entered late or corrects an earlier one: the timeline was re-folded from the current records (EPI-4).',
      resolve: (recording) => recording.refolded ?? false,
    }),
    replayed: t.boolean({
      description:
        'True when this answers a repeat of an earlier request with the same idempotency key: nothing was written this time.',
      resolve: (recording) => recording.replayed,
    }),
  }),
});

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Required: a new unique string of 8–128 letters, digits, -, _, : or . per user action (e.g. a UUID made when the user presses Save), reused when that same action is sent again after a timeout or a StoreUnavailable answer. The same key with the same input (for 24 h) answers the first result and writes nothing; with different input or on another operation it answers IdempotencyConflict.';

type RecordingCall<Input> = (
  service: EpisodeService,
  actor: Actor,
  input: Input,
  options: WriteOptions,
) => Promise<Recording>;

/**
 * Adds a recording mutation: `name(input, idempotencyKey): <Name>Result`, a union of the success
 * type and the typed errors. The input's episodeId may be "EP-12" or the Episode's global id.
 */
export const recordingMutation = <Input extends { readonly episodeId: string | number }>(
  name: string,
  options: {
    readonly description: string;
    /** Completes "Sign in to …" for a request without a signed-in user. */
    readonly action: string;
    readonly input: InputObjectRef<Types, Input>;
    readonly success: ObjectRef<Types, Recording>;
    readonly call: RecordingCall<Input & { readonly episodeId: string }>;
  },
): void => {
  builder.mutationField(name, (t) =>
    t.field({
      type: options.success,
      description: options.description,
      args: {
        input: t.arg({ type: options.input, required: true }),
        idempotencyKey: t.arg.string({ required: true, description: IDEMPOTENCY_KEY_DESCRIPTION }),
      },
      errors: {
        types: [...EPISODE_ERRORS],
        directResult: true,
        union: { name: `${name.charAt(0).toUpperCase()}${name.slice(1)}Result` },
      },
      resolve: async (_root, args, context) => {
        // Pothos cannot narrow the generic input's shape; it is the input type given above.
        const { input, idempotencyKey } = args as {
          readonly input: Input;
          readonly idempotencyKey: string;
        };
        const actor = actorFor(context, options.action);
        const episodeId = episodeIdFrom(String(input.episodeId));
        const recording = await options.call(
          context.episodes,
          actor,
          { ...input, episodeId },
          { idempotencyKey },
        );
        forgetEpisodeState(context, episodeId);
        if (!recording.replayed) markFresh(recording.record);
        return recording;
      },
    }),
  );
};
