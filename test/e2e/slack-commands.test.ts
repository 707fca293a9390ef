import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, calendarDateIn } from '#rules';
import {
  buttonsOf,
  createSlackClient,
  CRS_GRADE_3_VITALS,
  messageText,
  newEpisode,
  recordsLine,
  uniqueId,
  type SlackSession,
} from '../support/slack-client.ts';
import { clearOfHospitalMidnight } from '../support/hospital-midnight.ts';

/**
 * `/cart` over real HTTP against the started local system: each command signed as Slack signs it,
 * through the API Gateway v2 adapter into the deployed Slack handler, and the reply checked. The
 * file maps its own channels to its own teams, so other test files' episodes never show here.
 */
const slack = createSlackClient({ baseUrl: inject('baseUrl'), signingSecret: inject('slackSigningSecret') });

describe('/cart commands and their replies', () => {
  const team = uniqueId('e2e-cmd-').toLowerCase();
  let channel: SlackSession;
  let episodeId: string;

  beforeAll(async () => {
    channel = await slack.mappedChannel({ channelId: uniqueId('C0E2EC'), team, oncall: 'S0E2ECMD' });
    episodeId = await newEpisode(channel, { patientRef: 'P-E2E-0042' });
  });

  it('answers /cart help with the subcommands, to the user only', async () => {
    const reply = await channel.command('/cart help');
    expect(reply.status).toBe(200);
    expect(reply.message?.response_type).toBe('ephemeral');
    for (const usage of ['/cart new', '/cart vitals', '/cart toci', '/cart status', '/cart list', '/cart ld'])
      expect(reply.text).toContain(usage);
    expect(reply.text).toContain('did you mean `temp`?');
  });

  it('creates an episode and grades recorded vital signs: CRS 3, its drivers, tocilizumab 560 mg for 70 kg, rule ids', async () => {
    const created = await newEpisode(channel);
    expect(created).toMatch(/^EP-\d+$/);

    const reply = await channel.command(`/cart vitals ${created} ${CRS_GRADE_3_VITALS}`);
    expect(reply.status).toBe(200);
    expect(reply.message?.response_type).toBe('in_channel');
    expect(reply.text).toContain(`${created} · CRS grade 3`);
    // What drove grade 3 (ASTCT): fever, hypotension needing one vasopressor, low-flow oxygen.
    expect(reply.text).toContain('fever: temperature ≥ 38.0 °C (CRS-G1)');
    expect(reply.text).toContain('hypotension: 1 vasopressor (CRS-GRADE)');
    expect(reply.text).toContain('hypoxia: low-flow nasal cannula');
    // TOCI-1: 8 mg/kg × 70 kg = 560 mg (below the 800 mg cap).
    expect(reply.text).toContain('8 mg/kg × 70 kg = 560 mg');
    expect(reply.text).toContain('Tocilizumab 560 mg — allowed now');
    expect(reply.text).toMatch(/\(CRS-T4-3\)/);
    expect(reply.text).toMatch(/\(TOCI-1\)/);
    expect(reply.text).toContain('ESC-CRS3 CRITICAL');
  });

  it('/cart toci tells the dose and whether it is allowed; `give` records it and the 8-hour rule then refuses another', async () => {
    const id = await newEpisode(channel);
    await channel.command(`/cart vitals ${id} ${CRS_GRADE_3_VITALS}`);

    const check = await channel.command(`/cart toci ${id}`);
    expect(check.status).toBe(200);
    expect(check.message?.response_type).toBe('ephemeral');
    expect(check.text).toContain(`${id} · Tocilizumab 560 mg · allowed now`);
    expect(check.text).toContain('0 doses given in this episode (at most 4) (TOCI-4)');

    const given = await channel.command(`/cart toci ${id} give`);
    expect(given.status).toBe(200);
    expect(given.message?.response_type).toBe('in_channel');
    expect(given.text).toContain(`${id} · Tocilizumab 560 mg IV · Dose recorded`);

    // TOCI-2: a repeat dose needs at least 8 h since the last one.
    const again = await channel.command(`/cart toci ${id}`);
    expect(again.text).toMatch(/not allowed now/i);
    expect(again.text).toContain('(TOCI-2)');
    expect(recordsLine((await channel.command(`/cart status ${id}`)).text)).toBe(
      'Records: 1 vital signs, 0 neuro, 1 doses',
    );
  });

  it('/cart status shows the episode now: grading, open alerts and what was recorded', async () => {
    const id = await newEpisode(channel, { patientRef: 'P-E2E-STATUS' });
    const before = await channel.command(`/cart status ${id}`);
    expect(before.status).toBe(200);
    expect(before.text).toContain(`${id} · P-E2E-STATUS`);
    expect(recordsLine(before.text)).toBe('Records: 0 vital signs, 0 neuro, 0 doses');

    expect(before.text).toContain('CRS not graded yet');
    expect(before.text).toContain('No vital signs recorded yet');
    expect(before.text).toContain('No open alerts');

    await channel.command(`/cart vitals ${id} ${CRS_GRADE_3_VITALS}`);
    const after = await channel.command(`/cart status ${id}`);
    expect(after.text).toMatch(/^CRS grade 3 first grading · /m);
    expect(after.text).toMatch(
      /^Last vital signs 38\.9 °C · BP 84\/– · Nasal cannula 4 L\/min · norepinephrine — (just now|\d+ min ago) /m,
    );
    expect(after.text).toMatch(/^💉 Tocilizumab 560 mg — /m);
    expect(after.text).toMatch(/^🔴 \d+ open alerts?: .*ESC-CRS3 \(CRITICAL\)/m);
    expect(after.text).not.toContain('What drove it');
    expect(recordsLine(after.text)).toBe('Records: 1 vital signs, 0 neuro, 0 doses');

    // The full management is behind "Show management", to the presser only.
    const [management] = buttonsOf(after.message);
    expect(management).toMatchObject({ action_id: 'status.management', value: id });
    const seq = await slack.latestSeq();
    await channel.press({ actionId: 'status.management', value: id });
    const [shown] = await channel.waitForResponses(seq);
    expect(shown?.args.response_type).toBe('ephemeral');
    const full = messageText(shown?.args);
    expect(full).toContain('What drove it');
    expect(full).toContain('Management');
    expect(full).toMatch(/560 mg/);
  });

  it("/cart list lists the team's active episodes and no other team's", async () => {
    const other = await slack.mappedChannel({
      channelId: uniqueId('C0E2EO'),
      team: uniqueId('e2e-other-').toLowerCase(),
      oncall: 'S0E2EOTHER',
    });
    const elsewhere = await newEpisode(other);

    const reply = await channel.command('/cart list');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain(`Active episodes of team ${team}`);
    expect(reply.text).toMatch(/\b\d+ active episodes? · \d+ with open alerts\b/);
    expect(reply.text).toContain(`${episodeId} · P-E2E-0042 · KARMMA`);
    expect(reply.text).not.toMatch(new RegExp(`\\b${elsewhere}\\b`));
  });

  it('/cart crs grades without recording, on both sides of the 38.0 °C fever threshold (CRS-G1)', async () => {
    const below = await channel.command('/cart crs t=37.9 sbp=120 o2=ra');
    expect(below.status).toBe(200);
    expect(below.text).toContain('CRS grade 0');
    expect(below.text).toContain('nothing recorded');
    const on = await channel.command('/cart crs t=38.0 sbp=120 o2=ra');
    expect(on.text).toContain('CRS grade 1');
    const severe = await channel.command('/cart crs t=39 sbp=85 o2=nc:4 vaso=ne w=70');
    expect(severe.text).toContain('CRS grade 3');
    expect(severe.text).toContain('8 mg/kg × 70 kg = 560 mg');
  });

  it('/cart ld gives the KarMMa lymphodepletion plan with doses by body-surface area (LD-2)', async () => {
    const reply = await channel.command('/cart ld KARMMA h=170 w=70 infusion=2026-03-01');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('KARMMA lymphodepletion · BSA 1.82 m²');
    // Fludarabine 30 mg/m² and cyclophosphamide 300 mg/m² on days -5, -4 and -3.
    expect(reply.text).toContain('30 mg/m² × 1.82 m² = 54.6 mg');
    expect(reply.text).toContain('300 mg/m² × 1.82 m² = 546 mg');
    for (const [day, date] of [
      ['-5', '2026-02-24'],
      ['-4', '2026-02-25'],
      ['-3', '2026-02-26'],
    ] as const)
      expect(reply.text).toContain(`day ${day} (${date})`);
    expect(reply.text).toContain('(LD-2)');
  });

  it("`/cart vitals EP-n` with no values opens the form with the command's trigger id", async () => {
    const after = await slack.latestSeq();
    const triggerId = `${Date.now()}.42.e2eform`;
    const reply = await channel.command(`/cart vitals ${episodeId}`, { triggerId });
    expect(reply.status).toBe(200);
    expect(reply.raw).toBe('');
    const [opened] = await slack
      .waitForCalls({ after, method: 'views.open' }, (calls) =>
        calls.some((call) => call.args.trigger_id === triggerId),
      )
      .then((calls) => calls.filter((call) => call.args.trigger_id === triggerId));
    expect(opened?.response.ok).toBe(true);
    const view = opened?.args.view as { callback_id?: string; title?: { text: string } } | undefined;
    expect(view?.callback_id).toBe('vitals.submit');
    expect(view?.title?.text).toBe(`Vitals ${episodeId}`);
    expect(recordsLine((await channel.command(`/cart status ${episodeId}`)).text)).toBe(
      'Records: 0 vital signs, 0 neuro, 0 doses',
    );
  });
});

