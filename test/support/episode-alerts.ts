import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';

/** An episode's alert as GraphQL shows it: acknowledgement and Slack delivery. */
export type AlertView = {
  /** The Relay global id. */
  readonly id: string;
  /** The alert's own id, as Slack buttons and replies carry it. */
  readonly alertId: string;
  readonly escalationId: string;
  readonly level: string;
  readonly acknowledged: boolean;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: { readonly userId: string; readonly role: string; readonly via: string } | null;
  readonly delivery: { readonly status: string; readonly attempts: number };
};

const ALERTS = `query($id: ID!) { episode(id: $id) { __typename
  ... on Episode { alerts(first: 20) { edges { node {
    id alertId escalationId level acknowledged acknowledgedAt acknowledgedBy { userId role via }
    delivery { status attempts } } } } }
  ... on Error { message } } }`;

/**
 * The episode's alerts through the GraphQL API of the started local system, read by a viewer of
 * the episode's team with a token from the local issuer.
 */
export const alertsOf = async (
  options: { readonly baseUrl: string; readonly keyFile: string; readonly team: string },
  episodeId: string,
): Promise<AlertView[]> => {
  const token = await issueToken(await loadOrCreateSigningKey(options.keyFile), {
    userId: `e2e-reader-${options.team}`,
    role: 'viewer',
    teams: [options.team],
  });
  const response = await fetch(`${options.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: ALERTS, variables: { id: episodeId } }),
  });
  const result = (await response.json()) as {
    data?: {
      episode: { __typename: string; message?: string; alerts?: { edges: { node: AlertView }[] } };
    };
    errors?: unknown[];
  };
  const episode = result.data?.episode;
  if (!episode?.alerts) throw new Error(`episode ${episodeId} not readable: ${JSON.stringify(result)}`);
  return episode.alerts.edges.map((edge) => edge.node);
};
