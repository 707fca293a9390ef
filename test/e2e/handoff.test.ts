import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';
import { LOCAL_SLACK } from '../../functions/local/local-slack.ts';
import { withActionKey } from '../support/action-keys.ts';
import {
  createSlackClient,
  CRS_GRADE_3_VITALS,
  messageText,
  newEpisode,
  uniqueId,
  type MappedChannel,
  type SlackMessage,
} from '../support/slack-client.ts';

/**
 * The shift handoff (HANDOFF-1, HANDOFF-2) over real HTTP against the started local system: the
 * GraphQL query and setHandoffTimes, signed `/cart handoff`, and the digest `npm run chat --
 * --handoff` posts. The file maps its own channel to its own team.
 */
const baseUrl = inject('baseUrl');
const slack = createSlackClient({ baseUrl, signingSecret: inject('slackSigningSecret') });
const run = promisify(execFile);

/** CRS grade 1 (CRS-G1): fever alone, blood pressure and oxygen normal. */
const CRS_GRADE_1_VITALS = 't=38.4 sbp=122 o2=ra vaso=none spo2=97';

type Issue = { field: string; allowed: string; received: string | null };
type Result<T> = { data?: T; errors?: { message: string }[] };
type Block = {
  episodeId: string;
  patientRef: string;
  acuity: { highestGrade: number };
  text: string;
  zh: string;
  en: string;
};
type HandoffAnswer = {
  __typename: string;
  message?: string;
  team?: string;
  blocks?: Block[];
  text?: string;
  zh?: string;
  en?: string;
};
type TimesAnswer = {
  __typename: string;
  message?: string;
  issues?: Issue[];
  team?: string;
  handoffTimes?: string[];
  updatedAt?: string;
};

const tokenFor = async (teams: readonly string[], admin = false) =>
  issueToken(await loadOrCreateSigningKey(inject('localAuthKeyFile')), {
    userId: admin ? 'e2e-handoff-admin' : 'e2e-handoff-clinician',
    role: 'clinician',
    teams,
    admin,
  });

const graphql = async <T>(
  token: string,
  query: string,
  variables: Record<string, unknown>,
  language = 'en',
): Promise<T> => {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': language,
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query, variables: withActionKey(query, variables) }),
  });
  expect(response.status).toBe(200);
  const result = (await response.json()) as Result<T>;
  expect(result.errors).toBeUndefined();
  if (result.data === undefined) throw new Error('no data');
  return result.data;
};

const HANDOFF = `query($team: ID!, $language: Language) { handoff(team: $team, language: $language) { __typename
  ... on ShiftHandoff { team text zh en blocks { episodeId patientRef acuity { highestGrade } text zh en } }
  ... on Error { message } } }`;

const SET_TIMES = `mutation($team: ID!, $times: [String!]!, $key: String!) {
  setHandoffTimes(team: $team, times: $times, idempotencyKey: $key) { __typename
    ... on SetHandoffTimesSuccess { team handoffTimes updatedAt }
    ... on Error { message }
    ... on ValidationError { issues { field allowed received } } } }`;

const HAN = /[\u4e00-\u9fff]/;

/** The section block ids of a handoff message, in order: `handoff-<episode id>`. */
const sectionIds = (message: SlackMessage | undefined): string[] =>
  ((message?.blocks ?? []) as readonly { block_id?: string }[])
    .map((block) => block.block_id ?? '')
    .filter((id) => id.startsWith('handoff-'))
    .map((id) => id.slice('handoff-'.length));

/** The mrkdwn of a message's sections and context blocks, as sent (before any rendering). */
const mrkdwnOf = (message: SlackMessage | undefined): string =>
  JSON.stringify(message?.blocks ?? [])
    .match(/"text":"(?:[^"\\]|\\.)*"/g)
    ?.join('\n') ?? '';

