import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from './process-identity.js';
import type { RunState } from './run-state.js';
import { stopFileOf } from './run-state-file.js';
import { runsDir } from './runs-dir.js';

export interface ListedRun extends RunState {
  /** The state file this came from. */
  state_path: string;
  /**
   * `running`: its process is alive. `stale`: its process is gone (SIGKILL, OOM, a dead node) and
   * the faults listed are still injected until `faultline stop` reverts them.
   */
  liveness: 'running' | 'stale';
  stop_requested: boolean;
}

export interface RunsDirOptions {
  /** Defaults to runsDir(env). */
  dir?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/** Every run on this machine that left a state file, oldest first. Unreadable files are skipped. */
export function listRuns(options: RunsDirOptions = {}): ListedRun[] {
  const dir = options.dir ?? runsDir(options.env);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const runs: ListedRun[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const path = join(dir, name);
    let state: RunState;
    try {
      state = JSON.parse(readFileSync(path, 'utf8')) as RunState;
    } catch {
      continue;
    }
    if (typeof state?.run_id !== 'string' || typeof state.pid !== 'number') continue;
    // A state file from another host (a shared volume) cannot be checked: count it as running.
    const alive = state.host !== hostname() || isProcessAlive(state.pid, state.pid_start);
    runs.push({
      ...state,
      faults: Array.isArray(state.faults) ? state.faults : [],
      samples: Array.isArray(state.samples) ? state.samples : undefined,
      state_path: path,
      liveness: alive ? 'running' : 'stale',
      stop_requested: existsSync(stopFileOf(dir, state.run_id)),
    });
  }
  return runs.sort((a, b) => a.started.localeCompare(b.started));
}
