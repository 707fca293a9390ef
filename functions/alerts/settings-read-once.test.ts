import { describe, expect, it } from 'vitest';
import type { TeamSettings } from '../episodes/team-settings.ts';
import { settingsReadOnce } from './settings-read-once.ts';

const settingsOf = (team: string) => ({ team, channelId: `C0${team.toUpperCase()}` }) as TeamSettings;

describe('settingsReadOnce', () => {
  it('reads each team once, concurrent readers sharing the one read; a team with no channel stays without', async () => {
    const reads: string[] = [];
    const settings = settingsReadOnce({
      forTeam: (team) => {
        reads.push(team);
        return Promise.resolve(team === 'none' ? undefined : settingsOf(team));
      },
    });
    const answers = await Promise.all(
      ['a', 'b', 'a', 'none', 'a', 'none', 'b'].map((t) => settings.forTeam(t)),
    );
    expect(answers.map((s) => s?.channelId)).toEqual([
      'C0A',
      'C0B',
      'C0A',
      undefined,
      'C0A',
      undefined,
      'C0B',
    ]);
    expect(reads).toEqual(['a', 'b', 'none']);
    expect(settings.teams).toBe(3);
  });

  it('forgets a failed read, so the team’s next alert reads again', async () => {
    let calls = 0;
    const settings = settingsReadOnce({
      forTeam: (team) => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('throttled')) : Promise.resolve(settingsOf(team));
      },
    });
    await expect(settings.forTeam('a')).rejects.toThrow('throttled');
    await expect(settings.forTeam('a')).resolves.toMatchObject({ channelId: 'C0A' });
    await settings.forTeam('a');
    expect(calls).toBe(2);
  });
});
