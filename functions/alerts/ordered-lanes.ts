/**
 * Turns per lane, in the order they were taken: a turn's `wait()` settles once every earlier turn
 * of its lane is `done()`. The sweeper takes one turn per alert, in queue order, in the lane of
 * the alert's team (a team posts to one channel), and waits for it only around its Slack call: the
 * store's reads and writes of many alerts overlap, while each channel gets its messages one at a
 * time and in the order they were raised (Slack asks for about one message per second per channel
 * and answers more with 429 Retry-After, which the lane then waits out alone).
 *
 * Taking turns in order never deadlocks a bounded pool: the earliest unfinished turn of a lane
 * belongs to an item already started, and it waits for nothing.
 */
export type Turn = {
  /** Settles when every earlier turn of the lane is done. */
  wait(): Promise<void>;
  /** Lets the next turn of the lane go; calling it again changes nothing. */
  done(): void;
};

export class OrderedLanes {
  readonly #tails = new Map<string, Promise<void>>();

  take(lane: string): Turn {
    const previous = this.#tails.get(lane) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => finished);
    this.#tails.set(lane, tail);
    void tail.then(() => {
      if (this.#tails.get(lane) === tail) this.#tails.delete(lane);
    });
    return {
      wait: () => previous,
      done: () => {
        release();
      },
    };
  }

  /** Lanes with a turn not yet done. */
  get busy(): number {
    return this.#tails.size;
  }
}

/** A turn that never waits (deliveries outside a sweep). */
export const FREE_TURN: Turn = { wait: () => Promise.resolve(), done: () => undefined };

/** Runs `call` in the turn: after every earlier turn of its lane, and lets the next one go after it. */
export const inTurn = async <T>(turn: Turn, call: () => Promise<T>): Promise<T> => {
  await turn.wait();
  try {
    return await call();
  } finally {
    turn.done();
  }
};
