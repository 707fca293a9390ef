/**
 * The episode service's interface: what schema/ and slack-bot/ may use. The DynamoDB repository
 * and the assessors stay behind it.
 */
export { ROLES, may, inTeam, slackUserIdOf, userIdFor } from './actor.ts';
export { episodeCarePlan } from './care-plan.ts';
export { clinicalTimeOf } from './clinical-time.ts';
export type { HospitalCalendar } from './care-plan.ts';
export type { Actor, IdentityProvider, Permission, Role } from './actor.ts';
export {
  DoseRefusedError,
  EpisodeConflictError,
  EpisodeForbiddenError,
  EpisodeNotFoundError,
  EpisodeValidationError,
  IdempotencyConflictError,
  StoreUnavailableError,
} from './errors.ts';
export {
  CHART_HOURS,
  CHART_HOURS_ALLOWED,
  DRUGS,
  EPISODE_PRODUCTS,
  ROUTES,
  chartHoursSchema,
} from './inputs.ts';
export type { DeathValues } from './inputs.ts';
export type {
  CreateEpisodeInput,
  DoseValues,
  Drug,
  EpisodeProduct,
  LabValues,
  NeuroValues,
  VitalsValues,
} from './inputs.ts';
export type {
  AlertDelivery,
  AlertRecord,
  Author,
  CurrentGradings,
  DeathRecord,
  DoseRecord,
  EpisodeHead,
  EpisodeRecord,
  EpisodeStatus,
  EpisodeSummary,
  GradingDomain,
  GradingRecord,
  GradingSource,
  LabRecord,
  NeuroRecord,
  ObservationRecord,
  VitalsRecord,
} from './records.ts';
export type { RecordFamily, TeamPage } from './repository.ts';
export type { EpisodeService, Recording, Acknowledgement, WriteOptions } from './service.ts';
export type { EpisodeState } from './state.ts';
export { latestGrade } from './state.ts';
export { alertRefsOf } from './alert-refs.ts';
export {
  DEFAULT_CHANNEL_ROLE,
  DEFAULT_TEAM_LANGUAGE,
  TeamSettingsService,
  slackChannelIdSchema,
  slackUserGroupIdSchema,
} from './team-settings.ts';
export type { SettingsEditor, TeamSettings, TeamSettingsChange, TeamSettingsStore } from './team-settings.ts';
