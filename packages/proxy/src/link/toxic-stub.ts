import type { Chunk, ChunkOutput } from './chunk.js';
import type { ChunkQueue } from './chunk-queue.js';
import { maxTimerMs } from '@faultline/core/util';

/** Returned by `read()` when the toxic must stop (it is being updated or removed). */
export const INTERRUPTED: unique symbol = Symbol('interrupted');

/** What a stub may ask of the connection it belongs to. */
export interface StubHost {
  /** The stream ends because a toxic decided so: the whole connection closes once flushed. */
  closeByToxic(): void;
  /** Abort the connection with a TCP RST on both sides. */
  reset(): void;
}

/**
 * Per-connection, per-direction seat of one toxic: its input queue, its (rewirable) output, its
 * state and its interrupt. A toxic's `pipe` reads chunks from here and writes them on.
 */
export class ToxicStub {
  output: ChunkOutput;
  /** Per-connection state of stateful toxics (limit_data's byte count); survives updates. */
  state: unknown;
  private interruptedFlag = false;
  private sawEnd = false;
  private closed = false;
  private sleepTimer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private sleepDone: ((completed: boolean) => void) | undefined;

  constructor(
    readonly input: ChunkQueue,
    output: ChunkOutput,
    private readonly host: StubHost,
  ) {
    this.output = output;
  }

  get interrupted(): boolean {
    return this.interruptedFlag;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Next chunk, `null` at end of stream, or INTERRUPTED (also once this stub is closed). Answers
   * synchronously when something is queued (toxics `await` it either way): the toxic chain's hot path.
   */
  read(): Chunk | null | typeof INTERRUPTED | Promise<Chunk | null | typeof INTERRUPTED> {
    if (this.interruptedFlag || this.closed) return INTERRUPTED;
    const item = this.input.shift();
    if (item === null) {
      this.sawEnd = true;
      return null;
    }
    return item ?? this.readLater();
  }

  private async readLater(): Promise<Chunk | null | typeof INTERRUPTED> {
    for (;;) {
      await this.input.wait();
      if (this.interruptedFlag || this.closed) return INTERRUPTED;
      const item = this.input.shift();
      if (item === null) {
        this.sawEnd = true;
        return null;
      }
      if (item !== undefined) return item;
    }
  }

  /** Like read(), but only what is already queued (undefined when empty). */
  readNow(): Chunk | null | undefined {
    const item = this.input.shift();
    if (item === null) this.sawEnd = true;
    return item;
  }

  write(chunk: Chunk): void {
    if (!this.closed) this.output.push(chunk);
  }

  /**
   * Ends the stream past this stage. After the input ended it is a normal end (half-close);
   * before, the toxic cut the stream itself and the connection is closed, as Toxiproxy does.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.sawEnd) this.host.closeByToxic();
    this.output.push(null);
    this.input.wake();
  }

  reset(): void {
    this.closed = true;
    this.host.reset();
  }

  /**
   * Waits `ms` (sub-millisecond accurate: a timer to just short of the deadline, then
   * setImmediate turns). Resolves false if interrupted first.
   */
  sleep(ms: number): boolean | Promise<boolean> {
    return this.sleepUntil(performance.now() + ms);
  }

  /** As sleep(), until a performance.now() time; answers synchronously when it has passed. */
  sleepUntil(deadline: number): boolean | Promise<boolean> {
    if (this.interruptedFlag) return false;
    if (deadline - performance.now() <= 0) return true;
    return new Promise((resolve) => {
      this.sleepDone = resolve;
      const tick = (): void => {
        const left = deadline - performance.now();
        if (left <= 0) {
          this.sleepTimer = undefined;
          this.sleepDone = undefined;
          resolve(true);
        } else if (left > 2) {
          // Capped at Node's timer limit, so a wait of years is one timer re-armed monthly, not a 1 ms poll.
          this.sleepTimer = setTimeout(tick, Math.min(Math.floor(left - 1.5), maxTimerMs));
        } else {
          this.sleepTimer = setImmediate(tick);
        }
      };
      tick();
    });
  }

  /** Stops the running toxic: pending read() and sleep() return at once. */
  interrupt(): void {
    this.interruptedFlag = true;
    this.cancelSleep();
    this.input.wake();
  }

  /** Ready to run a (new) toxic after an interrupt. */
  resume(): void {
    this.interruptedFlag = false;
  }

  /** The connection is gone: release timers. */
  dispose(): void {
    this.closed = true;
    this.interrupt();
  }

  private cancelSleep(): void {
    if (this.sleepTimer) {
      clearTimeout(this.sleepTimer as NodeJS.Timeout);
      clearImmediate(this.sleepTimer as NodeJS.Immediate);
      this.sleepTimer = undefined;
    }
    const done = this.sleepDone;
    this.sleepDone = undefined;
    done?.(false);
  }
}
