/** A running memory or CPU assault. */
export interface RuntimeAssaultRun {
  /** End it now and release what it holds. */
  stop(): void;
  /** Settles when it ended, by itself or by stop(). */
  readonly done: Promise<void>;
  /** Bytes held (memory) or workers running (CPU), for status and tests. */
  held(): number;
}
