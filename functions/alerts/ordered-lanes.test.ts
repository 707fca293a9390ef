import { describe, expect, it } from 'vitest';
import { inTurn, OrderedLanes } from './ordered-lanes.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('OrderedLanes', () => {
  it('a turn goes once every earlier turn of its lane is done, whatever order they finish in', async () => {
    const lanes = new OrderedLanes();
    const order: string[] = [];
    const first = lanes.take('C1');
    const second = lanes.take('C1');
    const third = lanes.take('C1');
    const running = [
      inTurn(third, () => Promise.resolve(order.push('third'))),
      inTurn(second, () => Promise.resolve(order.push('second'))),
    ];
    await tick();
    expect(order).toEqual([]);
    await inTurn(first, () => Promise.resolve(order.push('first')));
    await Promise.all(running);
    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('lanes do not wait for each other', async () => {
    const lanes = new OrderedLanes();
    lanes.take('C1'); // never done
    const other = lanes.take('C2');
    await expect(inTurn(other, () => Promise.resolve('posted'))).resolves.toBe('posted');
  });

  it('a failed call still lets the next turn go, and done() twice changes nothing', async () => {
    const lanes = new OrderedLanes();
    const first = lanes.take('C1');
    const second = lanes.take('C1');
    const third = lanes.take('C1');
    await expect(inTurn(first, () => Promise.reject(new Error('429')))).rejects.toThrow('429');
    first.done();
    await second.wait();
    let thirdWent = false;
    void third.wait().then(() => (thirdWent = true));
    await tick();
    expect(thirdWent).toBe(false);
    second.done();
    await tick();
    expect(thirdWent).toBe(true);
  });

  it('forgets a lane once all its turns are done', async () => {
    const lanes = new OrderedLanes();
    const turns = [lanes.take('C1'), lanes.take('C1'), lanes.take('C2')];
    expect(lanes.busy).toBe(2);
    for (const turn of turns) turn.done();
    await tick();
    expect(lanes.busy).toBe(0);
  });
});
