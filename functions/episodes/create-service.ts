import { monotonicFactory } from 'ulid';
import { rulesConfigSchema, type RulesConfig } from '#rules';
import { createDocumentClient } from './dynamodb-client.ts';
import { EpisodeRepository } from './repository.ts';
import { EpisodeService } from './service.ts';
import { episodesTable } from './table-definition.ts';

/** Deployment Decisions from the environment (defaults are the spec's; invalid values stop the start). */
export const rulesConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): RulesConfig =>
  rulesConfigSchema.parse({
    ...(env.RULES_TOCI_MAX_PER_24H ? { tocilizumabMaxDosesPer24h: Number(env.RULES_TOCI_MAX_PER_24H) } : {}),
    // TOCI-4: per-episode (default) or per-course.
    ...(env.RULES_TOCI_TOTAL_SCOPE ? { tocilizumabTotalLimitScope: env.RULES_TOCI_TOTAL_SCOPE } : {}),
    ...(env.RULES_BILIRUBIN_MAX_UMOL_L
      ? { bilirubinMaxUmolPerL: Number(env.RULES_BILIRUBIN_MAX_UMOL_L) }
      : {}),
  });

/** The episode service as the Lambda entries use it: one per container, created at cold start. */
export const createEpisodeService = (env: NodeJS.ProcessEnv = process.env): EpisodeService =>
  new EpisodeService({
    repository: new EpisodeRepository(
      createDocumentClient(env.DYNAMODB_ENDPOINT),
      env.TABLE_NAME ?? episodesTable.defaultName,
    ),
    config: rulesConfigFromEnv(env),
    timeZone: env.HOSPITAL_TIME_ZONE,
    newId: monotonicFactory(),
  });
