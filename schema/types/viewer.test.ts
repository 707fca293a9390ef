import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_CONFIG } from '#rules';
import type { EpisodeService } from '#episodes';
import { schema } from '../index.ts';
import type { GraphQLContext, Viewer } from '../context.ts';

const contextFor = (viewer: Viewer | null): GraphQLContext => ({
  viewer,
  language: 'en',
  requestId: 'r-viewer',
  episodes: {} as unknown as EpisodeService,
  rulesConfig: DEFAULT_RULES_CONFIG,
  now: new Date('2026-03-03T02:00:00Z'),
  today: () => '2026-03-03',
});

const ask = (viewer: Viewer | null) =>
  graphql({ schema, source: '{ viewer { id displayName role teams } }', contextValue: contextFor(viewer) });

describe('viewer', () => {
  it('is the signed-in user from the token: id with its provider, role, teams', async () => {
    const result = await ask({ userId: 'cognito:nurse-7', role: 'nurse', teams: ['hem-a', 'hem-b'] });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      viewer: { id: 'cognito:nurse-7', displayName: 'nurse-7', role: 'NURSE', teams: ['hem-a', 'hem-b'] },
    });
  });

  it('is null without a signed-in user', async () => {
    const result = await ask(null);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: null });
  });
});
