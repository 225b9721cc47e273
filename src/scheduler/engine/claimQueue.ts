import { Fifo } from './fifo.js';

interface Lane<T> {
  key: string;
  waiting: Fifo<T>;
  running: number;
  /** In the ready ring (has waiting items and room to run one more). */
  ready: boolean;
}

/**
 * Claims waiting for a job slot, one lane per workspace, taken from the lanes in turn: a
 * workspace with a thousand due plans gets one start per round like a workspace with one, so its
 * backlog (paced by Slack per workspace) never delays the others. A lane runs at most `perLane`
 * jobs at once.
 */
export class ClaimQueue<T> {
  private readonly lanes = new Map<string, Lane<T>>();
  private readonly ring = new Fifo<Lane<T>>();

  constructor(
    private readonly perLane: number,
    private readonly laneOf: (item: T) => string,
  ) {}

  push(item: T): void {
    const key = this.laneOf(item);
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { key, waiting: new Fifo(), running: 0, ready: false };
      this.lanes.set(key, lane);
    }
    lane.waiting.push(item);
    this.markReady(lane);
  }

  /** The next item, from the next lane in turn with room; it counts as running until `done`. */
  take(): T | undefined {
    for (;;) {
      const lane = this.ring.shift();
      if (!lane) return undefined;
      lane.ready = false;
      const item = lane.waiting.shift();
      if (item === undefined) continue;
      lane.running++;
      this.markReady(lane);
      return item;
    }
  }

  /** A taken item's job ended: its lane has room again. */
  done(item: T): void {
    const lane = this.lanes.get(this.laneOf(item));
    if (!lane) return;
    lane.running--;
    if (lane.running === 0 && lane.waiting.size === 0) this.lanes.delete(lane.key);
    else this.markReady(lane);
  }

  /** Removes every waiting item (running ones stay counted until `done`). */
  drain(): T[] {
    const all: T[] = [];
    for (const lane of this.lanes.values()) {
      all.push(...lane.waiting.drain());
      lane.ready = false;
      if (lane.running === 0) this.lanes.delete(lane.key);
    }
    this.ring.drain();
    return all;
  }

  private markReady(lane: Lane<T>): void {
    if (lane.ready || lane.waiting.size === 0 || lane.running >= this.perLane) return;
    lane.ready = true;
    this.ring.push(lane);
  }
}
