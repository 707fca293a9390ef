import type { Language, LocalizedText, RulesConfig } from '#rules';
import type { EpisodeService, Role, TeamSettingsService } from '#episodes';
import type { UpdateSource } from './live-updates.ts';

export type { Role } from '#episodes';
export { ROLES } from '#episodes';

/** The signed-in user, from verified JWT claims (never from the request body). */
export type Viewer = {
  readonly userId: string;
  readonly role: Role;
  readonly teams: readonly string[];
  /** An administrator of this app (may change team settings, as SLACK_ADMIN_USER_IDS in Slack). */
  readonly admin?: boolean;
};

/** A chart of an episode's last hours (functions/charts): the picture as SVG and what it shows, in words. */
export type EpisodeChartPicture = {
  readonly from: string;
  readonly to: string;
  readonly hours: number;
  readonly svg: string;
  readonly summary: LocalizedText;
};

/**
 * Draws an episode's chart: deployed, a Lambda Invoke of the chart function (so ECharts and resvg
 * stay out of the GraphQL bundle); locally, the same function's code in process. The caller has
 * already authorised the episode. Throws EpisodeValidationError / EpisodeNotFoundError.
 */
export type ChartRenderer = (request: {
  readonly episodeId: string;
  readonly hours: number;
}) => Promise<EpisodeChartPicture>;

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
  /**
   * Today's date on the ward (the hospital's time zone), e.g. for days since infusion: worked out
   * from `now` on the first call (the time-zone calendar costs a cold start tens of milliseconds,
   * which a calculator that needs no date never pays), the same answer on every call.
   */
  readonly today: () => string;
  /** Episode charts; absent where no chart function is wired (the public calculators' API). */
  readonly charts?: ChartRenderer | undefined;
  /** Team settings (handoff times); absent where settings cannot be changed (the public calculators' API). */
  readonly settings?: TeamSettingsService | undefined;
  /** Live updates for subscriptions (WebSocket only; absent over HTTP). */
  readonly updates?: UpdateSource;
};