describe('/cart in a Chinese-language channel', () => {
  it('`/cart lang zh` switches the channel, and the next replies are in Chinese', async () => {
    // Its dates and the server's count from the same hospital day.
    await clearOfHospitalMidnight();
    const channel = await slack.mappedChannel({
      channelId: uniqueId('C0E2EZ'),
      team: uniqueId('e2e-zh-').toLowerCase(),
      oncall: 'S0E2EZH',
    });
    const switched = await channel.command('/cart lang zh');
    expect(switched.status).toBe(200);
    expect(switched.text).toContain('频道设置已保存');
    expect(switched.text).toContain('zh-CN');

    const created = await channel.command(
      '/cart new P-E2E-ZH product=KARMMA weight=70 height=170 infusion=-2d',
    );
    expect(created.text).toMatch(/已新建病程 EP-\d+/);
    const id = /EP-\d+/.exec(created.text)?.[0] ?? '';
    // The calendar day of the infusion, two days before today in the hospital's calendar.
    expect(created.text).toContain(addDays(calendarDateIn(new Date()), -2));

    const graded = await channel.command(`/cart vitals ${id} ${CRS_GRADE_3_VITALS}`);
    expect(graded.text).toContain(`${id} · CRS 3 级`);
    expect(graded.text).toContain('发热:体温 ≥ 38.0 ℃ (CRS-G1)');
    expect(graded.text).toContain('8 mg/kg × 70 kg = 560 mg');
    expect(graded.text).not.toContain('What drove it');
  });
});

