import type { RunState } from '@faultline/core';
import type { LiveStopRequest } from './live-runs.js';
import { openStore } from './open-store.js';
import type { Store } from './store.js';

export interface LiveRunPublisherOptions {
  /** Heartbeat and stop-request poll period (default 500 ms). */
  everyMs?: number;
  /** Called once when a stop request for the run appears in the store. */
  onStop: (request: LiveStopRequest, runId: string) => void;
  /** Told once that the store cannot be reached; the run goes on regardless. */
  warn: (message: string) => void;
}

/** After a failure, the store is left alone this long (no retry storm against a dead server). */
const backOffMs = 5_000;
/** A SQLite write waits at most this for another process's lock: a heartbeat can be skipped, the run must not wait. */
const busyTimeoutMs = 25;
/** The end of the run waits this long at most for the store. */
const endTimeoutMs = 3_000;

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown })?.code));

const keyOf = (state: RunState) => `${state.phase} ${state.faults.map((f) => f.id).join(',')}`;

/**
 * Mirrors a run's state into a shared store while it runs, so dashboards on other hosts list it,
 * and polls for a stop request with the same write. A heartbeat goes every `everyMs`; a change of
 * phase or faults goes at once. One write at a time, never awaited by the run: an unreachable or
 * slow store costs the run nothing but one warning.
 */
export class LiveRunPublisher {
  private state: RunState | undefined;
  private sentKey = '';
  private store: Store | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private pausedUntil = 0;
  private warned = false;
  private stopSeen = false;
  /** A row exists for the run: the end marks it. */
  private published = false;
  private ended = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly options: LiveRunPublisherOptions,
  ) {
    this.timer = setInterval(() => this.flush(), options.everyMs ?? 500);
    this.timer.unref();
  }

  /** The run's state was written (RunOptions.onStateChange): kept, and sent now if its phase or faults changed. */
  update(state: Readonly<RunState>): void {
    this.state = state as RunState;
    if (keyOf(state as RunState) !== this.sentKey) this.flush();
  }

  /** The run ended: its row is marked ended (with the faults it could not revert) and the store closed. Once. */
  async end(end: { status?: string; faultsLeft?: RunState['faults'] }): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.timer);
    const runId = this.state?.run_id;
    await this.bounded(async () => {
      await this.inFlight;
      if (this.store && this.published && runId) await this.store.endLiveRun(runId, end);
    });
    const store = this.store;
    this.store = undefined;
    if (store) await this.bounded(() => store.close());
  }

  private flush(): void {
    if (this.ended || !this.state || Date.now() < this.pausedUntil) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.send().finally(() => {
      this.inFlight = undefined;
      if (this.again) {
        this.again = false;
        this.flush();
      }
    });
  }

  private async send(): Promise<void> {
    const state = this.state!;
    const key = keyOf(state);
    try {
      this.store ??= await openStore(this.url, { busyTimeoutMs });
      if (this.ended) return; // the run ended while the store was opening: nothing to publish
      const request = await this.store.publishLiveRun(state);
      this.published = true;
      this.sentKey = key;
      if (request && !this.stopSeen) {
        this.stopSeen = true;
        this.options.onStop(request, state.run_id);
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    // Another process holds SQLite's write lock: skip this heartbeat, the next one will do.
    if (isBusy(error) || isBusy((error as { cause?: unknown }).cause)) return;
    this.pausedUntil = Date.now() + backOffMs;
    if (this.warned) return;
    this.warned = true;
    this.options.warn(
      `store: live state not published (${(error as Error).message}); the run goes on, other hosts do not see it`,
    );
  }

  private async bounded(fn: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${endTimeoutMs / 1000} s`)), endTimeoutMs);
    });
    try {
      await Promise.race([fn(), timeout]);
    } catch (error) {
      this.fail(error);
    } finally {
      clearTimeout(timer);
    }
  }
}
