import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, type CliResult } from '../../packages/cli/src/__tests__/cli-harness.js';
import { normalizeOutput } from './normalize-output.js';

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

/**
 * Runs a documented terminal session (`$ command` lines, each followed by its output) command by
 * command in `cwd` and returns what each printed (stdout and stderr, in order) beside what the doc
 * shows, both normalized (ids, times, durations, directories), with the exit codes.
 */
export async function replayTranscript(
  block: string,
  options: ShellOptions,
): Promise<Array<{ command: string; code: number | null; documented: string[]; actual: string[] }>> {
  const steps: Array<{ command: string; documented: string[] }> = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), documented: [] });
    else steps.at(-1)?.documented.push(line);
  }
  const results = [];
  for (const step of steps) {
    const result = await runShell(`${step.command} 2>&1`, { ...options, flags: [] });
    results.push({
      command: step.command,
      code: result.code,
      documented: normalizeOutput(step.documented.join('\n')),
      actual: normalizeOutput(result.stdout),
    });
  }
  return results;
}
