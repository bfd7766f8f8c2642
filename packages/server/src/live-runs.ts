/**
 * The seam between the dashboard and the stop mechanism: what the live page needs to know about
 * runs in progress and how it stops them. `faultline serve` plugs in the run-state files of this
 * machine (the same ones `faultline status` / `faultline stop` use); tests plug in their own.
 */
export interface LiveRunSource {
  /** Whose runs these are, said on the page ("this machine and the hosts publishing to …"). */
  scope?: string;
  /** Runs in progress now, oldest first. */
  list(): Promise<LiveRun[]>;
  /** Stops one run (id or unique id prefix) or every run; resolves once each has ended or timed out. */
  stop(target: string | 'all', by: string): Promise<LiveStopResult[]>;
}

export interface LiveRun {
  id: string;
  title: string;
  /** starting, hypothesis-before, method, hypothesis-after, reverting, rollbacks, finishing. */
  phase: string;
  startedAt: string;
  /**
   * `stale`: its process is gone with faults still injected (stop reverts them). `lost`: a run on
   * another host whose heartbeat stopped (killed, or its host gone): `faultline stop` on that host
   * reverts it.
   */
  liveness: 'running' | 'stale' | 'lost';
  /** Set for a run on another host (from the shared store). */
  host?: string;
  /** When a run on another host last wrote its state. */
  heartbeatAt?: string;
  stopRequested: boolean;
  /** Faults injected now, oldest first: the activity that injected it and what undoes it. */
  faults: Array<{ name: string; since: string; undo?: string }>;
  /** The latest hypothesis samples, oldest first. */
  samples: LiveSample[];
}

/** One hypothesis probe's result: its tolerance held or not, its numeric output, how long it took. */
export interface LiveSample {
  at: string;
  ok: boolean;
  /** The probe's name (samples of several probes are charted as one line each). */
  probe?: string;
  /** before, during or after the method. */
  phase?: string;
  value?: number;
  ms?: number;
}

export interface LiveStopResult {
  id: string;
  title: string;
  /** stopped, reverted, stale, lost (another host's run that stopped answering) or timed-out. */
  outcome: string;
  /** The run's final status as its journal says (interrupted after a stop). */
  status?: string;
  /** Faults reverted, and those whose revert failed (a person must undo them). */
  reverted: string[];
  failed: string[];
}

/** No stop mechanism wired in: the live page says so instead of showing an empty list as the truth. */
export const noLiveRuns: LiveRunSource & { unavailable: true } = {
  unavailable: true,
  list: async () => [],
  stop: async () => [],
};
