import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where runs on this machine leave their state files. It survives a reboot on purpose
 * (`$XDG_STATE_HOME`, not `$XDG_RUNTIME_DIR`): a run whose machine died still has faults to revert.
 * `FAULTLINE_RUNS_DIR` overrides it (tests, containers with a shared volume).
 */
export function runsDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.FAULTLINE_RUNS_DIR) return env.FAULTLINE_RUNS_DIR;
  const stateHome = env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state');
  return join(stateHome, 'faultline', 'runs');
}
