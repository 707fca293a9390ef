import { describe, expect, inject, it } from 'vitest';
import {
  createSlackClient,
  CRS_GRADE_3_VITALS,
  newEpisode,
  recordsLine,
  uniqueId,
} from '../support/slack-client.ts';

/**
 * Who may do what from Slack: the channel's stored role decides what its members may record, an
 * unmapped channel is told how to map it (and still calculates), and only the app's
 * administrators (SLACK_ADMIN_USER_IDS) map channels.
 */
const slack = createSlackClient({ baseUrl: inject('baseUrl'), signingSecret: inject('slackSigningSecret') });

describe('authorization from Slack', () => {
  it('a viewer channel reads an episode but cannot record vital signs, and nothing is recorded', async () => {
    const channelId = uniqueId('C0E2EV');
    const team = uniqueId('e2e-view-').toLowerCase();
    const clinicians = await slack.mappedChannel({ channelId, team, oncall: 'S0E2EVIEW' });
    const episodeId = await newEpisode(clinicians);
    const viewers = await slack.mappedChannel({ channelId, team, oncall: 'S0E2EVIEW', role: 'viewer' });

    const refused = await viewers.command(`/cart vitals ${episodeId} ${CRS_GRADE_3_VITALS}`);
    expect(refused.status).toBe(200);
    expect(refused.message?.response_type).toBe('ephemeral');
    expect(refused.text).toContain('Not allowed');
    expect(refused.text).toMatch(/Your role \(viewer\) cannot record/);
    expect(refused.text).toContain('Nothing was recorded');

    const status = await viewers.command(`/cart status ${episodeId}`);
    expect(status.status).toBe(200);
    expect(recordsLine(status.text)).toBe('Records: 0 vital signs, 0 neuro, 0 doses');
    expect((await viewers.command(`/cart toci ${episodeId} give`)).text).toMatch(
      /Your role \(viewer\) cannot/,
    );
    expect(recordsLine((await viewers.command(`/cart status ${episodeId}`)).text)).toBe(
      'Records: 0 vital signs, 0 neuro, 0 doses',
    );
  });

  it('an unmapped channel is told how to map it, records nothing, and still calculates', async () => {
    const channel = slack.session(uniqueId('C0E2EU'));
    for (const line of ['/cart list', '/cart status EP-1', `/cart vitals EP-1 ${CRS_GRADE_3_VITALS}`]) {
      const reply = await channel.command(line);
      expect(reply.status).toBe(200);
      expect(reply.message?.response_type).toBe('ephemeral');
      expect(reply.text).toContain('This channel is not mapped to a team yet');
      expect(reply.text).toContain(
        '/cart setup team=<team-id> oncall=<user-group-id> lang=en role=clinician',
      );
    }
    const quick = await channel.command('/cart crs t=38.0 sbp=120 o2=ra');
    expect(quick.text).toContain('CRS grade 1');
  });

  it('`/cart setup` by a user who is not an administrator is refused and maps nothing', async () => {
    const channelId = uniqueId('C0E2EN');
    const channel = slack.session(channelId, 'U0E2ENOTADMIN');
    const refused = await channel.command(
      `/cart setup team=${uniqueId('e2e-na-').toLowerCase()} oncall=S0E2ENA lang=en role=clinician`,
    );
    expect(refused.status).toBe(200);
    expect(refused.text).toContain('Only Slack administrators of this app may map channels to teams');
    expect((await channel.command('/cart list')).text).toContain('This channel is not mapped to a team yet');
  });
});
