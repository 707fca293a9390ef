import { describe, expect, inject, it } from 'vitest';
import { at as courseTime, type Course, type Entry } from '../../rules/timeline/scenarios/course.ts';
import { COURSES } from '../../rules/timeline/scenarios/courses.ts';
import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';
import { createSlackClient, uniqueId } from '../support/slack-client.ts';
import { withActionKey } from '../support/action-keys.ts';

/**
 * A sample of the patient courses (rules/timeline/scenarios) end to end: through GraphQL over
 * real HTTP, and through signed Slack commands, against the started local system on DynamoDB Local.
 */
const baseUrl = inject('baseUrl');
const TEAM = 'e2e-courses';

type Grading = {
  domain: string;
  grade: number | null;
  status: string;
  needs: string[];
  sources: { component: string }[];
};
type RecordingResult = {
  __typename: string;
  message?: string;
  issues?: { field: string }[];
  gradings?: Grading[];
  alerts?: { escalationId: string }[];
  repeatedAlerts?: { escalationId: string }[];
  episode?: {
    currentState: { crsGrade: number | null; tocilizumab: { status: string; dosesGiven: number } };
  };
};

const SELECTION = `__typename
  ... on Recording {
    gradings { domain grade status needs sources { component } }
    alerts { escalationId } repeatedAlerts { escalationId }
    episode { currentState { crsGrade tocilizumab { status dosesGiven } } }
  }
  ... on ValidationError { message issues { field } }
  ... on Error { message }`;

const MUTATION = {
  vitals: `mutation($input: RecordVitalsInput!, $key: String!) { result: recordVitals(input: $input, idempotencyKey: $key) { ${SELECTION} } }`,
  neuro: `mutation($input: RecordNeuroAssessmentInput!, $key: String!) { result: recordNeuroAssessment(input: $input, idempotencyKey: $key) { ${SELECTION} } }`,
  dose: `mutation($input: RecordDoseInput!, $key: String!) { result: recordDose(input: $input, idempotencyKey: $key) { ${SELECTION} } }`,
  death: `mutation($input: RecordDeathInput!, $key: String!) { result: recordDeath(input: $input, idempotencyKey: $key) { ${SELECTION} } }`,
};

const graphql = async (token: string, query: string, variables: Record<string, unknown>) => {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: withActionKey(query, variables) }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
};

const clinicianToken = async () =>
  issueToken(await loadOrCreateSigningKey(inject('localAuthKeyFile')), {
    userId: 'e2e-courses-clinician',
    role: 'clinician',
    teams: [TEAM],
  });

const courseNamed = (name: string): Course => {
  const course = COURSES.find((c) => c.name.startsWith(name));
  if (!course) throw new Error(`no course ${name}`);
  return course;
};

const inputOf = (episodeId: string, entry: Entry): { mutation: string; input: Record<string, unknown> } => {
  if ('vitals' in entry)
    return { mutation: MUTATION.vitals, input: { episodeId, measuredAt: entry.at, ...entry.vitals } };
  if ('neuro' in entry)
    return { mutation: MUTATION.neuro, input: { episodeId, assessedAt: entry.at, ...entry.neuro } };
  if ('dose' in entry)
    return { mutation: MUTATION.dose, input: { episodeId, givenAt: entry.at, ...entry.dose } };
  if ('death' in entry)
    return { mutation: MUTATION.death, input: { episodeId, diedAt: entry.at, attribution: entry.death } };
  throw new Error('corrections are played in the unit and integration suites');
};

const GRAPHQL_SAMPLE = [
  'a temperature-only entry beyond 4 h',
  'an antipyretic on day 1, before any CRS',
  'HLH/MAS unknown',
  'no concurrent CRS: the CRS episode closed',
  'an 800 mg tocilizumab dose for a 50 kg patient',
  'an overdose recorded with an override reason',
  'one alert per clinical event',
  'death attributed to CRS',
];

describe('patient courses over GraphQL (a sample)', () => {
  for (const name of GRAPHQL_SAMPLE) {
    it(name, async () => {
      const course = courseNamed(name);
      const token = await clinicianToken();
      const created = await graphql(
        token,
        `
          mutation ($input: CreateEpisodeInput!, $key: String!) {
            createEpisode(input: $input, idempotencyKey: $key) {
              __typename
              ... on CreateEpisodeSuccess {
                episode {
                  episodeId
                }
              }
            }
          }
        `,
        {
          input: {
            patientRef: uniqueId('P-'),
            team: TEAM,
            weightKg: course.weightKg,
            heightCm: 170,
            product: 'CARTITUDE_1',
            lymphodepletionStartDate: '2026-02-24',
            lymphodepletionEndDate: '2026-02-26',
            infusionDate: '2026-03-01',
          },
        },
      );
      const episodeId = (created.data?.createEpisode as { episode: { episodeId: string } }).episode.episodeId;
      for (const [entry, want] of course.steps) {
        const label = `${entry.label} (${want.rules.join(' ')})`;
        const { mutation, input } = inputOf(episodeId, entry);
        const response = await graphql(token, mutation, { input, key: uniqueId('course-key-') });
        expect(response.errors, label).toBeUndefined();
        const result = response.data?.result as RecordingResult;
        if (want.refused !== undefined) {
          expect(result.__typename, label).toBe('ValidationError');
          expect(result.issues?.[0]?.field, label).toBe('input.overrideReason');
          continue;
        }
        expect(result.__typename, `${label}: ${result.message ?? ''}`).toMatch(/Success$/);
        const crs = result.gradings?.find((g) => g.domain === 'CRS');
        if (want.crs !== undefined) expect(crs?.grade, label).toBe(want.crs);
        if (want.lowerBound !== undefined)
          expect(crs?.status, label).toBe(want.lowerBound ? 'LOWER_BOUND' : 'GRADED');
        if (want.needs !== undefined)
          expect([...(crs?.needs ?? [])].sort(), label).toEqual([...want.needs].sort());
        if (want.current !== undefined)
          expect(result.episode?.currentState.crsGrade, label).toBe(want.current);
        if (want.alerts !== undefined)
          expect((result.alerts ?? []).map((a) => a.escalationId).sort(), label).toEqual(
            [...want.alerts].sort(),
          );
        if (want.repeats !== undefined)
          expect((result.repeatedAlerts ?? []).map((a) => a.escalationId).sort(), label).toEqual(
            [...want.repeats].sort(),
          );
        if (want.hlh !== undefined)
          expect(result.gradings?.find((g) => g.domain === 'CRS_HLH')?.status ?? null, label).toBe(want.hlh);
        if (want.masked !== undefined)
          expect(
            (crs?.sources ?? []).some((s) => s.component === 'therapy'),
            label,
          ).toBe(want.masked);
        if (want.icans !== undefined)
          expect(result.gradings?.find((g) => g.domain === 'ICANS')?.grade, label).toBe(want.icans);
      }
    });
  }
});

