/** The GraphQL documents the benchmarks send, as a client screen would. */

const ERRORS = `... on Error { __typename message } ... on ValidationError { issues { field allowed received } }`;

/** An episode's page: its current state and the first page of observations, gradings and alerts. */
export const EPISODE_PAGE = `query EpisodePage($id: ID!) { episode(id: $id) { __typename
  ... on Episode {
    episodeId status
    currentState { crsGrade daysSinceInfusion openAlertCount
      tocilizumab { status dosesGiven earliestNextDoseAt }
      openAlerts { escalationId level } }
    observations(first: 20) { edges { node { __typename clinicalTime
      ... on VitalsObservation { temperatureCelsius systolicBp spo2Percent oxygen vasopressors } } }
      pageInfo { hasNextPage endCursor } }
    gradings(first: 20) { edges { node { domain grade } } pageInfo { hasNextPage endCursor } }
    alerts(first: 20) { edges { node { escalationId level acknowledged } } pageInfo { hasNextPage endCursor } }
  }
  ${ERRORS} } }`;

/** The episodes of all the viewer's teams (no team): a list screen, paged with `after`. */
export const MY_EPISODES = `query MyEpisodes($after: String) { episodes(first: 20, after: $after) { __typename
  ... on EpisodeConnection {
    edges { node { id episodeId team currentState { crsGrade icansGrade openAlertCount } } }
    pageInfo { hasNextPage endCursor } }
  ${ERRORS} } }`;

export const RECORD_VITALS = `mutation RecordVitals($input: RecordVitalsInput!, $key: String!) {
  recordVitals(input: $input, idempotencyKey: $key) { __typename
    ... on RecordVitalsSuccess { replayed observation { id } gradings { domain grade }
      alerts { escalationId level } episode { currentState { crsGrade openAlertCount } } }
    ${ERRORS} } }`;

type Outcome = { readonly __typename?: string; readonly message?: string; readonly issues?: unknown };

/** The result union member a GraphQL answer holds at `field`, or a sentence saying what went wrong. */
export const outcomeOf = (
  body: {
    readonly data?: Record<string, unknown> | null;
    readonly errors?: readonly { readonly message: string }[];
  },
  field: string,
): {
  readonly typename: string | undefined;
  readonly problem: string | undefined;
  readonly value: Outcome | undefined;
} => {
  const value = body.data?.[field] as Outcome | undefined;
  if (body.errors?.length)
    return { typename: undefined, problem: body.errors.map((e) => e.message).join('; '), value };
  return {
    typename: value?.__typename,
    problem: value?.message
      ? `${String(value.__typename)}: ${value.message} ${value.issues ? JSON.stringify(value.issues) : ''}`
      : undefined,
    value,
  };
};
