import type { RuntimeAssault } from '../assaults/all-assaults.js';
import type { AssaultContext, RuntimeAssaultConfig } from '../assaults/assault.js';
import type { RuntimeAssaultRun } from '../assaults/runtime-assault-run.js';
import type { MonkeyStats } from './monkey-types.js';

export interface RuntimeRunner {
  /** Starts the assault unless a run of it is still going; returns whether it started. */
  run(assault: RuntimeAssault, config: RuntimeAssaultConfig): boolean;
  /** Ends every run now (close()). */
  stopAll(): void;
}

/** Runs runtime assaults, at most one run of each at a time, and counts them. */
export function createRuntimeRunner(context: AssaultContext, stats: MonkeyStats): RuntimeRunner {
  const running = new Map<string, RuntimeAssaultRun>();
  return {
    run(assault, config) {
      if (running.has(assault.name)) return false;
      const run = assault.start!(config, context);
      if (run === undefined) return false;
      running.set(assault.name, run);
      void run.done.then(() => {
        if (running.get(assault.name) === run) running.delete(assault.name);
      });
      stats.assaulted[assault.name]++;
      return true;
    },
    stopAll() {
      for (const run of running.values()) run.stop();
    },
  };
}