const slack = createSlackClient({ baseUrl, signingSecret: inject('slackSigningSecret') });

describe('patient courses through signed Slack commands (a sample)', () => {
  const team = uniqueId('e2e-course-').toLowerCase();

  const newPatient = async (weightKg: number) => {
    const channel = await slack.mappedChannel({ channelId: uniqueId('C0E2ECO'), team, oncall: 'S0E2ECOU' });
    const reply = await channel.command(
      `/cart new ${uniqueId('P-')} product=KARMMA weight=${weightKg} height=165 infusion=2026-03-01`,
    );
    const episodeId = /\bEP-\d+\b/.exec(reply.text)?.[0];
    if (!episodeId) throw new Error(`no episode: ${reply.text}`);
    return { channel, episodeId };
  };

  it('EPI-2: a temperature-only entry 5 h after a complete one is a lower bound that says what it needs', async () => {
    const { channel, episodeId } = await newPatient(70);
    const first = await channel.command(
      `/cart vitals ${episodeId} t=38.8 sbp=88 o2=mask vaso=ne spo2=94 at=${courseTime(2, '10:00')}`,
    );
    expect(first.text).toContain('CRS grade 3');
    const partial = await channel.command(`/cart vitals ${episodeId} t=38.2 at=${courseTime(2, '15:00')}`);
    expect(partial.text).toContain('CRS ≥ 1');
    expect(partial.text).toMatch(/needs[^\n]*o2[^\n]*vaso[^\n]*spo2/);
    const complete = await channel.command(
      `/cart vitals ${episodeId} t=38.0 sbp=120 o2=ra vaso=none spo2=97 at=${courseTime(2, '15:30')}`,
    );
    expect(complete.text).toContain('CRS grade 1');
  });

  it('TOCI-5: `/cart toci give` over the computed dose opens a form; with a reason it is recorded and ESC-DOSE is posted', async () => {
    const { channel, episodeId } = await newPatient(50);
    await channel.command(
      `/cart vitals ${episodeId} t=39 sbp=86 o2=ra vaso=ne spo2=96 at=${courseTime(1, '10:00')}`,
    );
    const after = await slack.latestSeq();
    const triggerId = `${Date.now()}.77.e2edose`;
    const refused = await channel.command(
      `/cart toci ${episodeId} give mg=800 at=${courseTime(1, '10:30')}`,
      { triggerId },
    );
    expect(refused.status).toBe(200);
    const [opened] = await slack
      .waitForCalls({ after, method: 'views.open' }, (calls) =>
        calls.some((c) => c.args.trigger_id === triggerId),
      )
      .then((calls) => calls.filter((c) => c.args.trigger_id === triggerId));
    const view = opened?.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(view.callback_id).toBe('dose-override.submit');
    expect(JSON.stringify(view.blocks)).toContain('TOCI-5');
    // Nothing was recorded by the refused command.
    expect((await channel.command(`/cart status ${episodeId}`)).text).toContain('0 doses');

    const submitted = await channel.submitView(
      { callbackId: view.callback_id, privateMetadata: view.private_metadata },
      {
        'dose-override.reason': {
          value: { type: 'plain_text_input', value: 'prepared before the weight was corrected' },
        },
      },
    );
    expect(submitted.status).toBe(200);
    expect(submitted.raw).toContain('"response_action":"update"');
    await slack.waitForCalls({ after, channel: channel.channelId }, (calls) =>
      calls.some((c) => c.method === 'chat.postMessage' && String(c.args.text).includes('ESC-DOSE')),
    );
    expect((await channel.command(`/cart status ${episodeId}`)).text).toContain('1 doses');
  });

  it('EPI-5: `/cart death EP-n cause=crs` records CRS grade 5 and closes the episode', async () => {
    const { channel, episodeId } = await newPatient(70);
    await channel.command(
      `/cart vitals ${episodeId} t=39.5 sbp=70 o2=cpap vaso=ne,epi spo2=85 at=${courseTime(3, '02:00')}`,
    );
    const death = await channel.command(`/cart death ${episodeId} cause=crs at=${courseTime(3, '06:00')}`);
    expect(death.text).toContain('CRS grade 5');
    const after = await channel.command(`/cart vitals ${episodeId} t=37 o2=ra vaso=none`);
    // The episode is closed: nothing more is recorded in it.
    expect(after.text).toContain('an active episode');
  });
});
