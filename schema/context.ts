import type { Language, RulesConfig } from '#rules';
import type { EpisodeService, Role } from '#episodes';
import type { UpdateSource } from './live-updates.ts';

export type { Role } from '#episodes';
export { ROLES } from '#episodes';

/** The signed-in user, from verified JWT claims (never from the request body). */
export type Viewer = {
  readonly userId: string;
  readonly role: Role;
  readonly teams: readonly string[];
};

/** Per-request context every resolver receives. */
export type GraphQLContext = {
  readonly viewer: Viewer | null;
  /** From the request's Accept-Language (zh-CN or en); an operation's `language` argument overrides it. */
  readonly language: Language;
  readonly requestId: string;
  /** The episode service (one per container). */
  readonly episodes: EpisodeService;
  /** The deployment's rule Decisions (TOCI-3 limit, ELIG-5 bilirubin threshold). */
  readonly rulesConfig: RulesConfig;
  /** The request's "now": read once, passed to every rule that needs a time. */
  readonly now: Date;
  /** Today's date on the ward (the hospital's time zone), e.g. for days since infusion. */
  readonly today: string;
  /** Live updates for subscriptions (WebSocket only; absent over HTTP). */
  readonly updates?: UpdateSource;
};
