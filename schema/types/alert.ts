import { ESCALATION_LEVELS, localize } from '#rules';
import { EpisodeNotFoundError, type Acknowledgement, type AlertDelivery, type AlertRecord } from '#episodes';
import { builder } from '../builder.ts';
import { loadRecordNode, recordNodeId } from './node.ts';
import { AuthorType } from './author.ts';
import { actorFor, EPISODE_ERRORS } from './errors.ts';
import type { GraphQLContext } from '../context.ts';
import {
  episodeIdFrom,
  forgetEpisodeState,
  loadSomeEpisodeState,
  loadFullEpisodeState,
} from './episode-loader.ts';
import { AlertRef, EpisodeRef, type AlertSource } from './episode-refs.ts';
import { recordIdFrom } from './node-ids.ts';
import { CitationType, LanguageEnum, languageOf } from './rule-output.ts';

/**
 * Alerts raised to the on-call channel (the escalation table, each citing its clinical rule). An
 * alert is acknowledged once, by a named person; an unacknowledged critical alert re-notifies.
 */
export const AlertLevelEnum = builder.enumType('AlertLevel', { values: ESCALATION_LEVELS });

const DeliveryStatusEnum = builder.enumType('AlertDeliveryStatus', {
  values: ['PENDING', 'DELIVERED', 'FAILED'] as const satisfies readonly AlertDelivery['status'][],
});

const AlertDeliveryType = builder.objectRef<AlertDelivery>('AlertDelivery').implement({
  description: 'Whether the alert reached the team channel.',
  fields: (t) => ({
    status: t.field({ type: DeliveryStatusEnum, resolve: (d) => d.status }),
    attempts: t.exposeInt('attempts'),
    lastNotifiedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (d) => d.lastNotifiedAt ?? null,
    }),
  }),
});

const isRecord = (alert: AlertSource): alert is AlertRecord => 'kind' in alert;

/**
 * The stored alert behind one the head keeps (its delivery, or what an older head did not keep):
 * the episode's newest records, read once per request, or every record if it is older than those.
 */
const recordOf = async (alert: AlertSource, context: GraphQLContext): Promise<AlertRecord> => {
  if (isRecord(alert)) return alert;
  const inWindow = (await loadSomeEpisodeState(context, alert.episodeId)).alerts.find(
    (a) => a.id === alert.id,
  );
  const found =
    inWindow ?? (await loadFullEpisodeState(context, alert.episodeId)).alerts.find((a) => a.id === alert.id);
  if (!found) throw new EpisodeNotFoundError(alert.id, 'Alert');
  return found;
};

/** A field the head keeps on newer alerts; read from the record when it is absent. */
const kept = async <K extends 'sourceRuleIds' | 'citations' | 'basedOn' | 'lastRaisedAt'>(
  alert: AlertSource,
  key: K,
  context: GraphQLContext,
): Promise<AlertRecord[K]> => {
  return (alert[key] as AlertRecord[K] | undefined) ?? (await recordOf(alert, context))[key];
};

