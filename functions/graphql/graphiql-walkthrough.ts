import { addDays } from '#rules';

const dayOffset = (today: string, days: number): string => addDays(today, days);

/** The walkthrough's operations, in the order the reader runs them. */
export const WALKTHROUGH_STEPS = [
  'CreateEpisode',
  'RecordVitals',
  'RecordTocilizumab',
  'AcknowledgeAlert',
  'Timeline',
  'MyEpisodes',
  'Refetch',
  'CourseChart',
] as const;

/** Stand-ins the reader replaces with the ids the previous steps returned. */
export const WALKTHROUGH_PLACEHOLDERS = {
  episodeId: 'EP-1',
  alertId: '01J0000000000000000000000A',
} as const;

const EP = WALKTHROUGH_PLACEHOLDERS.episodeId;

/**
 * What GraphiQL opens with on `npm start`: the bedside walkthrough as named operations, run in
 * order with the dev token (a clinician of team "demo"), for a patient infused two days before
 * `today` after lymphodepletion on days -5 to -3. The reader replaces the placeholders (EP-1 and
 * the alert id) with the ids the previous steps returned. The one place to change the walkthrough.
 */
export const graphiqlWalkthrough = (
  /** The ward's calendar date, YYYY-MM-DD. */
  today: string,
): string => `# CAR-T on-call API. GraphiQL sends the dev token (clinician, team "demo"); calculators need no login.
# Run the operations in order (the run button lists them). Put the episode id CreateEpisode returned
# in place of ${EP}, and the alertId RecordVitals returned in place of ${WALKTHROUGH_PLACEHOLDERS.alertId}
# (Ctrl+H replaces every occurrence). Every write carries an idempotency key, one per user action
# (an app makes a new UUID when the user presses Save): sent again, it answers the first result.
# Queries over patient data and mutations answer result unions alike: the success type, or a typed
# error (ValidationError, NotFoundError, ForbiddenError, StoreUnavailable, …); \`... on Error { message }\`
# handles every error, \`__typename\` says which.

mutation CreateEpisode {
  createEpisode(input: { patientRef: "P-2026-0042", team: "demo", weightKg: 70, heightCm: 170,
    product: CARTITUDE_1, lymphodepletionStartDate: "${dayOffset(today, -7)}", lymphodepletionEndDate: "${dayOffset(today, -5)}",
    infusionDate: "${dayOffset(today, -2)}" }, idempotencyKey: "walkthrough-${today}-create") {
    __typename
    ... on CreateEpisodeSuccess { episode { id episodeId status } }
    ... on Error { message }
  }
}

# A febrile, hypotensive patient on norepinephrine: CRS grade 3 with its management and a critical alert.
# Oxygen and vasopressors are said (ROOM_AIR, []): an omitted one is "not recorded", never assumed.
mutation RecordVitals {
  recordVitals(input: { episodeId: "${EP}", temperatureCelsius: 38.9, systolicBp: 84, heartRate: 124,
    spo2Percent: 95, oxygen: ROOM_AIR, vasopressors: [NOREPINEPHRINE] }, idempotencyKey: "walkthrough-${today}-vitals") {
    __typename
    ... on RecordVitalsSuccess {
      gradings { domain grade drivers { text } recommendations { ruleId text dose { drug mg basis } } }
      alerts { id alertId escalationId level text }
      episode { currentState { crsGrade openAlertCount tocilizumab { doseMg status } } }
    }
    ... on Error { message }
    ... on ValidationError { issues { field allowed received } }
  }
}

mutation RecordTocilizumab {
  recordDose(input: { episodeId: "${EP}", drug: TOCILIZUMAB, mg: 560, route: IV },
    idempotencyKey: "walkthrough-${today}-tocilizumab") {
    __typename
    ... on RecordDoseSuccess { episode { currentState { tocilizumab { status dosesGiven earliestNextDoseAt } } } }
    ... on Error { message }
  }
}

mutation AcknowledgeAlert {
  acknowledgeAlert(input: { episodeId: "${EP}", alertId: "${WALKTHROUGH_PLACEHOLDERS.alertId}" }) {
    __typename
    ... on AcknowledgeAlertSuccess { alreadyAcknowledged alert { escalationId acknowledgedAt acknowledgedBy { userId } } }
    ... on Error { message }
  }
}

query Timeline {
  episode(id: "${EP}") {
    __typename
    ... on Episode {
      episodeId status infusionDate
      currentState {
        crsGrade icansGrade lastVitalsAt daysSinceInfusion
        openAlerts { escalationId level text }
        tocilizumab { doseMg status dosesGiven earliestNextDoseAt }
        nextFollowUpVisit { date label }
      }
      observations { edges { node { __typename clinicalTime current recordedBy { userId role }
        ... on VitalsObservation { temperatureCelsius systolicBp vasopressors } } } }
      gradings { edges { node { domain grade recordedAt recommendations { ruleId text } } } }
      doses { edges { node { drug mg givenAt recordedBy { userId } } } }
      alerts { edges { node { escalationId level acknowledged acknowledgedBy { userId } } } }
    }
    ... on Error { message }
  }
}

# Every episode of your teams (viewer.teams): teams by name, newest course first in each.
query MyEpisodes {
  viewer { displayName role teams }
  episodes(first: 10) {
    __typename
    ... on EpisodeConnection {
      edges { node { episodeId team currentState { crsGrade openAlertCount } } }
      pageInfo { hasNextPage endCursor }
    }
    ... on Error { message }
    ... on ValidationError { issues { field allowed received } }
  }
}

# Relay: any episode, record, grading or alert is a Node. node(id:) takes its global id, or the short
# ids clinicians see: "${EP}", or a record as Slack shows it with its episode ("${EP}/01J…"). Each
# alert's \`id\` refetches that alert the same way (a Relay @refetchable fragment on Alert).
query Refetch {
  node(id: "${EP}") {
    __typename
    id
    ... on Episode {
      episodeId
      alerts(first: 5) { edges { node { id alertId escalationId level acknowledged acknowledgedBy { userId } } } }
    }
  }
}

# The course as a picture: temperature, blood pressure, heart rate and SpO2 with oxygen and
# vasopressor bands, the CRS and ICANS grade steps, doses and alerts, as SVG, and beside it a text
# summary of what it shows (the language of the summary follows Accept-Language).
query CourseChart {
  episode(id: "${EP}") {
    __typename
    ... on Episode { chart(hours: 24) { from to summaryEn summaryZh svg } }
    ... on Error { message }
  }
}

query CrsCalculator {
  gradeCrs(input: { temperatureCelsius: 38.9, systolicBp: 84, vasopressors: [NOREPINEPHRINE] }) {
    grade
    drivers
    recommendations { ruleId text }
  }
}
`;
