import { ESCALATION_LEVELS, localize } from '#rules';
import type { Acknowledgement, AlertDelivery, AlertRecord } from '#episodes';
import { builder } from '../builder.ts';
import { AuthorType } from './author.ts';
import { actorFor, EPISODE_ERRORS } from './errors.ts';
import { episodeIdFrom, forgetEpisodeState } from './episode-loader.ts';
import { AlertRef, EpisodeRef } from './episode-refs.ts';
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

AlertRef.implement({
  description: 'An alert raised for this episode.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The alert id (what acknowledgeAlert takes).' }),
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
      resolve: (a) => [...a.sourceRuleIds],
    }),
    citations: t.field({ type: [CitationType], resolve: (a) => [...a.citations] }),
    raisedAt: t.field({ type: 'DateTime', resolve: (a) => a.raisedAt }),
    basedOn: t.exposeID('basedOn', { description: 'The grading (or record) that raised it.' }),
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
      resolve: (a) => a.lastRaisedAt ?? a.raisedAt,
    }),
    acknowledged: t.boolean({ resolve: (a) => a.acknowledgedAt !== undefined }),
    acknowledgedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.acknowledgedAt ?? null }),
    acknowledgedBy: t.field({ type: AuthorType, nullable: true, resolve: (a) => a.acknowledgedBy ?? null }),
    delivery: t.field({ type: AlertDeliveryType, resolve: (a) => a.delivery }),
  }),
});

/** Newest first (then by id, which is time-ordered). */
export const newestAlertsFirst = (alerts: readonly AlertRecord[]): AlertRecord[] =>
  [...alerts].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || b.id.localeCompare(a.id));

const AcknowledgeAlertInput = builder.inputType('AcknowledgeAlertInput', {
  fields: (t) => ({
    episodeId: t.id({ required: true, description: 'e.g. "EP-12", or the Episode\'s global id.' }),
    alertId: t.id({ required: true }),
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
      const ack = await context.episodes.acknowledgeAlert(actor, { episodeId, alertId: input.alertId });
      forgetEpisodeState(context, episodeId);
      return ack;
    },
  }),
);
