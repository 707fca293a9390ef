import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMELINE_SETTINGS, shiftHandoff, type HandoffEpisode } from '#rules';
import { episodeOf, vitals } from '../../rules/handoff/episode-fixture.ts';
import { unintendedMarkup } from '../testing/markup-check.ts';
import { blockKitProblems } from './block-kit-check.ts';
import { shiftHandoffView } from './shift-handoff.ts';

const AT = '2026-03-03T00:00:00Z';
const handoffOf = (episodes: readonly HandoffEpisode[]) =>
  shiftHandoff('hem-a', { at: AT, timeZone: 'Asia/Shanghai', settings: DEFAULT_TIMELINE_SETTINGS, episodes });

describe('Slack shift handoff view (HANDOFF-1, HANDOFF-2)', () => {
  it('HANDOFF-2: one section per episode, most acute first, marked by grade, in the channel language', () => {
    const message = shiftHandoffView(
      handoffOf([
        episodeOf('EP-1', [vitals('V1', '2026-03-02T23:00:00Z')]),
        episodeOf('EP-2', [
          vitals('V1', '2026-03-02T23:00:00Z', {
            temperatureCelsius: 39,
            systolicBp: 80,
            vasopressors: ['NOREPINEPHRINE'],
          }),
        ]),
      ]),
      'en',
    );
    expect(blockKitProblems(message)).toEqual([]);
    const sections = message.blocks.filter((b) => b.type === 'section');
    expect(sections.map((s) => s.block_id)).toEqual(['handoff-EP-2', 'handoff-EP-1']);
    expect(JSON.stringify(sections[0])).toContain(':red_circle: *EP-2*');
    const zh = shiftHandoffView(handoffOf([episodeOf('EP-1', [])]), 'zh-CN');
    expect(JSON.stringify(zh.blocks)).toContain('尚无生命体征记录');
  });

  it('HANDOFF-1: stored text holding Slack markup is shown, never obeyed', () => {
    const evil: HandoffEpisode = {
      ...episodeOf('EP-3', []),
      patientRef: 'P-1 <!channel> <@U0EVIL> a & b',
      alerts: [
        {
          id: 'A1',
          escalationId: '<!here>',
          level: 'URGENT',
          raisedAt: AT,
          acknowledged: false,
          text: { zh: '<!channel>', en: '<!channel>' },
        },
      ],
    };
    const message = shiftHandoffView(handoffOf([evil]), 'en');
    expect(unintendedMarkup(message)).toEqual([]);
    expect(blockKitProblems(message)).toEqual([]);
  });

  it('HANDOFF-1: beyond Slack’s 50 blocks the rest are counted, and the fallback lists every episode', () => {
    const episodes = Array.from({ length: 60 }, (_, i) => episodeOf(`EP-${i + 1}`, []));
    const message = shiftHandoffView(handoffOf(episodes), 'en');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(message.blocks.at(-1))).toContain('13 more not shown');
    expect(message.text).toContain('EP-60');
    expect(blockKitProblems(message)).toEqual([]);
  });

  it('HANDOFF-1: a team without active episodes says so', () => {
    const message = shiftHandoffView(handoffOf([]), 'en');
    expect(JSON.stringify(message.blocks)).toContain('No active episodes in this team');
  });
});
