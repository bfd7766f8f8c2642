import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { exitCodes, listRuns, parseVarFlag, runsDir } from '@faultline/core';
import type { LaunchResult } from '@faultline/server';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { cliPackageRoot } from '../package-root.js';

export interface LaunchOptions {
  dry: boolean;
  /** Who asked ("faultline serve (operator)"): the first line of the run's output file. */
  by: string;
  globals: GlobalFlags;
  io: CliIo;
  /** The server's --store, passed on; without it the run finds the same store the server did. */
  store?: string;
  /** `--var key[:type]=value` entries (checked by the server) and a `--var-file` (absolute path). */
  vars?: readonly string[];
  varFile?: string;
  /** How long to wait for the run to get past its checks before answering (default 30 s). */
  startTimeoutMs?: number;
}

/**
 * Starts `faultline run` on a library file, in its own process (it outlives the page and the
 * server, and `faultline stop` / the Live page stop it), with the server's settings, environment
 * and store. Never with --allow-production: a guard's refusal comes back with its reason. Resolves
 * once the run is past its checks (started), has ended, or was refused.
 */
export async function launchRun(path: string, file: string, options: LaunchOptions): Promise<LaunchResult> {
  const { io, globals, dry } = options;
  const folder = join(dirname(runsDir(io.env)), 'dashboard-runs');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const base = `${new Date().toISOString().replace(/[:.]/g, '-')}-${basename(file).replace(/\.(json|ya?ml)$/i, '')}`;
  const output = join(folder, `${base}.out`);
  // The --var values go to the run in a private file, not on its command line (which `ps` shows
  // to anyone on the host); it is removed once the run has read it.
  const vars = options.vars?.length ? join(folder, `${base}.vars.json`) : undefined;
  if (vars)
    writeFileSync(vars, JSON.stringify({ configuration: Object.fromEntries(options.vars!.map(parseVarFlag)) }), {
      mode: 0o600,
    });
  const forget = () => vars && rmSync(vars, { force: true });
  const args = [
    join(cliPackageRoot, 'bin', 'faultline.js'),
    ...(globals.settings ? ['--settings', resolve(io.cwd, globals.settings)] : []),
    '--log-file',
    join(folder, `${base}.log`),
    'run',
    file,
    '--journal-path',
    join(folder, `${base}.journal.json`),
    ...(dry ? ['--dry', 'activities'] : []),
    // Var files in order, then --var on top: the later file overrides, as the flags would.
    ...(options.varFile ? ['--var-file', options.varFile] : []),
    ...(vars ? ['--var-file', vars] : []),
    ...(options.store ? ['--store', options.store] : []),
  ];
  const fd = openSync(output, 'a', 0o600);
  writeSync(
    fd,
    `faultline run${dry ? ' --dry activities' : ''} ${file}, asked by ${options.by} at ${new Date().toISOString()}\n`,
  );
  const child = spawn(process.execPath, args, {
    cwd: io.cwd,
    env: { ...io.env, NO_COLOR: '1' },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  child.unref();
  let exit: number | null | undefined;
  child.on('exit', (code) => {
    exit = code;
    forget();
  });
  child.on('error', () => {
    exit = null;
    forget();
  });
  const at = new Date().toISOString();
  const result = (outcome: LaunchResult['outcome'], message: string, more: Partial<LaunchResult> = {}) => ({
    path,
    dry,
    at,
    outcome,
    message,
    ...more,
  });
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (exit !== undefined) {
      const text = tail(output);
      if (exit !== exitCodes.invalid) return result('ended', text, { exitCode: exit });
      const production = /--allow-production/.test(text)
        ? '\nThe dashboard never runs with --allow-production: run it from a terminal if you mean it.'
        : '';
      return result('refused', text + production, { exitCode: exit });
    }
    // Past its checks (settings, guards, validation): the run is under way. A dry run is awaited:
    // it skips pauses and ends in moments.
    const run = dry ? undefined : listRuns({ env: io.env }).find((r) => r.pid === child.pid && r.phase !== 'starting');
    if (run) {
      forget(); // past its checks: the configuration is loaded
      return result('started', '', { runId: run.run_id });
    }
    if (Date.now() > deadline) return result('started', 'still starting: see the Live page');
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The end of the run's output: what a person needs to see why it ended. */
function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-20).join('\n').slice(-4000);
  } catch {
    return '';
  }
}
