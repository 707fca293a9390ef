import type { Language } from '#rules';
import type { EpisodeService } from '#episodes';
import type { GraphQLContext, Viewer } from '../../schema/index.ts';
import type { UpdateSource } from '../../schema/live-updates.ts';

/**
 * The context a subscription's resolvers get: the same as a query's (viewer from verified claims,
 * language, the episode service and its rules config, "now" read once), plus the update source.
 */
export const subscriptionContext = (options: {
  readonly viewer: Viewer | null;
  readonly language: Language;
  readonly requestId: string;
  readonly episodes: EpisodeService;
  readonly updates: UpdateSource;
}): GraphQLContext => {
  const now = options.episodes.now();
  return {
    viewer: options.viewer,
    language: options.language,
    requestId: options.requestId,
    episodes: options.episodes,
    rulesConfig: options.episodes.config,
    now,
    today: () => options.episodes.today(now),
    updates: options.updates,
  };
};
