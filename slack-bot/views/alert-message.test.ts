import { describe, expect, it } from 'vitest';
import { ALERT_ACTIONS } from '../ids.ts';
import { alert, NOW } from '../testing/fixtures.ts';
import { alertMessageView, alertReminderView } from './alert-message.ts';
import { blockKitProblems } from './block-kit-check.ts';

const actionsOf = (message: { blocks: readonly unknown[] }) =>
  (
    message.blocks as {
      type: string;
      elements?: { action_id?: string; value?: string; url?: string; style?: string }[];
    }[]
  )
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

describe('alert message (as data)', () => {
  it('a critical alert mentions the on-call group in the fallback and the blocks, with Acknowledge and Open', () => {
    const message = alertMessageView({ alert: alert(), language: 'en', oncallUserGroupId: 'S0ONCALL' });
    expect(blockKitProblems(message)).toEqual([]);
    expect(message.text).toMatch(/^<!subteam\^S0ONCALL> CRITICAL ESC-CRS3 EP-7: CRS grade 3/);
    expect(JSON.stringify(message.blocks[0])).toContain('<!subteam^S0ONCALL>');
    expect(actionsOf(message)).toEqual([
      expect.objectContaining({
        action_id: ALERT_ACTIONS.acknowledge,
        value: `EP-7:${alert().id}`,
        style: 'primary',
      }),
      expect.objectContaining({ action_id: ALERT_ACTIONS.open, value: `EP-7:${alert().id}` }),
    ]);
    expect(actionsOf(message)[1]?.url).toBeUndefined();
  });

  it('escapes the alert text for mrkdwn (≥, <) and cites the escalation row and the clinical rule', () => {
    const message = alertMessageView({
      alert: alert({ text: { zh: '收缩压 < 90', en: 'systolic < 90 & falling' } }),
      language: 'en',
      oncallUserGroupId: null,
    });
    expect(blockKitProblems(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('systolic &lt; 90 &amp; falling');
    expect(JSON.stringify(message.blocks[1])).toContain('Rules CRS-GRADE');
    expect(JSON.stringify(message.blocks[1])).toContain('Escalation (product design)');
  });

  it('links Open to the frontend when its URL is configured', () => {
    const message = alertMessageView({
      alert: alert(),
      language: 'en',
      oncallUserGroupId: null,
      appUrl: 'https://cart.example.org/',
    });
    expect(actionsOf(message)[1]?.url).toBe('https://cart.example.org/episodes/EP-7');
    expect(JSON.stringify(message.blocks[0])).toContain('<https://cart.example.org/episodes/EP-7|EP-7>');
  });

  it('an urgent alert pages nobody', () => {
    const message = alertMessageView({
      alert: alert({ level: 'URGENT', escalationId: 'ESC-CRS2' }),
      language: 'en',
      oncallUserGroupId: 'S0ONCALL',
    });
    expect(JSON.stringify(message)).not.toContain('subteam');
  });

  it('acknowledged: who and when instead of the buttons, and no page', () => {
    const acknowledged = alertMessageView({
      alert: alert({
        acknowledgedAt: '2026-03-03T02:05:00.000Z',
        acknowledgedBy: { userId: 'slack:U0DOCTOR', role: 'clinician', via: 'slack' },
      }),
      language: 'en',
      oncallUserGroupId: 'S0ONCALL',
    });
    expect(blockKitProblems(acknowledged)).toEqual([]);
    expect(actionsOf(acknowledged)).toEqual([]);
    const last = JSON.stringify(acknowledged.blocks.at(-1));
    expect(last).toContain('Acknowledged by <@U0DOCTOR>');
    expect(last).toContain(`<!date^${Date.parse('2026-03-03T02:05:00.000Z') / 1000}^`);
    expect(JSON.stringify(acknowledged)).not.toContain('subteam');
    // The notification text names who acknowledged it too.
    expect(acknowledged.text).toContain('ESC-CRS3 EP-7 (acknowledged by <@U0DOCTOR>):');
  });

  it('an acknowledgement through GraphQL names the user id', () => {
    const acknowledged = alertMessageView({
      alert: alert({
        acknowledgedAt: NOW.toISOString(),
        acknowledgedBy: { userId: 'dr-li', role: 'clinician', via: 'graphql' },
      }),
      language: 'zh-CN',
      oncallUserGroupId: null,
    });
    expect(JSON.stringify(acknowledged.blocks.at(-1))).toContain('已确认 dr-li');
  });

  it('speaks the channel language', () => {
    const message = alertMessageView({ alert: alert(), language: 'zh-CN', oncallUserGroupId: null });
    expect(message.text).toContain('危急 ESC-CRS3 EP-7: CRS 3级');
    expect(actionsOf(message).map((a) => JSON.stringify(a))).toEqual([
      expect.stringContaining('确认'),
      expect.stringContaining('打开'),
    ]);
  });

  it('the reminder pages the on-call group again with how long it has been open', () => {
    const reminder = alertReminderView({
      alert: alert(),
      language: 'en',
      oncallUserGroupId: 'S0ONCALL',
      minutesOpen: 15,
    });
    expect(blockKitProblems(reminder)).toEqual([]);
    expect(reminder.text).toContain('<!subteam^S0ONCALL>');
    expect(reminder.text).toContain('Still unacknowledged (15 min)');
  });
});
