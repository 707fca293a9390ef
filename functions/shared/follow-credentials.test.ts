import { describe, expect, it } from 'vitest';
import { followCredentials } from './follow-credentials.ts';

describe('followCredentials', () => {
  const setup = () => {
    const stored = { secret: 'placeholder-secret', token: 'xoxb-placeholder' };
    let reads = 0;
    const builds: string[] = [];
    const get = followCredentials(
      () => {
        reads += 1;
        return Promise.resolve([stored.secret, stored.token] as const);
      },
      ([secret, token]) => {
        builds.push(`${secret}/${token}`);
        return `app for ${secret}/${token}`;
      },
    );
    return { stored, get, builds, reads: () => reads };
  };

  it('reads at once (the init phase) and builds once while the credentials stay the same', async () => {
    const { get, builds, reads } = setup();
    expect(reads()).toBe(1);
    expect(await get()).toBe('app for placeholder-secret/xoxb-placeholder');
    expect(await get()).toBe('app for placeholder-secret/xoxb-placeholder');
    expect(builds).toEqual(['placeholder-secret/xoxb-placeholder']);
    expect(reads()).toBe(2);
  });

  it('rebuilds when a credential stored after start differs (first install, rotation), with no redeploy', async () => {
    const { stored, get, builds } = setup();
    await get();
    stored.secret = 'installed-secret';
    expect(await get()).toBe('app for installed-secret/xoxb-placeholder');
    stored.token = 'xoxb-installed';
    expect(await get()).toBe('app for installed-secret/xoxb-installed');
    expect(await get()).toBe('app for installed-secret/xoxb-installed');
    expect(builds).toHaveLength(3);
  });

  it('a failed read is retried by the next call', async () => {
    let calls = 0;
    const get = followCredentials(
      () =>
        ++calls === 1
          ? Promise.reject(new Error('secret unavailable'))
          : Promise.resolve(['s', 't'] as const),
      ([s, t]) => `${s}${t}`,
    );
    await expect(get()).rejects.toThrow('secret unavailable');
    expect(await get()).toBe('st');
  });
});
