import { describe, expect, it } from 'vitest';
import { cartCommand } from '../commands/cart.ts';
import { commandArgs, fakeDeps } from '../testing/fake-args.ts';
import { blockKitProblems } from '../views/block-kit-check.ts';

const run = async (text: string, user = 'U0NURSE', times?: readonly string[]) => {
  const { deps, episodes, store } = fakeDeps(times ? { handoffTimes: times } : undefined);
  const args = commandArgs(text, { user });
  let thrown: unknown;
  try {
    await cartCommand({ ...deps, adminUserIds: new Set(['U0ADMIN']) })(args as never);
  } catch (error) {
    thrown = error;
  }
  const reply = args.ack.mock.calls[0]?.[0] as
    { response_type?: string; text: string; blocks: unknown[] } | undefined;
  return { reply, episodes, store, thrown };
};

describe('/cart handoff and /cart setup handoff (HANDOFF-1)', () => {
  it('HANDOFF-1: /cart handoff posts the team’s handoff in the channel, read once for the channel’s team', async () => {
    const { reply, episodes } = await run('handoff');
    expect(episodes.handoff).toHaveBeenCalledTimes(1);
    expect(episodes.handoff.mock.calls[0]?.[1]).toMatchObject({ team: 'hem-a' });
    expect(reply?.response_type).toBe('in_channel');
    expect(reply?.text).toContain('Shift handoff · team hem-a');
    expect(blockKitProblems(reply as never)).toEqual([]);
  });

  it('HANDOFF-1: 交班 is the Chinese name of the subcommand', async () => {
    const { episodes } = await run('交班');
    expect(episodes.handoff).toHaveBeenCalledTimes(1);
  });

  it('HANDOFF-1: /cart setup handoff 20:00 08:00 stores the times sorted (administrators)', async () => {
    const { reply, store } = await run('setup handoff 20:00 08:00', 'U0ADMIN');
    expect(store.teams.get('hem-a')?.handoffTimes).toEqual(['08:00', '20:00']);
    expect(reply?.text).toContain('08:00, 20:00');
  });

  it('HANDOFF-1: /cart setup handoff off stops the digest; a bad time is refused naming what is allowed', async () => {
    const off = await run('setup handoff off', 'U0ADMIN', ['08:00']);
    expect(off.store.teams.get('hem-a')?.handoffTimes).toEqual([]);
    expect(off.reply?.text).toContain('no scheduled shift handoff');
    const bad = await run('setup handoff 8am', 'U0ADMIN');
    expect(String(bad.thrown)).toContain('HH:MM');
    expect(bad.store.teams.get('hem-a')?.handoffTimes).toBeUndefined();
  });

  it('HANDOFF-1: a member who is not an administrator cannot set handoff times', async () => {
    const { thrown, store } = await run('setup handoff 08:00');
    expect(store.teams.get('hem-a')?.handoffTimes).toBeUndefined();
    expect(String(thrown)).toMatch(/administrators/);
  });
});
