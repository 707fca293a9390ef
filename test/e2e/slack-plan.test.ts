import { describe, expect, inject, it } from 'vitest';
import { addDays, addMonths, calendarDateIn } from '#rules';
import { createSlackClient, episodeIdIn, uniqueId } from '../support/slack-client.ts';
import { clearOfHospitalMidnight } from '../support/hospital-midnight.ts';

/** `/cart plan` over real HTTP against the started local system, signed as Slack signs it. */
const slack = createSlackClient({ baseUrl: inject('baseUrl'), signingSecret: inject('slackSigningSecret') });

/** A date `offset` days from today in the hospital's calendar (the server's default time zone). */
const day = (offset: number): string => addDays(calendarDateIn(new Date()), offset);

describe('/cart plan', () => {
  it('answers with the care plan of the episode, to the user only: phases, dates, status and rule ids (PLAN-1)', async () => {
    // Its dates and the server's count from the same hospital day.
    await clearOfHospitalMidnight();
    const channel = await slack.mappedChannel({
      channelId: uniqueId('C0E2EP'),
      team: uniqueId('e2e-plan-').toLowerCase(),
      oncall: 'S0E2EPLAN',
    });
    const created = await channel.command(
      '/cart new P-E2E-PLAN product=KARMMA weight=70 height=170 ldstart=-7d ldend=-5d infusion=-2d',
    );
    expect(created.status).toBe(200);
    const id = episodeIdIn(created.text);

    const reply = await channel.command(`/cart plan ${id}`);
    expect(reply.status).toBe(200);
    expect(reply.message?.response_type).toBe('ephemeral');
    expect(reply.text).toContain(`${id} · P-E2E-PLAN · care plan`);
    expect(reply.text).toContain(`day 2 after infusion (${day(-2)})`);
    expect(reply.text).toContain(
      `acyclovir or valacyclovir (antiviral prophylaxis) — from the start of lymphodepletion (${day(-7)})`,
    );
    expect(reply.text).toContain(`stop no earlier than ${addMonths(day(-2), 3)}`);
    expect(reply.text).toContain(`Day 14 after infusion: response and adverse effects — on ${day(12)}`);
    for (const ruleId of ['INFX-1', 'INFX-2', 'INFX-3', 'INF-1', 'IG-1', 'FU-1'])
      expect(reply.text).toContain(`(${ruleId})`);
    expect(reply.text).toContain('needs: whether there is prior CNS disease');

    const help = await channel.command('/cart help');
    expect(help.text).toContain('/cart plan EP-1');
  });
});
