import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const markerKey = 'FAULTLINE_TEST_SESSION';

/**
 * Builds the workspace before any test, so the tests that spawn the built CLI (dist/ or the bundle)
 * run the current source even after an edit without `npm run build` (tsc -b is incremental: a no-op
 * build takes a few seconds). Marks every process the suite starts through the environment, so the
 * teardown can tell which ones a test left running.
 */
export function setup(): void {
  if (process.env.FAULTLINE_TEST_SKIP_BUILD !== '1') {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  }
  process.env[markerKey] = randomUUID();
  // What runs leave behind by default (the runs store, run state files) goes to a throwaway folder,
  // never the user's ~/.local: the suite neither sees the user's runs nor meets a store a newer version migrated.
  scratch = mkdtempSync(join(tmpdir(), 'faultline-test-home-'));
  process.env.XDG_DATA_HOME = join(scratch, 'data');
  process.env.XDG_STATE_HOME = join(scratch, 'state');
}

let scratch: string | undefined;

/** Fails the run when a process started by a test (a server, a CLI, a database) is still alive. */
export async function teardown(): Promise<void> {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  const marker = `${markerKey}=${process.env[markerKey]}`;
  // vitest may still be closing its own workers; a process that is exiting gets a few seconds.
  const find = () => processesCarrying(marker).filter((pid) => pid !== process.pid && !isVitestWorker(pid));
  let leftovers = find();
  for (let waited = 0; leftovers.length > 0 && waited < 10_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    leftovers = find();
  }
  if (leftovers.length === 0) return;
  const described = leftovers.map((pid) => `  ${pid} ${commandLineOf(pid)}`).join('\n');
  for (const pid of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  // vitest reports a teardown error but keeps its exit code: set the failure ourselves.
  process.exitCode = 1;
  throw new Error(`the tests left ${leftovers.length} process(es) running (now killed):\n${described}`);
}

function processesCarrying(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0');
      if (environ.includes(marker)) found.push(Number(entry));
    } catch {
      // exited, or not ours to read
    }
  }
  return found;
}

/** vitest's own pool workers carry the marker too; vitest closes them itself. */
function isVitestWorker(pid: number): boolean {
  return /node_modules\/vitest\//.test(commandLineOf(pid));
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim();
  } catch {
    return '?';
  }
}
