import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_CONFIG } from '#rules';
import { EpisodeNotFoundError, type EpisodeService, type EpisodeState } from '#episodes';
import type { GraphQLContext } from '../context.ts';
import { episodeIdFrom, forgetEpisodeState, loadEpisodeHead, loadEpisodeState } from './episode-loader.ts';

describe('episodeIdFrom', () => {
  it('takes the short id and the Episode global id', () => {
    expect(episodeIdFrom('EP-12')).toBe('EP-12');
    expect(episodeIdFrom(encodeGlobalID('Episode', 'EP-12'))).toBe('EP-12');
  });

  it('passes anything else on unchanged (the service then reports it)', () => {
    expect(episodeIdFrom(encodeGlobalID('Alert', 'EP-12'))).toBe(encodeGlobalID('Alert', 'EP-12'));
    expect(episodeIdFrom('patient-42')).toBe('patient-42');
  });
});

/**
 * A context whose service counts getEpisode calls (and the head each was handed); the first
 * `failures` reads fail.
 */
const contextWith = (failures = 0) => {
  const calls: string[] = [];
  const heads: string[] = [];
  const handedHeads: unknown[] = [];
  const episodes = {
    getEpisodeHead: (_actor: unknown, id: string) => {
      heads.push(id);
      return Promise.resolve({ id });
    },
    getEpisode: (_actor: unknown, id: string, options: { head?: unknown }) => {
      calls.push(id);
      handedHeads.push(options.head);
      return calls.length <= failures
        ? Promise.reject(new EpisodeNotFoundError(id))
        : Promise.resolve({ head: { id } } as unknown as EpisodeState);
    },
  } as unknown as EpisodeService;
  const context: GraphQLContext = {
    viewer: { userId: 'viewer-1', role: 'viewer', teams: ['hem-a'] },
    language: 'en',
    requestId: 'r',
    episodes,
    rulesConfig: DEFAULT_RULES_CONFIG,
    now: new Date(),
    today: () => '2026-03-03',
  };
  return { context, calls, heads, handedHeads };
};

describe('loadEpisodeState', () => {
  it('reads each episode once per request', async () => {
    const { context, calls } = contextWith();
    const [a, b] = await Promise.all([loadEpisodeState(context, 'EP-1'), loadEpisodeState(context, 'EP-1')]);
    expect(a).toBe(b);
    await loadEpisodeState(context, 'EP-2');
    expect(calls).toEqual(['EP-1', 'EP-2']);
  });

  it('hands the service the head this request already read, so the head is read once', async () => {
    const { context, heads, handedHeads } = contextWith();
    await loadEpisodeHead(context, 'EP-1');
    await loadEpisodeState(context, 'EP-1');
    expect(heads).toEqual(['EP-1']);
    expect(handedHeads).toEqual([{ id: 'EP-1' }]);
  });

  it('reads again after a write in the same request, and in another request', async () => {
    const { context, calls } = contextWith();
    await loadEpisodeState(context, 'EP-1');
    forgetEpisodeState(context, 'EP-1');
    await loadEpisodeState(context, 'EP-1');
    await loadEpisodeState({ ...context }, 'EP-1');
    expect(calls).toEqual(['EP-1', 'EP-1', 'EP-1']);
  });

  it('does not remember a failed read', async () => {
    const { context, calls } = contextWith(1);
    await expect(loadEpisodeState(context, 'EP-1')).rejects.toBeInstanceOf(EpisodeNotFoundError);
    await expect(loadEpisodeState(context, 'EP-1')).resolves.toMatchObject({ head: { id: 'EP-1' } });
    expect(calls).toHaveLength(2);
  });

  it('refuses without a signed-in user, reading nothing', async () => {
    const { context, calls, heads } = contextWith();
    await expect(loadEpisodeState({ ...context, viewer: null }, 'EP-1')).rejects.toThrow(
      'Sign in to read episodes',
    );
    expect(calls).toEqual([]);
    expect(heads).toEqual([]);
  });
});