describe('/cart input mistakes: a specific correction, and nothing recorded', () => {
  let channel: SlackSession;
  let episodeId: string;

  beforeAll(async () => {
    channel = await slack.mappedChannel({
      channelId: uniqueId('C0E2ET'),
      team: uniqueId('e2e-typo-').toLowerCase(),
      oncall: 'S0E2ETYPO',
    });
    episodeId = await newEpisode(channel);
  });

  const expectNothingRecorded = async () => {
    const status = await channel.command(`/cart status ${episodeId}`);
    expect(recordsLine(status.text)).toBe('Records: 0 vital signs, 0 neuro, 0 doses');
  };

  it('a misspelt field gets "did you mean"', async () => {
    const reply = await channel.command(`/cart vitals ${episodeId} tmp=38.9`);
    expect(reply.status).toBe(200);
    expect(reply.message?.response_type).toBe('ephemeral');
    expect(reply.text).toContain('unknown field `tmp`; did you mean `temp`?');
    expect(reply.text).toContain('Nothing was recorded');
    await expectNothingRecorded();
  });

  it('a value out of range names the field, the range and the value received, on both sides', async () => {
    const high = await channel.command(`/cart vitals ${episodeId} t=45.1`);
    expect(high.text).toContain('`temp` must be between 25 and 45 °C; received 45.1');
    const low = await channel.command(`/cart vitals ${episodeId} t=24.9`);
    expect(low.text).toContain('`temp` must be between 25 and 45 °C; received 24.9');
    await expectNothingRecorded();
  });

  it('an unknown subcommand gets a suggestion', async () => {
    const reply = await channel.command(`/cart vitlas ${episodeId} t=38.9`);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('unknown subcommand `vitlas`; did you mean `vitals`?');
    await expectNothingRecorded();
  });
});
