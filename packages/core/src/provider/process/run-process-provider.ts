import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { constants } from 'node:os';
import { maxWaitSeconds, parseDurationMs } from '../../duration/parse-duration.js';
import { setLongTimeout, type LongTimeout } from '../../util/set-long-timeout.js';
import { ActivityFailedError } from '../../errors/faultline-error.js';
import type { ProcessProvider } from '../../model/experiment.js';
import { isPlainObject } from '../../substitution/is-plain-object.js';
import { abortError } from '../http/abort-error.js';
import { findExecutable } from './find-executable.js';

export interface ProcessOutput {
  /** Exit code; a process killed by a signal reports minus the signal number, as Python does. */
  status: number;
  stdout: string;
  stderr: string;
}

export interface ProcessProviderOptions {
  signal: AbortSignal;
  /** Where the process runs and relative paths resolve: the experiment's directory. */
  cwd: string;
  /** Environment of the process (default: this process's). */
  env?: Record<string, string | undefined>;
  /** Time between SIGTERM and SIGKILL when a timeout or interruption stops the process. */
  killGraceMs?: number;
}

/**
 * Runs a Chaos Toolkit `process` provider (already substituted). A string of arguments runs through
 * `/bin/sh -c` (like `shell=True`); a list is passed as argv with null/empty entries dropped.
 * A non-zero exit is an output, not an error. A timeout or an aborted signal kills the process and
 * its whole process group (SIGTERM, then SIGKILL) and throws.
 */
export async function runProcessProvider(
  provider: ProcessProvider,
  options: ProcessProviderOptions,
): Promise<ProcessOutput> {
  const env = options.env ?? process.env;
  const executable = findExecutable(provider.path, { cwd: options.cwd, env });
  if (!executable) {
    throw new ActivityFailedError(
      `process "${provider.path}" was not found${provider.path.includes('/') ? '' : ' on PATH'} or is not executable`,
      {
        code: 'E_PROCESS_NOT_FOUND',
        hint: provider.path.includes('/')
          ? `check the path (relative paths resolve from ${options.cwd})`
          : 'install it, give its full path, or fix PATH',
      },
    );
  }
  const label = `process ${provider.path}`;
  if (options.signal.aborted) throw abortError(options.signal, label);

  const { command, args } = commandLine(executable, provider.arguments);
  const timeoutMs =
    provider.timeout === undefined || provider.timeout === null
      ? undefined
      : parseDurationMs(provider.timeout, 'process timeout', { max: maxWaitSeconds });
  const graceMs = options.killGraceMs ?? 2000;

  return new Promise<ProcessOutput>((resolvePromise, reject) => {
    let child: ChildProcessByStdio<null, Readable, Readable>;
    try {
      child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (error) {
      reject(
        new ActivityFailedError(`${label} could not start: ${(error as Error).message}`, {
          code: 'E_PROCESS_SPAWN',
          cause: error,
        }),
      );
      return;
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    let stopping: Error | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    let drainTimer: NodeJS.Timeout | undefined;
    let done = false;

    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, sig);
      } catch {
        try {
          child.kill(sig);
        } catch {
          // already gone
        }
      }
    };
    const stop = (reason: Error) => {
      if (stopping || done) return;
      stopping = reason;
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), graceMs);
    };
    const timer: LongTimeout | undefined =
      timeoutMs === undefined
        ? undefined
        : setLongTimeout(() => {
            stop(
              new ActivityFailedError(`${label} took longer than ${timeoutMs / 1000}s and was killed`, {
                code: 'E_PROCESS_TIMEOUT',
                hint: 'raise the provider timeout (seconds, or a string like "2m")',
              }),
            );
          }, timeoutMs);
    const onAbort = () => stop(abortError(options.signal, label));
    options.signal.addEventListener('abort', onAbort, { once: true });

    /** Marks the process settled (once) and releases its timers and listener; false if it already was. */
    const settle = (): boolean => {
      if (done) return false;
      done = true;
      timer?.clear();
      clearTimeout(killTimer);
      clearTimeout(drainTimer);
      options.signal.removeEventListener('abort', onAbort);
      return true;
    };
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (!settle()) return;
      if (stopping) {
        killGroup('SIGKILL'); // leave nothing of the group behind
        reject(stopping);
        return;
      }
      const status = code ?? -(signal ? (constants.signals[signal] ?? 1) : 1);
      resolvePromise({ status, stdout: decode(stdout), stderr: decode(stderr) });
    };

    child.on('error', (error) => {
      if (!settle()) return;
      reject(
        new ActivityFailedError(`${label} could not start: ${error.message}`, {
          code: 'E_PROCESS_SPAWN',
          cause: error,
        }),
      );
    });
    child.on('close', finish);
    // A background grandchild may keep the pipes open forever; once our child exited, stop waiting soon.
    child.on('exit', (code, signal) => {
      if (done) return;
      drainTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, signal);
      }, 1000);
    });
  });
}

function commandLine(
  executable: string,
  args: ProcessProvider['arguments'] | Record<string, unknown>,
): { command: string; args: string[] } {
  if (typeof args === 'string') return { command: '/bin/sh', args: ['-c', `${shellQuote(executable)} ${args}`] };
  let list: unknown[] = [];
  if (Array.isArray(args)) list = args;
  else if (isPlainObject(args)) list = Object.entries(args).flat(); // Chaos Toolkit chains a mapping's items
  const argv = list
    .filter((item) => item !== null && item !== undefined && item !== '')
    .map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item)));
  return { command: executable, args: argv };
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function decode(chunks: Buffer[]): string {
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}
