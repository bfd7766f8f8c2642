import type { Chunk, ChunkOutput } from './chunk.js';

/** Shared byte count of everything queued in one link, for backpressure on its source. */
export interface ByteMeter {
  queued: number;
  changed(): void;
}

/**
 * Unbounded FIFO between two stages (the Go channel of Toxiproxy's design). Pushing is
 * synchronous, so rewiring stages happens atomically between events; the link keeps it bounded
 * by pausing its source when the meter grows too large.
 */
export class ChunkQueue implements ChunkOutput {
  private items: Array<Chunk | null> = [];
  private head = 0;
  private waiter: (() => void) | undefined;

  constructor(private readonly meter: ByteMeter) {}

  get length(): number {
    return this.items.length - this.head;
  }

  push(chunk: Chunk | null): void {
    this.items.push(chunk);
    if (chunk) this.meter.queued += chunk.data.length;
    this.wake();
  }

  /** Next item: a chunk, `null` for end of stream, `undefined` when empty. */
  shift(): Chunk | null | undefined {
    if (this.head >= this.items.length) return undefined;
    const chunk = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    if (chunk) {
      this.meter.queued -= chunk.data.length;
      this.meter.changed();
    }
    return chunk;
  }

  /** Resolves on the next push or wake(). */
  wait(): Promise<void> {
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  wake(): void {
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter();
    }
  }

  /** Moves everything still queued into `output`, in order. */
  drainInto(output: ChunkOutput): void {
    for (let item = this.shift(); item !== undefined; item = this.shift()) output.push(item);
  }
}
