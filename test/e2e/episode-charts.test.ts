import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, calendarDateIn } from '#rules';
import { FAKE_SLACK_PATH, type FakeSlackCall } from '../../functions/local/fake-slack-api.ts';
import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';
import { withActionKey } from '../support/action-keys.ts';
import {
  createSlackClient,
  CRS_GRADE_3_VITALS,
  newEpisode,
  pollUntil,
  succeeded,
  uniqueId,
  type SlackSession,
} from '../support/slack-client.ts';

/**
 * The course as a picture over real HTTP against the started local system: Episode.chart through
 * the GraphQL handler (the chart function's code in process, as the Lambda Invoke runs it
 * deployed), `/cart chart` through the Slack handler with the PNG uploaded to the fake Slack API,
 * and the chart in the thread of an ESC-CRS3 alert.
 */
const baseUrl = inject('baseUrl');
const slack = createSlackClient({ baseUrl, signingSecret: inject('slackSigningSecret') });
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

type Result<T> = { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const graphql = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query, variables: withActionKey(query, variables) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Result<T>;
};

const CREATE = `mutation($input: CreateEpisodeInput!, $key: String!) { createEpisode(input: $input, idempotencyKey: $key) {
  __typename ... on CreateEpisodeSuccess { episode { id episodeId } } } }`;
const VITALS = `mutation($input: RecordVitalsInput!, $key: String!) { recordVitals(input: $input, idempotencyKey: $key) { __typename } }`;
const CHART = `query($id: ID!, $hours: Int) { episode(id: $id) { __typename ... on Episode {
  chart(hours: $hours) { svg summary summaryZh summaryEn from to hours } } } }`;

type ChartResult = {
  episode: {
    __typename: string;
    chart?: {
      svg: string;
      summary: string;
      summaryZh: string;
      summaryEn: string;
      from: string;
      to: string;
      hours: number;
    };
  };
};

/** The PNG bytes the fake Slack API received for a shared file. */
const uploadedBytes = async (fileId: string): Promise<Uint8Array> => {
  const response = await fetch(`${baseUrl}${FAKE_SLACK_PATH}/files/${fileId}`);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
};

/** files.completeUploadExternal calls that shared into this channel after `after`. */
const sharedInto = (calls: FakeSlackCall[], channelId: string): FakeSlackCall[] =>
  calls.filter(
    (call) =>
      call.method === 'files.completeUploadExternal' && succeeded(call) && call.args.channel_id === channelId,
  );