builder.node(AlertRef, {
  id: recordNodeId,
  loadOne: loadRecordNode<AlertRecord>('Alert'),
  description:
    "An alert raised for this episode. In a list of episodes, open alerts are answered from each episode's head; only `delivery` reads the alert itself.",
  fields: (t) => ({
    alertId: t.exposeID('id', {
      description: "The alert id as stored (acknowledgeAlert takes it, or the alert's global `id`).",
    }),
    episodeId: t.exposeString('episodeId'),
    escalationId: t.string({ description: 'e.g. "ESC-CRS3".', resolve: (a) => a.escalationId }),
    level: t.field({ type: AlertLevelEnum, resolve: (a) => a.level }),
    text: t.string({
      args: { language: t.arg({ type: LanguageEnum }) },
      description: 'In the requested language.',
      resolve: (a, args, context) => localize(a.text, languageOf(args, context)),
    }),
    textZh: t.string({ resolve: (a) => a.text.zh }),
    textEn: t.string({ resolve: (a) => a.text.en }),
    sourceRuleIds: t.stringList({
      description: 'The clinical rules behind the alert, e.g. ["CRS-GRADE"].',
      resolve: async (a, _args, context) => [...(await kept(a, 'sourceRuleIds', context))],
    }),
    citations: t.field({
      type: [CitationType],
      resolve: async (a, _args, context) => [...(await kept(a, 'citations', context))],
    }),
    raisedAt: t.field({ type: 'DateTime', resolve: (a) => a.raisedAt }),
    basedOn: t.id({
      description: 'The grading (or record) that raised it.',
      resolve: (a, _args, context) => kept(a, 'basedOn', context),
    }),
    crsEpisode: t.int({
      nullable: true,
      description:
        'The CRS episode it belongs to (EPI-1); a repeat in that episode updates this alert (EPI-6).',
      resolve: (a) => a.crsEpisode ?? null,
    }),
    occurrences: t.int({
      description:
        'How many times this escalation was raised in its CRS episode (EPI-6: one alert per clinical event).',
      resolve: (a) => a.occurrences ?? 1,
    }),
    lastRaisedAt: t.field({
      type: 'DateTime',
      description: 'When it was last raised (the first time unless repeated).',
      resolve: async (a, _args, context) => {
        if (isRecord(a)) return a.lastRaisedAt ?? a.raisedAt;
        return (await kept(a, 'lastRaisedAt', context)) ?? a.raisedAt;
      },
    }),
    acknowledged: t.boolean({
      resolve: (a) => (isRecord(a) ? a.acknowledgedAt !== undefined : a.acknowledged),
    }),
    acknowledgedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: async (a, _args, context) =>
        isRecord(a) || a.acknowledged ? ((await recordOf(a, context)).acknowledgedAt ?? null) : null,
    }),
    acknowledgedBy: t.field({
      type: AuthorType,
      nullable: true,
      resolve: async (a, _args, context) =>
        isRecord(a) || a.acknowledged ? ((await recordOf(a, context)).acknowledgedBy ?? null) : null,
    }),
    delivery: t.field({
      type: AlertDeliveryType,
      description: 'Read from the alert itself (the sweeper and Slack change it, not the episode).',
      resolve: async (a, _args, context) => (await recordOf(a, context)).delivery,
    }),
  }),
});

/** Newest first (then by id, which is time-ordered). */
export const newestAlertsFirst = <T extends Pick<AlertRecord, 'raisedAt' | 'id'>>(
  alerts: readonly T[],
): T[] => [...alerts].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || b.id.localeCompare(a.id));

const AcknowledgeAlertInput = builder.inputType('AcknowledgeAlertInput', {
  fields: (t) => ({
    episodeId: t.id({ required: true, description: 'e.g. "EP-12", or the Episode\'s global id.' }),
    alertId: t.id({ required: true, description: "The alert's `alertId`, or its global `id`." }),
  }),
});

const AcknowledgeAlertSuccess = builder.objectRef<Acknowledgement>('AcknowledgeAlertSuccess').implement({
  fields: (t) => ({
    episode: t.field({ type: EpisodeRef, resolve: (ack) => ack.episode }),
    alert: t.field({ type: AlertRef, resolve: (ack) => ack.alert }),
    alreadyAcknowledged: t.boolean({
      description: 'True when it had been acknowledged before (the first acknowledgement stands).',
      resolve: (ack) => ack.alreadyAcknowledged,
    }),
  }),
});

builder.mutationField('acknowledgeAlert', (t) =>
  t.field({
    type: AcknowledgeAlertSuccess,
    description:
      'Acknowledges an alert in your name (clinicians). Repeating it is safe: the first acknowledgement stands.',
    args: { input: t.arg({ type: AcknowledgeAlertInput, required: true }) },
    errors: { types: [...EPISODE_ERRORS], directResult: true, union: { name: 'AcknowledgeAlertResult' } },
    resolve: async (_root, { input }, context) => {
      const actor = actorFor(context, 'acknowledge alerts');
      const episodeId = episodeIdFrom(input.episodeId);
      const ack = await context.episodes.acknowledgeAlert(actor, {
        episodeId,
        alertId: recordIdFrom(input.alertId),
      });
      forgetEpisodeState(context, episodeId);
      return ack;
    },
  }),
);
