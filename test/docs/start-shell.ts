import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, type CliResult } from '../../packages/cli/src/__tests__/cli-harness.js';

/** `faultline` and `chaos` on PATH, as an installed CLI: the built one, run by this Node. */
const binDir = mkdtempSync(join(tmpdir(), 'faultline-docs-bin-'));
for (const name of ['faultline', 'chaos']) {
  writeFileSync(join(binDir, name), `#!/bin/sh\nexec '${process.execPath}' '${cliPath}' "$@"\n`);
  chmodSync(join(binDir, name), 0o755);
}

export interface ShellOptions {
  cwd: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** bash flags; default -euo pipefail (every command must succeed) */
  flags?: string[];
}

export interface RunningShell {
  pid: number;
  output(): string;
  done: Promise<CliResult>;
}

/**
 * Starts a documented shell block as written, in `cwd`, with runs recorded inside it (a runs
 * directory and store of its own, never the user's). `exec faultline …` makes the CLI the process.
 */
export function startShell(code: string, options: ShellOptions): RunningShell {
  const child = spawn('bash', [...(options.flags ?? ['-euo', 'pipefail']), '-c', code], {
    cwd: options.cwd,
    env: {
      ...process.env,
      PATH: `${binDir}:${process.env.PATH}`,
      NO_COLOR: '1',
      XDG_DATA_HOME: join(options.cwd, '.data'),
      FAULTLINE_STORE: '',
      FAULTLINE_RUNS_DIR: join(options.cwd, '.runs'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { pid: child.pid!, output: () => stdout, done };
}

export const runShell = (code: string, options: ShellOptions): Promise<CliResult> => startShell(code, options).done;