describe('Episode.chart over GraphQL', () => {
  const team = uniqueId('e2e-chart-').toLowerCase();
  let token: string;
  let id: string;

  beforeAll(async () => {
    token = await issueToken(await loadOrCreateSigningKey(inject('localAuthKeyFile')), {
      userId: 'e2e-chart-clinician',
      role: 'clinician',
      teams: [team],
    });
    // The vital signs are 30 minutes old: their hospital day (not the clock's, which has moved on
    // past midnight in the last 30 minutes of a day) is day 2 after the infusion.
    const measuredAt = new Date(Date.now() - 30 * 60_000).toISOString();
    const today = calendarDateIn(new Date(measuredAt), 'Asia/Shanghai');
    const created = await graphql<{ createEpisode: { episode: { id: string } } }>(token, CREATE, {
      input: {
        patientRef: 'P-E2E-CHART',
        team,
        weightKg: 70,
        heightCm: 170,
        product: 'CARTITUDE_1',
        lymphodepletionStartDate: addDays(today, -7),
        lymphodepletionEndDate: addDays(today, -5),
        infusionDate: addDays(today, -2),
      },
    });
    id = created.data?.createEpisode.episode.id ?? '';
    const recorded = await graphql<{ recordVitals: { __typename: string } }>(token, VITALS, {
      input: {
        episodeId: id,
        measuredAt,
        temperatureCelsius: 38.9,
        systolicBp: 84,
        heartRate: 124,
        oxygen: 'ROOM_AIR',
        vasopressors: ['NOREPINEPHRINE'],
      },
    });
    expect(recorded.data?.recordVitals.__typename).toBe('RecordVitalsSuccess');
  });

  it('answers the chart as SVG with its summary in both languages, saying what was not recorded', async () => {
    const result = await graphql<ChartResult>(token, CHART, { id, hours: 24 });
    expect(result.errors).toBeUndefined();
    const chart = result.data?.episode.chart;
    expect(chart?.svg.startsWith('<svg')).toBe(true);
    expect(chart?.svg).toContain('T °C');
    expect(chart?.hours).toBe(24);
    expect(Date.parse(chart?.to ?? '') - Date.parse(chart?.from ?? '')).toBe(24 * 3_600_000);
    expect(chart?.summaryEn).toContain('temperature 38.9–38.9 °C, highest 38.9');
    expect(chart?.summaryEn).toContain('day 2');
    expect(chart?.summaryEn).toContain('no SpO2 recorded in this window');
    expect(chart?.summaryEn).toContain('CRS grade 3');
    expect(chart?.summaryZh).toContain('本时段无SpO2记录');
    expect(chart?.summary).toBe(chart?.summaryEn);
  });

  it('refuses hours outside 1–336, naming the field, the range and the value', async () => {
    const result = await graphql<ChartResult>(token, CHART, { id, hours: 337 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(
      'hours must be a whole number of hours from 1 to 336; received 337',
    );
  });
});

describe('/cart chart in Slack', () => {
  const team = uniqueId('e2e-chart-').toLowerCase();
  let channel: SlackSession;
  let episodeId: string;

  beforeAll(async () => {
    channel = await slack.mappedChannel({ channelId: uniqueId('C0E2EG'), team, oncall: 'S0E2ECHART' });
    episodeId = await newEpisode(channel, { patientRef: 'P-E2E-CHART' });
    await channel.command(`/cart vitals ${episodeId} t=38.4 sbp=112 hr=104 spo2=96 o2=ra vaso=none`);
  });

  it('acknowledges at once, then uploads the PNG with its summary to the channel', async () => {
    const after = await slack.latestSeq();
    const started = performance.now();
    const reply = await channel.command(`/cart chart ${episodeId} 48`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain(`Rendering the chart of ${episodeId} for the last 48 h`);
    const calls = await slack.waitForCalls(
      { after, method: 'files.completeUploadExternal' },
      (found) => sharedInto(found, channel.channelId).length > 0,
    );
    const [shared] = sharedInto(calls, channel.channelId);
    expect(String(shared?.args.initial_comment)).toContain(`${episodeId}, course over the last 48 h`);
    expect(String(shared?.args.initial_comment)).toContain('temperature 38.4–38.4 °C');
    const fileId = (shared?.response.files as { id: string }[] | undefined)?.[0]?.id ?? '';
    const bytes = await uploadedBytes(fileId);
    expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('refuses bad hours with a specific message and uploads nothing', async () => {
    const reply = await channel.command(`/cart chart ${episodeId} 400`);
    expect(reply.text).toContain('hours=400');
    expect(reply.text).toContain('a whole number of hours from 1 to 336');
  });

  it('posts the chart in the thread of an ESC-CRS3 alert', async () => {
    const after = await slack.latestSeq();
    await channel.command(`/cart vitals ${episodeId} ${CRS_GRADE_3_VITALS}`);
    const posted = await pollUntil('the ESC-CRS3 alert', async () => {
      const found = (await slack.calls({ after, channel: channel.channelId })).find(
        (call) =>
          call.method === 'chat.postMessage' &&
          succeeded(call) &&
          String(call.args.text).includes('ESC-CRS3'),
      );
      return found;
    });
    const calls = await slack.waitForCalls({ after, method: 'files.completeUploadExternal' }, (found) =>
      sharedInto(found, channel.channelId).some((call) => call.args.thread_ts === posted.response.ts),
    );
    const inThread = sharedInto(calls, channel.channelId).find(
      (call) => call.args.thread_ts === posted.response.ts,
    );
    expect(String(inThread?.args.initial_comment)).toContain('CRS grade');
  });
});