/** Text from data is escaped: no `&` but an entity, no `<` but a link, mention or entity. */
const expectEscaped = (message: SlackMessage | undefined): void => {
  const text = mrkdwnOf(message);
  expect(text).toContain('P-HO-');
  expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
  expect(text).not.toMatch(/<(?![a-z]+:\/\/|!|@|#)/);
};

describe('shift handoff end to end (HANDOFF-1, HANDOFF-2)', () => {
  const team = uniqueId('e2e-ho-').toLowerCase();
  let channel: MappedChannel;
  /** Grade 3, grade 1 and never graded: the acuity order (HANDOFF-2). */
  let ids: { severe: string; mild: string; ungraded: string };

  beforeAll(async () => {
    channel = await slack.mappedChannel({ channelId: uniqueId('C0E2EHO'), team, oncall: 'S0E2EHO' });
    // Created least acute first, so the order cannot come from creation order.
    const ungraded = await newEpisode(channel, { patientRef: 'P-HO-0003' });
    const mild = await newEpisode(channel, { patientRef: 'P-HO-0002' });
    const severe = await newEpisode(channel, { patientRef: 'P-HO-0001' });
    for (const [id, vitals] of [
      [mild, CRS_GRADE_1_VITALS],
      [severe, CRS_GRADE_3_VITALS],
    ] as const) {
      const reply = await channel.command(`/cart vitals ${id} ${vitals}`);
      expect(reply.status).toBe(200);
    }
    ids = { severe, mild, ungraded };
  });

  it('HANDOFF-2: GraphQL handoff(team) answers the blocks most acute first, in Chinese and English', async () => {
    const token = await tokenFor([team]);
    const { handoff } = await graphql<{ handoff: HandoffAnswer }>(token, HANDOFF, { team, language: 'EN' });
    expect(handoff.__typename).toBe('ShiftHandoff');
    const blocks = handoff.blocks ?? [];
    expect(blocks.map((b) => b.episodeId)).toEqual([ids.severe, ids.mild, ids.ungraded]);
    expect(blocks.map((b) => b.acuity.highestGrade)).toEqual([3, 1, -1]);
    expect(blocks.map((b) => b.patientRef)).toEqual(['P-HO-0001', 'P-HO-0002', 'P-HO-0003']);
    for (const block of blocks) {
      expect(block.text).toBe(block.en);
      expect(block.en).toContain(block.episodeId);
      expect(block.en).not.toMatch(HAN);
      expect(block.zh).toContain(block.episodeId);
      expect(block.zh).toMatch(HAN);
    }
    expect(handoff.zh).toMatch(HAN);
    expect(handoff.en).not.toMatch(HAN);

    // The request language chooses `text`; zh and en stay what they are.
    const { handoff: inChinese } = await graphql<{ handoff: HandoffAnswer }>(
      token,
      HANDOFF,
      { team },
      'zh-CN',
    );
    expect(inChinese.text).toBe(handoff.zh);
    expect(inChinese.blocks?.map((b) => b.text)).toEqual(blocks.map((b) => b.zh));
  });

  it('HANDOFF-1: a team you are not in hands off nothing', async () => {
    const { handoff } = await graphql<{ handoff: HandoffAnswer }>(await tokenFor(['e2e-ho-other']), HANDOFF, {
      team,
    });
    expect(handoff.blocks ?? []).toEqual([]);
  });

  it('HANDOFF-1: setHandoffTimes stores the times for an administrator; a bad time names the field', async () => {
    const admin = await tokenFor([], true);
    const { setHandoffTimes: saved } = await graphql<{ setHandoffTimes: TimesAnswer }>(admin, SET_TIMES, {
      team,
      times: ['20:00', '08:00'],
    });
    expect(saved).toMatchObject({ __typename: 'SetHandoffTimesSuccess', team });
    expect([...(saved.handoffTimes ?? [])].sort()).toEqual(['08:00', '20:00']);

    const { setHandoffTimes: bad } = await graphql<{ setHandoffTimes: TimesAnswer }>(admin, SET_TIMES, {
      team,
      times: ['08:00', '25:00'],
    });
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.issues?.[0]?.field).toMatch(/^times/);
    expect(bad.issues?.[0]?.received).toContain('25:00');

    // Not an administrator (a clinician of the team): refused, nothing changed.
    const { setHandoffTimes: refused } = await graphql<{ setHandoffTimes: TimesAnswer }>(
      await tokenFor([team]),
      SET_TIMES,
      { team, times: ['07:00'] },
    );
    expect(refused.__typename).toBe('ForbiddenError');
    expect(refused.message).toMatch(/administrators/);

    // Stored: the same times again write nothing (the settings keep the first write's time).
    const { setHandoffTimes: again } = await graphql<{ setHandoffTimes: TimesAnswer }>(admin, SET_TIMES, {
      team,
      times: ['08:00', '20:00'],
    });
    expect(again.__typename).toBe('SetHandoffTimesSuccess');
    expect(again.updatedAt).toBe(saved.updatedAt);
  });

  it('HANDOFF-2: signed /cart handoff answers the handoff blocks in acuity order, escaped', async () => {
    const reply = await channel.command('/cart handoff');
    expect(reply.status).toBe(200);
    expect(reply.message?.response_type).toBe('in_channel');
    expect(sectionIds(reply.message)).toEqual([ids.severe, ids.mild, ids.ungraded]);
    const text = messageText(reply.message);
    expect(text.indexOf('P-HO-0001')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('P-HO-0001')).toBeLessThan(text.indexOf('P-HO-0002'));
    expect(text.indexOf('P-HO-0002')).toBeLessThan(text.indexOf('P-HO-0003'));
    // HANDOFF-2: the highest grade marks the block (red: grade 3 or more).
    expect(text).toContain(`🔴 ${ids.severe} · P-HO-0001`);
    expect(text).toContain(`🟡 ${ids.mild} · P-HO-0002`);
    expectEscaped(reply.message);
  });

  it('HANDOFF-1: `npm run chat -- --handoff` posts the local team digest and prints its outcome', async () => {
    const demo = slack.session(LOCAL_SLACK.channelId);
    const patientRef = `P-HO-9${uniqueId('').slice(0, 6)}`;
    const id = await newEpisode(demo, { patientRef });
    expect((await demo.command(`/cart vitals ${id} ${CRS_GRADE_3_VITALS}`)).status).toBe(200);
    const after = await slack.latestSeq();

    const { stdout } = await run(
      process.execPath,
      ['functions/local/chat.ts', '--handoff', '--url', baseUrl],
      { timeout: 60_000 },
    );
    const printed = /← handoff digest: (.*)/.exec(stdout)?.[1];
    const outcomes = JSON.parse(printed ?? 'null') as { team: string; outcome: string }[];
    expect(outcomes).toContainEqual(expect.objectContaining({ team: LOCAL_SLACK.team, outcome: 'posted' }));

    const isDigest = (call: { args: Record<string, unknown> }): boolean =>
      JSON.stringify(call.args.blocks ?? []).includes(`handoff-${id}`);
    const calls = await slack.waitForCalls(
      { after, channel: LOCAL_SLACK.channelId, method: 'chat.postMessage' },
      (matching) => matching.some(isDigest),
    );
    const posted = calls.find(isDigest);
    const digest = (posted?.args ?? {}) as SlackMessage & { text?: string };
    const text = messageText(digest);
    expect(text).toContain(patientRef);
    expect(sectionIds(digest)).toContain(id);
    expectEscaped(digest);
  });
});
