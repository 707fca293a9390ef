import { describe, expect, it, vi } from 'vitest';
import type { EpisodeState } from '#episodes';
import { fakeDeps } from '../testing/fake-args.ts';
import { criticalRecording, head } from '../testing/fixtures.ts';
import { showManagement } from './show-management.ts';

const state: EpisodeState = {
  head: head(),
  records: [],
  vitals: [],
  neuro: [],
  labs: [],
  doses: [],
  deaths: [],
  gradings: criticalRecording().gradings,
  alerts: criticalRecording().alerts,
};

const press = (value: string | undefined, language: 'en' | 'zh-CN' = 'en') => {
  const { deps, episodes } = fakeDeps({ language });
  episodes.getEpisode.mockResolvedValue(state);
  const ack = vi.fn(() => Promise.resolve());
  const respond = vi.fn((_message: unknown) => Promise.resolve());
  const run = showManagement(deps)({
    ack,
    respond,
    context: {},
    body: { channel: { id: 'C0HEMA' }, user: { id: 'U0DOCTOR' } },
    action: { type: 'button', action_id: 'status.management', value },
  } as never);
  return { run, ack, respond, episodes };
};

describe('Show management (under /cart status)', () => {
  it('reads the episode as the presser and answers the full management to them only', async () => {
    const { run, ack, respond, episodes } = press('EP-7');
    await run;
    expect(ack).toHaveBeenCalledOnce();
    expect(episodes.getEpisode).toHaveBeenCalledWith(
      expect.objectContaining({ userId: 'slack:U0DOCTOR', teams: ['hem-a'] }),
      'EP-7',
      { recent: 20 },
    );
    const [message] = respond.mock.calls[0] ?? [];
    expect(message).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const text = JSON.stringify(message);
    expect(text).toContain('*What drove it*');
    expect(text).toContain('*Management*');
    expect(text).toContain('560 mg');
  });

  it('in the channel’s language (处理)', async () => {
    const { run, respond } = press('EP-7', 'zh-CN');
    await run;
    expect(JSON.stringify(respond.mock.calls[0]?.[0])).toContain('*处理*');
  });

  it('a value that names no episode is refused, naming the value, and reads nothing', async () => {
    const { run, episodes } = press('EP-7:<!channel>');
    await expect(run).rejects.toThrow('Button value "EP-7:<!channel>" names no episode');
    expect(episodes.getEpisode).not.toHaveBeenCalled();
  });
});
